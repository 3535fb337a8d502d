"""The web benchmark's verdicts and its table: ratios over the rounds, PASS / MISS / NOISY."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

NOISY_SPREAD = 1.2  # max ratio / min ratio over the rounds above this: too noisy to judge
BUSY_CORES = 0.3  # other processes' CPU above this gets a warning


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


def report(
    results: list[PairResult], others: list[float], args, *, latency_connections: int
) -> bool:
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
        f"{latency_connections}); queries: SQL queries per page, large / small."
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
