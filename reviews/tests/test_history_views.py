"""History and the quarterly summary as pages: privacy, bad addresses, markup, query counts."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from goals.models import ChangeKind, Goal, GoalChange, Status, Task
from goals.tests.factories import GoalFactory, TaskFactory
from reviews.cadence import Cadence, add_months
from reviews.models import (
    CheckIn,
    CheckInStatus,
    GoalReview,
    Reflection,
    ReflectionPrompt,
    Schedule,
)
from reviews.queries.history import GOALS_SHOWN, PER_PAGE
from reviews.tests.factories import CheckInFactory, GoalReviewFactory, ReflectionPromptFactory

pytestmark = pytest.mark.django_db
D = datetime.date
# 10 May 2027, midday in Berlin (the factories' time zone).
NOW = datetime.datetime(2027, 5, 10, 10, 0, tzinfo=datetime.UTC)
HISTORY = reverse("reviews:history")
THIS_QUARTER = reverse("reviews:quarter", args=[2027, 2])
LAST_QUARTER = reverse("reviews:quarter", args=[2027, 1])


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def month(year: int, number: int, **fields) -> CheckIn:
    start = D(year, number, 1)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return CheckInFactory(period_start=start, period_end=end, **fields)


@pytest.fixture
def story(owner):
    """Three months of check-ins on one goal, a reflection, a step and a moved date."""
    goal = GoalFactory(user=owner, title="Lead the platform migration", target_date=D(2027, 6, 20))
    prompt = ReflectionPromptFactory(text="What gave you energy?")
    for number, progress, status in ((1, 10, "on_track"), (2, 30, "at_risk"), (3, 45, "on_track")):
        checkin = month(2027, number, user=owner, satisfaction=number + 1, energy=3)
        GoalReviewFactory(checkin=checkin, goal=goal, progress=progress, status=status)
        Reflection.objects.create(
            checkin=checkin,
            prompt=prompt,
            prompt_text=prompt.text,
            answer=f"Pairing, month {number}",
        )
    TaskFactory(goal=goal, title="Write the plan", due_date=D(2027, 2, 10))
    GoalChange.objects.create(
        goal=goal,
        kind=ChangeKind.RESCHEDULED,
        old_value="2027-04-30",
        new_value="2027-06-20",
        reason="The vendor was late.",
        created_at=datetime.datetime(2027, 3, 5, 9, tzinfo=datetime.UTC),
    )
    return goal


# --- The pages -------------------------------------------------------------------------


def test_history_lists_each_check_in_with_a_one_line_summary(owner_client, story):
    body = owner_client.get(HISTORY).content.decode()
    assert "March 2027" in body
    assert "Satisfaction 4/5 · Energy 3/5 · 1 goal: 1 on track" in body
    assert "Satisfaction 3/5 · Energy 3/5 · 1 goal: 1 at risk" in body
    assert "Lead the platform migration" in body  # its progress chart
    assert "Target dates were moved" not in body  # one move only: the singular sentence
    assert "One target date was moved in this span." in body


def test_history_shows_the_current_streak(owner_client, owner, story):
    Schedule.objects.create(user=owner, cadence=Cadence.MONTHLY, anchor=D(2026, 12, 1))
    month(2027, 4, user=owner)  # January to April in a row; May is still open
    body = owner_client.get(HISTORY).content.decode()
    glance = re.search(r"Current streak</dt>\s*<dd[^>]*>(\d+)</dd>", body)
    assert glance is not None
    assert glance.group(1) == "4"


def test_history_without_check_ins_is_kind(owner_client):
    response = owner_client.get(HISTORY)
    assert response.status_code == 200
    assert "No check-ins yet — your first one starts the story" in response.content.decode()


def test_a_draft_is_listed_as_a_draft_and_left_out_of_the_charts(owner_client, owner):
    month(2027, 5, user=owner, status=CheckInStatus.DRAFT, satisfaction=1, submitted_at=None)
    body = owner_client.get(HISTORY).content.decode()
    assert "Draft</span>" in body
    assert "satisfaction 1 of 5" not in body


def test_the_quarter_gathers_progress_slips_and_reflections(owner_client, story):
    body = owner_client.get(LAST_QUARTER).content.decode()
    assert "Q1 2027 in review" in body
    assert "0% → 45% (+45)" in body  # the goal was set during the quarter
    assert "Target moved from 30 Apr 2027 to 20 Jun 2027. The vendor was late." in body
    assert body.count("What gave you energy?") == 1  # one heading, three answers
    assert body.count("Pairing, month") == 3
    assert "Lead the platform migration" in body.split("Open for the next quarter")[1]


def test_progress_starts_where_a_goal_stood_even_years_before_the_quarter(owner_client, owner):
    # The summary reads only the chart's year of check-ins, and earlier ones only where
    # they hold a starting point: here January 2025, for a goal and for a deleted one.
    goal = GoalFactory(user=owner, title="Speak at a conference", created_at=NOW.replace(2024))
    for number, progress in ((1, 20), (2, 35)):  # the goal's last progress before the quarter
        old = month(2025, number, user=owner)
        GoalReviewFactory(checkin=old, goal=goal, progress=progress)
        GoalReviewFactory(checkin=old, goal=None, goal_title="Deleted goal", progress=10)
    untouched = GoalFactory(user=owner, title="Not reviewed this quarter")
    GoalReviewFactory(checkin=month(2025, 3, user=owner), goal=untouched, progress=90)
    march = month(2027, 3, user=owner)
    GoalReviewFactory(checkin=march, goal=goal, progress=60)
    GoalReviewFactory(checkin=march, goal=None, goal_title="Deleted goal", progress=40)
    body = owner_client.get(LAST_QUARTER).content.decode()
    assert "35% → 60% (+25)" in body
    assert "10% → 40% (+30)" in body
    assert "Not reviewed this quarter" not in body


def test_the_next_quarter_names_its_first_steps_and_counts_the_rest(owner_client, owner):
    goal = GoalFactory(user=owner, title="Run the guild", target_date=datetime.date(2027, 4, 20))
    closed = GoalFactory(user=owner, title="Closed goal", status="achieved")
    for day in range(1, 21):  # twenty steps in April, the first on 1 April
        TaskFactory(goal=goal, title=f"Step {day:02d}", due_date=datetime.date(2027, 4, day))
    TaskFactory(goal=goal, title="Step done", due_date=datetime.date(2027, 4, 2), done_at=NOW)
    TaskFactory(goal=closed, title="Step of a closed goal", due_date=datetime.date(2027, 4, 2))
    body = owner_client.get(LAST_QUARTER).content.decode()
    coming = body.split("Open for the next quarter")[1]
    assert [f"Step {day:02d}" in coming for day in (1, 12, 13)] == [True, True, False]
    assert "Step done" not in coming
    assert "Step of a closed goal" not in coming
    # Twenty steps and the goal's target date, twelve of them named.
    assert "And 9 more steps and target dates in the next quarter." in coming


def test_the_current_quarter_leads_to_this_quarters_page(owner_client):
    response = owner_client.get(reverse("reviews:quarter_current"))
    assert response.status_code == 302
    assert response["Location"] == THIS_QUARTER


@time_machine.travel(datetime.datetime(2027, 3, 31, 22, 30, tzinfo=datetime.UTC), tick=False)
def test_the_current_quarter_follows_the_persons_time_zone(owner_client):
    # 22:30 UTC on 31 March is already 1 April in Berlin.
    response = owner_client.get(reverse("reviews:quarter_current"))
    assert response["Location"] == THIS_QUARTER


def test_quarter_links_to_its_neighbours_but_not_into_the_future(owner_client):
    past = owner_client.get(LAST_QUARTER).content.decode()
    assert reverse("reviews:quarter", args=[2026, 4]) in past
    assert THIS_QUARTER in past
    current = owner_client.get(THIS_QUARTER).content.decode()
    assert LAST_QUARTER in current
    assert reverse("reviews:quarter", args=[2027, 3]) not in current


def test_an_empty_quarter_says_so_gently(owner_client):
    body = owner_client.get(reverse("reviews:quarter", args=[2020, 3])).content.decode()
    assert "Nothing recorded for this quarter" in body


@pytest.mark.parametrize(
    "path",
    [
        "/reviews/quarters/2027/0/",
        "/reviews/quarters/2027/5/",
        "/reviews/quarters/0/1/",
        "/reviews/quarters/10000/1/",
        "/reviews/quarters/99999999999999999999999/1/",
    ],
)
def test_bad_quarters_are_not_found(owner_client, path):
    assert owner_client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("year", "number", "absent"), [(2, 1, 'rel="prev"'), (9998, 4, 'rel="next"')]
)
def test_the_calendars_first_and_last_quarters_open_without_a_link_past_them(
    owner_client, year, number, absent
):
    response = owner_client.get(reverse("reviews:quarter", args=[year, number]))
    assert response.status_code == 200
    assert absent not in response.content.decode()


def test_the_pages_need_a_sign_in(anon_client):
    for url in (HISTORY, THIS_QUARTER, reverse("reviews:quarter_current")):
        response = anon_client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


# --- The list of check-ins, page by page -----------------------------------------------


def months_back(user, count: int, **fields) -> list[CheckIn]:
    """``count`` monthly check-ins, the newest for April 2027."""
    starts = [add_months(D(2027, 4, 1), -n) for n in range(count)]
    return [month(start.year, start.month, user=user, **fields) for start in starts]


def test_the_list_shows_a_page_of_check_ins_newest_first(owner_client, owner):
    months_back(owner, 30)
    response = owner_client.get(HISTORY)
    lines = response.context["lines"]
    assert [line.label for line in lines][:2] == ["April 2027", "March 2027"]
    assert len(lines) == PER_PAGE
    body = " ".join(response.content.decode().split())
    assert "30 check-ins, the newest first." in body
    assert 'aria-label="Pages of check-ins"' in body
    assert "Page 1 of 3" in body
    assert 'rel="next" href="?page=2#checkins"' in body


def test_the_second_page_continues_where_the_first_ended(owner_client, owner):
    months_back(owner, 30)
    response = owner_client.get(HISTORY, {"page": 2})
    labels = [line.label for line in response.context["lines"]]
    assert labels[0] == "April 2026"  # the 13th newest
    assert len(labels) == PER_PAGE
    body = response.content.decode()
    assert "Page 2 of 3" in body
    assert 'rel="prev" href="?#checkins"' in body  # the first page has no page number
    assert 'start="13"' in body
    # The charts stay the same on every page: June 2026 to May 2027.
    assert len(response.context["mood"].rows) == 11


def test_page_links_keep_the_rest_of_the_address(owner_client, owner):
    months_back(owner, 30)
    body = owner_client.get(HISTORY, {"page": 2, "from": "email"}).content.decode()
    assert 'href="?page=3&amp;from=email#checkins"' in body


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("abc", 1),
        ("", 1),
        ("0", 3),
        ("-1", 3),
        ("4", 3),
        ("99999999999999999999999", 3),
        ("1.5", 1),
    ],
)
def test_a_bad_page_number_shows_a_real_page(owner_client, owner, page, shown):
    months_back(owner, 30)
    response = owner_client.get(HISTORY, {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == shown


def test_counts_cover_the_whole_history_while_the_charts_cover_a_year(owner_client, owner):
    months_back(owner, 40)
    month(2027, 5, user=owner, status=CheckInStatus.DRAFT, submitted_at=None)
    response = owner_client.get(HISTORY)
    assert response.context["counts"].total == 41
    assert response.context["counts"].submitted == 40
    assert re.search(r"Check-ins</dt>\s*<dd[^>]*>40</dd>", response.content.decode())
    assert response.context["window_start"] == D(2026, 6, 1)


def test_only_the_goals_reviewed_most_recently_get_a_chart(owner_client, owner):
    goals = [GoalFactory(user=owner, title=f"Goal {n:02}") for n in range(9)]
    for n, checkin in enumerate(months_back(owner, 9)):  # Goal 00 in April, Goal 08 in August
        GoalReviewFactory(checkin=checkin, goal=goals[n], progress=10 * n)
    response = owner_client.get(HISTORY)
    shown = [trend.title for trend in response.context["goal_trends"]]
    assert shown == [f"Goal {n:02}" for n in range(GOALS_SHOWN)]
    assert response.context["more_goals"]
    assert f"These are the {GOALS_SHOWN} goals you reviewed most recently." in " ".join(
        response.content.decode().split()
    )


# --- Privacy and markup ----------------------------------------------------------------


def test_another_persons_check_ins_never_appear(client, owner, other_user, story):
    secret = GoalFactory(user=other_user, title="Oscar's secret plan", target_date=D(2027, 5, 20))
    checkin = month(2027, 2, user=other_user, satisfaction=1)
    GoalReviewFactory(checkin=checkin, goal=secret, progress=90, status="off_track")
    Reflection.objects.create(
        checkin=checkin, prompt_text="Oscar's prompt", answer="Oscar's answer"
    )
    client.force_login(owner)
    for url in (HISTORY, LAST_QUARTER, THIS_QUARTER):
        body = client.get(url).content.decode()
        assert "Oscar" not in body, url
        assert "satisfaction 1 of 5" not in body.lower(), url


def test_pages_have_no_inline_styles_or_scripts(owner_client, story):
    for url in (HISTORY, LAST_QUARTER):
        body = owner_client.get(url).content.decode()
        assert " style=" not in body, url
        assert "<style" not in body, url
        assert not re.search(r"<script(?![^>]*\bsrc=)", body), url


def test_user_text_is_escaped(owner_client, owner):
    goal = GoalFactory(user=owner, title="<b>Bold</b> move")
    checkin = month(2027, 2, user=owner)
    GoalReviewFactory(checkin=checkin, goal=goal, progress=20, status="off_track", note="<i>x</i>")
    Reflection.objects.create(checkin=checkin, prompt_text="<u>Q</u>", answer="<script>hi</script>")
    for url in (HISTORY, LAST_QUARTER):
        body = owner_client.get(url).content.decode()
        assert "<b>Bold</b>" not in body, url
        assert "&lt;b&gt;Bold&lt;/b&gt; move" in body, url
    quarter = owner_client.get(LAST_QUARTER).content.decode()
    assert "&lt;script&gt;hi&lt;/script&gt;" in quarter
    assert "&lt;i&gt;x&lt;/i&gt;" in quarter
    assert "<u>Q</u>" not in quarter


def test_charts_have_a_text_alternative(owner_client, story):
    for url, charts in ((HISTORY, {"mood", "planned", "goal-0"}), (LAST_QUARTER, {"mood"})):
        body = owner_client.get(url).content.decode()
        for chart in charts:
            assert f'aria-labelledby="{chart}-title" aria-describedby="{chart}-desc"' in body
            assert f'<title id="{chart}-title">' in body
            assert f'<desc id="{chart}-desc">' in body
        assert body.count('role="img"') == len(charts), url
        assert body.count("<table") >= len(charts), url


# --- Queries ---------------------------------------------------------------------------


def seed(user, checkins: int, goals: int) -> None:
    """``checkins`` monthly check-ins up to May 2027, each reviewing every goal, with steps,
    reflections and course corrections; all through bulk_create."""
    made = Goal.objects.bulk_create(
        Goal(user=user, title=f"Goal {n}", priority=n, target_date=D(2027, 4 + n % 6, 15))
        for n in range(goals)
    )
    Goal.objects.filter(pk=made[0].pk).update(status=Status.ACHIEVED)
    starts = [D(2027 - (n + 7) // 12, 12 - (n + 7) % 12, 1) for n in range(checkins)]
    rows = CheckIn.objects.bulk_create(
        CheckIn(
            user=user,
            period_start=start,
            period_end=start + datetime.timedelta(days=27),
            cadence=Cadence.MONTHLY,
            status=CheckInStatus.SUBMITTED,
            satisfaction=1 + n % 5,
            energy=1 + n % 4,
            submitted_at=NOW,
        )
        for n, start in enumerate(starts)
    )
    GoalReview.objects.bulk_create(
        GoalReview(checkin=c, goal=g, goal_title=g.title, progress=n % 101, status="at_risk")
        for n, c in enumerate(rows)
        for g in made
    )
    prompt = ReflectionPrompt.objects.create(text="What moved?")
    Reflection.objects.bulk_create(
        Reflection(checkin=c, prompt=prompt, prompt_text=prompt.text, answer="Plenty") for c in rows
    )
    Task.objects.bulk_create(
        Task(goal=g, title=f"Step {n}", due_date=D(2027, 1 + n, 10), position=n)
        for g in made
        for n in range(6)
    )
    GoalChange.objects.bulk_create(
        GoalChange(goal=g, kind=kind, old_value=old, new_value=new, created_at=NOW)
        for g in made
        for kind, old, new in (
            (ChangeKind.RESCHEDULED, "2027-04-01", "2027-06-01"),
            (ChangeKind.STATUS, Status.ACTIVE, Status.ACHIEVED),
        )
    )


@pytest.fixture(params=[(1, 1), (100, 20)], ids=["1-check-in", "100-check-ins-20-goals"])
def seeded(request, owner):
    seed(owner, *request.param)


@pytest.mark.parametrize("page", ["1", "5"])
def test_history_query_count(owner_client, seeded, page, django_assert_num_queries):
    # 1 session, 2 user, 3 check-ins counted (all, submitted, before the charts' year),
    # 4 the submitted check-ins of the charts' year, 5 the progress they recorded for the
    # goals reviewed most recently; the list: 6 the page's check-ins, 7 their goal reviews
    # counted by status; 8 steps due in the charts' months counted by month, 9 target dates
    # moved in them counted, 10 steps done in them counted (the "steps done" figure, added
    # with reviews.charts); checkin_state: 11 schedule, 12 this period's check-in and the
    # last submitted one, 13 missed periods and the streak counted
    with django_assert_num_queries(13):
        response = owner_client.get(HISTORY, {"page": page})
    assert response.status_code == 200


def test_quarter_query_count(owner_client, seeded, django_assert_num_queries):
    # 1 session, 2 user, 3 submitted check-ins of the chart's year up to the quarter's end
    # (and earlier ones holding a starting point), 4 their goal reviews (prefetch), 5 the
    # quarter's reflections with check-in and prompt, 6 the goals the summary names, 7 status
    # changes and moved dates in the quarter, 8 steps due next quarter (goals in 6); the
    # quarter's figures, counted by the database as on the history page (reviews.charts)
    # rather than from loaded steps: 9 steps due by month, 10 dates moved, 11 steps done;
    # 12 the quarter's wins with their goal and member
    with django_assert_num_queries(12):
        response = owner_client.get(THIS_QUARTER)
    assert response.status_code == 200
    assert "What moved?" in response.content.decode()
