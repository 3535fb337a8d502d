"""Results, comparison, skill and dashboard pages in a real browser, on a desktop and a phone."""

import pytest
from playwright.sync_api import Page, expect

from assessments import demo
from assessments.models import Take
from goals import demo as goals_demo
from goals.models import Goal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def shoot(page: Page, screenshot_dir, name: str) -> None:
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=screenshot_dir / f"assessments-{name}-{size}.png", full_page=True)
        if size == "phone":
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name


def test_results_compare_and_skill_pages_read_well_on_desktop_and_phone(
    sign_in, page: Page, live_url, owner, screenshot_dir
):
    demo.load(owner)
    goals_demo.load(owner)  # with the goal that closes the biggest skill gap
    problems = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    skills_take = Take.objects.filter(user=owner, instrument__slug="skills").latest("completed_at")
    goal = Goal.objects.get(user=owner, skill_question__isnull=False)

    page.set_viewport_size(DESKTOP)
    sign_in(page, owner)
    shoot(page, screenshot_dir, "dashboard")

    page.goto(f"{live_url}{skills_take.get_absolute_url()}")
    expect(
        page.get_by_role("img", name="Your skills: where you are and where you want to be")
    ).to_be_visible()
    expect(page.get_by_text(f"Your goal: {goal.title}")).to_be_visible()
    shoot(page, screenshot_dir, "results-skills")

    satisfaction = Take.objects.filter(user=owner, instrument__slug="satisfaction").latest(
        "completed_at"
    )
    page.goto(f"{live_url}{satisfaction.get_absolute_url()}")
    shoot(page, screenshot_dir, "results-satisfaction")

    page.set_viewport_size(DESKTOP)
    page.get_by_role("link", name="Compare side by side").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("compare two takes")
    shoot(page, screenshot_dir, "compare")

    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_url}/assessments/skills/compare/")
    expect(page.get_by_text("Cloud architecture")).to_be_visible()
    shoot(page, screenshot_dir, "compare-skills")

    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_url}/assessments/skills/q{goal.skill_question_id}/")
    expect(page.get_by_role("link", name=goal.title)).to_be_visible()
    shoot(page, screenshot_dir, "skill")

    assert problems == []
