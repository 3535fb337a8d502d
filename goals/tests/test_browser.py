"""The goals journey in a real browser: template, ticking, rescheduling, history, timeline."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from goals.models import Goal, GoalTemplate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def test_template_ticks_reschedule_history_and_timeline(
    sign_in, page: Page, browser, live_url, owner, screenshot_dir
):
    template = GoalTemplate.objects.filter(is_active=True).order_by("order").first()
    assert template is not None, "the shipped goal templates are missing"
    first_steps = list(template.tasks.order_by("order", "offset_days", "pk")[:2])

    page.set_viewport_size(DESKTOP)
    sign_in(page, owner)
    page.goto(f"{live_url}/goals/templates/")
    page.get_by_role("button", name=f"Start “{template.title}”").click()
    expect(page.get_by_role("heading", level=1, name=template.title)).to_be_visible()
    goal = Goal.objects.get(user=owner)
    assert goal.tasks.count() == template.tasks.count()

    # Tick with JavaScript (htmx swaps the row and the progress bar in place).
    first = first_steps[0]
    page.get_by_role("button", name=f"Mark “{first.title}” as done").click()
    expect(page.get_by_role("button", name=f"Mark “{first.title}” as not done")).to_be_visible()
    total = template.tasks.count()
    expect(page.get_by_text(f"1 of {total} steps")).to_be_visible()
    assert goal.tasks.filter(done_at__isnull=False).count() == 1

    # Reschedule with a reason.
    new_target = timezone.localdate() + datetime.timedelta(days=template.duration_days + 45)
    page.get_by_role("link", name="Edit or reschedule").click()
    page.get_by_label("Target date").fill(new_target.isoformat())
    page.get_by_label("Why the change? (optional)").fill(
        "My manager asked me to lead a project first"
    )
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Rescheduled from")).to_be_visible()
    expect(page.get_by_text("My manager asked me to lead a project first")).to_be_visible()
    page.screenshot(path=screenshot_dir / "goal-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=screenshot_dir / "goal-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # Tick without JavaScript: the same button is a plain form post.
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    plain = context.new_page()
    sign_in(plain, owner)
    plain.goto(f"{live_url}{goal.get_absolute_url()}")
    second = first_steps[1]
    plain.get_by_role("button", name=f"Mark “{second.title}” as done").click()
    expect(plain.get_by_role("button", name=f"Mark “{second.title}” as not done")).to_be_visible()
    expect(plain.get_by_text(f"2 of {total} steps")).to_be_visible()
    context.close()
    assert goal.tasks.filter(done_at__isnull=False).count() == 2

    # The goal and its steps are on the timeline, in the chart and in the list.
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_url}/goals/timeline/")
    expect(page.locator("svg").filter(has_text=template.title).first).to_be_visible()
    expect(page.get_by_role("link", name=template.title).first).to_be_visible()
    page.screenshot(path=screenshot_dir / "goals-timeline-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=screenshot_dir / "goals-timeline-phone.png", full_page=True)
