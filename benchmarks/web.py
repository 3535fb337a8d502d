"""Web benchmark: throughput of the pages that must not slow down as a person's history grows.

    .venv/bin/python -m benchmarks.web              (or: make bench-web BENCH_ARGS="...")

Serves the site as in production (gunicorn, sync workers, PostgreSQL, Redis, DEBUG off;
``benchmarks.webserver``) and drives it with wrk over loopback. After a warm-up, each
round runs the two sides of every pair back to back (the order alternates between rounds)
and takes their ratio; the table shows the median ratio over the rounds and its spread.
Then the page weight and Lighthouse parts run, unless skipped. benchmarks/README.md
explains the table; the exit code is non-zero when a goal is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from importlib import import_module

from benchmarks.machine import OtherLoad
from benchmarks.web_report import PairResult, report
from benchmarks.wrk import Run, WrkError, check, wrk

LATENCY_CONNECTIONS = 8


@dataclass(frozen=True)
class Endpoint:
    path: str
    who: str | None  # the person signed in, or None for a visitor


# Paths may name the person's own records (benchmarks.web_pages.ids), filled in per run.
ENDPOINTS = {
    "empty": Endpoint("/bench/empty/", None),
    "bare": Endpoint("/bench/bare/", None),
    "hello": Endpoint("/bench/hello/", "large"),
    **{
        f"{name}-{who}": Endpoint(path, who)
        for name, path in (
            ("dashboard", "/"),
            ("goals", "/goals/"),
            ("timeline", "/goals/timeline/"),
            ("history", "/reviews/history/"),
        )
        for who in ("large", "small", "year")
    },
    **{
        f"{name}-{who}": Endpoint(path, who)
        for name, path in (
            ("goal", "/goals/{goal}/"),
            ("quarter", "/reviews/quarters/{year}/{quarter}/"),
            ("results", "/assessments/takes/{take}/results/"),
        )
        for who in ("large", "small")
    },
    **{
        f"{name}-large": Endpoint(path, "large")
        for name, path in (
            ("checkins", "/reviews/"),
            ("checkin", "/reviews/checkins/{checkin}/"),
            ("assessments", "/assessments/"),
            ("compare", "/assessments/explore/roles/{role}/compare/"),
            ("shared", "/reviews/s/{link}/"),
        )
    },
}
# Every weekly page of the large person against the dashboard (benchmarks.web_pages.WEEKLY).
WEEKLY = {
    "goal list": "goals",
    "goal page": "goal",
    "timeline": "timeline",
    "check-ins": "checkins",
    "check-in page": "checkin",
    "check-in history": "history",
    "quarterly summary": "quarter",
    "self-assessments": "assessments",
    "results": "results",
    "role compare": "compare",
    "shared page": "shared",
}


@dataclass(frozen=True)
class Pair:
    label: str
    a: str  # endpoint keys; the ratio is a's req/s over b's
    b: str
    goal: float | None  # the least acceptable median ratio; None: for information only
    page: str | None = None  # large / small pairs: the path whose query counts must match

    @property
    def short(self) -> str:
        if self.b == "dashboard-large":
            return f"{self.a.removesuffix('-large')}/dashboard"
        if self.a.endswith("-large") and self.b.endswith("-small"):
            return self.a.removesuffix("-large")
        if self.a.endswith("-large") and self.b.endswith("-year"):
            return f"{self.a.removesuffix('-large')} (10 y / 1 y)"
        return f"{self.a}/{self.b}"


PAIRS = [
    # Reported, not judged: Django's own middleware measures below 0.85x on this machine.
    Pair("empty view: full middleware / bare", "empty", "bare", None),
    Pair("signed-in hello / empty view", "hello", "empty", None),
    Pair("dashboard: large / small", "dashboard-large", "dashboard-small", 0.8, "/"),
    Pair("goal list: large / small", "goals-large", "goals-small", 0.8, "/goals/"),
    Pair("timeline: large / small", "timeline-large", "timeline-small", 0.8, "/goals/timeline/"),
    Pair(
        "check-in history: large / small",
        "history-large",
        "history-small",
        0.8,
        "/reviews/history/",
    ),
    *(
        # Reported: what the two people's pages show differs beyond the history's length
        # (the large person's quarter is a busy one, the small one's nearly empty; another
        # instrument's results; a goal with or without learning linked), and so may their
        # queries. Each is judged against the dashboard below, and beside a crowd.
        Pair(f"{label}: large / small", f"{name}-large", f"{name}-small", None)
        for label, name in (
            ("goal page", "goal"),
            ("quarterly summary", "quarter"),
            ("results", "results"),
        )
    ),
    Pair("dashboard (large) / signed-in hello", "dashboard-large", "hello", 0.25),
    # No weekly page far slower than the rest: each at least half the dashboard's rate.
    *(
        Pair(f"{label} / dashboard (large)", f"{name}-large", "dashboard-large", 0.5)
        for label, name in WEEKLY.items()
    ),
    # The large person against their own last year (benchmarks.web_seed.YEAR): what nine
    # more years of history cost, apart from what a busy year puts on the page.
    *(
        Pair(f"{label}: large / its last year alone", f"{name}-large", f"{name}-year", None)
        for label, name in (
            ("dashboard", "dashboard"),
            ("goal list", "goals"),
            ("timeline", "timeline"),
            ("check-in history", "history"),
        )
    ),
]
LATENCY_ENDPOINT = "dashboard-large"
LATENCY_GOAL = 2.0  # p99 / p50 at most


# --- Query counts -------------------------------------------------------------------------


def query_counts(server, pages: list[str]) -> dict[str, tuple[int, int]]:
    """SQL queries per page for the large and the small person, counted in this process
    with Django's test client against the bench database (the second request of each, so
    first-use caches don't count)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for page in pages:
        found = []
        for who in ("large", "small"):
            client = Client(HTTP_HOST="127.0.0.1")
            client.cookies["sessionid"] = server.people[who].session_cookie
            client.cookies["csrftoken"] = server.csrf_cookie
            path = page.format(**server.ids[who])
            try:
                client.get(path)
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path)
            except Exception as error:  # the page crashed: say where in one line
                where = "".join(traceback.format_exception_only(error)).strip()
                raise WrkError(f"{page} as the {who} person raised {where}") from None
            if response.status_code != 200:
                raise WrkError(f"{page} as the {who} person answered {response.status_code}")
            found.append(len(queries))
        counts[page] = (found[0], found[1])
    return counts


