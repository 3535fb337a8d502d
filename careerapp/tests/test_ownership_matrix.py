"""Every route that takes a parameter is a 404 for anyone but the owner, and changes nothing.

The routes come from the resolver, so a new route with a parameter fails
``test_every_parametrised_route_has_a_builder_or_a_reason`` until it gets a builder here
(which makes an object for ``owner`` and returns the URL's kwargs) or a reasoned entry in
``NOT_OWNED``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.test import Client
from django.urls import reverse

from assessments.models import TakeStatus
from assessments.tests.factories import (
    AnswerFactory,
    PersonalSkillFactory,
    QuestionFactory,
    TakeFactory,
)
from assessments.tests.factories_roles import SkillQuestionFactory, TargetRoleFactory
from careerapp.tests.test_urls import all_routes
from goals.models import Category, Horizon, LearningItem, Status
from goals.tests.decision_factories import RoleSkillFactory, decision_with
from goals.tests.factories import (
    GoalFactory,
    GoalTemplateFactory,
    LearningItemFactory,
    TaskFactory,
)
from reviews.models import CheckInStatus
from reviews.tests.factories import (
    CheckInFactory,
    CircleMemberFactory,
    CommentFactory,
    GoalReviewFactory,
)
from reviews.tests.factories_conversations import conversation_with_action
from reviews.tests.factories_feedback import FeedbackRequestFactory
from reviews.tests.factories_wins import WinFactory

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("careerapp", "goals", "assessments", "reviews")
LATER = "2030-06-30"


@dataclass(frozen=True)
class Owned:
    """How to make a route's object for its owner, and a plausible form to post to it."""

    build: Callable[[object], dict]
    data: dict = field(default_factory=dict)


def _goal(owner) -> dict:
    return {"pk": GoalFactory(user=owner).pk}


def _task(owner) -> dict:
    task = TaskFactory(goal=GoalFactory(user=owner))
    return {"pk": task.goal_id, "task_pk": task.pk}


def _draft_take(owner) -> dict:
    take = TakeFactory(user=owner, status=TakeStatus.DRAFT, completed_at=None)
    return {"pk": take.pk}


def _completed_take(owner) -> dict:
    take = TakeFactory(user=owner)
    AnswerFactory(take=take, question=QuestionFactory(instrument=take.instrument), rating=4)
    return {"pk": take.pk}


def _personal_skill(owner) -> dict:
    return {"key": f"p{PersonalSkillFactory(user=owner).pk}"}


def _target_role(owner) -> dict:
    return {"pk": TargetRoleFactory(user=owner).pk}


def _checkin(owner) -> dict:
    # Open and editable now, so a POST would reach the save if ownership were not checked.
    today = datetime.datetime.now(tz=datetime.UTC).date()
    start = today.replace(day=1)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    checkin = CheckInFactory(
        user=owner,
        period_start=start,
        period_end=end,
        status=CheckInStatus.DRAFT,
        submitted_at=None,
    )
    return {"pk": checkin.pk}


def _feedback_request(owner) -> dict:
    # Open, so withdrawing would succeed if ownership were not checked.
    return {"pk": FeedbackRequestFactory(owner=owner).pk}


def _conversation(owner) -> dict:
    GoalFactory(user=owner)
    return {"pk": conversation_with_action(owner).pk}


CONVERSATION_FORM = {
    "version": "0",
    "agenda": "Taken over",
    "notes": "not mine",
    "agenda_shared": "on",
    "new-0-text": "Slipped in",
}


def _member(owner) -> dict:
    # With what it is shown linked, so a POST that changed the links would be noticed.
    member = CircleMemberFactory(owner=owner)
    member.goals.add(GoalFactory(user=owner))
    member.instruments.add(TakeFactory(user=owner).instrument)
    return {"pk": member.pk}


def _comment(owner) -> dict:
    member = CircleMemberFactory(owner=owner, checkins_sharing="progress")
    return {"pk": CommentFactory(member=member, checkin=CheckInFactory(user=owner)).pk}


def _win(owner) -> dict:
    win = WinFactory(user=owner)
    win.skills.add(SkillQuestionFactory())
    win.personal_skills.add(PersonalSkillFactory(user=owner))
    return {"pk": win.pk}


