"""Two check-ins in a real browser, a course correction, then the trends and the summary."""

import datetime
import re

import pytest
import time_machine
from playwright.sync_api import Page, expect

from goals.models import ChangeKind, Goal
from goals.tests.factories import GoalFactory
from reviews.models import CheckIn, CheckInStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check_in(page: Page, base: str, goal: Goal, *, progress: str, status: str, mood: str) -> None:
    page.goto(f"{base}/reviews/")
    page.get_by_role("button", name=re.compile("Check in now|Continue your check-in")).click()
    page.locator(f"input[name='goal-{goal.pk}-progress']").fill(progress)
    page.locator(f"select[name='goal-{goal.pk}-status']").select_option(label=status)
    page.locator(f"textarea[name='goal-{goal.pk}-note']").fill(f"{status} this month")
    page.locator(f"input[name='satisfaction'][value='{mood}']").check()
    page.locator(f"input[name='energy'][value='{mood}']").check()
    page.locator("textarea[name^='reflection-']").first.fill("Shipped the first module.")


def at(day: datetime.date):
    moment = datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)
    return time_machine.travel(moment, tick=True)


def test_two_check_ins_with_a_course_correction_then_trends_and_summary(
    sign_in, page: Page, live_url, owner, screenshot_dir
):
    page.set_viewport_size({"width": 1280, "height": 900})
    with at(datetime.date(2027, 1, 4)):
        goal = GoalFactory(
            user=owner, title="Lead the platform migration", target_date=datetime.date(2027, 3, 31)
        )
    with at(datetime.date(2027, 1, 20)):
        sign_in(page, owner)
        check_in(page, live_url, goal, progress="30", status="On track", mood="4")
        page.get_by_role("button", name="Submit check-in").click()
        expect(page.get_by_text("Check-in saved. Thank you for keeping it up.")).to_be_visible()

    with at(datetime.date(2027, 2, 18)):
        sign_in(page, owner)
        check_in(page, live_url, goal, progress="45", status="At risk", mood="3")
        page.get_by_text("Correct course: move the target date").click()
        page.locator(f"input[name='goal-{goal.pk}-new_target_date']").fill("2027-05-31")
        page.locator(f"textarea[name='goal-{goal.pk}-correction_reason']").fill(
            "The vendor contract slipped by two months"
        )
        page.get_by_role("button", name="Submit check-in").click()
        expect(page.get_by_text("Check-in saved. Thank you for keeping it up.")).to_be_visible()
        expect(page.get_by_text(re.compile(r"2 periods in a row"))).to_be_visible()

        assert CheckIn.objects.filter(user=owner, status=CheckInStatus.SUBMITTED).count() == 2
        goal.refresh_from_db()
        assert goal.target_date == datetime.date(2027, 5, 31)
        page.goto(f"{live_url}{goal.get_absolute_url()}")
        expect(page.get_by_text("Rescheduled from 31 March 2027 to 31 May 2027.")).to_be_visible()
        expect(page.get_by_text("The vendor contract slipped by two months")).to_be_visible()
        assert goal.changes.filter(kind=ChangeKind.RESCHEDULED).count() == 1

        page.goto(f"{live_url}/reviews/history/")
        expect(page.get_by_role("img").first).to_be_visible()
        page.screenshot(path=screenshot_dir / "reviews-two-checkins-history.png", full_page=True)
        page.goto(f"{live_url}/reviews/quarters/2027/1/")
        expect(page.get_by_text("Lead the platform migration").first).to_be_visible()
        expect(page.get_by_text("Shipped the first module.").first).to_be_visible()
        page.screenshot(path=screenshot_dir / "reviews-two-checkins-quarter.png", full_page=True)
        page.set_viewport_size({"width": 375, "height": 812})
        page.screenshot(
            path=screenshot_dir / "reviews-two-checkins-quarter-phone.png", full_page=True
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
