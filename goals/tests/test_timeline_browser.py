"""The goals timeline in a real browser: desktop, phone and paper."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from goals.models import Horizon, Status
from goals.tests.factories import GoalFactory, TaskFactory
from goals.tests.test_timeline import URL, aware

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_the_timeline_reads_well_on_a_desktop_and_a_phone(
    sign_in, page, live_url, owner, screenshot_dir
):
    _seed_a_believable_plan(owner)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, owner)
    page.goto(f"{live_url}{URL}")

    chart = page.get_by_role("img", name=re.compile("Timeline of your goals"))
    expect(chart).to_be_visible()
    expect(page.get_by_role("heading", name="The same dates, as a list")).to_be_visible()
    page.screenshot(path=screenshot_dir / "timeline-desktop.png", full_page=True)

    page.set_viewport_size({"width": 375, "height": 812})
    page.reload()
    expect(chart).to_be_visible()
    expect(page.get_by_role("heading", name="The same dates, as a list")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=screenshot_dir / "timeline-phone.png", full_page=True)

    # On paper: no navigation, no filters, the chart across the page.
    page.set_viewport_size({"width": 1123, "height": 794})
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".timeline-filters")).to_be_hidden()
    expect(chart).to_be_visible()
    page.screenshot(path=screenshot_dir / "timeline-print.png", full_page=True)


# Title, target and start in days from today, extra fields; steps: title, due, milestone, done.
PLAN = [
    ("Pass the AWS Solutions Architect exam", 75, -40, {}, [
        ("Finish the video course", -12, False, True),
        ("Two practice tests", -3, False, False),
        ("Book the exam", 30, True, False),
    ]),
    ("Lead the Q3 platform migration", 190, -20, {"horizon": Horizon.LONG}, [
        ("Write the migration plan", 20, True, False),
        ("Pilot with one team", 95, False, False),
        ("Migrate the rest", 160, True, False),
    ]),
    ("Give a talk at the local meetup", -10, -70, {}, [("Submit the abstract", -45, False, True)]),
    ("Become a staff engineer", 700, -150, {"horizon": Horizon.LONG}, []),
    ("Find a mentor", 40, -10, {"status": Status.PAUSED}, [("Ask two people", 12, False, False)]),
    ("Learn to give feedback well", -20, -60, {"status": Status.ACHIEVED}, [
        ("Read Radical Candor", -30, False, True),
    ]),
    ("Write more", None, -5, {}, []),
]  # fmt: skip


def _seed_a_believable_plan(owner) -> None:
    today = timezone.localdate()

    def on(offset: int | None) -> datetime.date | None:
        return None if offset is None else today + datetime.timedelta(days=offset)

    for title, target, start, fields, steps in PLAN:
        goal = GoalFactory(
            user=owner, title=title, target_date=on(target), created_at=aware(on(start)), **fields
        )
        for step, due, milestone, done in steps:
            done_at = timezone.now() if done else None
            TaskFactory(
                goal=goal, title=step, due_date=on(due), is_milestone=milestone, done_at=done_at
            )
