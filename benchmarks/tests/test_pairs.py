"""The side-by-side rounds that bench-compare and bench-crowd share: both sides measured
back to back in every round, the order alternating, a page that fails set aside."""

from __future__ import annotations

from benchmarks import pairs
from benchmarks.wrk import WrkError


def test_rounds_alternate_the_order_and_keep_each_sides_rates():
    rows = [pairs.Row("dashboard"), pairs.Row("history")]
    calls = []

    def measure(side: str, n: int, seconds: int) -> float:
        calls.append((side, n, seconds))
        return {"quiet": 100.0, "crowded": 90.0 + n}[side]

    others = pairs.alternate(
        rows, measure, ("quiet", "crowded"), rounds=2, duration=3, warmup=1, db_name="x"
    )
    assert len(others) == 2
    # The warm-up, then round 1 in the sides' order and round 2 the other way round.
    assert calls[:4] == [("quiet", 0, 1), ("crowded", 0, 1), ("quiet", 1, 1), ("crowded", 1, 1)]
    assert calls[4:8] == [("quiet", 0, 3), ("crowded", 0, 3), ("quiet", 1, 3), ("crowded", 1, 3)]
    assert calls[8:] == [("crowded", 0, 3), ("quiet", 0, 3), ("crowded", 1, 3), ("quiet", 1, 3)]
    assert (rows[1].first, rows[1].second, rows[1].ratios) == ([100.0] * 2, [91.0] * 2, [0.91] * 2)


def test_a_page_wrk_cannot_measure_is_set_aside_and_fails_the_report(capsys):
    rows = [pairs.Row("dashboard"), pairs.Row("results")]

    def measure(side: str, n: int, seconds: int) -> float:
        if n == 1 and seconds == 3:
            raise WrkError("wrk failed")
        return 100.0

    pairs.alternate(rows, measure, ("a", "b"), rounds=2, duration=3, warmup=1, db_name="x")
    assert rows[1].failure == "wrk failed"
    assert rows[0].ratios == [1.0, 1.0]
    assert not pairs.report(rows, ("page", "a req/s", "b req/s", "b/a"), lambda row: True)
    assert "results              FAILED: wrk failed" in capsys.readouterr().out
