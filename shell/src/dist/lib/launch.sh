# Entra Shell: what both POSIX launchers share (the clone's ./entra-shell and the distribution's
# bin/entra-shell). Sourced, not run. The launcher sets:
#   jar      the shell's jar (its manifest Class-Path finds lib/ beside it)
#   cache    a folder for the start-up archive (made when needed; nothing is lost if it cannot be)
#   runtime  the distribution's own Java runtime (the linux-x64 image), or empty
# then sources this file with the user's arguments in "$@". It execs the JVM (so the JVM's exit code is
# the launcher's, and signals reach it directly) or exits with one line on stderr: stdout is data only.
# shellcheck disable=SC2154 # jar, cache and runtime come from the launcher

say() { echo "entra-shell: $*" >&2; }
install_hint="install a JDK or JRE 17 or newer (for example Eclipse Temurin 17 from https://adoptium.net)"

# Which java: the bundled runtime, else JAVA_HOME's, else the first on PATH.
if [ -n "$runtime" ] && [ -x "$runtime/bin/java" ]; then
  java=$runtime/bin/java
elif [ -n "${JAVA_HOME:-}" ]; then
  java=$JAVA_HOME/bin/java
  if [ ! -x "$java" ]; then
    say "JAVA_HOME is $JAVA_HOME, which has no bin/java: point it at a JDK or JRE 17 or newer, or unset it."
    exit 1
  fi
elif ! java=$(command -v java); then
  say "no Java found: $install_hint, and put its bin folder on PATH or set JAVA_HOME."
  exit 1
fi

# Its version. A JDK's (or jlink image's) release file says it without starting a JVM, which would cost
# as much again as the shell's own start; otherwise the first line of `java -version` that names it does
# (openjdk version "17.0.15" 2025-04-15, java version "1.8.0_392"; a "Picked up JAVA_TOOL_OPTIONS" line
# may come first).
# Parameter expansion and the shell's own read instead of dirname and sed: each process a start spawns
# costs a few milliseconds against a JVM floor of about a hundred.
real=$java
while [ -L "$real" ]; do
  link=$(readlink "$real")
  case $link in /*) real=$link ;; *) real=${real%/*}/$link ;; esac
done
bin=${real%/*}
release=${bin%/*}/release
version=
if [ -f "$release" ]; then
  while IFS= read -r line; do
    case $line in
      JAVA_VERSION=*)
        version=${line#JAVA_VERSION=\"}
        version=${version%%\"*}
        break
        ;;
    esac
  done <"$release"
fi
if [ -z "$version" ]; then
  version=$("$java" -version 2>&1 | sed -n '/ version "/{s/^[^"]*"\([^"]*\)".*/\1/p;q;}')
