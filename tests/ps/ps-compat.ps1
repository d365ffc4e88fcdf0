# ps-compat.ps1 -- the generated .ps1 scripts parse, and use nothing that
# Windows PowerShell 3.0 (the oldest the scripts claim) or PowerShell 7 on
# .NET lacks. Run by pwsh 7:
#
#   pwsh -NoProfile -NonInteractive -File ps-compat.ps1 FILE...
#
# Prints "FILE:LINE:COLUMN: RULE: TEXT" for each finding and exits 1 when
# there is one (2 when a file cannot be read). The AST is PowerShell's own
# parser's ([System.Management.Automation.Language.Parser]::ParseFile).
# Sources, Microsoft Learn: "What's New in PowerShell 7.0", "... 7.1",
# "... 7.2", "... 7.3" (ternary, ??, ??=, ?., ?[], && and ||, clean {},
# ForEach-Object -Parallel); "What's New in Windows PowerShell 5.0"
# (class, enum, using, ::new(), New-TemporaryFile, Get-Clipboard,
# Out-File/Set-Content/Add-Content -NoNewline, Get-ChildItem -Depth);
# "What's New in Windows PowerShell 4.0" (Get-FileHash); "What's new in
# PowerShell Core 6.0" (ConvertFrom-Json -AsHashtable, Get-Content
# -AsByteStream, Split-Path -LeafBase/-Extension); "Differences between
# Windows PowerShell 5.1 and PowerShell 7.x"; .NET API reference:
# Directory.CreateDirectory(String, DirectorySecurity) is .NET Framework
# only (.NET has FileSystemAclExtensions.CreateDirectory instead).
# Rule 'process' is the project's own: nothing that changes the process
# (its environment, directory, console, loaded types), which the test's
# fresh runspace per run would not renew.
$ErrorActionPreference = 'Stop'
$TokenKind = [System.Management.Automation.Language.TokenKind]

# Commands Windows PowerShell 3.0 does not have: name -> version and source.
$NewCommands = @{
    'Get-FileHash'       = '4.0 (What''s New in Windows PowerShell 4.0)'
    'New-TemporaryFile'  = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Get-Clipboard'      = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Set-Clipboard'      = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Expand-Archive'     = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Compress-Archive'   = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Get-Uptime'         = '6.0 (What''s new in PowerShell Core 6.0)'
    'Remove-Alias'       = '6.0 (What''s new in PowerShell Core 6.0)'
    'Test-Json'          = '6.1 (What''s new in PowerShell Core 6.1)'
    'Join-String'        = '6.2 (What''s new in PowerShell Core 6.2)'
    'Get-Error'          = '7.0 (What''s New in PowerShell 7.0)'
    'New-Guid'           = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Format-Hex'         = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Get-ItemPropertyValue' = '5.0 (What''s New in Windows PowerShell 5.0)'
    'ConvertFrom-String' = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Get-ComputerInfo'   = '5.1 (What''s New in Windows PowerShell 5.1)'
    'Get-TimeZone'       = '5.1 (What''s New in Windows PowerShell 5.1)'
    'Set-TimeZone'       = '5.1 (What''s New in Windows PowerShell 5.1)'
}
# Commands PowerShell 7 does not have (Differences between Windows
# PowerShell 5.1 and PowerShell 7.x: "Cmdlets removed from PowerShell").
$GoneCommands = @('Get-WmiObject', 'Invoke-WmiMethod', 'Set-WmiInstance', 'Remove-WmiObject', 'Register-WmiEvent',
    'Get-EventLog', 'Write-EventLog', 'New-EventLog', 'Clear-EventLog', 'Limit-EventLog', 'Remove-EventLog', 'Show-EventLog',
    'New-WebServiceProxy', 'Add-PSSnapin', 'Get-PSSnapin', 'Remove-PSSnapin', 'gwmi')
