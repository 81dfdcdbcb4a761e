#!/usr/bin/env python3
"""Time to the first prompt and to `-c context`, for BENCHMARKS.md.

Usage: bench/startup.py [RUNS]   (default 10). Builds nothing: run ./entra-shell --version once first.
The first prompt is timed on a real pseudo-terminal: from spawning the launcher's java command until
'entra>' is on the screen. `-c context` is timed as a whole process (it prints "Not connected" and exits 1:
what is measured is start-up plus one command, without network).
"""
import fcntl, os, pty, select, statistics, struct, subprocess, sys, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "shell", "target", "entra-shell.jar")
JAVA = [os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"]
FLAGS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-Xshare:auto"] + os.environ.get("ENTRA_SHELL_JAVA_OPTS", "").split()


def first_prompt(home):
    env = dict(os.environ, ENTRA_SHELL_HOME=home, NO_COLOR="1")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # a new pty has no size; JLine needs a width to draw the prompt
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
        os.execvpe(JAVA[0], JAVA + FLAGS + ["-jar", JAR], env)
    seen = b""
    elapsed = None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            raise SystemExit("no prompt within 30 s")
        seen += os.read(fd, 4096)
        if b"entra>" in seen:
            elapsed = time.perf_counter() - start
    os.write(fd, b"exit\r")
    os.waitpid(pid, 0)
    return elapsed


def context(home):
    env = dict(os.environ, ENTRA_SHELL_HOME=home)
    start = time.perf_counter()
    subprocess.run(JAVA + FLAGS + ["-jar", JAR, "-c", "context"], env=env, capture_output=True)
    return time.perf_counter() - start


def report(name, samples):
    ms = sorted(s * 1000 for s in samples)
    print(f"{name}: median {statistics.median(ms):.0f} ms, min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms ({len(ms)} runs)")


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    if not os.path.exists(JAR):
        raise SystemExit("build first: ./entra-shell --version")
    with tempfile.TemporaryDirectory() as home:
        first_prompt(home)  # warm the page cache and create the home folder
        report("time to first prompt", [first_prompt(home) for _ in range(runs)])
        report("entra-shell -c context", [context(home) for _ in range(runs)])