WIN_FORM = {"title": "Taken over", "impact": "not mine", "happened_on": "2026-01-01"}
WIN_FORM_VERSIONED = {**WIN_FORM, "version": "0"}


MEMBER_FORM = {"goals_sharing": "all", "checkins_sharing": "reflections", "version": "0"}


def _decision(owner) -> dict:
    decision, _options, _criteria = decision_with(owner)
    return {"pk": decision.pk}


# Options, criteria and scores have no routes of their own: they are reached only through
# their decision (a score for another decision's option: goals/tests/test_decisions.py).
DECISION_POST = {
    "version": "0",
    "question": "Taken over",
    "reason": "not mine",
    "decided_on": LATER,
    "options-TOTAL_FORMS": "0",
    "options-INITIAL_FORMS": "0",
    "criteria-TOTAL_FORMS": "0",
    "criteria-INITIAL_FORMS": "0",
}


def _learning(owner) -> dict:
    # Linked to a skill, an own skill and a goal: the snapshot holds the link tables, so a
    # POST that changed or cleared them would be noticed.
    item = LearningItemFactory(user=owner)
    item.skills.add(SkillQuestionFactory())
    item.personal_skills.add(PersonalSkillFactory(user=owner))
    item.goals.add(GoalFactory(user=owner))
    return {"pk": item.pk}


LEARNING_FORM = {
    "version": "0",
    "title": "Taken over",
    "kind": "1",
    "status": "done",
    "hours": "99",
    "notes": "not mine",
}


GOAL_FORM = {
    "title": "Taken over",
    "why": "Someone else's words",
    "category": Category.ROLE,
    "horizon": Horizon.LONG,
    "target_date": LATER,
    "reason": "Changed by someone else",
}
TASK_FORM = {"title": "Slipped in", "due_date": LATER, "notes": "not mine"}

# URL name -> how to make its object for the owner and what a visitor might post.
OWNED = {
    "goals:detail": Owned(_goal),
    "goals:edit": Owned(_goal, GOAL_FORM),
    "goals:status": Owned(_goal, {"status": Status.DROPPED, "reason": "not mine"}),
    "goals:progress": Owned(_goal, {"progress": "90"}),
    "goals:move": Owned(_goal, {"direction": "down"}),
    "goals:delete": Owned(_goal),
    "goals:task_add": Owned(_goal, TASK_FORM),
    "goals:task_bulk_add": Owned(_goal, {"lines": "First\nSecond"}),
    "goals:task_toggle": Owned(_task, {"done": "on"}),
    "goals:task_edit": Owned(_task, TASK_FORM),
    "goals:task_delete": Owned(_task),
    "goals:task_move": Owned(_task, {"direction": "up"}),
    "goals:decision": Owned(_decision),
    "goals:decision_edit": Owned(_decision, DECISION_POST),
    "goals:decision_scores": Owned(_decision, DECISION_POST),
    "goals:decision_decide": Owned(_decision, DECISION_POST),
    "goals:decision_reopen": Owned(_decision, DECISION_POST),
    "goals:decision_delete": Owned(_decision),
    "goals:learning_detail": Owned(_learning),
    "goals:learning_edit": Owned(_learning, LEARNING_FORM),
    "goals:learning_status": Owned(_learning, {"status": "dropped"}),
    "goals:learning_delete": Owned(_learning),
    "assessments:take": Owned(_draft_take, {"page": "1", "action": "complete"}),
    "assessments:take_discard": Owned(_draft_take),
    "assessments:results": Owned(_completed_take),
    "assessments:skill": Owned(_personal_skill),
    "assessments:personal_skill_remove": Owned(_personal_skill),
    "assessments:target_remove": Owned(_target_role),
    "reviews:checkin": Owned(_checkin, {"satisfaction": "1", "energy": "1", "action": "submit"}),
    "reviews:feedback_detail": Owned(_feedback_request),
    "reviews:feedback_withdraw": Owned(_feedback_request),
    "reviews:circle_member": Owned(_member),
    "reviews:circle_sharing": Owned(_member, MEMBER_FORM),
    "reviews:circle_renew": Owned(_member),
    "reviews:circle_new_link": Owned(_member),
    "reviews:circle_revoke": Owned(_member),
    "reviews:circle_remove": Owned(_member),
    "reviews:comment_reply": Owned(_comment, {"reply-1-body": "Slipped in"}),
    "reviews:comment_delete": Owned(_comment),
    "reviews:conversation": Owned(_conversation, CONVERSATION_FORM),
    "reviews:conversation_print": Owned(_conversation),
    "reviews:conversation_delete": Owned(_conversation),
    "reviews:win_edit": Owned(_win, WIN_FORM_VERSIONED),
    "reviews:win_delete": Owned(_win),
}