fi
major=${version#1.}
major=${major%%[!0-9]*}
if [ -z "$major" ] || [ "$major" -lt 17 ]; then
  say "$java is Java ${version:-of an unknown version}, and Entra Shell needs 17 or newer: $install_hint and set JAVA_HOME to it."
  exit 1
fi

# A small, fast-starting JVM: a shell spends its life waiting for people and for HTTP answers.
options="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m"

# The start-up archive: the classes a fixed training run loads (see train below), mapped instead of
# loaded, parsed and verified again at each start (class-data sharing). It belongs to one java and one
# jar: its name carries the java's version and a checksum of both paths, and a jar newer than it is
# trained again. (JDK 25's AOT cache, -XX:AOTCacheOutput, was tried: with this training it made every
# start slower than no cache at all, linked or not; see BENCHMARKS.md.)
id=$(printf '%s\n%s\n' "$real" "$jar" | cksum)
id=${id%% *}
archive=$cache/entra-shell-$version-$id.jsa
use=-XX:SharedArchiveFile=$archive
quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
running=$archive.training

# The training: what users do first, in its own home folder and its own working folder (a crash report
# lands there, not in the user's): the embedded demo tenant, help and every command's options, a
# certificate sign-in, Graph calls rendered as JSON, list and table, a JMESPath query. Not Groovy: its
# compiler is some 1,000 classes that only scripts use, and every start maps the whole archive.
training() {
  # shellcheck disable=SC2086 # several options in one variable
  ENTRA_SHELL_HOME=$work NO_COLOR=1 COLUMNS=120 "$java" "$@" $options $quiet -jar "$jar" --demo \
    -c help -c 'help connect' -c 'help context' -c 'help token' -c 'help get' -c 'help post' -c 'help put' \
    -c 'help patch' -c 'help delete' -c 'help run' -c 'help groovy' -c 'help environment' -c 'help cert' \
    -c 'help history' -c 'environment list' -c 'cert list' \
    -c "connect --environment Demo --tenant-id contosodemo.onmicrosoft.com --client-id 9b2e7c41-5a3d-4f6e-8b1c-0d7a2e9f4c85 --subject-name 'CN=Entra Shell Demo' --timeout 60" \
    -c context -c 'context --output json' -c token -c 'get /organization' \
    -c 'get /users --top 5 --select displayName,userPrincipalName,id --output table' \
    -c 'get /users --top 3 --output list' -c "get /users --top 3 --query '[].displayName'" -c disconnect
}

# The first prompt's part: JLine's terminal, line reader, completion and history, which only a terminal
# loads. It types a few lines into an interactive shell on a pseudo-terminal made by util-linux's script(1);
# where there is none (BSD's script takes other options and refuses these), the first prompt loads those
# classes from the jar as before. A deadline, as it reads from a terminal: nothing may keep it running.
interactive_training() {
  script -qec 'exit 0' /dev/null >/dev/null 2>&1 </dev/null || return 0
  jvm=$(quoted "$java")
  # shellcheck disable=SC2086 # several options in one variable
  for option in "$@" $options $quiet; do
    jvm="$jvm $(quoted "$option")"
  done
  # Keys typed before the shell puts the terminal in raw mode would be the terminal driver's (Ctrl-U
  # kills its line, Tab is a character): each comes a while after the one before. script runs the
  # command with $SHELL, which may be any shell: sh here.
  {
    sleep 5
    printf 'help\r'
    sleep 3
    printf 'conn\t'
    sleep 1
    printf '\025get /organization\r'
    sleep 1
    printf 'exit\r'
  } | SHELL=/bin/sh ENTRA_SHELL_HOME=$work NO_COLOR=1 TERM=xterm deadline script -qec \
    "stty cols 120 rows 40; exec $jvm -jar $(quoted "$jar") --demo" /dev/null
}

# One word for sh -c: in single quotes, each single quote as '\''.
quoted() {
  printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# timeout(1) where there is one (GNU coreutils, busybox).
deadline() {
  if command -v timeout >/dev/null 2>&1; then
    timeout 120 "$@"
  else
    "$@"
  fi
}

# Runs in the background (the user's command does not wait) with no output. The archive is written
# beside, then moved into place, so no start maps half an archive; a failure leaves none, and the next
# start tries again.
train() {
  set +e # a failed step only means no archive; the clean-up below must run
  # The terminal's hang-up when an interactive session ends would end the training with it.
  trap '' HUP
  umask 077 # the cache may be in the user's own folder: owner-only, as the rest of it
  dest=$(cd "$cache" && pwd)/${archive##*/} || return 0
  # One training at a time for this archive ($running), so its folder is what a killed one left, if it
  # exists; another Java's training has a folder of its own.
  work=$dest.work
  rm -rf "$work"
  mkdir "$work" && cd "$work" || return 0
  # A static archive from the classes the training loaded (its class list), for every Java: JDK 17's
  # dynamic archive crashes the JVM on some lambda proxies (SIGSEGV in
  # SystemDictionaryShared::adjust_lambda_proxy_class_dictionary, with MSAL's and azure-json's, 17.0.15),
  # and JDK 25's leaves out picocli (its class files are Java 5's: "Old class has been linked"), the
  # biggest part of a start. So the list keeps the class names only: no lambda proxies (spun at run
  # time, as without an archive) and no pre-resolved constants (JDK 25's @cp lines link picocli's old
  # classes at dump time, which excludes them). The terminal's classes are added when that part works;
  # without them the archive still serves.
  if training -XX:DumpLoadedClassList="$work/classes"; then
    interactive_training -XX:DumpLoadedClassList="$work/classes.terminal"
    # Each list numbers its classes (JDK 25: "name id: N"); the merged one goes without the numbers,
    # which only lambda proxies and other loaders' classes refer to.
    cat "$work/classes" "$work/classes.terminal" 2>/dev/null |
      awk '!/^@/ { sub(/ id: [0-9]+$/, ""); if (!seen[$0]++) print }' >"$work/classes.list" &&
      "$java" -Xshare:dump -XX:SharedClassListFile="$work/classes.list" -XX:SharedArchiveFile="$work/archive" \
        -Xlog:cds=off -cp "$jar"
  fi
  if [ -s "$work/archive" ]; then
    mv -f "$work/archive" "$dest"
  fi
  cd / && rm -rf "$work" "$running"
}

# ENTRA_SHELL_JAVA_OPTS: more JVM options, unquoted on purpose (it holds several).
# The archive serves when the jar is not newer than it: test's -nt answers 1. (-nt is not in POSIX, but
# dash, bash, ksh and busybox have it; a test without it answers 2, and the archive is not used.)
fresh=0
# shellcheck disable=SC3013
if [ -f "$archive" ]; then [ "$jar" -nt "$archive" ] || fresh=$?; fi
if [ "$fresh" = 1 ]; then
  # shellcheck disable=SC2086
  exec "$java" "$use" $options $quiet ${ENTRA_SHELL_JAVA_OPTS:-} -jar "$jar" "$@"
fi
# One training at a time: $running holds its process id while it runs.
if ! kill -0 "$(cat "$running" 2>/dev/null)" 2>/dev/null && mkdir -p "$cache" 2>/dev/null; then
  (train) </dev/null >/dev/null 2>&1 &
  echo $! >"$running" 2>/dev/null || true
fi
# shellcheck disable=SC2086
exec "$java" $options $quiet ${ENTRA_SHELL_JAVA_OPTS:-} -jar "$jar" "$@"