# --- The run ------------------------------------------------------------------------------


def open_connections(port: int) -> int:
    """Connections to the server that are accepted or waiting to be, by the kernel's table."""
    if shutil.which("ss"):
        states = ["state", "established", "state", "close-wait", "state", "syn-recv"]
        listed = subprocess.run(  # noqa: S603 - iproute2's ss, fixed arguments
            ["ss", "-Htn", *states, f"( sport = :{port} )"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        )
        return len(listed.stdout.splitlines())
    with open("/proc/net/tcp") as table:  # without ss; IPv4 is all gunicorn listens on
        next(table)  # the header
        rows = [line.split() for line in table]
    # ESTABLISHED, SYN_RECV, CLOSE_WAIT
    return sum(
        1 for row in rows if row[1].endswith(f":{port:04X}") and row[3] in {"01", "03", "08"}
    )


def wait_idle(port: int, timeout: float = 300) -> None:
    """Wait until gunicorn has finished every request wrk sent. wrk stops on time with
    requests still queued or running; sync workers finish them anyway (their client is
    gone), and the next run must not pay for them."""
    deadline = time.monotonic() + timeout
    while open_connections(port):
        if time.monotonic() > deadline:
            raise WrkError(f"the server was still busy {timeout:.0f} s after wrk stopped")
        time.sleep(0.05)


def measure(server, key: str, args, *, connections: int | None = None, seconds=None) -> Run:
    endpoint = ENDPOINTS[key]
    cookie = server.cookie_header(endpoint.who) if endpoint.who else ""
    path = endpoint.path.format(**server.ids[endpoint.who]) if endpoint.who else endpoint.path
    run = wrk(
        server.base_url + path,
        cookie,
        connections=connections or args.connections,
        seconds=seconds or args.duration,
    )
    wait_idle(int(server.base_url.rsplit(":", 1)[1]))
    check(run, f"{path} ({endpoint.who or 'signed out'})")
    return run


def benchmark(server, args) -> tuple[list[PairResult], list[float]]:
    from benchmarks.webserver import DB_NAME

    print(f"Warm-up: {args.warmup:g} s per endpoint ...", flush=True)
    for key in ENDPOINTS:
        measure(server, key, args, seconds=args.warmup)
    counts = query_counts(server, [pair.page for pair in PAIRS if pair.page])
    results = [PairResult(pair.label, pair.goal) for pair in PAIRS]
    for pair, result in zip(PAIRS, results, strict=True):
        if pair.page:
            result.queries = counts[pair.page]
    latency = PairResult(
        f"dashboard (large) p99 / p50, {LATENCY_CONNECTIONS} connections",
        LATENCY_GOAL,
        at_most=True,
    )
    others = []
    for number in range(args.rounds):
        load = OtherLoad(DB_NAME)
        notes = []
        for pair, result in zip(PAIRS, results, strict=True):
            if result.failure:
                continue
            order = (pair.a, pair.b) if number % 2 == 0 else (pair.b, pair.a)
            try:
                runs = {key: measure(server, key, args) for key in order}
            except WrkError as error:
                result.failure = str(error)
                continue
            a, b = runs[pair.a].rate, runs[pair.b].rate
            result.a.append(a)
            result.b.append(b)
            result.ratios.append(a / b if b else 0.0)
            notes.append(f"{pair.short} {result.ratios[-1]:.2f}")
        if not latency.failure:
            try:
                run = measure(server, LATENCY_ENDPOINT, args, connections=LATENCY_CONNECTIONS)
                latency.a.append(run.p50_ms)
                latency.b.append(run.p99_ms)
                latency.ratios.append(run.p99_ms / run.p50_ms if run.p50_ms else 0.0)
                notes.append(f"p99/p50 {latency.ratios[-1]:.2f}")
            except WrkError as error:
                latency.failure = str(error)
        others.append(load.cores())
        print(
            f"Round {number + 1}/{args.rounds}: {', '.join(notes)}; "
            f"other processes used {others[-1]:.1f} cores",
            flush=True,
        )
    return [*results, latency], others


def optional_part(module: str, function: str, server) -> bool | None:
    """Run another web benchmark part if its module is there; None when it is missing."""
    try:
        part = import_module(module)
    except ModuleNotFoundError as error:
        if error.name != module:
            raise
        print(f"\n{module} is not there yet; skipped.")
        return None
    print(f"\n--- {module} ---", flush=True)
    return bool(getattr(part, function)(server))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds after the warm-up (5)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run (5)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up seconds per endpoint (2)")
    parser.add_argument(
        "--connections", type=int, default=4, help="wrk connections for throughput (4)"
    )
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: one per core)")
    parser.add_argument("--skip-weight", action="store_true", help="skip the page weight part")
    parser.add_argument("--skip-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--reseed", action="store_true", help="rebuild the two people")
    args = parser.parse_args(argv)
    if min(args.rounds, args.duration, args.warmup, args.connections) < 1:
        parser.error("--rounds, --duration, --warmup and --connections must be 1 or more")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: install Debian's wrk package.")

    from benchmarks.webserver import running_server

    signal.signal(signal.SIGINT, signal.default_int_handler)  # also when started in background
    try:
        with running_server(workers=args.workers, reseed=args.reseed) as server:
            runs = len(PAIRS) * 2 + 1
            minutes = (len(ENDPOINTS) * args.warmup + args.rounds * runs * args.duration) / 60
            print(
                f"{args.rounds} rounds of {runs} wrk runs, {args.duration} s each (at least "
                f"{minutes:.0f} min: slow pages take longer to drain); {os.cpu_count()} cores",
                flush=True,
            )
            if args.rounds < 5:
                print("Fewer than 5 rounds: a quick look, not a verdict to rely on.")
            results, others = benchmark(server, args)
            ok = report(results, others, args, latency_connections=LATENCY_CONNECTIONS)
            noisy_only = not ok and all(
                result.verdict in ("PASS", "NOISY") for result in results if result.goal
            )
            for module, function, skip in (
                ("benchmarks.page_weight", "measure", args.skip_weight),
                ("benchmarks.lighthouse", "run", args.skip_lighthouse),
            ):
                if not skip and optional_part(module, function, server) is False:
                    ok, noisy_only = False, False
    except KeyboardInterrupt:
        print("\nInterrupted.")
        return 130
    except WrkError as error:
        print(f"\nFAIL: {error}")
        return 1
    if ok:
        print("\nEvery goal is met.")
        return 0
    if noisy_only:
        print("\nNo goal missed, but some were too noisy to judge (exit code 2).")
        return 2
    print("\nSome goals were missed (exit code 1).")
    return 1


if __name__ == "__main__":
    sys.exit(main())
