"""History and the quarterly summary in a real browser: desktop, phone and paper."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from goals.models import ChangeKind, GoalChange, Status
from goals.tests.factories import GoalFactory, TaskFactory
from reviews.cadence import Cadence, add_months
from reviews.models import CheckIn, CheckInStatus, GoalReview, Reflection, Schedule
from reviews.tests.factories import ReflectionPromptFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
A4 = {"width": 794, "height": 1123}

GOALS = [  # title, progress at each check-in (oldest first), statuses where not on track
    ("Pass the AWS Solutions Architect exam", [5, 10, 20, 30, 45, 55, 70, 80], {3: "at_risk"}),
    ("Lead the platform migration", [0, 5, 10, 10, 15, 25, 30, 40], {4: "off_track", 5: "at_risk"}),
    ("Find a mentor outside my team", [10, 30, 60, 100], {3: "done"}),
    ("Give a talk at the local meetup", [0, 0, 20, 35, 50, 60, 75], {}),
]
ANSWERS = [
    "Pairing with Sam on the migration plan; the design review went well.",
    "Finishing the practice exam. Less good: too many meetings on Thursdays.",
    "Presenting the pilot results to the leadership team.",
]


def _seed_months_of_check_ins(owner) -> None:
    today = timezone.localdate()
    first = add_months(today, -8)
    Schedule.objects.create(user=owner, cadence=Cadence.MONTHLY, anchor=first)
    goals = [
        GoalFactory(user=owner, title=title, target_date=today + datetime.timedelta(days=40 * n))
        for n, (title, _progress, _statuses) in enumerate(GOALS, start=1)
    ]
    prompts = [
        ReflectionPromptFactory(text="What gave you energy this month?"),
        ReflectionPromptFactory(text="What would you do differently?"),
    ]
    for index in range(8):  # the eight months before this one
        start = add_months(first, index)
        checkin = CheckIn.objects.create(
            user=owner,
            period_start=start,
            period_end=add_months(start, 1) - datetime.timedelta(days=1),
            cadence=Cadence.MONTHLY,
            status=CheckInStatus.SUBMITTED,
            satisfaction=[3, 3, 2, 3, 4, 4, 3, 5][index],
            energy=[4, 3, 2, 2, 3, 4, 4, 4][index],
            submitted_at=timezone.now(),
        )
        for goal, (_title, progress, statuses) in zip(goals, GOALS, strict=True):
            if index < len(progress):
                GoalReview.objects.create(
                    checkin=checkin,
                    goal=goal,
                    goal_title=goal.title,
                    progress=progress[index],
                    status=statuses.get(index, "on_track"),
                    note="The vendor contract slipped." if statuses.get(index) else "",
                )
        for prompt, answer in zip(prompts, ANSWERS[index % 3 :], strict=False):
            Reflection.objects.create(
                checkin=checkin, prompt=prompt, prompt_text=prompt.text, answer=answer
            )
    for n, goal in enumerate(goals):
        for step in range(5):
            due = first + datetime.timedelta(days=30 * step + 9 * n + 5)
            late = (step + n) % 3 == 0
            done = due + datetime.timedelta(days=6 if late else -2)
            TaskFactory(
                goal=goal,
                title=f"Step {step + 1} of “{goal.title}”",
                due_date=due,
                done_at=None if done >= today or (step + n) % 5 == 4 else _aware(done),
            )
        TaskFactory(goal=goal, title="Book the next milestone", due_date=add_months(today, 3))
    GoalChange.objects.create(
        goal=goals[1],
        kind=ChangeKind.RESCHEDULED,
        old_value=str(today + datetime.timedelta(days=20)),
        new_value=str(today + datetime.timedelta(days=80)),
        reason="The vendor contract slipped.",
        created_at=timezone.now() - datetime.timedelta(days=3),
    )
    goals[2].status = Status.ACHIEVED
    goals[2].status_changed_at = timezone.now()  # in this quarter, whatever the day
    goals[2].save()


def _aware(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


def _fits_a_phone(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_history_and_the_quarter_read_well_on_screen_and_paper(
    sign_in, page, live_url, owner, screenshot_dir
):
    _seed_months_of_check_ins(owner)
    page.set_viewport_size(DESKTOP)
    sign_in(page, owner)

    page.goto(f"{live_url}/reviews/history/")
    expect(page.get_by_role("heading", name="History and trends")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("^Satisfaction and energy"))).to_be_visible()
    expect(
        page.get_by_role("img", name="Steps due and steps done on time, by month")
    ).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("^Progress of"))).to_have_count(4)
    page.get_by_text("Show the numbers").first.click()  # a plain <details>: no JavaScript
    expect(page.get_by_role("table").first).to_be_visible()
    page.screenshot(path=screenshot_dir / "reviews-history-desktop.png", full_page=True)

    page.set_viewport_size(PHONE)
    page.reload()
    expect(page.get_by_role("heading", name="Your check-ins")).to_be_visible()
    _fits_a_phone(page)
    page.screenshot(path=screenshot_dir / "reviews-history-phone.png", full_page=True)

    page.set_viewport_size(DESKTOP)
    page.get_by_role("link", name="This quarter's summary").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Q\d \d{4} in review$"))).to_be_visible()
    expect(page.get_by_text("Find a mentor outside my team")).to_be_visible()
    expect(page.get_by_text("use your browser's print", exact=False)).to_be_visible()
    page.screenshot(path=screenshot_dir / "reviews-quarter-desktop.png", full_page=True)

    page.get_by_role("link", name=re.compile("^← Q")).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Q\d \d{4} in review$"))).to_be_visible()
    expect(page.get_by_role("heading", name="What gave you energy this month?")).to_be_visible()
    page.screenshot(path=screenshot_dir / "reviews-quarter-previous-desktop.png", full_page=True)

    page.set_viewport_size(PHONE)
    page.reload()
    _fits_a_phone(page)
    page.screenshot(path=screenshot_dir / "reviews-quarter-phone.png", full_page=True)

    # On paper: A4, no navigation, no buttons, no hint about printing.
    page.set_viewport_size(A4)
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".quarter-nav")).to_be_hidden()
    expect(page.locator(".print-hint")).to_be_hidden()
    expect(page.get_by_role("img", name=re.compile("^Satisfaction and energy"))).to_be_visible()
    expect(page.get_by_text(re.compile("printed"))).to_be_visible()
    page.screenshot(path=screenshot_dir / "reviews-quarter-print.png", full_page=True)
    page.pdf(path=screenshot_dir / "reviews-quarter.pdf", format="A4")
