"""Two servers measured side by side, page by page: the rounds and the table shared by
``make bench-compare`` (this checkout against another commit) and ``make bench-crowd`` (a
server beside a crowd against a quiet one).

In every round each page runs on both sides back to back, the order alternating from one
round to the next, so a slow moment of the machine falls on both; the verdict is the median
of the rounds' ratios (second side / first side), with their spread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from benchmarks.machine import OtherLoad
from benchmarks.wrk import WrkError


@dataclass
class Row:
    """One page on both sides: ``first`` is the side ``second`` is judged against."""

    label: str
    path: str = ""
    first: list[float] = field(default_factory=list)  # req/s per round
    second: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)  # second / first per round
    queries: tuple[int, int] = (0, 0)  # first / second
    failure: str = ""


def alternate(
    rows: list[Row],
    measure: Callable[[str, int, int], float],
    sides: tuple[str, str],
    *,
    rounds: int,
    duration: int,
    warmup: int,
    db_name: str,
) -> list[float]:
    """Warm every page up on both sides, then run the rounds. ``measure(side, n, seconds)``
    is row ``n``'s req/s on ``side``. Returns the cores other processes used per round."""
    first, second = sides
    print(f"Warm-up: {warmup} s per page and side ...", flush=True)
    for n in range(len(rows)):
        for side in sides:
            measure(side, n, warmup)
    others = []
    for number in range(rounds):
        load = OtherLoad(db_name)
        order = sides if number % 2 == 0 else sides[::-1]
        for n, row in enumerate(rows):
            if row.failure:
                continue
            try:
                rates = {side: measure(side, n, duration) for side in order}
            except WrkError as error:
                row.failure = str(error)
                continue
            row.first.append(rates[first])
            row.second.append(rates[second])
            row.ratios.append(rates[second] / rates[first])
        others.append(load.cores())
        print(
            f"Round {number + 1}/{rounds}: "
            + ", ".join(f"{row.label} {row.ratios[-1]:.2f}" for row in rows if row.ratios)
            + f"; other processes used {others[-1]:.1f} cores",
            flush=True,
        )
    return others


def report(rows: list[Row], columns: tuple[str, str, str, str], ok: Callable[[Row], bool]) -> bool:
    """Print the table (``columns``: the page, each side's req/s, the ratio's heading) with a
    verdict per page from ``ok``; True when every page passed."""
    page, first, second, ratio = columns
    wide = [max(20, len(page) + 2), len(first) + 2, len(second) + 2, len(ratio) + 2]
    print(
        f"\n{page:<{wide[0]}}{first:>{wide[1]}}{second:>{wide[2]}}{ratio:>{wide[3]}}"
        f"{'spread':>8}{'queries':>10}  verdict"
    )
    passed = True
    for row in rows:
        if row.failure:
            passed = False
            print(f"{row.label:<{wide[0]}} FAILED: {row.failure}")
            continue
        verdict = ok(row)
        passed &= verdict
        spread = max(row.ratios) / min(row.ratios)
        queries = f"{row.queries[0]} / {row.queries[1]}"
        print(
            f"{row.label:<{wide[0]}}{median(row.first):>{wide[1]}.1f}"
            f"{median(row.second):>{wide[2]}.1f}{median(row.ratios):>{wide[3] - 1}.2f}x"
            f"{spread:>7.2f}x{queries:>10}  {'PASS' if verdict else 'MISS'}"
        )
    return passed
