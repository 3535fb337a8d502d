"""Weekly email benchmark: the real pipeline to an SMTP sink, the same pipeline on the
in-memory mail backend, and raw smtplib, side by side over the same N people.

    .venv/bin/python -m benchmarks.reminders --people 20000     (or: make bench-reminders)

It uses its own PostgreSQL database and Redis DB index, talks only to loopback, stops by
itself, and exits non-zero when a goal is missed. benchmarks/README.md explains the table.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import secrets
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import seed
from benchmarks.machine import OtherLoad, stop_group

BASE_DIR = Path(__file__).resolve().parent.parent
DB_NAME = "careercompass_bench"
REDIS_URL = "redis://127.0.0.1:6379/14"  # dev and tests use /0; this index is the bench's
LOCK_KEY = 7_411_926  # PostgreSQL advisory lock: one benchmark at a time
GOAL_RATIO = 0.5  # SMTP pipeline >= 0.5x the in-memory one
GOAL_SECONDS = 300  # 100,000 people in under 5 minutes


# --- SMTP sink (its own process, no Django) ---------------------------------------------


def serve_sink(port: int, counter, ready) -> None:
    from aiosmtpd.controller import Controller

    class Count:
        async def handle_DATA(self, server, session, envelope):
            counter.value += 1  # one writer (this loop); the parent only reads
            return "250 Message accepted for delivery"

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it, also on Ctrl-C
    controller = Controller(Count(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


class Sink:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.port = free_port()
        self.counter = context.RawValue("q", 0)
        ready = context.Event()
        self.process = context.Process(
            target=serve_sink, args=(self.port, self.counter, ready), daemon=True
        )
        self.process.start()
        if not ready.wait(20):
            raise RuntimeError("the SMTP sink did not start")

    @property
    def count(self) -> int:
        return self.counter.value

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- Celery workers -----------------------------------------------------------------------


class Workers:
    def __init__(self, name: str, *, email_url: str, concurrency: int, logs: Path) -> None:
        self.hostname = f"bench-{name}@{socket.gethostname()}"
        self.log = logs / f"worker-{name}.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own Celery app, fixed arguments
                [sys.executable, "-m", "celery", "-A", "careerapp", "worker", "--pool=prefork"]
                + [f"--concurrency={concurrency}", f"--hostname=bench-{name}@%h"]
                + ["--without-gossip", "--without-mingle", "--loglevel=WARNING"],
                cwd=BASE_DIR,
                env={**os.environ, "EMAIL_URL": email_url},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own group: stop() takes the pool children too
            )

    def wait_ready(self, timeout: float = 60) -> None:
        from careerapp.celery import app

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            if app.control.ping(destination=[self.hostname], timeout=0.5):
                return
        raise RuntimeError(f"worker {self.hostname} did not start:\n{self.tail()}")

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        """Warm shutdown (the running chunk finishes); the whole group if that hangs."""
        stop_group(self.process)


# --- Database, seed and reset -------------------------------------------------------------


def configure(args: argparse.Namespace) -> None:
    """Point this process and its workers at the bench database and Redis index only."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="careerapp.settings",
        DJANGO_ENV_FILE="",
        DJANGO_DEBUG="false",  # as in production: no query log, no debug templates
        DJANGO_SECRET_KEY=secrets.token_urlsafe(48),
        DJANGO_ALLOWED_HOSTS="localhost",
        SITE_URL="https://careercompass.example",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        REDIS_URL=REDIS_URL,
        EMAIL_URL="memorymail://",
        LOG_LEVEL="warning",
    )
    for name, value in (("REMINDER_CHUNK_SIZE", args.chunk), ("REMINDER_SWEEP_BATCH", args.batch)):
        if value:
            os.environ[name] = str(value)
    import psycopg2
    from psycopg2 import sql

    admin = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME])
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DB_NAME)))
    admin.close()
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    with connection.cursor() as cur:  # one run at a time: two would reset each other's data
        cur.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
        if not cur.fetchone()[0]:
            raise SystemExit(f"Another benchmark is using {DB_NAME}; try again when it ends.")
    call_command("migrate", verbosity=0, interactive=False)


# --- The three pipelines --------------------------------------------------------------------


