"""Two commits side by side: does a change keep every weekly page as fast as before?

    .venv/bin/python -m benchmarks.compare --before <commit>
    make bench-compare BEFORE=<commit> BENCH_ARGS="--rounds 3"

Serves the same database, people and sessions (``benchmarks.webserver``) with two gunicorn
servers: this checkout, and ``--before`` checked out in a temporary git worktree with
this checkout's virtualenv. For every weekly page of the large person, each round runs
wrk against both servers back to back (the order alternating between rounds) and takes
after / before; the table shows the median ratio, its spread, and the SQL queries per page
on each side. The two commits must share the database schema. The exit code is 1 when a
page falls under ``--goal`` (0.9) or its query count grew.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from statistics import median

from benchmarks import pairs, web_pages
from benchmarks.pairs import Row
from benchmarks.web import wait_idle
from benchmarks.wrk import WrkError, check, wrk

# Counts the SQL queries of a page in the other checkout (it may lack this module).
COUNT_SCRIPT = """
import json, sys, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
session, csrf, pages = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
client = Client(HTTP_HOST="127.0.0.1")
client.cookies["sessionid"] = session
client.cookies["csrftoken"] = csrf
counts = []
for page in pages:
    client.get(page)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(page).status_code
    counts.append(len(queries) if status == 200 else -status)
print(json.dumps(counts))
"""


@contextmanager
def worktree(commit: str):
    """``commit`` checked out in a temporary worktree using this checkout's virtualenv."""
    from benchmarks.webserver import BASE_DIR

    folder = Path(tempfile.mkdtemp(prefix="cc-before-")) / "tree"
    git = ["git", "-C", str(BASE_DIR)]
    subprocess.run([*git, "worktree", "add", "--detach", str(folder), commit], check=True)  # noqa: S603
    try:
        yield folder
    finally:
        subprocess.run([*git, "worktree", "remove", "--force", str(folder)], check=False)  # noqa: S603
        shutil.rmtree(folder.parent, ignore_errors=True)


def count_queries(tree: Path, server, pages: list[str]) -> list[int]:
    import json

    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", COUNT_SCRIPT, server.people["large"].session_cookie]
        + [server.csrf_cookie, json.dumps(pages)],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise WrkError(f"counting queries in {tree} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def rate(base_url: str, path: str, cookie: str, seconds: int, connections: int) -> float:
    run = wrk(base_url + path, cookie, connections=connections, seconds=seconds)
    wait_idle(int(base_url.rsplit(":", 1)[1]))
    check(run, f"{base_url}{path}")
    return run.rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="the commit to compare against")
    parser.add_argument("--rounds", type=int, default=5, help="rounds after the warm-up (5)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run (5)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up seconds per page (2)")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections (4)")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers per server")
    parser.add_argument("--goal", type=float, default=0.9, help="least after / before (0.9)")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian: apt-get install wrk).", file=sys.stderr)
        return 1

    from benchmarks.webserver import DB_NAME, Gunicorn, free_port, running_server

    with running_server(workers=args.workers) as after, worktree(args.before) as tree:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        subprocess.run(  # noqa: S603 - the other checkout's static files, as a deploy does
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=tree,
            env=env,
            check=True,
        )
        port = free_port()
        os.environ["PYTHONPATH"] = str(tree)
        before = Gunicorn(port, args.workers or os.cpu_count() or 1, after.log.parent, tree=tree)
        os.environ.pop("PYTHONPATH")
        try:
            before.wait_ready()
            return compare(args, after, f"http://127.0.0.1:{port}", tree, DB_NAME)
        finally:
            before.stop()


def compare(args, after, before_url: str, tree: Path, db_name: str) -> int:
    from benchmarks.webserver import BASE_DIR

    cookie = after.cookie_header("large")
    large = after.people["large"]
    rows = [Row(label, path) for label, path in web_pages.paths(large.email, large.link)]
    paths = [row.path for row in rows]
    for row, old, new in zip(
        rows, count_queries(tree, after, paths), count_queries(BASE_DIR, after, paths), strict=True
    ):
        row.queries = (old, new)
    sides = {"before": before_url, "after": after.base_url}

    def measure(side: str, n: int, seconds: int) -> float:
        return rate(sides[side], rows[n].path, cookie, seconds, args.connections)

    others = pairs.alternate(
        rows,
        measure,
        ("before", "after"),
        rounds=args.rounds,
        duration=args.duration,
        warmup=args.warmup,
        db_name=db_name,
    )
    return report(rows, args, others)


def report(rows: list[Row], args, others: list[float]) -> int:
    passed = pairs.report(
        rows,
        ("page", "before req/s", "after req/s", "after/before"),
        # As fast, with the same queries or fewer (before / after).
        lambda row: median(row.ratios) >= args.goal and 0 < row.queries[1] <= row.queries[0],
    )
    print(
        f"\nMedians over {args.rounds} rounds of {args.duration} s, {args.connections} "
        f"connections, the large person; goal after / before >= {args.goal:g} with the same "
        f"or fewer queries (before / after). Other processes used "
        f"{max(others, default=0):.1f} cores at most."
    )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
