"""A crowded server against a quiet one: the weekly pages of the same person, side by side.

    .venv/bin/python -m benchmarks.crowd            (or: make bench-crowd BENCH_ARGS="...")

Two production-like servers (``benchmarks.webserver``: gunicorn, PostgreSQL, DEBUG off),
one worker each by default:
- **quiet**: the web benchmark's database, its three people (``benchmarks.web_seed``) and
  nobody else;
- **crowded**: a database of its own with the same three people beside a crowd of
  ``--crowd`` people (``benchmarks.crowd_seed``, 100,000 by default), kept between runs
  (the first run writes it: minutes).

For every weekly page of the large person, each round runs wrk against both servers back
to back (the order alternating between rounds) and takes crowded / quiet. The table shows
the median ratio, its spread, and the SQL queries of the page on each side, which must be
the same. The exit code is 1 when a page falls under ``--goal`` (0.9) or its query counts
differ. benchmarks/README.md keeps the last table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from benchmarks import pairs
from benchmarks.pairs import Row

CROWD_DB = "careercompass_crowdbench"
CROWD_REDIS = "redis://127.0.0.1:6379/12"  # the quiet server has /13
CROWD = 100_000
GOAL = 0.9


@dataclass
class Side:
    """One server's view of the large person: where their pages are and what they cost."""

    base_url: str
    cookie: str
    paths: list[str]
    queries: list[int]


def large_person_paths(link: str) -> list[str]:
    from benchmarks import web_pages, web_seed

    return [path for _label, path in web_pages.paths(web_seed.email_of("large"), link)]


def count_queries(session: str, csrf: str, paths: list[str]) -> list[int]:
    """SQL queries per page, counted in this process with Django's test client (the
    second request of each, so first-use caches don't count)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["sessionid"] = session
    client.cookies["csrftoken"] = csrf
    counts = []
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        counts.append(len(queries) if status == 200 else -status)
    return counts


def prepare_crowded(crowd: int, csrf: str) -> None:
    """In a process of its own (the crowded database's settings in the environment):
    migrate, seed, sign in; prints the large person's side as JSON on the last line."""
    from benchmarks import web_seed
    from benchmarks.webserver import prepare, sign_in

    for line in prepare(db_name=CROWD_DB, crowd=crowd, static=False):
        print(f"crowded: {line}.", flush=True)
    people = sign_in({key: web_seed.email_of(key) for key in web_seed.PEOPLE})
    large = people["large"]
    paths = large_person_paths(large.link)
    side = {
        "session": large.session_cookie,
        "paths": paths,
        "queries": count_queries(large.session_cookie, csrf, paths),
    }
    print(json.dumps(side), flush=True)


def crowded_side(args, port: int, csrf: str) -> dict:
    from benchmarks.webserver import environment

    env = {**os.environ, **environment(port, CROWD_DB, CROWD_REDIS)}
    command = [sys.executable, "-m", "benchmarks.crowd", "--prepare-crowded", str(args.crowd)]
    with subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
        [*command, "--csrf", csrf], env=env, stdout=subprocess.PIPE, text=True
    ) as child:
        lines = []
        for line in child.stdout:
            lines.append(line)
            if not line.startswith("{"):
                print(line, end="", flush=True)
    if child.returncode or not lines:
        raise SystemExit(f"Preparing the crowded server failed (exit code {child.returncode}).")
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--crowd", type=int, default=CROWD, help="people in the crowd (100,000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds after the warm-up (5)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run (5)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up seconds per page (2)")
    parser.add_argument("--connections", type=int, default=2, help="wrk connections (2)")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers per server (1)")
    parser.add_argument("--goal", type=float, default=GOAL, help="least crowded / quiet (0.9)")
    parser.add_argument("--prepare-crowded", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--csrf", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.prepare_crowded is not None:
        prepare_crowded(args.prepare_crowded, args.csrf)
        return 0
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian: apt-get install wrk).", file=sys.stderr)
        return 1

    from benchmarks.webserver import (
        DB_NAME,
        Gunicorn,
        environment,
        free_port,
        lock_database,
        running_server,
    )

    port = free_port()
    lock = lock_database(CROWD_DB)
    logs = Path(tempfile.mkdtemp(prefix="cc-crowdbench-"))
    try:
        with running_server(workers=args.workers) as quiet:
            crowded = crowded_side(args, port, quiet.csrf_cookie)
            server = Gunicorn(
                port, args.workers, logs, env=environment(port, CROWD_DB, CROWD_REDIS)
            )
            try:
                server.wait_ready()
                large = quiet.people["large"]
                sides = {
                    "quiet": Side(
                        quiet.base_url,
                        quiet.cookie_header("large"),
                        large_person_paths(large.link),
                        [],
                    ),
                    "crowded": Side(
                        f"http://127.0.0.1:{port}",
                        f"sessionid={crowded['session']}; csrftoken={quiet.csrf_cookie}",
                        crowded["paths"],
                        crowded["queries"],
                    ),
                }
                sides["quiet"].queries = count_queries(
                    large.session_cookie, quiet.csrf_cookie, sides["quiet"].paths
                )
                return run(args, sides, DB_NAME)
            finally:
                server.stop()
    finally:
        lock.close()
        shutil.rmtree(logs, ignore_errors=True)


def run(args, sides: dict[str, Side], db_name: str) -> int:
    from benchmarks import web_pages
    from benchmarks.compare import rate

    rows = [Row(label) for label, _path in web_pages.WEEKLY]
    for n, row in enumerate(rows):
        row.queries = (sides["quiet"].queries[n], sides["crowded"].queries[n])

    def measure(side: str, n: int, seconds: int) -> float:
        chosen = sides[side]
        return rate(chosen.base_url, chosen.paths[n], chosen.cookie, seconds, args.connections)

    others = pairs.alternate(
        rows,
        measure,
        ("quiet", "crowded"),
        rounds=args.rounds,
        duration=args.duration,
        warmup=args.warmup,
        db_name=db_name,
    )
    return report(rows, args, others)


def report(rows: list[Row], args, others: list[float]) -> int:
    passed = pairs.report(
        rows,
        ("page (large person)", "quiet req/s", "crowded req/s", "crowded/quiet"),
        # As fast beside the crowd, with the same queries (more or fewer is a difference).
        lambda row: median(row.ratios) >= args.goal and row.queries[0] == row.queries[1] > 0,
    )
    print(
        f"\nMedians over {args.rounds} rounds of {args.duration} s, {args.connections} "
        f"connections, {args.workers} worker(s) per server; a crowd of {args.crowd:,} people. "
        f"Goal crowded / quiet >= {args.goal:g} with the same queries (quiet / crowded). "
        f"Other processes used {max(others, default=0):.1f} cores at most."
    )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
