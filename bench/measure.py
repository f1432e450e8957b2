#!/usr/bin/env python3
"""Run a command several times and print its median CPU time, median wall time and peak memory.

CPU time (user + system) rather than wall time because the bench machine is shared: wall time
depends on its load, CPU time much less. It comes from `perf stat -e task-clock` when perf works
(millisecond precision, counted from the exec of the command, so the launcher's fork is not in
it); otherwise from wait4's rusage of a GNU time launcher. Peak memory is GNU time's %M (the
maximum resident set size) of one further run: a child forked from this Python process would
start its rusage from Python's own resident size.

Usage: bench/measure.py [-n RUNS] [-C DIR] [--stdin FILE] [--ok CODES] [--remove PATH] -- COMMAND [ARGS...]
--remove PATH (relative to -C) is removed before every run, the memory run too: a cold start of a
command that leaves a cache behind.
Prints one line "cpu_ms wall_ms peak_mb" and exits 1, showing the command's standard error, when
a run exits with a code not in --ok (default 0).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, a, ok, prefix):
    if a.remove:
        path = os.path.join(a.dir or ".", a.remove)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        elif os.path.lexists(path):
            os.unlink(path)
    stdin = open(a.stdin, "rb") if a.stdin else subprocess.DEVNULL
    t0 = time.monotonic()
    proc = subprocess.run(prefix + cmd, cwd=a.dir, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    if a.stdin:
        stdin.close()
    if proc.returncode not in ok:
        sys.stderr.write("failed (exit %d): %s\n%s" % (proc.returncode, " ".join(cmd), proc.stderr.decode(errors="replace")))
        sys.exit(1)
    return wall * 1000


def perf_works(log):
    if not shutil.which("perf"):
        return False
    r = subprocess.run(["perf", "stat", "-x,", "-e", "task-clock", "-o", log, "--", "true"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return r.returncode == 0 and task_clock(log) is not None


def task_clock(log):
    with open(log) as f:
        for line in f:
            parts = line.split(",")
            if len(parts) > 2 and parts[2].startswith("task-clock") and parts[0] not in ("", "<not supported>", "<not counted>"):
                return float(parts[0])
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("-n", type=int, default=11)
    p.add_argument("-C", dest="dir", default=None)
    p.add_argument("--stdin", default=None)
    p.add_argument("--ok", default="0")
    p.add_argument("--remove", default=None)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    ok = {int(x) for x in a.ok.split(",")}
    fd, log = tempfile.mkstemp()
    os.close(fd)
    try:
        use_perf = perf_works(log)
        cpus, walls = [], []
        for _ in range(a.n):
            if use_perf:
                walls.append(run(cmd, a, ok, ["perf", "stat", "-x,", "-e", "task-clock", "-o", log, "--"]))
                cpus.append(task_clock(log))
            else:
                t0 = os.times()
                walls.append(run(cmd, a, ok, ["/usr/bin/time", "-f", "%M", "-o", log]))
                t1 = os.times()
                cpus.append((t1.children_user - t0.children_user + t1.children_system - t0.children_system) * 1000)
        run(cmd, a, ok, ["/usr/bin/time", "-f", "%M", "-o", log])
        with open(log) as f:
            peak = int(f.read().split()[-1]) / 1024
    finally:
        os.unlink(log)
    print("%.1f %.1f %.1f" % (statistics.median(cpus), statistics.median(walls), peak))


if __name__ == "__main__":
    main()
