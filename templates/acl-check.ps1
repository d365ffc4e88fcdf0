# acl-check.ps1: who may change the backup folders. The .ps1 scripts run it
# in-process, the .cmd scripts hand it to powershell.exe as one -Command
# "..." argument: tlsgpo joins these lines with spaces and drops the
# comments, so every statement ends in ; or a brace, and the text holds no
# double quote and no percent sign. Get-Acl, Get-Item and string operators
# only: Constrained Language mode and PowerShell 2.0 run it too.
#
# $top is ProgramData\tlsgpo, $root the policy's folder in it. Prints
# "check|tlsgpo" first (a byte order mark, if any, sticks to it), then
# "bad|top|WHY|PATH" or "bad|below|WHY|PATH" for the first of the two that
# fails (and stops), else "bad|item|WHY|PATH|CHILD" for everything below
# $root that fails (CHILD: the folder of $root it is in, a backup), then
# "end|N" for the N items read. An item fails when it is a link (a junction
# or symbolic link), when $top or $root is not a folder, when its owner is
# not SYSTEM or Administrators, or when anyone else may do more than read
# and execute it. An item gone while it is read (another run's work folder)
# is passed over.
param([string] $top, [string] $root)
$ErrorActionPreference = 'Stop';
$who = '^(SY|BA|S-1-5-18|S-1-5-32-544)$';
$names = @{ BU = 'Users'; AU = 'Authenticated Users'; WD = 'Everyone'; IU = 'INTERACTIVE'; CO = 'CREATOR OWNER'; OW = 'OWNER RIGHTS'; AN = 'ANONYMOUS LOGON'; BG = 'Guests'; DU = 'Domain Users' };
$name = { param([string] $sid) if ($names[$sid]) { return ($names[$sid] + ' (' + $sid + ')') }; return $sid };
$rule = {
  param([string] $s)
  if ($s -cnotmatch '^O:([A-Z0-9-]+)G:[A-Z0-9-]+D:(P|AI|AR)*((\([^()]*\))*)$') { return ('its security descriptor is not one tlsgpo can vouch for (' + $s + ')') };
  $owner = $matches[1];
  $aces = $matches[3];
  if ($owner -cnotmatch $who) { return ('its owner is ' + (& $name $owner) + ', not SYSTEM or Administrators') };
  foreach ($a in ($aces -split '[()]')) {
    if ($a -eq '') { continue };
    $f = $a -split ';';
    if ($f.Count -ne 6 -or $f[0] -cnotmatch '^[AD]$') { return ('its access list holds an entry tlsgpo does not read (' + $a + ')') };
    if ($f[0] -ceq 'D' -or $f[5] -cmatch $who) { continue };
    if ($f[2] -cmatch '^0x[0-9A-Fa-f]{1,8}$') { if (([int64]$f[2] -band 0x5FEDFF56) -eq 0) { continue } } elseif ($f[2] -cmatch '^(FR|FX|GR|GX|RC|CC|SW|WP|LO)+$') { continue };
    return ((& $name $f[5]) + ' may change it (access ' + $f[2] + ')')
  };
  ''
};
$lit = { $args[0] -replace '([][*?`])', '`$1' };
$one = {
  param([string] $p, [bool] $folder)
  try { $it = Get-Item -Path (& $lit $p) -Force } catch { if (Test-Path -Path (& $lit $p)) { return ('it cannot be read (' + $_.Exception.Message + ')') }; return $null };
  if ([string]$it.Attributes -match 'ReparsePoint') { return 'it is a link (a junction or symbolic link), not a folder of its own' };
  if ($folder -and -not $it.PSIsContainer) { return 'it is a file, not a folder' };
  try { $sd = [string](Get-Acl -Path (& $lit $p)).Sddl } catch { if (Test-Path -Path (& $lit $p)) { return ('its security descriptor cannot be read (' + $_.Exception.Message + ')') }; return $null };
  & $rule $sd
};
$tidy = { [string]$args[0] -replace '[|\r\n]', '/' };
'check|tlsgpo';
$n = 0;
$at = 'top';
foreach ($i in @($top, $root)) {
  if (Test-Path -Path (& $lit $i)) {
    $n++;
    $why = & $one $i $true;
    if ($why) { return @(('bad|' + $at + '|' + (& $tidy $why) + '|' + $i), ('end|' + $n)) }
  };
  $at = 'below'
};
if (Test-Path -Path (& $lit $root) -PathType Container) {
  foreach ($i in @(Get-ChildItem -Path (& $lit $root) -Recurse -Force | ForEach-Object { $_.FullName })) {
    $why = & $one $i $false;
    if ($null -eq $why) { continue };
    $n++;
    if ($why) { 'bad|item|' + (& $tidy $why) + '|' + $i + '|' + ($i.Substring($root.Length).TrimStart('\', '/') -split '[\\/]')[0] }
  }
};
'end|' + $n