# -Encoding values one side lacks (about_Character_Encoding: Byte is
# Windows PowerShell only, PowerShell 6 has -AsByteStream; utf8BOM and
# utf8NoBOM are PowerShell 6.0).
$OddEncodings = @{ 'Byte' = 'Windows PowerShell only (PowerShell 7: -AsByteStream)'; 'utf8BOM' = 'PowerShell 6.0'; 'utf8NoBOM' = 'PowerShell 6.0' }
# .NET members one runtime lacks: TYPE::MEMBER -> which, from the .NET API
# reference's "Applies to" of each.
$OddMembers = @{
    'io.file::getaccesscontrol'       = '.NET Framework only (.NET: FileSystemAclExtensions)'
    'io.file::setaccesscontrol'       = '.NET Framework only (.NET: FileSystemAclExtensions)'
    'io.directory::getaccesscontrol'  = '.NET Framework only (.NET: FileSystemAclExtensions)'
    'io.directory::setaccesscontrol'  = '.NET Framework only (.NET: FileSystemAclExtensions)'
    'io.path::getrelativepath'        = '.NET Core 2.0 (not .NET Framework 4.x)'
    'io.path::join'                   = '.NET Core 3.0 (not .NET Framework 4.x)'
    'io.path::endsindirectoryseparator' = '.NET Core 3.0 (not .NET Framework 4.x)'
    'io.path::trimendingdirectoryseparator' = '.NET Core 3.0 (not .NET Framework 4.x)'
    'io.directory::createsymboliclink' = '.NET 6 (not .NET Framework 4.x)'
    'io.file::createsymboliclink'     = '.NET 6 (not .NET Framework 4.x)'
    'convert::tohexstring'            = '.NET 5 (not .NET Framework 4.x)'
    'convert::fromhexstring'          = '.NET 5 (not .NET Framework 4.x)'
    'operatingsystem::iswindows'      = '.NET 5 (not .NET Framework 4.x)'
    'environment::processid'          = '.NET 5 (not .NET Framework 4.x)'
    'environment::processpath'        = '.NET 6 (not .NET Framework 4.x)'
    'math::clamp'                     = '.NET Core 2.0 (not .NET Framework 4.x)'
    'text.encoding::latin1'           = '.NET 5 (not .NET Framework 4.x)'
}
# Parameters Windows PowerShell 3.0 does not have: command|parameter.
$NewParameters = @{
    'ForEach-Object|Parallel'    = '7.0 (What''s New in PowerShell 7.0)'
    'Out-File|NoNewline'         = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Set-Content|NoNewline'      = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Add-Content|NoNewline'      = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Get-ChildItem|Depth'        = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Get-Date|AsUTC'             = '7.1 (What''s New in PowerShell 7.1)'
    'Select-String|Raw'          = '7.0 (What''s New in PowerShell 7.0)'
    'Invoke-WebRequest|SkipCertificateCheck' = '6.0 (What''s new in PowerShell Core 6.0)'
    'Invoke-RestMethod|SkipCertificateCheck' = '6.0 (What''s new in PowerShell Core 6.0)'
    'ConvertFrom-Json|AsHashtable' = '6.0 (What''s new in PowerShell Core 6.0)'
    'Get-Content|AsByteStream'   = '6.0 (What''s new in PowerShell Core 6.0)'
    'Split-Path|LeafBase'        = '6.0 (What''s new in PowerShell Core 6.0)'
    'Split-Path|Extension'       = '6.0 (What''s new in PowerShell Core 6.0)'
}

# What changes the process rather than the script's session: tests/ps.sh
# runs each script in a fresh runspace of one process (runner.ps1), which
# renews the session only; Add-Type is also refused in Constrained Language
# mode. Rule 'process'.
$ProcessCommands = @('Add-Type', 'Set-Location', 'Push-Location', 'Pop-Location', 'cd', 'sl', 'chdir', 'pushd', 'popd')
$ProcessMembers = @('SetEnvironmentVariable', 'SetCurrentDirectory', 'CurrentDirectory', 'OutputEncoding', 'InputEncoding', 'SetOut', 'SetError', 'SetIn',
    'SecurityProtocol', 'CurrentCulture', 'CurrentUICulture', 'Exit')
