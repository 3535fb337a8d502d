"""Pages of goals in a real browser: the links work, keep the filters, and pass axe-core."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from careerapp.tests.axe import DESKTOP, PHONE, describe, scan
from goals.models import Goal, Status, Task
from goals.queries import GOALS_PER_PAGE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _seed(owner) -> None:
    today = timezone.localdate()
    goals = Goal.objects.bulk_create(
        Goal(
            user=owner,
            title=f"Goal {n:02}: learn something worth the time",
            priority=n,
            status=Status.ACHIEVED if n % 5 == 4 else Status.ACTIVE,
            target_date=today + datetime.timedelta(days=20 + 7 * n),
        )
        for n in range(2 * GOALS_PER_PAGE + 5)
    )
    Task.objects.bulk_create(
        Task(goal=goal, title=f"Step {n}", due_date=today + datetime.timedelta(days=9 * n))
        for goal in goals
        for n in range(3)
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_pages_of_goals_work_and_pass_axe(sign_in, browser: Browser, live_url, owner, viewport):
    _seed(owner)
    context = browser.new_context(bypass_csp=True, viewport=viewport)  # axe is injected
    page = context.new_page()
    sign_in(page, owner)

    page.goto(f"{live_url}/goals/?sort=priority")
    pages = page.get_by_role("navigation", name="Pages of your goals")
    expect(pages.get_by_text("Page 1 of 2")).to_be_visible()
    pages.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"/goals/\?sort=priority&page=2$"))
    expect(page.get_by_role("navigation", name="Pages of your goals")).to_contain_text(
        "Page 2 of 2"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    # Raising the first goal of page 2 lands on page 1, at that goal.
    first = page.locator(".goal-card").first
    title = first.get_by_role("heading").inner_text()
    first.get_by_role("button", name=re.compile("^Raise the priority")).click()
    expect(page).to_have_url(re.compile(r"/goals/\?sort=priority#goal-\d+$"))
    expect(page.locator(".goal-card").last.get_by_role("heading")).to_have_text(title)

    failures = []
    for path in ("/goals/?page=2", "/goals/archive/", "/goals/timeline/?page=2&zoom=2y"):
        page.goto(live_url + path)
        if violations := scan(page)["violations"]:
            failures.append(f"  {path}\n{describe(violations)}")
    assert not failures, "axe-core found violations:\n" + "\n".join(failures)

    page.goto(f"{live_url}/goals/timeline/?zoom=2y")
    timeline_pages = page.get_by_role("navigation", name="Pages of the timeline")
    timeline_pages.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"zoom=2y&page=2#timeline-chart$"))
    expect(page.get_by_role("img", name=re.compile("Timeline of your goals"))).to_be_visible()
    context.close()
