@echo off
rem Entra Shell launcher for cmd.exe: the same steps as bin/entra-shell (POSIX sh), line for line where
rem Windows allows. Untested on Windows where it was written. Runs lib\entra-shell.jar with JAVA_HOME's
rem java or the java on PATH, which must be 17 or newer, passes the arguments as typed (%*) and returns
rem the JVM's exit code. No start-up archive here (the POSIX launcher's training is sh), and no symbolic
rem link resolution: put this bin folder itself on PATH.
rem No path is expanded inside an if-block in parentheses: a JAVA_HOME such as C:\Program Files (x86)\...
rem would end the block early; gotos instead.
setlocal EnableExtensions DisableDelayedExpansion

set "APP_HOME=%~dp0.."
set "JAVA_EXE="
set "INSTALL_HINT=install a JDK or JRE 17 or newer (for example Eclipse Temurin 17 from https://adoptium.net)"

rem Which java: JAVA_HOME's, else the first on PATH.
if not defined JAVA_HOME goto :fromPath
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA_EXE%" goto :version
echo entra-shell: JAVA_HOME is %JAVA_HOME%, which has no bin\java.exe: point it at a JDK or JRE 17 or newer, or unset it. 1>&2
exit /b 1

:fromPath
for %%J in (java.exe) do set "JAVA_EXE=%%~$PATH:J"
if defined JAVA_EXE goto :version
echo entra-shell: no Java found: %INSTALL_HINT%, and put its bin folder on PATH or set JAVA_HOME. 1>&2
exit /b 1

rem Its version, from the first line of java -version that names it: openjdk version "17.0.15" 2025-04-15,
rem or java version "1.8.0_392" (a "Picked up JAVA_TOOL_OPTIONS" line may come first). "call" keeps cmd
rem from taking the quotes around the path as its own.
:version
set "JAVA_VERSION="
for /f "tokens=3" %%V in ('call "%JAVA_EXE%" -version 2^>^&1 ^| findstr /c:" version "') do (
  set "JAVA_VERSION=%%~V"
  goto :major
)
:major
set "JAVA_MAJOR="
set "JAVA_MAJOR_NUMBER="
for /f "tokens=1,2 delims=.-_+" %%A in ("%JAVA_VERSION%") do (
  set "JAVA_MAJOR=%%A"
  if "%%A"=="1" set "JAVA_MAJOR=%%B"
)
rem Not a number (no version found) counts as too old.
set /a "JAVA_MAJOR_NUMBER=JAVA_MAJOR" 2>nul
if not defined JAVA_MAJOR_NUMBER set "JAVA_MAJOR_NUMBER=0"
if %JAVA_MAJOR_NUMBER% GEQ 17 goto :run
if not defined JAVA_VERSION set "JAVA_VERSION=of an unknown version"
echo entra-shell: %JAVA_EXE% is Java %JAVA_VERSION%, and Entra Shell needs 17 or newer: %INSTALL_HINT% and set JAVA_HOME to it. 1>&2
exit /b 1

rem A small, fast-starting JVM, as in bin/entra-shell; ENTRA_SHELL_JAVA_OPTS adds options.
:run
"%JAVA_EXE%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m -Xshare:auto %ENTRA_SHELL_JAVA_OPTS% -jar "%APP_HOME%\lib\entra-shell.jar" %*
exit /b %ERRORLEVEL%
