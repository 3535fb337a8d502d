"""The wins journal: the model's reads, recording, changing and deleting a win, the "Record
a win" links and what they fill in, refusals (422, nothing lost), two tabs (409), another
person's things (404, nothing changed) and the journal's query count."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import QuestionType
from assessments.tests.factories import PersonalSkillFactory, QuestionFactory
from goals import services as goal_services
from goals.models import Status
from goals.tests.factories import GoalFactory, TaskFactory
from reviews import services
from reviews.models import Win
from reviews.tests.factories import CheckInFactory, CircleMemberFactory, CommentFactory
from reviews.tests.factories_wins import WinFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2027, 5, 10)
ADD = reverse("reviews:win_add")
LIST = reverse("reviews:win_list")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2027, 5, 10, 10, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def skill():
    return QuestionFactory(type=QuestionType.SKILL, prompt="Stakeholder management")


def _sent(**fields) -> dict:
    data = {"title": "Led the billing release", "impact": "", "happened_on": "2027-05-01"}
    return data | fields


# --- The model's reads ------------------------------------------------------------------


def test_between_and_since_include_their_edges(owner, other_user):
    for day in (D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 1)):
        WinFactory(user=owner, happened_on=day)
    WinFactory(user=other_user, happened_on=D(2027, 2, 1))
    mine = Win.objects.for_user(owner)
    assert mine.between(D(2027, 1, 1), D(2027, 2, 1)).count() == 2
    assert mine.since(D(2027, 2, 1)).count() == 2
    assert Win.objects.between(D(2027, 2, 1), D(2027, 2, 1)).count() == 2


def test_who_noticed_falls_back_to_the_members_name(owner):
    member = CircleMemberFactory(owner=owner, name="Priya")
    assert WinFactory(user=owner, member=member).noticed_by_name == "Priya"
    assert WinFactory(user=owner, member=member, noticed_by="My team").noticed_by_name == "My team"


def test_deleting_what_a_win_links_keeps_the_win(owner):
    goal = GoalFactory(user=owner)
    task = TaskFactory(goal=goal)
    win = WinFactory(user=owner, goal=goal, task=task)
    goal.delete()
    win.refresh_from_db()
    assert (win.goal_id, win.task_id) == (None, None)


# --- Services ---------------------------------------------------------------------------


def test_create_refuses_another_persons_goal(owner, other_user):
    foreign = GoalFactory(user=other_user)
    with pytest.raises(ValidationError):
        services.win_create(
            user=owner, data=services.WinData(title="x", happened_on=TODAY, goal=foreign)
        )
    assert not Win.objects.exists()


def test_create_refuses_another_persons_skill(owner, other_user):
    theirs = PersonalSkillFactory(user=other_user)
    with pytest.raises(ValidationError):
        services.win_create(
            user=owner,
            data=services.WinData(title="x", happened_on=TODAY, personal_skills=[theirs]),
        )
    assert not Win.objects.exists()


def test_update_writes_only_what_changed_and_raises_the_version(owner, skill):
    win = WinFactory(user=owner)
    saved = services.win_update(win=win, data={"title": "New", "skills": [skill]}, version=0)
    assert saved.title == "New"
    assert saved.version == 1
    assert list(saved.skills.all()) == [skill]


def test_update_of_the_skills_alone_raises_the_version(owner, skill):
    win = WinFactory(user=owner)
    saved = services.win_update(win=win, data={"skills": [skill]}, version=0)
    assert Win.objects.get(pk=saved.pk).version == 1


# --- Recording a win --------------------------------------------------------------------


def test_a_win_is_recorded_with_its_skills_and_who_noticed(owner_client, owner, skill):
    goal = GoalFactory(user=owner)
    member = CircleMemberFactory(owner=owner)
    own = PersonalSkillFactory(user=owner)
    data = _sent(
        goal=goal.pk, skills=[skill.pk], personal_skills=[own.pk], member=member.pk, impact="3x"
    )
    response = owner_client.post(ADD, data)
    assert response.status_code == 302
    win = Win.objects.get()
    assert (win.user, win.goal, win.member, win.impact) == (owner, goal, member, "3x")
    assert list(win.skills.all()) == [skill]
    assert list(win.personal_skills.all()) == [own]
    assert "Led the billing release" in owner_client.get(LIST).content.decode()


def test_the_day_defaults_to_today_in_the_persons_zone(owner_client, owner):
    owner.time_zone = "Pacific/Auckland"  # already 10 May 22:00 there
    owner.save()
    with time_machine.travel(datetime.datetime(2027, 5, 10, 13, tzinfo=datetime.UTC), tick=False):
        form = owner_client.get(ADD).context["form"]
    assert form.initial["happened_on"] == D(2027, 5, 11)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "  "}, "Say what happened"),
        ({"happened_on": "2027-05-11"}, "already happened"),
        ({"happened_on": "not a day"}, "Enter a valid date"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_lost(owner_client, fields, message):
    data = _sent(impact="Cut the release time in half", **fields)
    response = owner_client.post(ADD, data)
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert "Cut the release time in half" in page
    assert not Win.objects.exists()


NOT_YOURS = "The step, check-in or comment this win came from is not yours."


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("goal", "Choose one of your goals, or none."),
        ("member", "Choose someone in your circle, or no one."),
        ("personal_skills", "Choose among your own skills listed."),
        ("task", NOT_YOURS),
        ("checkin", NOT_YOURS),
        ("comment", NOT_YOURS),
    ],
)
def test_another_persons_choice_is_refused(owner_client, other_user, field, message):
    theirs = {
        "goal": lambda: GoalFactory(user=other_user),
        "member": lambda: CircleMemberFactory(owner=other_user),
        "personal_skills": lambda: PersonalSkillFactory(user=other_user),
        "task": lambda: TaskFactory(goal=GoalFactory(user=other_user)),
        "checkin": lambda: CheckInFactory(user=other_user),
        "comment": lambda: CommentFactory(
            member=CircleMemberFactory(owner=other_user), goal=GoalFactory(user=other_user)
        ),
    }[field]()
    response = owner_client.post(
        ADD, _sent(impact="Cut the release time in half", **{field: theirs.pk})
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    form = response.context["form"]
    # A field the person sees has its message beside it; a hidden link's goes on top.
    where = None if message == NOT_YOURS else field
    assert message in form.errors[where or "__all__"]
    assert "Cut the release time in half" in page
    assert not Win.objects.exists()


def test_an_inactive_skill_question_is_not_offered(owner_client):
    QuestionFactory(type=QuestionType.SKILL, is_active=False, prompt="Retired skill")
    QuestionFactory(type=QuestionType.RATING, prompt="Not a skill")
    page = owner_client.get(ADD).content.decode()
    assert "Retired skill" not in page
    assert "Not a skill" not in page


# --- "Record a win": two clicks from where it happened ---------------------------------


def test_a_ticked_milestone_fills_in_the_title_goal_and_day(owner_client, owner):
    goal = GoalFactory(user=owner)
    task = TaskFactory(goal=goal, title="Demo to the board", is_milestone=True)
    goal_services.task_set_done(task=task, done=True)
    page = owner_client.get(goal.get_absolute_url()).content.decode()
    link = f"{ADD}?task={task.pk}"
    assert link in page
    form = owner_client.get(link).context["form"]
    assert form.initial["title"] == "Demo to the board"
    assert form.initial["goal"] == goal.pk
    assert form.initial["happened_on"] == TODAY
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    assert owner_client.post(ADD, data).status_code == 302
    assert Win.objects.get().task == task


def test_an_achieved_goal_fills_in_its_title_and_skill(owner_client, owner, skill):
    goal = GoalFactory(user=owner, title="Lead a team", skill_question=skill)
    goal_services.goal_set_status(goal=goal, status=Status.ACHIEVED, reason="")
    page = owner_client.get(goal.get_absolute_url()).content.decode()
    assert f"{ADD}?goal={goal.pk}" in page
    form = owner_client.get(ADD, {"goal": goal.pk}).context["form"]
    assert form.initial["title"] == "Achieved: Lead a team"
    assert form.initial["skills"] == [skill.pk]


def test_a_members_comment_fills_in_who_noticed(owner_client, owner):
    member = CircleMemberFactory(owner=owner, name="Priya Raman")
    goal = GoalFactory(user=owner)
    comment = CommentFactory(member=member, goal=goal, body="Your demo was crisp.\nWell done.")
    page = owner_client.get(goal.get_absolute_url()).content.decode()
    assert f"{ADD}?comment={comment.pk}" in page
    form = owner_client.get(ADD, {"comment": comment.pk}).context["form"]
    assert form.initial["noticed_by"] == "Priya Raman"
    assert form.initial["member"] == member.pk
    assert form.initial["title"] == "Your demo was crisp."
    assert form.initial["goal"] == goal.pk


def test_a_check_in_opens_with_the_wins_since_the_last_one(owner_client, owner):
    CheckInFactory(user=owner, period_start=D(2027, 3, 1), period_end=D(2027, 3, 31))
    checkin = CheckInFactory(
        user=owner, period_start=D(2027, 4, 1), period_end=D(2027, 4, 30), status="draft"
    )
    WinFactory(user=owner, title="Before the last", happened_on=D(2027, 3, 31))
    WinFactory(user=owner, title="Since the last", happened_on=D(2027, 4, 2))
    page = owner_client.get(checkin.get_absolute_url()).content.decode()
    assert "Since the last" in page
    assert "Before the last" not in page
    assert f"{ADD}?checkin={checkin.pk}" in page


def test_a_check_in_fills_in_its_day_and_is_linked(owner_client, owner):
    closed = CheckInFactory(user=owner, period_start=D(2027, 3, 1), period_end=D(2027, 3, 31))
    running = CheckInFactory(
        user=owner, period_start=D(2027, 5, 1), period_end=D(2027, 5, 31), status="draft"
    )
    # A closed check-in's win happened by its period's end; a running one's, by today.
    assert owner_client.get(ADD, {"checkin": closed.pk}).context["form"].initial == {
        "happened_on": D(2027, 3, 31),
        "checkin": closed.pk,
    }
    form = owner_client.get(ADD, {"checkin": running.pk}).context["form"]
    assert form.initial["happened_on"] == TODAY
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    assert owner_client.post(ADD, data | {"title": "Ran the retro"}).status_code == 302
    assert Win.objects.get().checkin == running


def test_a_members_comment_on_a_check_in_links_the_win_to_it(owner_client, owner):
    member = CircleMemberFactory(owner=owner, name="Sam Okafor")
    checkin = CheckInFactory(user=owner, period_start=D(2027, 4, 1), period_end=D(2027, 4, 30))
    comment = CommentFactory(member=member, checkin=checkin, body="The retro you ran was great.")
    page = owner_client.get(checkin.get_absolute_url()).content.decode()
    assert f"{ADD}?comment={comment.pk}" in page
    form = owner_client.get(ADD, {"comment": comment.pk}).context["form"]
    assert (form.initial["checkin"], form.initial["member"]) == (checkin.pk, member.pk)
    assert form.initial["title"] == "The retro you ran was great."
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    assert owner_client.post(ADD, data).status_code == 302
    win = Win.objects.get()
    assert (win.comment, win.checkin, win.noticed_by_name) == (comment, checkin, "Sam Okafor")


def test_the_first_check_in_opens_with_the_wins_of_its_period(owner_client, owner):
    checkin = CheckInFactory(
        user=owner, period_start=D(2027, 4, 1), period_end=D(2027, 4, 30), status="draft"
    )
    WinFactory(user=owner, title="Before the period", happened_on=D(2027, 3, 31))
    WinFactory(user=owner, title="In the period", happened_on=D(2027, 4, 1))
    page = owner_client.get(checkin.get_absolute_url()).content.decode()
    assert "In the period" in page
    assert "Before the period" not in page


def test_a_closed_check_in_keeps_showing_its_wins(owner_client, owner):
    checkin = CheckInFactory(user=owner, period_start=D(2027, 4, 1), period_end=D(2027, 4, 30))
    WinFactory(user=owner, title="Landed the migration", happened_on=D(2027, 4, 20))
    WinFactory(user=owner, title="After it closed", happened_on=D(2027, 5, 2))
    page = owner_client.get(checkin.get_absolute_url()).content.decode()
    assert "Landed the migration" in page
    assert "After it closed" not in page


def _noticed_wins(owner, count: int, **links) -> None:
    """``count`` wins, each noticed by its own circle member and serving a goal."""
    for n in range(count):
        member = CircleMemberFactory(owner=owner, name=f"Member {n}")
        WinFactory(user=owner, member=member, happened_on=D(2027, 4, 1 + n % 28), **links)


@pytest.mark.parametrize("count", [1, 15])
def test_a_check_in_costs_the_same_queries_whatever_its_wins(
    owner_client, owner, count, django_assert_num_queries
):
    checkin = CheckInFactory(
        user=owner, period_start=D(2027, 4, 1), period_end=D(2027, 4, 30), status="draft"
    )
    _noticed_wins(owner, count, goal=GoalFactory(user=owner))
    url = checkin.get_absolute_url()
    # 1 session, 2 user, 3 the check-in, 4 its goal reviews, 5 reflections, 6 next steps,
    # 7 the circle's comments, 8 the wins since the previous one with goal and member
    with django_assert_num_queries(8):
        page = owner_client.get(url).content.decode()
    assert page.count("Noticed by Member") == count


@pytest.mark.parametrize("count", [1, 15])
def test_a_goal_page_costs_the_same_queries_whatever_its_wins(
    owner_client, owner, count, django_assert_num_queries
):
    goal = GoalFactory(user=owner)
    _noticed_wins(owner, count, goal=goal)
    # The goal page's pinned 8 (goals' test_query_counts), the wins with their members in one.
    with django_assert_num_queries(8):
        page = owner_client.get(goal.get_absolute_url()).content.decode()
    assert page.count("Noticed by Member") == count


@pytest.mark.parametrize("param", ["task", "goal", "checkin", "comment"])
def test_another_persons_thing_in_a_link_is_a_404(owner_client, other_user, param):
    goal = GoalFactory(user=other_user)
    theirs = {
        "task": lambda: TaskFactory(goal=goal),
        "goal": lambda: goal,
        "checkin": lambda: CheckInFactory(user=other_user),
        "comment": lambda: CommentFactory(member=CircleMemberFactory(owner=other_user), goal=goal),
    }[param]()
    assert owner_client.get(ADD, {param: theirs.pk}).status_code == 404
    assert owner_client.get(ADD, {param: "x1"}).status_code == 404


# --- Changing and deleting --------------------------------------------------------------


def _edit_data(client, win) -> dict:
    form = client.get(reverse("reviews:win_edit", args=[win.pk])).context["form"]
    data = {}
    for bf in form:
        value = bf.field.prepare_value(bf.value())
        if isinstance(value, list):
            data[bf.html_name] = [str(v) for v in value]
        else:
            data[bf.html_name] = "" if value is None else str(value)
    return data


def test_editing_saves_what_changed(owner_client, owner, skill):
    win = WinFactory(user=owner)
    win.skills.set([skill])
    data = _edit_data(owner_client, win) | {"title": "Renamed"}
    response = owner_client.post(reverse("reviews:win_edit", args=[win.pk]), data)
    assert response.status_code == 302
    win.refresh_from_db()
    assert (win.title, win.version) == ("Renamed", 1)
    assert list(win.skills.all()) == [skill]


def test_a_stale_tab_is_refused_with_what_changed_and_nothing_lost(owner_client, owner, skill):
    win = WinFactory(user=owner, impact="First")
    stale = _edit_data(owner_client, win)
    services.win_update(win=win, data={"impact": "Changed elsewhere"}, version=0)
    url = reverse("reviews:win_edit", args=[win.pk])
    response = owner_client.post(url, stale | {"impact": "Mine", "skills": [str(skill.pk)]})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Mine" in page
    assert "changed since you opened the page" in page
    win.refresh_from_db()
    assert win.impact == "Changed elsewhere"
    assert not win.skills.exists()


def test_a_change_to_the_skills_elsewhere_is_not_undone_by_a_stale_tab(owner_client, owner, skill):
    win = WinFactory(user=owner)
    stale = _edit_data(owner_client, win)
    services.win_update(win=win, data={"skills": [skill]}, version=0)
    url = reverse("reviews:win_edit", args=[win.pk])
    response = owner_client.post(url, stale | {"title": "Renamed"})
    assert response.status_code == 409
    assert list(Win.objects.get().skills.all()) == [skill]


def test_an_edit_with_bad_input_is_422_and_changes_nothing(owner_client, owner):
    win = WinFactory(user=owner, title="Kept title", happened_on=D(2027, 4, 1))
    data = _edit_data(owner_client, win) | {"title": "New words", "happened_on": "2027-06-01"}
    response = owner_client.post(reverse("reviews:win_edit", args=[win.pk]), data)
    assert response.status_code == 422
    assert "already happened" in response.context["form"].errors["happened_on"][0]
    assert "New words" in response.content.decode()
    win.refresh_from_db()
    assert (win.title, win.happened_on) == ("Kept title", D(2027, 4, 1))


def test_delete_asks_first_then_deletes(owner_client, owner):
    win = WinFactory(user=owner)
    url = reverse("reviews:win_delete", args=[win.pk])
    assert owner_client.get(url).status_code == 200
    assert Win.objects.exists()
    assert owner_client.post(url).status_code == 302
    assert not Win.objects.exists()


@pytest.mark.parametrize("route", ["reviews:win_edit", "reviews:win_delete"])
def test_another_persons_win_is_a_404_and_nothing_changes(owner_client, other_user, route):
    win = WinFactory(user=other_user, title="Theirs")
    url = reverse(route, args=[win.pk])
    assert owner_client.get(url).status_code == 404
    assert owner_client.post(url, {"title": "Mine now"}).status_code == 404
    assert Win.objects.get().title == "Theirs"


# --- The journal ------------------------------------------------------------------------


def test_the_journal_filters_by_year_goal_and_skill(owner_client, owner, skill):
    goal = GoalFactory(user=owner, title="Platform")
    WinFactory(user=owner, title="Old one", happened_on=D(2026, 6, 1))
    WinFactory(user=owner, title="Goal one", goal=goal)
    WinFactory(user=owner, title="Skill one").skills.set([skill])

    def titles(**query):
        return [w.title for w in owner_client.get(LIST, query).context["wins"]]

    assert titles(year="2026") == ["Old one"]
    assert titles(goal=goal.pk) == ["Goal one"]
    assert titles(skill=f"q{skill.pk}") == ["Skill one"]
    assert len(titles(goal="999999", skill="q0", year="1")) == 3  # not theirs: ignored


@pytest.mark.parametrize("count", [1, 30])
def test_the_journal_costs_the_same_queries(
    owner_client, owner, skill, count, django_assert_num_queries
):
    goal = GoalFactory(user=owner)
    member = CircleMemberFactory(owner=owner)
    own = PersonalSkillFactory(user=owner)
    for n in range(count):
        win = WinFactory(user=owner, goal=goal, member=member, happened_on=D(2027, 1, 1 + n % 28))
        win.skills.set([skill])
        win.personal_skills.set([own])
    # 1 session, 2 user; the filters' choices: 3 years, 4 goals with wins, 5 skill
    # questions shown, 6 own skills shown; 7 how many wins, 8 a page of them with goal
    # and member, 9 their skills, 10 their own skills
    with django_assert_num_queries(10):
        response = owner_client.get(LIST, {"page": "1"})
    assert response.status_code == 200


# --- Where wins are evidence --------------------------------------------------------------


def test_the_quarterly_summary_lists_the_quarters_wins(owner_client, owner):
    WinFactory(user=owner, title="In Q1", happened_on=D(2027, 3, 31))
    WinFactory(user=owner, title="In Q2", happened_on=D(2027, 4, 1))
    page = owner_client.get(reverse("reviews:quarter", args=[2027, 1])).content.decode()
    assert "In Q1" in page
    assert "In Q2" not in page


def test_a_quarter_with_only_wins_is_not_called_empty(owner_client, owner):
    WinFactory(user=owner, title="Kept the lights on", happened_on=D(2027, 2, 3))
    page = owner_client.get(reverse("reviews:quarter", args=[2027, 1])).content.decode()
    assert "Kept the lights on" in page
    assert "Nothing recorded for this quarter" not in page
    empty = owner_client.get(reverse("reviews:quarter", args=[2026, 4])).content.decode()
    assert "Nothing recorded for this quarter" in empty


def test_the_agenda_carries_the_wins_since_the_last_conversation(owner):
    from reviews.services import conversation_prepare
    from reviews.tests.factories_conversations import ConversationFactory

    member = CircleMemberFactory(owner=owner)
    ConversationFactory(owner=owner, member=member, held_on=D(2027, 4, 1))
    WinFactory(user=owner, title="Before it", happened_on=D(2027, 3, 30))
    WinFactory(user=owner, title="After it", impact="Two new clients", happened_on=D(2027, 4, 2))
    agenda = conversation_prepare(owner=owner, member=member, today=TODAY, zone=datetime.UTC).agenda
    assert "Wins since last time\n- After it (2 April 2027): Two new clients" in agenda
    assert "Before it" not in agenda


def test_the_skills_it_showed_are_listed_under_their_sections_headings(owner_client):
    page = owner_client.get(ADD).content.decode()
    craft = page.index("<strong>Technical and craft</strong>")
    people = page.index("<strong>Working with people</strong>")
    assert craft < page.index("Writing clearly") < people < page.index("Listening")
