"""What the benchmarks share about the machine: other processes' CPU, stopping a child."""

from __future__ import annotations

import os
import signal
import subprocess
import time


class OtherLoad:
    """How many cores processes other than this benchmark's used (others' tests on a
    shared machine skew every number here): all busy CPU time from /proc/stat, less what
    this process and its descendants (gunicorn, wrk, Celery workers), PostgreSQL serving
    the bench database and Redis used. Linux only."""

    def __init__(self, db_name: str) -> None:
        self.db_name = db_name.encode()
        self.began, self.start = time.monotonic(), self._sample()

    def _sample(self) -> int:
        with open("/proc/stat") as stat:
            user, nice, system, _idle, _iowait, *rest = map(int, stat.readline().split()[1:9])
        busy = user + nice + system + sum(rest)
        parents, times, commands = {}, {}, {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{entry.name}/cmdline", "rb") as cmdline:
                    commands[int(entry.name)] = cmdline.read()
            except (OSError, IndexError):
                continue
            parents[int(entry.name)] = int(fields[1])
            times[int(entry.name)] = int(fields[11]) + int(fields[12])
        me = os.getpid()
        for pid, command in commands.items():
            ancestor, ours = pid, False
            for _ in range(32):
                if ancestor == me:
                    ours = True
                    break
                ancestor = parents.get(ancestor, 0)
                if ancestor <= 1:
                    break
            # PostgreSQL's backends of the bench database, its own writers (mostly writing
            # our rows) and Redis (our cache) work for us too.
            ours = ours or self.db_name in command or b"redis-server" in command
            ours = ours or (command.startswith(b"postgres: ") and b"(" not in command)
            if ours:
                busy -= times[pid]
        return busy

    def cores(self) -> float:
        used = (self._sample() - self.start) / os.sysconf("SC_CLK_TCK")
        return max(used, 0.0) / max(time.monotonic() - self.began, 1e-6)


def stop_group(process: subprocess.Popen, *, grace: float = 20) -> None:
    """Stop a child started in its own session: gracefully (it finishes what it is doing),
    then its whole process group if that hangs."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # its leader is alive: still ours
        process.wait(10)
