"""Logging learning from a skill gap, in a real browser, on a desktop and a phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from assessments import demo
from assessments.models import Take
from goals import demo as goals_demo
from goals.models import LearningItem

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
SHOTS = Path("/tmp/learning-screenshots")  # noqa: S108 - a test's screenshots, never kept


def _shoot(page: Page, name: str, viewport: dict) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}-{viewport['width']}.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{name} overflows at {viewport['width']} px: {width}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_log_learning_from_a_gap(sign_in, page: Page, live_url, owner, viewport):
    demo.load(owner)
    goals_demo.load(owner)
    take = Take.objects.filter(user=owner, instrument__slug="skills").latest("completed_at")
    page.set_viewport_size(viewport)
    sign_in(page, owner)

    page.goto(f"{live_url}{take.get_absolute_url()}")
    gaps = page.locator(".gap-item")
    first_gap = gaps.first
    link = first_gap.get_by_role("link", name=re.compile(r"^Log learning"))
    skill_name = link.locator(".visually-hidden").inner_text().removeprefix(": ")
    _shoot(page, "results", viewport)
    link.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Log learning")
    expect(page.get_by_role("checkbox", name=skill_name, exact=True)).to_be_checked()
    # The goal already serving that gap is ticked too.
    expect(page.get_by_role("checkbox", name=f"Grow {skill_name}")).to_be_checked()
    page.get_by_label("What you are learning").fill("Coaching for leaders, evening course")
    page.get_by_label("Kind").select_option(label="Course")
    page.get_by_label("Status").select_option(label="In progress")
    page.get_by_label("Started on").fill("2026-01-12")
    page.get_by_label("Hours").fill("6")
    _shoot(page, "add", viewport)
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Coaching for leaders, evening course"
    )
    expect(page.get_by_role("link", name=skill_name, exact=True)).to_be_visible()
    _shoot(page, "detail", viewport)
    item = LearningItem.objects.get(user=owner, title="Coaching for leaders, evening course")
    assert item.skills.get().prompt == skill_name

    page.goto(f"{live_url}/goals/learning/")
    expect(page.get_by_role("link", name="Coaching for leaders, evening course")).to_be_visible()
    expect(page.get_by_role("img", name="Hours spent learning per year")).to_be_visible()
    _shoot(page, "list", viewport)

    page.goto(f"{live_url}/assessments/skills/{item.skills.get().key}/")
    expect(page.get_by_role("link", name="Coaching for leaders, evening course")).to_be_visible()
    _shoot(page, "skill", viewport)

    page.goto(f"{live_url}/")
    expect(page.get_by_role("heading", name="Certifications to renew")).to_be_visible()
    _shoot(page, "dashboard", viewport)