# ...and the item commands on the Env: drive.
$ItemCommands = @('Set-Item', 'New-Item', 'Remove-Item', 'Clear-Item', 'Rename-Item', 'Set-Content', 'Add-Content', 'Clear-Content', 'si', 'ni', 'ri', 'rm', 'del')

function Out-Finding($file, $ast, [string] $rule, [string] $text) {
    $e = $ast.Extent
    '{0}:{1}:{2}: {3}: {4}' -f $file, $e.StartLineNumber, $e.StartColumnNumber, $rule, $text
}

# A static member of a type one runtime lacks; String.Split with a string
# of two or more characters, which .NET Framework reads as a set of
# characters (Split(char[])) and .NET as one separator (Split(string)).
function Test-Member($file, $n) {
    if ($n.Static -and $n.Expression -is [System.Management.Automation.Language.TypeExpressionAst] -and
        $n.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
        $k = ('{0}::{1}' -f ($n.Expression.TypeName.FullName -replace '^(?i)System\.', ''), $n.Member.Value).ToLowerInvariant()
        if ($OddMembers.ContainsKey($k)) { Out-Finding $file $n 'api' ('{0} is {1}' -f $n.Extent.Text, $OddMembers[$k]) }
    }
    if (-not $n.Static -and $n -is [System.Management.Automation.Language.InvokeMemberExpressionAst] -and
        $n.Member.Value -eq 'Split' -and @($n.Arguments).Count -ge 1 -and
        $n.Arguments[0] -is [System.Management.Automation.Language.StringConstantExpressionAst] -and
        $n.Arguments[0].Value.Length -ge 2) {
        Out-Finding $file $n 'api' ('.Split(''{0}'') splits at any of those characters on .NET Framework, at the whole string on .NET: use -split or a [char[]]' -f $n.Arguments[0].Value)
    }
}

