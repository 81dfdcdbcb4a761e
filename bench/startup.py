#!/usr/bin/env python3
"""Start-up against the JVM's own floor, for BENCHMARKS.md.

Usage: bench/startup.py [RUNS] [JAVA_HOME...]   (default 10 runs; the JAVA_HOME, else the java on PATH)
Builds nothing: run ./entra-shell --version once first (it builds the jar and starts the training).

For each Java it measures, interleaved run by run (the machine is shared: every case sees the same noise),
the JVM floor (a hello-world class with the launcher's JVM options), `--version`, `-c help`, `-c context`
(whole processes) and the first prompt (on a pseudo-terminal, from spawning until 'entra>' is on the
screen), in three set-ups:
  none    java -jar, no archive (the JDK's own class-data archive only);
  before  java -jar with the archive the old launcher recorded at the first run after a build, here a
          `--version` run (-XX:ArchiveClassesAtExit), as README's "./entra-shell --version" did;
  after   ./entra-shell itself, with the archive its fixed training wrote (launch.sh; waited for here).
It prints medians, min-max, and each median's ratio to the floor's median, for the wall clock and for
the CPU time the process used (user + system).
"""
import fcntl, glob, os, pty, select, statistics, struct, subprocess, sys, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "shell", "target", "entra-shell.jar")
LAUNCHER = os.path.join(ROOT, "entra-shell")
FLAGS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m"]
QUIET = ["-Xlog:cds=off", "-Xlog:cds+dynamic=off"]


def first_prompt(command, env):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # a new pty has no size; JLine needs a width to draw the prompt
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
        os.execvpe(command[0], command, env)
    seen = b""
    elapsed = None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:
            raise SystemExit("no prompt within 60 s")
        seen += os.read(fd, 4096)
        if b"entra>" in seen:
            elapsed = time.perf_counter() - start
    os.write(fd, b"exit\r")
    cpu = cpu_time(pid)
    return elapsed, cpu


def whole(command, env):
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cpu = cpu_time(child.pid)
    return time.perf_counter() - start, cpu


def cpu_time(pid):
    """Waits for the child; its user + system time (all its threads; for the prompt, up to 'exit'), which a
    busy machine disturbs less than the wall clock."""
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_utime + usage.ru_stime


def hello_class(folder, java_home):
    with open(os.path.join(folder, "Hello.java"), "w") as source:
        source.write('class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n')
    subprocess.run([os.path.join(java_home, "bin", "javac"), "--release", "17", "-d", folder,
                    os.path.join(folder, "Hello.java")], check=True)


def before_archive(java, folder, env):
    """What the old launcher did: record a dynamic archive at the first run, here `--version`."""
    archive = os.path.join(folder, "before.jsa")
    subprocess.run([java, "-XX:ArchiveClassesAtExit=" + archive] + FLAGS + QUIET + ["-jar", JAR, "--version"],
                   env=env, capture_output=True)
    return archive


def trained_archive(java_home, env):
    """Starts ./entra-shell once and waits for the archive its training writes for this Java."""
    with open(os.path.join(java_home, "release")) as release:
        version = next(line for line in release if line.startswith("JAVA_VERSION=")).split('"')[1]
    subprocess.run([LAUNCHER, "--version"], env=env, capture_output=True)
    deadline = time.time() + 600
    while time.time() < deadline:
        pattern = os.path.join(ROOT, "shell", "target", f"entra-shell-{version}-*")
        names = glob.glob(pattern)
        if names and not any(name.endswith(".training") for name in names):
            return
        time.sleep(1)
    raise SystemExit("no trained archive after 10 minutes")


def measure(java_home, runs):
    java = os.path.join(java_home, "bin", "java")
    with tempfile.TemporaryDirectory() as folder:
        home = os.path.join(folder, "home")
        os.mkdir(home)
        env = dict(os.environ, ENTRA_SHELL_HOME=home, NO_COLOR="1", JAVA_HOME=java_home)
        env.pop("ENTRA_SHELL_JAVA_OPTS", None)
        hello_class(folder, java_home)
        before = before_archive(java, folder, env)
        trained_archive(java_home, env)
        setups = {
            "none": [java] + FLAGS + ["-jar", JAR],
            "before": [java, "-XX:SharedArchiveFile=" + before] + FLAGS + QUIET + ["-jar", JAR],
            "after": [LAUNCHER],
        }
        cases = [("JVM floor", "none", lambda: whole([java] + FLAGS + ["-cp", folder, "Hello"], env))]
        for setup, command in setups.items():
            for name, args in (("--version", ["--version"]), ("-c help", ["-c", "help"]), ("-c context", ["-c", "context"])):
                cases.append((name, setup, lambda c=command + args: whole(c, env)))
            cases.append(("first prompt", setup, lambda c=command: first_prompt(c, env)))
        for _, _, run in cases:
            run()  # warm the page cache
        samples = {(name, setup): [] for name, setup, _ in cases}
        cpu = {(name, setup): [] for name, setup, _ in cases}
        for _ in range(runs):
            for name, setup, run in cases:
                wall, used = run()
                samples[(name, setup)].append(wall * 1000)
                cpu[(name, setup)].append(used * 1000)
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    floor = statistics.median(samples[("JVM floor", "none")])
    cpu_floor = statistics.median(cpu[("JVM floor", "none")])
    print(f"\n{version} ({runs} runs each, interleaved)")
    print("| | set-up | wall, median | min-max | ratio to floor | CPU time, median | ratio to floor |")
    print("|---|---|---|---|---|---|---|")
    for (name, setup), ms in samples.items():
        median = statistics.median(ms)
        used = statistics.median(cpu[(name, setup)])
        print(f"| {name} | {setup} | {median:.0f} ms | {min(ms):.0f}-{max(ms):.0f} | {median / floor:.1f}x"
              f" | {used:.0f} ms | {used / cpu_floor:.1f}x |")


if __name__ == "__main__":
    args = sys.argv[1:]
    runs = int(args.pop(0)) if args and args[0].isdigit() else 10
    if not os.path.exists(JAR):
        raise SystemExit("build first: ./entra-shell --version")
    homes = args or [os.environ.get("JAVA_HOME") or os.path.dirname(os.path.dirname(os.path.realpath(
        subprocess.run(["sh", "-c", "command -v java"], capture_output=True, text=True).stdout.strip())))]
    for java_home in homes:
        measure(java_home, runs)
