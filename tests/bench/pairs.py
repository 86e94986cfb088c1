#!/usr/bin/env python3
"""Times a command against another, in turn, and takes the ratio pair by pair.

    tests/bench/pairs.py [-n RUNS] [--warmup N] [--vs 'COMMAND_B'] -- COMMAND_A [ARG ...]

A and B run in turn (A B A B ...) after the warm-up runs, so that a drift in
the machine's speed during the call moves both alike; each pair gives a ratio
A/B. Prints the median and [min-max] of wall seconds, CPU seconds (user +
system) and peak RSS of each command, and of the ratios. Output goes to
/dev/null. Without --vs, only A is timed. The figures in docs/performance.md
are such pairs: these machines are too noisy for figures of separate calls.
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(command):
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run of `command`."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) < 0:
        sys.exit(f"pairs.py: {command[0]} was killed by a signal")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def spread(values, unit=""):
    return (f"{statistics.median(values):.3f}{unit} "
            f"[{min(values):.3f}-{max(values):.3f}]")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=5, help="runs of each command (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="runs not counted (default 1)")
    parser.add_argument("--vs", help="the second command (B), split as a shell splits words")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command_a = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command_a or args.n < 1:
        parser.error("give a command after --, and -n of at least 1")
    commands = {"A": command_a}
    if args.vs:
        commands["B"] = shlex.split(args.vs)
    for _ in range(args.warmup):
        for command in commands.values():
            run_once(command)
    figures = {name: [] for name in commands}
    for _ in range(args.n):
        for name, command in commands.items():
            figures[name].append(run_once(command))
    for name, command in commands.items():
        walls, cpus, peaks = zip(*figures[name])
        print(f"{name}: wall {spread(walls, ' s')}  cpu {spread(cpus, ' s')}  "
              f"peak {spread(peaks, ' MiB')}  ({shlex.join(command)})")
    if "B" in commands:
        for index, label in ((0, "wall"), (1, "cpu")):
            ratios = [a[index] / b[index] for a, b in zip(figures["A"], figures["B"]) if b[index]]
            if ratios:
                print(f"A/B {label}: {spread(ratios)}")


if __name__ == "__main__":
    main()