# URL name -> why its parameter does not name one person's object.
NOT_OWNED = {
    "goals:template_start": (
        "slug of a shared goal template; starting it makes a goal for the visitor "
        "(covered by test_shared_content_routes_never_touch_another_persons_data)"
    ),
    "goals:role_plan": (
        "slug of a shared library role; the plan is a goal for the visitor "
        "(covered by test_starting_from_shared_content_writes_only_the_visitors_rows)"
    ),
    "assessments:instrument": "slug of a shared instrument; lists only the visitor's takes",
    "assessments:start": "slug of a shared instrument; starts a take for the visitor",
    "assessments:compare": "slug of a shared instrument; compares only the visitor's takes",
    "assessments:personal_skill_add": "slug of a shared instrument; adds the visitor's own skill",
    "assessments:track": "slug of a shared track of the role library; shows nobody's data",
    "assessments:role": "slug of a shared library role; shows it against the visitor's levels",
    "assessments:role_compare": "slug of a shared library role; compares the visitor's levels",
    "assessments:target": "slug of a shared library role; sets the visitor's own target for it",
    "reviews:quarter": "year and quarter pick a period of the visitor's own check-ins",
    "reminders_unsubscribe": "public by design: a signed token names the person, no login",
    "calendar_feed": (
        "public by design: the secret address (only its hash is stored) names one person's "
        "feed, for their calendar app without a session (careerapp/tests/test_calendar_feed.py)"
    ),
    "reviews:feedback_give": (
        "public by design: a secret link (only its hash is stored) names one feedback "
        "request, for its giver without an account (reviews/tests/test_feedback_giver.py)"
    ),
    "account_confirm_email": "allauth: public, the key in the email is the credential",
    "account_reset_password_from_key": "allauth: public, the key in the email is the credential",
}
# What a circle member sees: the first parameter names the viewer (a secret link, or a member
# id checked against the signed-in person's verified addresses or the owner), the others a
# thing inside that member's scope. reviews/tests/test_circle_access_matrix.py holds them
# against every kind of visitor.
NOT_OWNED.update(
    {
        f"reviews:{way}:{name}": "a circle member's view: reviews' access matrix covers it"
        for way in ("link", "account", "preview")
        for name in ("home", "section", "item", "checkin", "quarter", "comment_add")
    }
)
# Django's admin is for staff only and guarded by is_staff (see careerapp/tests/test_admin.py);
# a staff member may see every person's rows there, so the matrix does not apply.
OUT_OF_SCOPE_NAMESPACES = ("admin:",)


def _parametrised_routes() -> dict[str, str]:
    """URL name -> route, for every named route that takes a parameter."""
    found = {}
    for route, namespace, pattern in all_routes():
        if namespace.startswith(OUT_OF_SCOPE_NAMESPACES):
            continue
        # A parameter of the route or of an include's prefix (the circle's shared pages).
        takes_parameter = bool(
            pattern.pattern.regex.groupindex or pattern.pattern.converters or "<" in route
        )
        if takes_parameter:
            assert pattern.name, f"the route {route!r} takes a parameter but has no name"
            found[f"{namespace}{pattern.name}"] = route
    return found


