"""One definition for each figure: the same period shows the same numbers on every surface.

The second quarter of 2027 seen on 25 June: the history's charts cover exactly that
quarter (its first check-in is in April), so the history, the quarterly summary, the
dashboard and the weekly email all look at the same days and the same steps.

Which surface shows which figure:
- steps on time (share, due, late, not done): history, quarterly summary;
- steps still open past their date (overdue): history, quarterly summary ("not done"),
  dashboard and email (the overdue lists);
- steps done: history, quarterly summary, email ("ticked off", its last seven days, which
  hold all of this quarter's ticks here);
- dates moved: history, quarterly summary;
- satisfaction: history, quarterly summary (the dashboard shows the last check-in's score,
  not an average over a period).
"""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from careerapp import reminders
from goals.models import ChangeKind, GoalChange, Status
from goals.tests.factories import GoalFactory, TaskFactory
from reviews import queries
from reviews.tests.factories import CheckInFactory

pytestmark = pytest.mark.django_db
D = datetime.date
NOW = datetime.datetime(2027, 6, 25, 10, 0, tzinfo=datetime.UTC)  # noon in Berlin
TODAY = D(2027, 6, 25)


def at(day: D, hour: int = 9) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def quarter(owner):
    """Steps done on time, early, late and never in one quarter, a dropped goal's leftover,
    three scored check-ins and one moved date."""
    goal = GoalFactory(user=owner, title="Lead the migration", target_date=D(2027, 9, 30))
    TaskFactory(goal=goal, title="On time", due_date=D(2027, 6, 21), done_at=at(D(2027, 6, 21)))
    TaskFactory(goal=goal, title="Late", due_date=D(2027, 6, 10), done_at=at(D(2027, 6, 20)))
    # Done early, due after today: on time already, on every page.
    TaskFactory(goal=goal, title="Early", due_date=D(2027, 6, 28), done_at=at(D(2027, 6, 22)))
    TaskFactory(goal=goal, title="Never", due_date=D(2027, 6, 12))
    TaskFactory(goal=goal, title="Ahead", due_date=D(2027, 6, 29))  # not due yet
    dropped = GoalFactory(user=owner, title="Old plan", status=Status.DROPPED)
    TaskFactory(goal=dropped, title="Left behind", due_date=D(2027, 6, 5))  # closed with it
    achieved = GoalFactory(user=owner, title="Certified", status=Status.ACHIEVED)
    TaskFactory(goal=achieved, title="Undated", due_date=None, done_at=at(D(2027, 6, 23)))
    for month, score in ((4, 2), (5, 4), (6, 3)):
        start = D(2027, month, 1)
        end = D(2027, month + 1, 1) - datetime.timedelta(days=1)
        CheckInFactory(user=owner, period_start=start, period_end=end, satisfaction=score)
    GoalChange.objects.create(
        goal=goal,
        kind=ChangeKind.RESCHEDULED,
        old_value="2027-07-31",
        new_value="2027-09-30",
        created_at=at(D(2027, 5, 5)),
    )
    return goal


EXPECTED = {"due": 4, "on_time": 2, "late": 1, "still_open": 1, "share": 50}


def totals(planned: queries.PlannedVsActual) -> dict:
    total = planned.total
    return {
        "due": total.due,
        "on_time": total.on_time,
        "late": total.late,
        "still_open": total.still_open,
        "share": planned.share,
    }


def glance_figure(body: str, title: str) -> str:
    """The big figure under a glance tile's title."""
    found = re.search(rf"<dt>{title}</dt>\s*<dd class=\"report-glance-figure\">([^<]*)</dd>", body)
    assert found, title
    return found.group(1).strip()


def test_the_same_quarter_shows_the_same_figures_everywhere(owner, owner_client, quarter):
    history = owner_client.get(reverse("reviews:history"))
    summary = owner_client.get(reverse("reviews:quarter", args=[2027, 2]))
    dashboard = owner_client.get(reverse("home"))
    [content] = reminders.collect([owner], now=NOW)
    email = reminders.build_message(content)

    # The history's charts cover exactly the quarter.
    assert (history.context["window_start"], history.context["window_last"]) == (
        D(2027, 4, 1),
        D(2027, 6, 30),
    )
    pages = {"history": history, "quarter": summary}
    planned = {
        "history": history.context["planned"],
        "quarter": summary.context["summary"].planned,
    }
    bodies = {name: page.content.decode() for name, page in pages.items()}

    # Steps on time: the same counts from the same place, and the same words on the page.
    for name in pages:
        assert totals(planned[name]) == EXPECTED, name
        assert glance_figure(bodies[name], "Steps on time") == "50%", name
        assert "of 4 steps due" in bodies[name], name
    assert "2 of 4 steps due in this span were done by their date." in bodies["history"]
    assert "Done later: 1. Not done yet: 1." in bodies["history"]

    # Steps done: four ticked off this quarter, all of them in the email's last week.
    assert history.context["steps_done"] == summary.context["summary"].steps_done == 4
    assert "4 steps done in this span" in bodies["history"]
    assert "4 steps done this quarter" in bodies["quarter"]
    assert "Last week you ticked off 4 steps and kept your check-in." in email.body
    assert "ticked off 4 steps" in email.alternatives[0].content

    # Still open past their date: the one never done, not the dropped goal's leftover.
    overdue = [step.title for step in panel(dashboard, "_dashboard_tasks.html")["overdue"]]
    assert overdue == ["Never"]
    [overdue_section] = [s for s in content.sections if s.key == "overdue"]
    assert [item.text for item in overdue_section.items] == ["Never"]
    assert email.subject.startswith("Regular maintenance: 1 overdue step")
    assert "Left behind" not in dashboard.content.decode() + email.body

    # Dates moved: one, to a later date.
    for name in pages:
        assert (planned[name].reschedules, planned[name].pushed_later) == (1, 1), name
    assert glance_figure(bodies["quarter"], "Dates moved") == "1"
    assert "One target date was moved in this span." in bodies["history"]

    # Satisfaction: the average of the quarter's three check-ins.
    assert history.context["mood"].satisfaction == summary.context["summary"].satisfaction == 3
    for name in pages:
        assert glance_figure(bodies[name], "Satisfaction") == "3", name

    # And the one place agrees with itself.
    assert queries.steps_done(owner, start=D(2027, 4, 1), end=D(2027, 7, 1), zone=owner.zone) == 4


def panel(response, template: str) -> dict:
    [found] = [p for p in response.context["panels"] if p["template"].endswith(template)]
    return found
