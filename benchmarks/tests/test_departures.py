"""``make bench-departures`` compares pages drawn by the Python-markup tags with the same
pages drawn by template includes: both sides must write the same page, or the comparison
says nothing. Checked here on the demo person's pages, in English and in French."""

from __future__ import annotations

import pytest
from django.utils import timezone

from benchmarks import departures
from careerapp.demo import load_demo_content

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_includes_write_the_same_pages_as_the_tags(owner_client, owner, language):
    owner.language = language
    owner.save()
    load_demo_content(owner)
    today = timezone.localdate()
    sides = departures.Sides(owner_client)
    for _label, path, _library in departures.PAGES:
        path = path.format(year=today.year, quarter=(today.month - 1) // 3 + 1)
        tag = departures.markup(sides.get("tag", path)[1])
        includes = departures.markup(sides.get("includes", path)[1])
        assert tag == includes, path
        # The pages do hold what the tags draw.
        assert any(mark in tag for mark in ('class="card goal-card', "tl-row", "trend-svg")), path


def test_a_departure_stays_only_while_it_pays():
    assert departures.verdict(1.25, "goals_tags", same=True) == (True, "goals_tags stays")
    passed, words = departures.verdict(1.05, "reviews_tags", same=True)
    assert not passed
    assert "move the markup back" in words
    assert departures.verdict(1.05, "", same=True) == (True, "reported")
    assert not departures.verdict(3.0, "goals_tags", same=False)[0]
