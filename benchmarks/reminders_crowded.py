"""The weekly email among many people scheduled (``benchmarks.reminders --scheduled``): the
in-memory pipeline for the same people due, beside the others scheduled for later and with
nobody else scheduled, alternating; and the plans of the sweep's two queries on the person
table. benchmarks/README.md has a run."""

from __future__ import annotations

from pathlib import Path

from benchmarks import seed
from benchmarks.reminders import REDIS_URL, Result, run_pipeline

GOAL_CROWDED = 0.9  # beside a million scheduled >= 0.9x as fast as with nobody else


def explain(label: str, run) -> str:
    """The plan of the first query ``run`` makes that reads ``careerapp_user``, run for real
    in a transaction rolled back (EXPLAIN ANALYZE: the rows it read, the time it took)."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        run()
        transaction.set_rollback(True)
    sql = next(q["sql"] for q in queries if q["sql"].startswith('SELECT "careerapp_user"'))
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}")
        plan = "\n".join(f"    {row[0]}" for row in cur.fetchall())
        transaction.set_rollback(True)
    return f"  {label}:\n    {sql}\n{plan}"


def crowded(args, logs: Path, started: list) -> int:
    """The in-memory pipeline for the same people, with the others scheduled later and
    with nobody else scheduled, alternating; the plans of the sweep's two queries."""
    from django.utils import timezone

    from careerapp import weekly

    others = args.scheduled - args.people
    print(seed.ensure_scheduled(others), flush=True)
    sides = {True: f"{args.scheduled:,} scheduled", False: "nobody else scheduled"}
    results: dict[bool, list[Result]] = {True: [], False: []}
    plans = []
    for number in range(args.rounds):
        for on in (True, False) if number % 2 == 0 else (False, True):
            seed.schedule_others(on)
            seed.reset(REDIS_URL)
            if number == 0:
                now = timezone.now()
                plans.append(
                    explain(
                        f"{sides[on]}: the claim",
                        lambda now=now: weekly.reminders_claim_due(now=now),
                    )
                )
                plans.append(
                    explain(
                        f"{sides[on]}: people without a slot",
                        lambda now=now: weekly.reminders_schedule_missing(now=now),
                    )
                )
            print(f"Round {number + 1}: {sides[on]} ...", flush=True)
            results[on].append(
                run_pipeline("memory", sides[on], "memorymail://", args, logs, started)
            )
    seed.schedule_others(True)
    print(f"\n{'side':<28} {'emails':>8} {'seconds (each round)':>26} {'emails/s':>9}")
    rates = {}
    for on, runs in results.items():
        rates[on] = sorted(r.rate for r in runs)[len(runs) // 2]
        seconds = ", ".join(f"{r.seconds:.1f}" for r in runs)
        print(f"{sides[on]:<28} {runs[0].emails:>8,} {seconds:>26} {rates[on]:>9.1f}")
    for on, runs in results.items():
        for result in runs:
            print(f"  {sides[on]}: {result.note}")
    ratio = rates[True] / rates[False] if rates[False] else 0.0
    complete = all(r.complete for runs in results.values() for r in runs)
    ok = ratio >= GOAL_CROWDED and complete
    print("\nPlans (EXPLAIN ANALYZE, each with everyone due):")
    print("\n".join(plans))
    print(
        f"\n{'PASS' if ok else 'FAIL'}  {args.people:,} due beside {others:,} scheduled for later"
        f" / with nobody else scheduled >= {GOAL_CROWDED}x ({ratio:.2f}x, the median of "
        f"{args.rounds} rounds each)"
    )
    return 0 if ok else 1
