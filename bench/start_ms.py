#!/usr/bin/env python3
"""Wall time of a whole process, start-up included, in milliseconds.

    start_ms.py RUNS COMMAND [ARG...]   ->   "MEDIAN MEAN" of RUNS runs

Each run is started with posix_spawn (no shell, no fork of a large parent), its output sent to
/dev/null, and timed from the spawn to the end of waitpid: what a caller waits for, not what
the caller's own fork costs (a bash loop adds 2-4 ms per run on the bench machine, more than
/bin/true itself takes). One untimed run first brings the files into the page cache.
"""
import os
import statistics
import sys
import time


def wall_ms(argv, runs):
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    path = argv[0] if "/" in argv[0] else next(
        (os.path.join(d, argv[0]) for d in os.environ.get("PATH", "").split(":")
         if os.access(os.path.join(d, argv[0]), os.X_OK)), argv[0])
    times = []
    for run in range(runs + 1):
        start = time.perf_counter()
        pid = os.posix_spawn(path, argv, os.environ, file_actions=actions)
        os.waitpid(pid, 0)
        if run > 0:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), statistics.fmean(times)


if __name__ == "__main__":
    if len(sys.argv) < 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: start_ms.py RUNS COMMAND [ARG...]")
    median, mean = wall_ms(sys.argv[2:], int(sys.argv[1]))
    print(f"{median:.1f} {mean:.1f}")
