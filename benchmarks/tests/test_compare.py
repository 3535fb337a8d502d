"""``make bench-compare``'s verdicts: a page passes when it keeps the goal's share of its
throughput with no more queries than before."""

from __future__ import annotations

import argparse

from benchmarks import compare


def _args(goal: float = 0.9) -> argparse.Namespace:
    return argparse.Namespace(goal=goal, rounds=3, duration=3, connections=4)


def _row(label: str, ratios: list[float], queries: tuple[int, int]) -> compare.Row:
    row = compare.Row(label, "/")
    row.ratios = ratios
    row.first = [100.0] * len(ratios)
    row.second = [100.0 * r for r in ratios]
    row.queries = queries
    return row


def test_a_page_as_fast_with_the_same_queries_passes(capsys):
    assert compare.report([_row("dashboard", [0.97, 0.93, 1.01], (9, 9))], _args(), [0.1]) == 0
    assert "0.97x" in capsys.readouterr().out


def test_a_slower_page_or_one_with_more_queries_misses(capsys):
    slower = _row("history", [0.80, 0.85, 0.88], (13, 13))
    more = _row("timeline", [1.0, 1.0, 1.0], (5, 6))
    assert compare.report([slower, more], _args(), [0.1]) == 1
    out = capsys.readouterr().out
    assert out.count("MISS") == 2


def test_a_failed_page_fails_the_run(capsys):
    failed = compare.Row("results", "/x/")
    failed.failure = "wrk failed"
    assert compare.report([failed], _args(), []) == 1
    assert "FAILED: wrk failed" in capsys.readouterr().out
