"""Deciding in a real browser, at phone and desktop width: three options, weighted
criteria, scores, the ranking's sentence, the gut check, the choice with its reason, and
the goal (and target role) it starts."""

import pytest
from playwright.sync_api import Page, expect

from assessments.models import TargetRole, TargetStatus
from goals.models import Category, Decision, DecisionStatus, Goal
from goals.tests.decision_factories import RoleFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

OPTIONS = ("Stay and deepen", "Lead the platform team", "Join a start-up")
# No values take yet: the criteria start from the default set, in this order.
WEIGHTS = {"Growth": 5, "Pay": 2, "Balance": 4, "Meaning": 1}
# Score per criterion in WEIGHTS' order; None is left unscored.
SCORES = {
    "Stay and deepen": (2, 4, 5, 3),  # 10 + 8 + 20 + 3 = 41
    "Lead the platform team": (5, 4, 2, 4),  # 25 + 8 + 8 + 4 = 45
    "Join a start-up": (4, 1, 1, None),  # 20 + 2 + 4 = 26, one cell open
}
GUT = {"Stay and deepen": 5, "Lead the platform team": 3, "Join a start-up": 2}


def _no_sideways_scroll(page: Page, width: int) -> None:
    wide = page.evaluate(
        """(width) => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > width + 1)
            .filter(el => !el.closest('.table-responsive'))
            .map(el => el.tagName + '.' + el.className).slice(0, 8)""",
        width,
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width, wide


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_decide_between_three_options_and_start_a_goal(
    sign_in, page: Page, live_url, owner, viewport, screenshot_dir
):
    role = RoleFactory(title="Engineering manager", slug="engineering-manager")
    page.set_viewport_size(viewport)
    sign_in(page, owner)

    # From the goals list to a new decision.
    page.goto(f"{live_url}/goals/")
    page.get_by_role("link", name="Decisions: weigh your options").click()
    page.get_by_role("link", name="New decision").click()
    expect(page.get_by_role("heading", level=1, name="A new decision")).to_be_visible()
    page.get_by_label("The question you are deciding").fill("Which move next year?")
    for number, title in enumerate(OPTIONS):
        page.locator(f'[name="options-{number}-title"]').fill(title)
    page.locator('[name="options-1-pros"]').fill("Shape how the team works")
    page.locator('[name="options-1-role"]').select_option(label=f"{role.title} ({role.track.name})")
    for number, (name, weight) in enumerate(WEIGHTS.items()):
        expect(page.locator(f'[name="criteria-{number}-name"]')).to_have_value(name)
        page.locator(f'[name="criteria-{number}-weight"]').fill(str(weight))
    _no_sideways_scroll(page, viewport["width"])
    page.get_by_role("button", name="Start weighing").click()

    expect(page.get_by_role("heading", level=1, name="Which move next year?")).to_be_visible()
    expect(page.get_by_text("Role: Engineering manager")).to_be_visible()
    expect(page.locator(".ranking-sentence")).to_have_text(
        "Score each option against each criterion to see a ranking."
    )

    # Score the grid and say how each option feels.
    for option, row in SCORES.items():
        for name, score in zip(WEIGHTS, row, strict=True):
            if score is not None:
                page.get_by_label(f"{option} on {name}", exact=True).select_option(str(score))
        page.get_by_label(f"How do you feel about {option}?").select_option(str(GUT[option]))
    page.get_by_role("button", name="Save scores").click()

    expect(page.locator(".ranking-sentence")).to_have_text(
        "Lead the platform team leads Stay and deepen by 4 points; most of the lead comes "
        "from Growth (weight 5)."
    )
    expect(page.get_by_text("45 of 60 points (75%)")).to_be_visible()
    expect(page.get_by_text("1 cell is not scored yet")).to_be_visible()
    expect(page.locator(".gut-line")).to_contain_text(
        "Your gut disagrees: you feel best about Stay and deepen (5 of 5)"
    )
    _no_sideways_scroll(page, viewport["width"])
    page.screenshot(path=screenshot_dir / f"decision-{viewport['width']}.png", full_page=True)

    # Decide, with a reason; start a goal and pursue the option's role.
    page.get_by_role("radio", name="Lead the platform team").check()
    page.get_by_label("Why this one?").fill("It grows me most, and the gut will follow.")
    page.get_by_label("Start a goal for it").check()
    page.get_by_label("Pursue the option's role").check()
    page.get_by_role("button", name="Save the decision").click()

    expect(page.locator("#decided-heading")).to_contain_text(": Lead the platform team")
    expect(page.get_by_text("It grows me most, and the gut will follow.").first).to_be_visible()
    expect(page.locator(".decision-history")).to_contain_text("Chose “Lead the platform team”.")
    page.get_by_role("link", name="The goal it started: Lead the platform team").click()
    expect(page.get_by_role("heading", level=1, name="Lead the platform team")).to_be_visible()

    decision = Decision.objects.get(user=owner)
    assert decision.status == DecisionStatus.DECIDED
    assert decision.chosen.title == "Lead the platform team"
    goal = Goal.objects.get(user=owner)
    assert decision.goal == goal
    assert (goal.category, goal.role) == (Category.ROLE, role)
    target = TargetRole.objects.get(user=owner)
    assert (target.role, target.status) == (role, TargetStatus.PURSUING)
