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
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from benchmarks.machine import OtherLoad

LUA = Path(__file__).resolve().with_name("wrk_report.lua")
NOISY_SPREAD = 1.2  # max ratio / min ratio over the rounds above this: too noisy to judge
LATENCY_CONNECTIONS = 8
BUSY_CORES = 0.3  # other processes' CPU above this gets a warning


@dataclass(frozen=True)
class Endpoint:
    path: str
    who: str | None  # the person signed in, or None for a visitor


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
        if self.a.endswith("-large") and self.b.endswith("-small"):
            return self.a.removesuffix("-large")
        if self.a.endswith("-large") and self.b.endswith("-year"):
            return f"{self.a.removesuffix('-large')} (10 y / 1 y)"
        return f"{self.a}/{self.b}"


PAIRS = [
    Pair("empty view: full middleware / bare", "empty", "bare", 0.85),
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
    Pair("dashboard (large) / signed-in hello", "dashboard-large", "hello", 0.25),
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


# --- wrk ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One wrk run, from the JSON line wrk_report.lua prints."""

    requests: int
    seconds: float
    non200: int
    last_non200: int
    socket_errors: int
    p50_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


class WrkError(RuntimeError):
    pass


def parse_wrk(output: str) -> Run:
    for line in output.splitlines():
        if line.startswith("WRK_JSON "):
            data = json.loads(line.removeprefix("WRK_JSON "))
            break
    else:
        raise WrkError(f"wrk printed no WRK_JSON line:\n{output[-2000:]}")
    errors = data["errors"]
    return Run(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        non200=data["non200"],
        last_non200=data["last_non200"],
        socket_errors=sum(errors[kind] for kind in ("connect", "read", "write", "timeout")),
        p50_ms=data["latency_us"]["p50"] / 1000,
        p99_ms=data["latency_us"]["p99"] / 1000,
    )


def check(run: Run, what: str) -> None:
    """Every response must be a 200: a redirect to sign in measures the wrong page."""
    if run.non200:
        hint = (
            " (a redirect: the session cookie did not sign in)"
            if run.last_non200 in (301, 302)
            else ""
        )
        raise WrkError(
            f"{what}: {run.non200} of {run.requests} responses were not 200, "
            f"e.g. {run.last_non200}{hint}"
        )
    if run.socket_errors:
        raise WrkError(f"{what}: {run.socket_errors} socket errors or timeouts")
    if not run.requests:
        raise WrkError(f"{what}: no request completed")


def wrk(url: str, cookie: str, *, connections: int, seconds: int) -> Run:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "60s", "-s", str(LUA), url]
    result = subprocess.run(  # noqa: S603 - wrk with fixed arguments
        command,
        env={**os.environ, "WRK_COOKIE": cookie},  # the Lua script sends it; `ps` can't see it
        capture_output=True,
        text=True,
        timeout=seconds + 90,
        check=False,
    )
    if result.returncode:
        raise WrkError(f"wrk failed ({result.returncode}):\n{result.stderr}{result.stdout}")
    return parse_wrk(result.stdout)


# --- Ratios and verdicts ------------------------------------------------------------------


def median_and_spread(ratios: list[float]) -> tuple[float, float]:
    """Median ratio over the rounds, and the spread: largest over smallest."""
    if not ratios:
        return 0.0, 0.0
    low = min(ratios)
    return statistics.median(ratios), (max(ratios) / low if low > 0 else float("inf"))


def verdict(ratios: list[float], goal: float | None, *, at_most: bool = False) -> str:
    """PASS or MISS by the median; NOISY when the rounds spread over NOISY_SPREAD and do not
    all agree about the goal (when every round passes, or every round misses, noise cannot
    have decided it). Pairs without a goal say "info", or NOISY."""
    median, spread = median_and_spread(ratios)
    if goal is None:
        return "NOISY" if spread > NOISY_SPREAD else "info"
    passed = [ratio <= goal if at_most else ratio >= goal for ratio in ratios]
    if spread > NOISY_SPREAD and any(passed) and not all(passed):
        return "NOISY"
    return "PASS" if (median <= goal if at_most else median >= goal) else "MISS"


@dataclass
class PairResult:
    label: str
    goal: float | None
    at_most: bool = False
    a: list[float] = field(default_factory=list)  # per round: req/s (or p50 in ms)
    b: list[float] = field(default_factory=list)  # per round: req/s (or p99 in ms)
    ratios: list[float] = field(default_factory=list)
    queries: tuple[int, int] | None = None  # large, small
    failure: str = ""

    @property
    def verdict(self) -> str:
        if self.failure:
            return "FAIL"
        if self.queries and self.queries[0] != self.queries[1]:
            return "MISS"
        if not self.ratios:
            return "FAIL"
        return verdict(self.ratios, self.goal, at_most=self.at_most)


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
            try:
                client.get(page)
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(page)
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
    run = wrk(
        server.base_url + endpoint.path,
        cookie,
        connections=connections or args.connections,
        seconds=seconds or args.duration,
    )
    wait_idle(int(server.base_url.rsplit(":", 1)[1]))
    check(run, f"{endpoint.path} ({endpoint.who or 'signed out'})")
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


def report(results: list[PairResult], others: list[float], args) -> bool:
    """Print the table; True when no goal was missed and nothing was too noisy to judge."""
    width = max(len(result.label) for result in results)
    print(
        f"\n{'pair':<{width}}  {'A req/s':>9}  {'B req/s':>9}  {'ratio':>6}  {'spread':>6}  "
        f"{'goal':>6}  {'queries':>9}  verdict"
    )
    for result in results:
        median, spread = median_and_spread(result.ratios)
        if result.at_most:  # latency: the sides are p50 and p99 in ms
            a = f"{statistics.median(result.a):.0f} ms" if result.a else "-"
            b = f"{statistics.median(result.b):.0f} ms" if result.b else "-"
            goal = f"<={result.goal}"
        else:
            a = f"{statistics.median(result.a):.1f}" if result.a else "-"
            b = f"{statistics.median(result.b):.1f}" if result.b else "-"
            goal = f">={result.goal}" if result.goal is not None else "report"
        queries = f"{result.queries[0]} / {result.queries[1]}" if result.queries else ""
        print(
            f"{result.label:<{width}}  {a:>9}  {b:>9}  {median:>5.2f}x  {spread:>5.2f}x  "
            f"{goal:>6}  {queries:>9}  {result.verdict}"
        )
    print(
        f"\nA and B: median req/s over {args.rounds} rounds of {args.duration:g} s, "
        f"{args.connections} connections (the latency row: p50 and p99 at "
        f"{LATENCY_CONNECTIONS}); queries: SQL queries per page, large / small."
    )
    for result in results:
        if result.failure:
            print(f"FAIL {result.label}: {result.failure}")
        elif result.queries and result.queries[0] != result.queries[1]:
            print(
                f"MISS {result.label}: the large person's page runs {result.queries[0]} "
                f"queries, the small one's {result.queries[1]}; they must be the same."
            )
    noisy = [result.label for result in results if result.verdict == "NOISY"]
    if noisy:
        print(
            f"NOISY: the ratios spread over {NOISY_SPREAD}x between rounds for "
            f"{', '.join(noisy)}; rerun on a quiet machine or with a longer --duration."
        )
    if others and max(others) > BUSY_CORES:
        print(
            f"WARNING: other processes used up to {max(others):.1f} cores during a round "
            f"(mean {statistics.mean(others):.1f}); rerun when the machine is quiet."
        )
    judged = [result.verdict for result in results if result.goal is not None]
    return all(verdict == "PASS" for verdict in judged)


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
            ok = report(results, others, args)
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
