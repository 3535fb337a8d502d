"""The wins journal in a real browser: recording a win from a ticked milestone in two clicks,
and printing the brag document with every section. Screenshots go to var/screenshots (the
`screenshot_dir` fixture), to be looked at, never committed."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from goals.models import Goal, LearningStatus, Status
from goals.tests.factories import GoalFactory, LearningItemFactory, TaskFactory
from reviews.models import Win
from reviews.tests.factories import CircleMemberFactory
from reviews.tests.factories_wins import WinFactory, skills_takes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_a_win_from_a_milestone(sign_in, page: Page, live_url, owner, screenshot_dir):
    page.set_viewport_size({"width": 1280, "height": 900})
    goal = GoalFactory(user=owner, title="Lead the platform migration")
    TaskFactory(goal=goal, title="Demo the new platform to the board", is_milestone=True)
    sign_in(page, owner)
    page.goto(f"{live_url}{goal.get_absolute_url()}")
    page.get_by_role("button", name="Mark “Demo the new platform to the board” as done").click()
    record = page.get_by_role("link", name="Record “Demo the new platform to the board” as a win")
    expect(record).to_be_visible()

    record.click()  # click one
    expect(page.get_by_label("What happened")).to_have_value("Demo the new platform to the board")
    expect(page.get_by_label("The goal it served")).to_have_value(str(goal.pk))
    page.get_by_role("button", name="Save").click()  # click two

    expect(page.get_by_text("Win recorded.")).to_be_visible()
    expect(page.get_by_text("Demo the new platform to the board")).to_be_visible()
    win = Win.objects.get()
    assert (win.goal, win.task.title) == (goal, "Demo the new platform to the board")
    page.goto(f"{live_url}{goal.get_absolute_url()}")
    wins = page.locator("#wins")
    expect(wins.get_by_text("Demo the new platform to the board")).to_be_visible()
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=screenshot_dir / "wins-goal-page-375.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for path, name in [("/reviews/wins/", "journal"), ("/reviews/wins/add/", "form")]:
        page.goto(f"{live_url}{path}")
        page.screenshot(path=screenshot_dir / f"wins-{name}-375.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_print_the_brag_document(sign_in, page: Page, live_url, owner, screenshot_dir):
    owner.display_name = "Olivia"
    owner.save()
    today = timezone.localdate()
    member = CircleMemberFactory(owner=owner, name="Priya Raman")
    achieved = GoalFactory(user=owner, title="Earn the cloud architect certification")
    Goal.objects.filter(pk=achieved.pk).update(status=Status.ACHIEVED)
    for n, title in enumerate(["Cut the nightly pipeline from 3 h to 40 min", "Mentored a grad"]):
        WinFactory(
            user=owner,
            title=title,
            impact="Reports ready before the 9:00 stand-up; the analysts stopped waiting.",
            happened_on=today - datetime.timedelta(days=30 * (n + 1)),
            goal=achieved,
            member=member,
        )
    TaskFactory(
        goal=achieved,
        title="Passed the practice exam",
        is_milestone=True,
        done_at=timezone.now() - datetime.timedelta(days=50),
    )
    LearningItemFactory(
        user=owner,
        title="Cloud architecture, the exam course",
        status=LearningStatus.DONE,
        started_on=today - datetime.timedelta(days=120),
        finished_on=today - datetime.timedelta(days=60),
        hours=24,
    )
    skills_takes(
        owner,
        before=today - datetime.timedelta(days=400),
        after=today - datetime.timedelta(days=10),
    )
    sign_in(page, owner)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_url}/reviews/brag/")
        expect(page.get_by_role("heading", name=re.compile("What I achieved"))).to_be_visible()
        expect(page.get_by_text("Cut the nightly pipeline from 3 h to 40 min")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.emulate_media(media="print")
        expect(page.get_by_role("link", name="Download as Markdown")).to_be_hidden()
        expect(page.locator(".site-header")).to_be_hidden()
        expect(page.get_by_text("Noticed by Priya Raman").first).to_be_visible()
        # Every section is on paper: goals, milestones, wins, learning and skills grown.
        for text in (
            "Earn the cloud architect certification",
            "Passed the practice exam",
            "Cloud architecture, the exam course",
            "1 finished, 24 hours in all",
            "Skill 0",
        ):
            expect(page.get_by_text(text, exact=False).first).to_be_visible()
        page.screenshot(path=screenshot_dir / f"wins-brag-print-{width}.png", full_page=True)
        page.emulate_media(media="screen")
