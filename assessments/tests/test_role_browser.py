"""Me and the roles in a real browser, on a desktop and a phone: compare with a role,
pursue it with a plain form, see it on the dashboard, and compare roles side by side."""

import pytest
from playwright.sync_api import Page, expect

from assessments import demo
from assessments.models import Importance, Instrument, TargetRole, TargetStatus
from assessments.tests.factories_roles import RoleFactory, RoleSkillFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def shoot(page: Page, screenshot_dir, name: str) -> None:
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=screenshot_dir / f"roles-{name}-{size}.png", full_page=True)
        if size == "phone":
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    page.set_viewport_size(DESKTOP)


def test_compare_pursue_and_side_by_side_read_well_on_desktop_and_phone(
    sign_in, page: Page, live_url, owner, screenshot_dir
):
    demo.load(owner)  # two years of skills takes on the shipped skills instrument
    questions = list(Instrument.objects.get(slug="skills").questions.order_by("order")[:6])
    manager = RoleFactory(title="Engineering manager", slug="engineering-manager")
    architect = RoleFactory(title="Solutions architect", slug="solutions-architect")
    for index, question in enumerate(questions):
        importance = Importance.CORE if index % 2 == 0 else Importance.HELPFUL
        RoleSkillFactory(role=manager, question=question, level=4, importance=importance)
        if index < 4:
            RoleSkillFactory(role=architect, question=question, level=5 - index % 2)
    problems = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    sign_in(page, owner)

    page.goto(f"{live_url}/assessments/explore/roles/engineering-manager/compare/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You and Engineering manager")
    expect(page.get_by_role("img", name="Your skills against what Engineering manager asks for"))
    expect(page.get_by_text("% match").first).to_be_visible()
    shoot(page, screenshot_dir, "compare")

    page.get_by_role("button", name="Pursue it").click()
    expect(page.get_by_text("In your roles: Pursuing.")).to_be_visible()
    assert TargetRole.objects.get(user=owner).status == TargetStatus.PURSUING

    page.goto(f"{live_url}/")
    expect(page.get_by_role("heading", name="Where you are heading")).to_be_visible()
    shoot(page, screenshot_dir, "dashboard")

    page.goto(f"{live_url}/assessments/explore/compare/")
    page.get_by_label("Role 1").select_option("engineering-manager")
    page.get_by_label("Role 2").select_option("solutions-architect")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("columnheader", name="Solutions architect")).to_be_visible()
    shoot(page, screenshot_dir, "side-by-side")

    assert problems == []