function Test-Node($file, $n) {
    $type = $n.GetType().Name
    switch ($type) {
        'TernaryExpressionAst' { Out-Finding $file $n 'syntax' 'the ternary operator ?: is PowerShell 7.0' }
        'PipelineChainAst' { Out-Finding $file $n 'syntax' 'pipeline chains && and || are PowerShell 7.0' }
        'TypeDefinitionAst' { Out-Finding $file $n 'syntax' 'class and enum are Windows PowerShell 5.0' }
        'UsingStatementAst' { Out-Finding $file $n 'syntax' 'using is Windows PowerShell 5.0' }
        'BinaryExpressionAst' {
            if ($n.Operator -eq $TokenKind::QuestionQuestion) { Out-Finding $file $n 'syntax' '?? is PowerShell 7.0' }
        }
        'AssignmentStatementAst' {
            if ($n.Operator -eq $TokenKind::QuestionQuestionEquals) { Out-Finding $file $n 'syntax' '??= is PowerShell 7.0' }
            if ($n.Left -is [System.Management.Automation.Language.VariableExpressionAst] -and
                $n.Left.VariablePath.DriveName -eq 'env') {
                Out-Finding $file $n 'process' ('$env:{0} = changes the process''s environment' -f $n.Left.VariablePath.UserPath.Substring(4))
            }
            if ($n.Left -is [System.Management.Automation.Language.MemberExpressionAst] -and $ProcessMembers -contains $n.Left.Member.Value -and
                ($n.Left.Static -or $n.Left.Member.Value -match '^Current(UI)?Culture$')) {
                Out-Finding $file $n 'process' ('{0} = changes the process' -f $n.Left.Extent.Text)
            }
        }
        'MemberExpressionAst' {
            if ($n.NullConditional) { Out-Finding $file $n 'syntax' '?. is PowerShell 7.0' }
            Test-Member $file $n
        }
        'InvokeMemberExpressionAst' {
            if ($n.NullConditional) { Out-Finding $file $n 'syntax' '?. is PowerShell 7.0' }
            Test-Member $file $n
            if ($n.Static -and $ProcessMembers -contains $n.Member.Value) { Out-Finding $file $n 'process' ('{0} changes the process' -f $n.Extent.Text) }
            if ($n.Static -and $n.Member.Value -eq 'new') { Out-Finding $file $n 'syntax' '::new() is Windows PowerShell 5.0; use New-Object' }
            if ($n.Static -and $n.Member.Value -eq 'CreateDirectory' -and @($n.Arguments).Count -ge 2 -and
                $n.Expression.TypeName.FullName -match '^(System\.)?IO\.Directory$') {
                Out-Finding $file $n 'api' 'Directory.CreateDirectory(path, security) is .NET Framework only: create, then set the ACL'
            }
        }
        'IndexExpressionAst' {
            if ($n.NullConditional) { Out-Finding $file $n 'syntax' '?[] is PowerShell 7.0' }
        }
        'ScriptBlockAst' {
            if ($n.PSObject.Properties['CleanBlock'] -and $n.CleanBlock) { Out-Finding $file $n.CleanBlock 'syntax' 'clean {} is PowerShell 7.3' }
        }
        'CommandAst' {
            $name = $n.GetCommandName()
            if ($name -and $GoneCommands -contains $name) {
                Out-Finding $file $n 'command' ('{0} is not in PowerShell 7 (Differences between Windows PowerShell 5.1 and PowerShell 7.x)' -f $name)
            }
            if ($name -and $ItemCommands -contains $name) {
                foreach ($a in @($n.CommandElements | Select-Object -Skip 1)) {
                    if ($a -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $a.Value -match '^(?i)env:') {
                        Out-Finding $file $n 'process' ('{0} {1} changes the process''s environment' -f $name, $a.Value)
                    }
                }
            }
            if ($name -and $ProcessCommands -contains $name) {
                Out-Finding $file $n 'process' ('{0} changes the process, not only the script''s session' -f $name)
            }
            if ($name -and $NewCommands.ContainsKey($name)) {
                Out-Finding $file $n 'command' ('{0} is PowerShell {1}' -f $name, $NewCommands[$name])
            }
            foreach ($p in $n.CommandElements) {
                if ($p -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
                # A hashtable's keys compare as PowerShell does: case aside.
                $k = '{0}|{1}' -f $name, $p.ParameterName
                if ($p.ParameterName -eq 'Encoding') {
                    $i = [array]::IndexOf(@($n.CommandElements), $p)
                    $v = $p.Argument
                    if ($null -eq $v -and $i + 1 -lt $n.CommandElements.Count) { $v = $n.CommandElements[$i + 1] }
                    if ($v -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $OddEncodings.ContainsKey($v.Value)) {
                        Out-Finding $file $p 'parameter' ('{0} -Encoding {1} is {2}' -f $name, $v.Value, $OddEncodings[$v.Value])
                    }
                }
                if ($NewParameters.ContainsKey($k)) {
                    Out-Finding $file $p 'parameter' ('{0} -{1} is PowerShell {2}' -f $name, $p.ParameterName, $NewParameters[$k])
                }
            }
        }
    }
}

$found = 0
foreach ($file in $args) {
    try { $bytes = [System.IO.File]::ReadAllBytes($file) }
    catch { [Console]::Error.WriteLine(('ps-compat.ps1: {0}: {1}' -f $file, $_.Exception.Message)); exit 2 }
    # Windows PowerShell 5.1 reads a file without a BOM in the ANSI code page.
    $bom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
    $high = $false
    foreach ($b in $bytes) { if ($b -gt 0x7F) { $high = $true; break } }
    if ($high -and -not $bom) {
        [Console]::Out.WriteLine(('{0}:1:1: encoding: non-ASCII text without a UTF-8 BOM (Windows PowerShell reads it as ANSI)' -f $file))
        $found++
    }
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref] $tokens, [ref] $errors)
    foreach ($e in $errors) {
        [Console]::Out.WriteLine(('{0}:{1}:{2}: parse: {3}' -f $file, $e.Extent.StartLineNumber, $e.Extent.StartColumnNumber, $e.Message))
        $found++
    }
    $lines = @($ast.FindAll({ $true }, $true) | ForEach-Object { Test-Node $file $_ })
    foreach ($line in $lines) { [Console]::Out.WriteLine($line) }
    $found += $lines.Count
}
if ($found -gt 0) { exit 1 }
exit 0