@dataclass
class Result:
    name: str
    emails: int
    seconds: float
    note: str = ""
    complete: bool = True
    others: float = 0.0  # cores used by other processes meanwhile

    @property
    def rate(self) -> float:
        return self.emails / self.seconds if self.seconds else 0.0


def run_pipeline(key: str, name: str, email_url: str, args, logs: Path, started: list) -> Result:
    """Sweep from here until everyone is claimed; time until every delivery has settled."""
    from django.db.models import Count

    from careerapp import tasks
    from careerapp.models import DeliveryStatus, ReminderDelivery

    seed.reset(REDIS_URL)
    workers = Workers(key, email_url=email_url, concurrency=args.concurrency, logs=logs)
    started.append(workers)
    workers.wait_ready()
    others = OtherLoad(DB_NAME)
    deadline = time.monotonic() + args.timeout
    began = time.perf_counter()
    claimed = sweeps = 0
    while time.monotonic() < deadline:
        stats = tasks.sweep_weekly_emails()
        claimed, sweeps = claimed + stats["claimed"], sweeps + 1
        if not stats["claimed"] and not stats["enqueued"]:
            break
    swept = time.perf_counter() - began
    unsettled = ReminderDelivery.objects.filter(
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]
    )
    while time.monotonic() < deadline and unsettled.exists():
        time.sleep(0.1)
    seconds = time.perf_counter() - began
    busy = others.cores()
    workers.stop()
    counts = dict(ReminderDelivery.objects.values_list("status").annotate(Count("pk")))
    complete = claimed == args.people and not unsettled.exists()
    if not complete:
        print(f"\n{name}: not finished within {args.timeout:.0f} s. Worker log:\n{workers.tail()}")
    note = (
        f"{counts.get('skipped', 0):,} skipped (nothing to say), "
        f"{counts.get('failed', 0)} failed; {sweeps} sweeps took {swept:.1f} s; "
        f"other processes used {busy:.1f} cores"
    )
    return Result(name, counts.get("sent", 0), seconds, note, complete, busy)


def render_sample(size: int) -> tuple[list[tuple[str, list[str], bytes]], int]:
    """Rendered (sender, recipients, bytes) for a random sample of people, as the SMTP
    backend would put them on the wire. Not timed."""
    from django.core.mail.message import sanitize_address
    from django.utils import timezone

    from careerapp import reminders
    from careerapp.models import User

    measured = User.objects.filter(email__endswith=f"@{seed.DOMAIN}")
    ids = list(measured.order_by("pk").values_list("pk", flat=True))
    chosen = sorted(random.Random(7).sample(ids, min(size, len(ids))))
    now, wire = timezone.now(), []
    for start in range(0, len(chosen), 100):
        users = list(User.objects.filter(pk__in=chosen[start : start + 100]).order_by("pk"))
        for content in reminders.collect(users, now=now):
            if content.has_news or content.user.reminders_send_empty:
                message = reminders.build_message(content)
                sender = sanitize_address(message.from_email, "utf-8")
                recipients = [sanitize_address(a, "utf-8") for a in message.recipients()]
                wire.append((sender, recipients, message.message().as_bytes(linesep="\r\n")))
    return wire, len(chosen)


def run_raw(emails: int, port: int, args) -> Result:
    wire, sampled = render_sample(args.sample)
    deadline = time.monotonic() + args.timeout
    others = OtherLoad(DB_NAME)
    began = time.perf_counter()
    sent = 0
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        while sent < emails and time.monotonic() < deadline:
            sender, recipients, data = wire[sent % len(wire)]
            smtp.sendmail(sender, recipients, data)
            sent += 1
    seconds = time.perf_counter() - began
    busy = others.cores()
    how = "all" if sampled == args.people else f"a random {sampled:,} of the"
    note = (
        f"{len(wire):,} messages pre-rendered from {how} {args.people:,} people, sent "
        f"cyclically; other processes used {busy:.1f} cores"
    )
    return Result("raw smtplib, 1 connection", sent, seconds, note, sent == emails, busy)


# --- Report ----------------------------------------------------------------------------------


