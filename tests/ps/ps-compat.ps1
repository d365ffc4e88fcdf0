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
}
# Parameters Windows PowerShell 3.0 does not have: command|parameter.
$NewParameters = @{
    'ForEach-Object|Parallel'    = '7.0 (What''s New in PowerShell 7.0)'
    'Out-File|NoNewline'         = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Set-Content|NoNewline'      = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Add-Content|NoNewline'      = '5.0 (What''s New in Windows PowerShell 5.0)'
    'Get-ChildItem|Depth'        = '5.0 (What''s New in Windows PowerShell 5.0)'
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
$ProcessMembers = @('SetEnvironmentVariable', 'SetCurrentDirectory', 'CurrentDirectory', 'OutputEncoding', 'InputEncoding', 'SetOut', 'SetError', 'SetIn')

function Out-Finding($file, $ast, [string] $rule, [string] $text) {
    $e = $ast.Extent
    '{0}:{1}:{2}: {3}: {4}' -f $file, $e.StartLineNumber, $e.StartColumnNumber, $rule, $text
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
            if ($n.Left -is [System.Management.Automation.Language.MemberExpressionAst] -and $n.Left.Static -and
                $ProcessMembers -contains $n.Left.Member.Value) {
                Out-Finding $file $n 'process' ('{0} = changes the process' -f $n.Left.Extent.Text)
            }
        }
        'MemberExpressionAst' {
            if ($n.NullConditional) { Out-Finding $file $n 'syntax' '?. is PowerShell 7.0' }
        }
        'InvokeMemberExpressionAst' {
            if ($n.NullConditional) { Out-Finding $file $n 'syntax' '?. is PowerShell 7.0' }
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
