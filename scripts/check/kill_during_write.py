#!/usr/bin/env python3
"""Kills a process with SIGKILL while a job of its writes to SQLite: kill_during_write.py DATABASE JOB PID SECONDS

Waits (at most SECONDS) until the database says job JOB is running (`job.state`, read beside the writer: the
database is in WAL mode) and its write lock is held: `BEGIN IMMEDIATE` answers SQLITE_BUSY at once, on
PROBES consecutive tries 50 ms apart (a heartbeat's write is over in a few milliseconds; an import's
transaction stays open while it reads its file). Then kills PID and prints what it saw. Exit status 0 when
the kill came while the write was open, 1 when the moment never came (the job ended, the service died, or
the time ran out), 2 on bad arguments.
"""

import os
import signal
import sqlite3
import sys
import time

PROBES = 3


def write_lock_held(path):
    """Whether another connection holds the database's write lock (BEGIN IMMEDIATE fails with SQLITE_BUSY)."""
    connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return True
        raise
    finally:
        connection.close()


def job_state(path, job):
    connection = sqlite3.connect(path, timeout=5)
    try:
        row = connection.execute("SELECT state FROM job WHERE id = ?", (job,)).fetchone()
        return row[0] if row else "missing"
    finally:
        connection.close()


def main():
    if len(sys.argv) != 5:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    path, job, pid, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    deadline = time.monotonic() + seconds
    busy = 0
    state = "unknown"
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            print(f"the process {pid} ended before the moment came (job {state})")
            return 1
        state = job_state(path, job)
        if state in ("done", "failed"):
            print(f"job {job} ended ({state}) before its write could be caught")
            return 1
        busy = busy + 1 if state == "running" and write_lock_held(path) else 0
        if busy == PROBES:
            wal = os.path.getsize(path + "-wal") if os.path.exists(path + "-wal") else 0
            os.kill(pid, signal.SIGKILL)
            print(f"killed {pid}: job {job} running, the write lock held on {PROBES} probes, WAL {wal} bytes")
            return 0
        time.sleep(0.05)
    print(f"no open write of job {job} within {seconds:.0f} s (job {state})")
    return 1


if __name__ == "__main__":
    sys.exit(main())
