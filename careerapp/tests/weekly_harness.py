"""Real processes for the weekly-email tests: a private Redis, Celery workers and beats.

Each test gets its own redis-server on a free port, so stopping it (to test an outage)
never touches anything else on the machine.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings

from careerapp.celery import app as celery_app
from careerapp.tests.smtp import free_port

BASE_DIR = Path(__file__).resolve().parents[2]


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed"
        self.process = subprocess.Popen(  # noqa: S603 - a fixed local binary
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: _answers(self.port), timeout=10, what="private redis to start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def crash(self) -> None:
        """SIGKILL it, as a crash or an out-of-memory kill would. It keeps nothing on disk,
        so the next start() is empty: no queue, no cache, no unacknowledged tasks."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def _answers(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def wait_until(check, *, timeout: float, what: str, every: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def database_url() -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Celery:
    """Worker and beat processes pointed at the test database, a broker and an SMTP sink."""

    def __init__(self, *, redis_url: str, smtp_port: int, **extra_env: str):
        self.env = {
            **os.environ,
            "DJANGO_ENV_FILE": "",
            "DJANGO_DEBUG": "true",
            "DATABASE_URL": database_url(),
            "REDIS_URL": redis_url,
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "REMINDER_RETRY_DELAY": "1",
            "REMINDER_SWEEP_SECONDS": "1",
            "REMINDER_CHUNK_SIZE": "50",
            "LOG_LEVEL": "warning",
            **extra_env,
        }
        self.processes: list[subprocess.Popen] = []
        self.folder = Path(tempfile.mkdtemp(prefix="cc-celery-"))

    def _start(self, *args: str) -> subprocess.Popen:
        log = open(self.folder / f"{args[0]}-{len(self.processes)}.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603 - our own Celery app, fixed arguments
            [sys.executable, "-m", "celery", "-A", "careerapp", *args],
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so a kill takes the children too
        )
        self.processes.append(process)
        return process

    def worker(self, concurrency: int = 2) -> subprocess.Popen:
        return self._start(
            "worker",
            "--pool=prefork",
            f"--concurrency={concurrency}",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
            f"--hostname=w{len(self.processes)}@%h",
        )

    def beat(self) -> subprocess.Popen:
        schedule = self.folder / f"beat-{len(self.processes)}"
        return self._start("beat", "--loglevel=WARNING", f"--schedule={schedule}")

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        """SIGKILL the process and its pool children, as an out-of-memory kill would."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.folder.glob("*.log"))
        )


def send_twice_by_worker(task, row_id: int, *, sent, redis_url: str, smtp_port: int, what: str):
    """Enqueue ``task(row_id)`` twice to two real worker processes and wait until ``sent()``
    says its row is sent, then give the second copy its turn (it must send nothing)."""
    processes = Celery(redis_url=redis_url, smtp_port=smtp_port)
    try:
        processes.worker(concurrency=2)
        celery_app.conf.task_always_eager = False
        with celery_app.connection_for_write(redis_url) as connection:
            for _ in range(2):
                task.apply_async(args=[row_id], connection=connection)
        try:
            wait_until(sent, timeout=120, what=what)
        except AssertionError:
            raise AssertionError(processes.logs()) from None
        time.sleep(3)
    finally:
        processes.stop()