def _snapshot() -> dict[str, list[dict]]:
    """Every row of every model of the project's apps, with the tables Django makes for
    their many-to-many fields (a learning item's skills, own skills and goals; a win's
    skills; what a circle member is shown): a changed link is a changed row."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
    }


# The many-to-many link tables of a person's things: each must be in the snapshot.
OWNED_LINK_TABLES = {
    "goals.LearningItem_skills",
    "goals.LearningItem_personal_skills",
    "goals.LearningItem_goals",
    "reviews.Win_skills",
    "reviews.Win_personal_skills",
    "reviews.CircleMember_goals",
    "reviews.CircleMember_instruments",
    "reviews.FeedbackAnswer_picks",
}


def test_the_snapshot_holds_every_many_to_many_link_table():
    through = {
        field.remote_field.through._meta.label
        for app in PROJECT_APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.local_many_to_many
    }
    assert through >= OWNED_LINK_TABLES
    assert through <= set(_snapshot())


@pytest.mark.parametrize("links", ["skills", "personal_skills", "goals"])
def test_the_snapshot_notices_a_changed_link_of_a_learning_item(owner, links):
    item = LearningItem.objects.get(pk=_learning(owner)["pk"])
    before = _snapshot()
    getattr(item, links).clear()
    assert _snapshot() != before
    assert _changed_or_gone(before, _snapshot()) == [
        (f"goals.LearningItem_{links}", before[f"goals.LearningItem_{links}"][0]["id"])
    ]


def test_every_parametrised_route_has_a_builder_or_a_reason():
    routes = _parametrised_routes()
    missing = sorted(set(routes) - set(OWNED) - set(NOT_OWNED))
    assert missing == [], (
        "routes with a parameter but neither a builder in OWNED nor a reason in NOT_OWNED: "
        + ", ".join(f"{name} ({routes[name]})" for name in missing)
    )
    stale = sorted((set(OWNED) | set(NOT_OWNED)) - set(routes))
    assert stale == [], f"entries for routes that no longer exist: {stale}"
    assert set(OWNED).isdisjoint(NOT_OWNED)


def test_the_matrix_covers_every_route_that_names_a_persons_object():
    # 12 goal and step routes, 6 decision routes, 4 learning routes, 5 take and skill
    # routes, 1 target role, 1 check-in route, 2 feedback request routes, 3 conversation
    # routes, 6 circle member routes, 2 comment routes, 2 win routes.
    assert len(OWNED) == 44
    assert len(_parametrised_routes()) == len(OWNED) + len(NOT_OWNED)


@pytest.mark.parametrize("name", sorted(OWNED))
def test_another_persons_object_is_a_404_and_nothing_changes(name, owner, other_client, password):
    route = OWNED[name]
    url = reverse(name, kwargs=route.build(owner))
    owner_client = Client()
    owner_client.force_login(owner)
    # Read-only probes first: which methods the route accepts at all.
    owner_get = owner_client.get(url)
    assert owner_get.status_code != 404, f"{name}: the owner cannot see {url}; fix the builder"
    before = _snapshot()

    got = other_client.get(url)
    posted = other_client.post(url, route.data)

    expected_get = 405 if owner_get.status_code == 405 else 404
    assert got.status_code == expected_get, f"{name}: GET {url} as another person"
    assert posted.status_code in {404, 405}, f"{name}: POST {url} as another person"
    assert _snapshot() == before, f"{name}: a POST by another person changed the database"

    anon = Client().get(url)
    assert anon.status_code == 302, f"{name}: GET {url} as a visitor"
    assert anon["Location"] == redirect_to_login(url)["Location"], name

    # The owner's own POST reaches the view, so the 404s above were about ownership.
    owner_post = owner_client.post(url, route.data)
    assert owner_post.status_code != 404, f"{name}: the owner's POST to {url} is a 404"
    if posted.status_code == 405:
        assert owner_post.status_code == 405, f"{name}: POST refused only for another person"


# --- Routes on shared content: they work for everyone, but only on the visitor's rows ---


def _changed_or_gone(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> list:
    """Rows that existed before and are now different or missing (new rows are fine)."""
    now = {label: {row["id"]: row for row in rows} for label, rows in after.items()}
    return [
        (label, row["id"])
        for label, rows in before.items()
        for row in rows
        if now[label].get(row["id"]) != row
    ]


def _users_of_new_rows(before, after) -> set[int]:
    known = {label: {row["id"] for row in rows} for label, rows in before.items()}
    return {
        row["user_id"]
        for label, rows in after.items()
        for row in rows
        if row["id"] not in known[label] and "user_id" in row
    }


@pytest.fixture
def owners_history(owner):
    """The owner's completed takes of an instrument and a check-in in the first quarter."""
    first = TakeFactory(user=owner, instrument__allows_personal_items=True)
    TakeFactory(user=owner, instrument=first.instrument)
    goal = GoalFactory(user=owner, title="Olivia's private promotion")
    checkin = CheckInFactory(
        user=owner, period_start=datetime.date(2026, 1, 1), period_end=datetime.date(2026, 1, 31)
    )
    GoalReviewFactory(checkin=checkin, goal=goal)
    return first.instrument


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("assessments:instrument", lambda instrument: {"slug": instrument.slug}),
        ("assessments:compare", lambda instrument: {"slug": instrument.slug}),
    ],
)
def test_an_instruments_pages_show_only_the_visitors_own_takes(
    name, kwargs, owners_history, owner, other_client
):
    url = reverse(name, kwargs=kwargs(owners_history))
    owner_client = Client()
    owner_client.force_login(owner)
    assert len(owner_client.get(url).context["takes"]) == 2

    response = other_client.get(url)

    assert response.status_code == 200
    assert response.context["takes"] == []


