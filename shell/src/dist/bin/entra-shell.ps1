# Entra Shell launcher for PowerShell (Windows PowerShell 5.1, PowerShell 7): the same steps as
# bin/entra-shell (POSIX sh). Untested on Windows where it was written. Runs lib/entra-shell.jar with the
# runtime beside it, JAVA_HOME's java or the java on PATH, which must be 17 or newer, passes the arguments
# on (@args) and returns the JVM's exit code ($LASTEXITCODE). No start-up archive here.
# PowerShell before 7.3 drops empty arguments and mangles embedded double quotes when it calls any
# program (not only this one); use PowerShell 7.3+ or entra-shell.cmd for such arguments.

function Fail([string] $message) {
    # one line on stderr: stdout carries data only
    [Console]::Error.WriteLine("entra-shell: $message")
    exit 1
}

$installHint = 'install a JDK or JRE 17 or newer (for example Eclipse Temurin 17 from https://adoptium.net)'
$exe = if ([IO.Path]::DirectorySeparatorChar -eq '\') { 'java.exe' } else { 'java' }

# Where this script really is: through symbolic links, from any folder.
$self = $MyInvocation.MyCommand.Path
while ($true) {
    $item = Get-Item -LiteralPath $self -Force
    if (-not $item.LinkType -or -not $item.Target) { break }
    $target = @($item.Target)[0]
    $self = if ([IO.Path]::IsPathRooted($target)) { $target } else { Join-Path (Split-Path -Parent $self) $target }
}
$appHome = Split-Path -Parent (Split-Path -Parent ([IO.Path]::GetFullPath($self)))
$jar = Join-Path (Join-Path $appHome 'lib') 'entra-shell.jar'

# Which java: the bundled runtime, else JAVA_HOME's, else the first on PATH.
$runtimeJava = Join-Path (Join-Path (Join-Path $appHome 'runtime') 'bin') $exe
if (Test-Path -LiteralPath $runtimeJava -PathType Leaf) {
    $java = $runtimeJava
} elseif ($env:JAVA_HOME) {
    $java = Join-Path (Join-Path $env:JAVA_HOME 'bin') $exe
    if (-not (Test-Path -LiteralPath $java -PathType Leaf)) {
        Fail "JAVA_HOME is $env:JAVA_HOME, which has no bin\$exe: point it at a JDK or JRE 17 or newer, or unset it."
    }
} else {
    $found = Get-Command -Name $exe -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $found) { Fail "no Java found: $installHint, and put its bin folder on PATH or set JAVA_HOME." }
    $java = $found.Source
}

# Its version, from the first line of java -version that names it: openjdk version "17.0.15" 2025-04-15,
# or java version "1.8.0_392" (a "Picked up JAVA_TOOL_OPTIONS" line may come first). Windows PowerShell
# turns a program's stderr into error records: stringify them, and do not let them stop the script.
$ErrorActionPreference = 'Continue'
$first = "$(& $java -version 2>&1 | ForEach-Object { "$_" } | Where-Object { $_ -like '* version "*' } | Select-Object -First 1)"
$version = if ($first -match '"([^"]+)"') { $Matches[1] } else { '' }
$major = 0
if ($version -match '^1\.(\d+)' -or $version -match '^(\d+)') { $major = [int]$Matches[1] }
if ($major -lt 17) {
    if (-not $version) { $version = 'of an unknown version' }
    Fail "$java is Java $version, and Entra Shell needs 17 or newer: $installHint and set JAVA_HOME to it."
}

# A small, fast-starting JVM, as in bin/entra-shell; ENTRA_SHELL_JAVA_OPTS adds options.
$options = @('-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss1m', '-Xshare:auto')
if ($env:ENTRA_SHELL_JAVA_OPTS) { $options += $env:ENTRA_SHELL_JAVA_OPTS -split '\s+' | Where-Object { $_ } }
& $java @options -jar $jar @args
exit $LASTEXITCODE
