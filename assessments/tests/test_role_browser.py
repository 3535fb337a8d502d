"""Me and the roles in a real browser, on a desktop and a phone: browse the library, compare
with a role, pursue it, turn the gaps into a plan, see it on the dashboard, and compare
roles side by side."""

import pytest
from playwright.sync_api import Page, expect

from assessments import demo
from assessments.models import TargetRole, TargetStatus
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
        page.screenshot(path=screenshot_dir / f"roles-{name}-{size}.png", full_page=True)
        if size == "phone":
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    page.set_viewport_size(DESKTOP)


def test_browse_compare_pursue_plan_and_side_by_side_on_desktop_and_phone(
    sign_in, page: Page, live_url, owner, screenshot_dir
):
    """The shipped library and the demo person (two years of skills takes; pursuing
    engineering manager, exploring staff software engineer)."""
    demo.load(owner)
    problems = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    sign_in(page, owner)

    # Browse: search the library, open a role.
    page.goto(f"{live_url}/assessments/explore/")
    page.get_by_role("textbox", name="Search").fill("staff software")
    page.get_by_role("button", name="Show roles").click()
    page.get_by_role("link", name="Staff software engineer", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff software engineer")
    shoot(page, screenshot_dir, "role")

    # Compare with me.
    page.get_by_role("link", name="See the full comparison").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You and Staff software engineer")
    expect(
        page.get_by_role("img", name="Your skills against what Staff software engineer asks for")
    )
    expect(page.get_by_text("% match").first).to_be_visible()
    shoot(page, screenshot_dir, "compare")

    # Target: pursue it; the role pursued before goes back to exploring.
    page.get_by_role("button", name="Pursue it").click()
    expect(page.get_by_text("In your roles: Pursuing.")).to_be_visible()
    statuses = dict(TargetRole.objects.filter(user=owner).values_list("role__slug", "status"))
    assert statuses == {
        "staff-software-engineer": TargetStatus.PURSUING,
        "engineering-manager": TargetStatus.EXPLORING,
    }

    # Plan: a long-term goal with a step per gap; asking again opens the same goal.
    page.goto(f"{live_url}/assessments/explore/roles/staff-software-engineer/compare/")
    page.get_by_role("button", name="Turn the gaps into a plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Become Staff software engineer")
    goal = Goal.objects.get(user=owner, role__slug="staff-software-engineer")
    assert goal.tasks.count() >= 1
    shoot(page, screenshot_dir, "plan")
    page.goto(f"{live_url}/assessments/explore/roles/staff-software-engineer/compare/")
    page.get_by_role("button", name="Turn the gaps into a plan").click()
    expect(page.get_by_text("You already have a goal for this role")).to_be_visible()
    assert Goal.objects.filter(user=owner, role__slug="staff-software-engineer").count() == 1

    page.goto(f"{live_url}/")
    expect(page.get_by_role("heading", name="Where you are heading")).to_be_visible()
    expect(page.get_by_role("link", name="Staff software engineer").first).to_be_visible()
    shoot(page, screenshot_dir, "dashboard")

    page.goto(f"{live_url}/assessments/explore/compare/")
    page.get_by_label("Role 1").select_option("engineering-manager")
    page.get_by_label("Role 2").select_option("staff-software-engineer")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("columnheader", name="Staff software engineer")).to_be_visible()
    shoot(page, screenshot_dir, "side-by-side")

    assert problems == []