def report(results: list[Result], args) -> bool:
    smtp, memory, raw = results
    print(f"\n{'pipeline':<30} {'emails':>8} {'seconds':>8} {'emails/s':>9}")
    for result in results:
        flag = "" if result.complete else "  INCOMPLETE"
        numbers = f"{result.emails:>8,} {result.seconds:>8.1f} {result.rate:>9.1f}"
        print(f"{result.name:<30} {numbers}{flag}")
    print()
    for result in results:
        print(f"  {result.name}: {result.note}")
    ratio = smtp.rate / memory.rate if memory.rate else 0.0
    raw_ratio = smtp.rate / raw.rate if raw.rate else 0.0
    projected = smtp.seconds * 100_000 / args.people
    how = "measured" if args.people == 100_000 else f"projected linearly from {args.people:,}"
    ratio_ok = ratio >= GOAL_RATIO and smtp.complete and memory.complete
    time_ok = projected < GOAL_SECONDS and smtp.complete
    if max(result.others for result in results) > 0.3:
        print("\nWARNING: other processes used CPU meanwhile; rerun on a quiet machine.")
    print(f"\nSMTP / in-memory:   {ratio:.2f}x")
    print(f"SMTP / raw smtplib: {raw_ratio:.2f}x")
    verdict = {True: "PASS", False: "FAIL"}
    print(f"{verdict[ratio_ok]}  SMTP pipeline >= {GOAL_RATIO}x the in-memory one ({ratio:.2f}x)")
    print(f"{verdict[time_ok]}  100,000 people under {GOAL_SECONDS} s ({projected:.0f} s, {how})")
    return ratio_ok and time_ok and raw.complete


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=20_000, help="default 20,000")
    parser.add_argument(
        "--concurrency", type=int, default=2, help="prefork children per worker (default 2)"
    )
    parser.add_argument("--chunk", type=int, help="REMINDER_CHUNK_SIZE (default: the app's)")
    parser.add_argument("--batch", type=int, help="REMINDER_SWEEP_BATCH (default: the app's)")
    parser.add_argument(
        "--sample", type=int, default=2000, help="people rendered for raw smtplib (default 2,000)"
    )
    parser.add_argument("--timeout", type=float, help="seconds per pipeline (default 6 ms/person)")
    parser.add_argument(
        "--only", choices=("smtp", "memory"), help="run one pipeline only (for profiling)"
    )
    parser.add_argument(
        "--scheduled",
        type=int,
        help="instead: people scheduled in all, the --people due among them (e.g. 1000000)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds with --scheduled (3)")
    args = parser.parse_args()
    args.timeout = args.timeout or max(120.0, args.people * 0.006)

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started in background
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    started: list = []
    sink = None
    logs = Path(tempfile.mkdtemp(prefix="cc-bench-"))  # worker logs, shown when one fails
    try:
        configure(args)
        from django.conf import settings

        print(seed.ensure_people(args.people))
        print(
            f"{args.people:,} people, chunks of {settings.REMINDER_CHUNK_SIZE}, sweeps of "
            f"{settings.REMINDER_SWEEP_BATCH}, {args.concurrency} prefork children, "
            f"{os.cpu_count()} cores"
        )
        if args.scheduled:
            if args.scheduled <= args.people:
                raise SystemExit("--scheduled counts everyone scheduled: more than --people.")
            from benchmarks.reminders_crowded import crowded

            return crowded(args, logs, started)
        sink = Sink()
        smtp_url = f"smtp://127.0.0.1:{sink.port}"
        pipelines = {
            "smtp": ("Celery + SMTP sink", smtp_url),
            "memory": ("Celery + in-memory", "memorymail://"),
        }
        results = []
        for key, (name, url) in pipelines.items():
            if args.only and key != args.only:
                continue
            before = sink.count
            print(f"Running {name} ...", flush=True)
            results.append(run_pipeline(key, name, url, args, logs, started))
            if key == "smtp" and sink.count - before != results[-1].emails:
                results[-1].note += f"; the sink counted {sink.count - before:,}"
        if args.only:
            only = results[0]
            print(f"{only.emails:,} emails in {only.seconds:.1f} s, {only.rate:.0f}/s; {only.note}")
            return 0
        print("Running raw smtplib ...", flush=True)
        results.append(run_raw(results[0].emails or args.people, sink.port, args))
        return 0 if report(results, args) else 1
    except KeyboardInterrupt:
        print("\nInterrupted.")
        return 130
    finally:
        for workers in started:
            workers.stop()
        if sink:
            sink.stop()
        shutil.rmtree(logs, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