def test_a_quarters_summary_shows_only_the_visitors_own_check_ins(
    owners_history, owner, other_client
):
    url = reverse("reviews:quarter", kwargs={"year": 2026, "quarter": 1})
    owner_client = Client()
    owner_client.force_login(owner)
    mine = owner_client.get(url)
    assert not mine.context["summary"].is_empty
    assert "Olivia&#x27;s private promotion" in mine.content.decode()

    response = other_client.get(url)

    assert response.status_code == 200
    assert response.context["summary"].is_empty
    assert "private promotion" not in response.content.decode()


@pytest.mark.parametrize(
    ("name", "target", "data"),
    [
        ("goals:template_start", "template", {}),
        ("assessments:start", "instrument", {}),
        ("goals:role_plan", "role", {}),
        ("assessments:personal_skill_add", "instrument", {"name": "Negotiation"}),
    ],
)
def test_starting_from_shared_content_writes_only_the_visitors_rows(
    name, target, data, owners_history, owner, other_user, other_client
):
    slug = {
        "template": lambda: GoalTemplateFactory().slug,
        "role": lambda: RoleSkillFactory().role.slug,
    }.get(target, lambda: owners_history.slug)()
    before = _snapshot()

    response = other_client.post(reverse(name, kwargs={"slug": slug}), data)

    assert response.status_code == 302, name
    after = _snapshot()
    assert _changed_or_gone(before, after) == [], f"{name} changed rows it does not own"
    assert _users_of_new_rows(before, after) == {other_user.pk}, name


# --- "Record a win": the add form's prefill names the thing it came from ---------------


def _prefill_task(owner):
    return TaskFactory(goal=GoalFactory(user=owner), is_milestone=True).pk


def _prefill_comment(owner):
    member = CircleMemberFactory(owner=owner)
    return CommentFactory(member=member, goal=GoalFactory(user=owner)).pk


# Parameter -> how to make the owner's object it names.
WIN_PREFILLS = {
    "task": _prefill_task,
    "goal": lambda owner: GoalFactory(user=owner).pk,
    "checkin": lambda owner: CheckInFactory(user=owner).pk,
    "comment": _prefill_comment,
}


def test_every_prefill_parameter_of_the_win_form_is_in_the_matrix():
    from reviews.queries import wins

    source = Path(wins.__file__).read_text()
    named = set(re.findall(r'params\.get\("(\w+)"\)', source))
    assert named == set(WIN_PREFILLS)


@pytest.mark.parametrize("parameter", sorted(WIN_PREFILLS))
def test_another_persons_thing_in_a_win_link_is_a_404_and_nothing_changes(
    parameter, owner, other_client
):
    url = f"{reverse('reviews:win_add')}?{parameter}={WIN_PREFILLS[parameter](owner)}"
    owner_client = Client()
    owner_client.force_login(owner)
    assert owner_client.get(url).status_code == 200
    before = _snapshot()
    assert other_client.get(url).status_code == 404
    assert other_client.post(url, WIN_FORM).status_code in {302, 422}
    after = _snapshot()
    assert _changed_or_gone(before, after) == []
    assert not [w for w in after["reviews.Win"] if w["user_id"] == owner.pk]
