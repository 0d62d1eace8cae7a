"""Timing helpers shared by the benchmark drivers (standard library only).

A run is one whole process, timed by the wall clock, with its peak memory read from
wait4's resource usage: `ru_maxrss` of a waited-for process covers it and every descendant
it waited for, so it is the largest resident set of any single process of the run (for a
workbook build, usually swift-frontend; for MkDocs, the Python process). The same figure
`/usr/bin/time -v` prints as "Maximum resident set size".
"""

import os
import statistics
import subprocess
import sys
import time


class Run:
    def __init__(self, seconds, max_rss_kib):
        self.seconds = seconds
        self.max_rss_kib = max_rss_kib


def timed_run(command, cwd=None, env=None):
    """Runs `command` (a list), its output discarded; stops the benchmark if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Read stderr before waiting, so a chatty failure cannot fill the pipe and hang.
    error = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        sys.stderr.write(error.decode(errors="replace"))
        raise SystemExit(f"benchmark command failed ({process.returncode}): {' '.join(command)}")
    return Run(seconds, usage.ru_maxrss)


def run_step(command, cwd=None, env=None):
    """Runs an untimed preparation step, stopping the benchmark if it fails."""
    subprocess.run(command, cwd=cwd, env=env, check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)


def median(values):
    return statistics.median(values)


def seconds_text(seconds):
    return f"{seconds:.3f} s"


def memory_text(kib):
    return f"{kib / 1024:.0f} MiB"


def markdown_table(header, rows):
    """A GitHub-style Markdown table, columns padded for reading in a terminal."""
    table = [header] + rows
    widths = [max(len(str(row[column])) for row in table) for column in range(len(header))]
    def line(row):
        return "| " + " | ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) + " |"
    separator = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(header), separator] + [line(row) for row in rows])
