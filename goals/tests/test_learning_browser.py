"""Logging learning from a skill gap, and the hours chart per skill, in a real browser, on a
desktop and a phone."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from assessments import demo
from assessments.models import Take
from assessments.tests.factories import PersonalSkillFactory
from assessments.tests.factories_roles import SkillQuestionFactory
from goals import demo as goals_demo
from goals.models import LearningItem
from goals.tests.factories import LearningItemFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def shoot(screenshot_dir: Path):
    """``shoot(page, name, viewport)``: a full-page screenshot under var/screenshots (as
    the README says), and the page must not be wider than the viewport."""

    def _shoot(page: Page, name: str, viewport: dict) -> None:
        path = screenshot_dir / f"learning-{name}-{viewport['width']}.png"
        page.screenshot(path=path, full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{name} overflows at {viewport['width']} px: {width}"

    return _shoot


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_log_learning_from_a_gap(sign_in, page: Page, live_url, owner, viewport, shoot):
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
    shoot(page, "results", viewport)
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
    shoot(page, "add", viewport)
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Coaching for leaders, evening course"
    )
    expect(page.get_by_role("link", name=skill_name, exact=True)).to_be_visible()
    shoot(page, "detail", viewport)
    item = LearningItem.objects.get(user=owner, title="Coaching for leaders, evening course")
    assert item.skills.get().prompt == skill_name

    page.goto(f"{live_url}/goals/learning/")
    expect(page.get_by_role("link", name="Coaching for leaders, evening course")).to_be_visible()
    expect(page.get_by_role("img", name="Hours spent learning per year")).to_be_visible()
    shoot(page, "list", viewport)

    page.goto(f"{live_url}/assessments/skills/{item.skills.get().key}/")
    expect(page.get_by_role("link", name="Coaching for leaders, evening course")).to_be_visible()
    shoot(page, "skill", viewport)

    page.goto(f"{live_url}/")
    expect(page.get_by_role("heading", name="Certifications to renew")).to_be_visible()
    shoot(page, "dashboard", viewport)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_hours_chart_per_skill_shows_the_top_ten_and_the_rest(
    sign_in, page: Page, live_url, owner, viewport, shoot
):
    own = PersonalSkillFactory(user=owner, name="Negotiating a fair salary for the whole team")
    item = LearningItemFactory(user=owner, status="done", hours=Decimal(24))
    item.personal_skills.add(own)
    for hours in range(12, 0, -1):
        item = LearningItemFactory(user=owner, status="in_progress", hours=Decimal(hours))
        item.skills.add(SkillQuestionFactory(prompt=f"Skill with {hours} hours of learning"))
    page.set_viewport_size(viewport)
    sign_in(page, owner)

    page.goto(f"{live_url}/goals/learning/")

    chart = page.get_by_role("img", name="Hours spent learning per skill")
    expect(chart).to_be_visible()
    expect(chart.locator(".lc-bar")).to_have_count(10)
    expect(chart.locator(".lc-label", has_text=own.name)).to_be_visible()
    expect(page.get_by_text("and 3 more skills: 6 h")).to_be_visible()
    shoot(page, "hours-per-skill", viewport)
