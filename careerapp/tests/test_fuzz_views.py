"""POST views never crash: generated input against every POST view and the data import.

Hypothesis sends very long strings, control characters (NUL included), markup, numbers
that are huge, negative or not numbers at all, blanks and repeated values. Whatever comes
in, the answer is below 500, our markup never comes back unescaped, and rows the request
has no business changing stay exactly as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import given, note, settings
from hypothesis import strategies as st

from assessments.forms import TakePageForm
from assessments.models import TargetRole
from assessments.tests.factories_roles import library_role
from careerapp.reminders import unsubscribe_token
from careerapp.services import feed_create
from careerapp.tests.factories import UserFactory
from careerapp.tests.fuzz_world import (
    FORM_CLASSES,
    FUZZ,
    GENERATED,
    OUR_APPS,
    OWNED_BY,
    SHIPPED,
    World,
    export_of,
    fresh_owner,
    our_models,
    snapshot,
)
from careerapp.tests.fuzzing import EXTRA_VALID, assert_escaped, field_values, post_data, uploads
from careerapp.tests.test_urls import all_routes
from goals.forms.decisions import criterion_formset, option_formset
from goals.models import Decision, Goal, LearningItem
from reviews.access import link_token
from reviews.demo.circle import MENTOR_EMAIL
from reviews.forms import CheckInPage, ConversationPage, FeedbackAnswerForm
from reviews.models import (
    CircleMember,
    Comment,
    Conversation,
    FeedbackRequest,
    ReflectionPrompt,
    Win,
)
from reviews.queries import conversations as conversation_queries
from reviews.queries.feedback import giver_page
from reviews.tests.factories_conversations import conversation_with_action
from reviews.tests.factories_feedback import FeedbackRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("report_generated_inputs")]
FUZZ_KIND = "POST views"  # what the generated inputs go to, in the report at the end

VIEW_EXAMPLES = 14
IMPORT_EXAMPLES = 50


# A real object of the owner for every URL parameter, by (app, parameter).
URL_VALUES: dict[tuple[str, str], Callable[[World], object]] = {
    ("careerapp", "token"): lambda w: unsubscribe_token(w.owner),
    ("goals", "pk"): lambda w: w.goal.pk,
    ("goals", "task_pk"): lambda w: w.task.pk,
    ("goals", "slug"): lambda w: w.template.slug,
    ("assessments", "pk"): lambda w: w.draft.pk,
    ("assessments", "key"): lambda w: w.skill.key,
    ("assessments", "slug"): lambda w: w.instrument.slug,
    ("reviews", "pk"): lambda w: w.checkin.pk,
    ("reviews", "year"): lambda w: w.today.year,
    ("reviews", "link"): lambda w: link_token(_mentor(w)),
    ("reviews", "member"): lambda w: _mentor(w).pk,
    ("reviews", "preview"): lambda w: _mentor(w).pk,
    ("reviews", "kind"): lambda w: "goal",
    ("reviews", "key"): lambda w: "goals",
    ("reviews", "quarter"): lambda w: (w.today.month - 1) // 3 + 1,
}
# Where one route's parameter names something else than its app's usual object.
DECISION_ROUTES = (
    "goals:decision_edit",
    "goals:decision_scores",
    "goals:decision_decide",
    "goals:decision_reopen",
    "goals:decision_delete",
)
CONVERSATION_ROUTES = (
    "reviews:conversation",
    "reviews:conversation_print",
    "reviews:conversation_delete",
)
CIRCLE_ROUTES = (
    "reviews:circle_member",
    "reviews:circle_sharing",
    "reviews:circle_renew",
    "reviews:circle_new_link",
    "reviews:circle_revoke",
    "reviews:circle_remove",
)
LEARNING_ROUTES = (
    "goals:learning_detail",
    "goals:learning_edit",
    "goals:learning_status",
    "goals:learning_delete",
)
SHARED = [f"reviews:{way}:" for way in ("link", "account", "preview")]
URL_VALUES_BY_ROUTE: dict[tuple[str, str], Callable[[World], object]] = {
    **{(route, "pk"): lambda w: _mentor(w).pk for route in CIRCLE_ROUTES},
    ("reviews:comment_reply", "pk"): lambda w: _comment(w).pk,
    ("reviews:comment_delete", "pk"): lambda w: _comment(w).pk,
    **{(f"{way}item", "pk"): lambda w: _mentor(w).goals.first().pk for way in SHARED},
    **{(f"{way}comment_add", "pk"): lambda w: _mentor(w).goals.first().pk for way in SHARED},
    **{(f"{way}checkin", "pk"): lambda w: _shared_checkin(w).pk for way in SHARED},
    **{(route, "pk"): lambda w: _conversation(w).pk for route in CONVERSATION_ROUTES},
    **{(route, "pk"): lambda w: _demo_decision(w).pk for route in DECISION_ROUTES},
    **{(route, "pk"): lambda w: _demo_learning(w).pk for route in LEARNING_ROUTES},
    ("goals:role_plan", "slug"): lambda w: library_role().slug,
    ("assessments:target", "slug"): lambda w: library_role().slug,
    ("assessments:target_remove", "pk"): lambda w: (
        TargetRole.objects.get_or_create(user=w.owner, role=library_role())[0].pk
    ),
    ("reviews:feedback_detail", "pk"): lambda w: _open_feedback_request(w).pk,
    ("reviews:feedback_withdraw", "pk"): lambda w: _open_feedback_request(w).pk,
    ("reviews:feedback_give", "token"): lambda w: _open_feedback_request(w).link_token(),
    ("calendar_feed", "token"): lambda w: feed_create(user=w.owner).token(),
    ("reviews:win_edit", "pk"): lambda w: _win(w).pk,
    ("reviews:win_delete", "pk"): lambda w: _win(w).pk,
}


def _mentor(w: World) -> CircleMember:
    """The demo's mentor: chosen goals, check-ins with reflections, the skills results."""
    return CircleMember.objects.for_user(w.owner).get(email=MENTOR_EMAIL)


def _win(w: World) -> Win:
    """The owner's demo win noticed by their mentor (goal, member, comment, skills)."""
    return Win.objects.for_user(w.owner).exclude(comment=None).first()


def _comment(w: World) -> Comment:
    return Comment.objects.for_user(w.owner).filter(parent=None).first()


def _shared_checkin(w: World):
    return w.owner.checkins.filter(status="submitted").first()


def _comment_fields(w: World) -> dict[str, list[str]]:
    return field_values(FORM_CLASSES["reviews.forms.CommentForm"]())


def _reply_fields(w: World) -> dict[str, list[str]]:
    return field_values(FORM_CLASSES["reviews.forms.CommentForm"](prefix=f"reply-{_comment(w).pk}"))


def _open_feedback_request(w: World) -> FeedbackRequest:
    """The owner's open request (its giver's page takes answers; withdrawing works)."""
    return FeedbackRequest.objects.for_user(w.owner).first() or FeedbackRequestFactory(
        owner=w.owner
    )


def _feedback_answer_fields(w: World) -> dict[str, list[str]]:
    page = giver_page(_open_feedback_request(w).link_token())
    return field_values(FeedbackAnswerForm(prompts=page.prompts, strengths=page.strengths))


def _take_fields(w: World) -> dict[str, list[str]]:
    questions = list(
        w.instrument.questions.active().filter(
            section=w.instrument.questions.active().values_list("section", flat=True).first()
        )
    )
    form = TakePageForm(questions=questions, skills=[w.skill], answers={})
    return field_values(form, "page", "action")


def _checkin_fields(w: World) -> dict[str, list[str]]:
    goals = list(Goal.objects.for_user(w.owner).active())
    prompts = list(ReflectionPrompt.objects.for_period(quarter_end=w.checkin.closes_quarter))
    page = CheckInPage(checkin=w.checkin, goals=goals, prompts=prompts, today=w.today)
    values = {"action": EXTRA_VALID["action"]}
    for form in page.forms():
        values.update(field_values(form))
    return values


def _conversation(w: World) -> Conversation:
    """The owner's conversation, with an action that is a step on one of their goals."""
    found = Conversation.objects.for_user(w.owner).first()
    return found or conversation_with_action(w.owner)


def _conversation_fields(w: World) -> dict[str, list[str]]:
    conversation = _conversation(w)
    items = conversation_queries.action_items(conversation)
    page = ConversationPage(
        conversation=conversation,
        items=items,
        goals=conversation_queries.goal_choices(w.owner, items),
        today=w.today,
    )
    values = {"version": [str(conversation.version)], "loaded": [page.snapshot()]}
    for form in [page.form, *page.action_forms()]:
        values.update(field_values(form))
    return values


def _demo_decision(w: World) -> Decision:
    return Decision.objects.for_user(w.owner).get()


def _demo_learning(w: World) -> LearningItem:
    """The owner's demo course under way (a skill and a goal linked)."""
    return LearningItem.objects.for_user(w.owner).get(status="in_progress")


def _decision_fields(*, existing: bool) -> Callable[[World], dict[str, list[str]]]:
    """The decision's form and its option and criterion formsets, as its pages send them."""

    def fields(w: World) -> dict[str, list[str]]:
        decision = _demo_decision(w) if existing else None
        form = FORM_CLASSES["goals.forms.DecisionForm"](instance=decision)
        values = field_values(form)
        for formset in (
            option_formset(decision=decision),
            criterion_formset(decision=decision, names=("Growth", "Pay")),
        ):
            values.update(field_values(formset.management_form))
            for row in formset.forms:
                values.update(field_values(row))
        return values

    return fields


def _form_fields(name: str, **kwargs) -> Callable[[World], dict[str, list[str]]]:
    return lambda w: field_values(
        FORM_CLASSES[name](**{key: value(w) for key, value in kwargs.items()})
    )


def _none(w: World) -> dict[str, list[str]]:
    return {}


# The fields each POST view reads; a new POST view must be added here.
VIEW_FIELDS: dict[str, Callable[[World], dict[str, list[str]]]] = {
    "account_profile_update": _form_fields("careerapp.forms.ProfileForm", instance=fresh_owner),
    "account_reminders_update": _form_fields(
        "careerapp.forms.ReminderPreferencesForm", instance=fresh_owner
    ),
    "account_delete": _form_fields("careerapp.forms.AccountDeleteForm", user=fresh_owner),
    "reminders_pause": _form_fields("careerapp.forms.PauseForm"),
    "language_set": lambda w: {"language": ["fr", "es", "en"], "next": ["/goals/"]},
    "reminders_preview": _none,
    "account_data_import": lambda w: field_values(
        FORM_CLASSES["careerapp.forms.DataImportForm"](), files=(export_of(w),)
    ),
    "reminders_unsubscribe": _none,
    "calendar_feed_create": _none,
    "calendar_feed_renew": _form_fields("careerapp.forms.CalendarRenewForm"),
    "calendar_feed_revoke": _none,
    "goals:create": _form_fields("goals.forms.GoalForm", user=fresh_owner),
    "goals:edit": _form_fields("goals.forms.GoalForm", instance=lambda w: w.goal),
    "goals:status": _form_fields("goals.forms.GoalStatusForm"),
    "goals:progress": _form_fields("goals.forms.GoalProgressForm"),
    "goals:move": _form_fields("goals.forms.MoveForm"),
    "goals:delete": _none,
    "goals:task_add": _form_fields("goals.forms.TaskForm"),
    "goals:task_bulk_add": _form_fields("goals.forms.TaskBulkForm"),
    "goals:task_toggle": _form_fields("goals.forms.TaskDoneForm"),
    "goals:task_edit": _form_fields("goals.forms.TaskForm"),
    "goals:task_delete": _none,
    "goals:task_move": _form_fields("goals.forms.MoveForm"),
    "goals:template_start": _none,
    "goals:decision_create": _decision_fields(existing=False),
    "goals:decision_edit": _decision_fields(existing=True),
    "goals:decision_scores": _form_fields("goals.forms.ScoreForm", decision=_demo_decision),
    "goals:decision_decide": _form_fields("goals.forms.DecideForm", decision=_demo_decision),
    "goals:decision_reopen": _form_fields("goals.forms.ReopenForm"),
    "goals:decision_delete": _none,
    "goals:role_plan": _none,
    "goals:learning_add": _form_fields("goals.forms.LearningItemForm", user=fresh_owner),
    "goals:learning_edit": _form_fields(
        "goals.forms.LearningItemForm", user=fresh_owner, instance=_demo_learning
    ),
    "goals:learning_status": _form_fields("goals.forms.LearningStatusForm"),
    "goals:learning_delete": _none,
    "assessments:take": _take_fields,
    "assessments:take_discard": _none,
    "assessments:start": _none,
    "assessments:personal_skill_add": _form_fields("assessments.forms.PersonalSkillForm"),
    "assessments:personal_skill_remove": _none,
    "assessments:current_role": lambda w: field_values(
        FORM_CLASSES["assessments.forms.CurrentRoleForm"](roles=[library_role()])
    ),
    "assessments:target": _form_fields("assessments.forms.TargetForm"),
    "assessments:target_remove": _none,
    "reviews:schedule": _form_fields("reviews.forms.ScheduleForm"),
    "reviews:start": _none,
    "reviews:checkin": _checkin_fields,
    "reviews:circle_invite": _form_fields("reviews.forms.InviteForm", owner=fresh_owner),
    "reviews:circle_sharing": _form_fields("reviews.forms.SharingForm", member=_mentor),
    "reviews:circle_renew": _none,
    "reviews:circle_new_link": _none,
    "reviews:circle_revoke": _none,
    "reviews:circle_remove": _none,
    "reviews:comment_reply": _reply_fields,
    "reviews:comment_delete": _none,
    **{f"{way}comment_add": _comment_fields for way in SHARED},
    "reviews:feedback_create": _form_fields("reviews.forms.FeedbackRequestForm", owner=fresh_owner),
    "reviews:feedback_withdraw": _none,
    "reviews:feedback_give": _feedback_answer_fields,
    "reviews:conversation_prepare": lambda w: field_values(
        FORM_CLASSES["reviews.forms.PrepareForm"](members=conversation_queries.members_for(w.owner))
    ),
    "reviews:conversation": _conversation_fields,
    "reviews:conversation_delete": _none,
    "reviews:win_add": _form_fields(
        "reviews.forms.WinForm", user=fresh_owner, today=lambda w: w.today
    ),
    "reviews:win_edit": _form_fields(
        "reviews.forms.WinForm", instance=_win, user=fresh_owner, today=lambda w: w.today
    ),
    "reviews:win_delete": _none,
}

# Which apps' rows of the owner a view of each app may change. Everything else - the
# other person's rows, shipped content, the owner's rows elsewhere - must stay as it was.
MAY_CHANGE = {
    "account_data_import": set(OUR_APPS),  # an import adds to everything of the person
    "careerapp": {"careerapp"},
    "goals": {"goals", "reviews"},  # a deleted goal leaves check-in next steps goal-less
    "goals:decision_decide": {"goals", "assessments"},  # deciding may pursue the option's role
    "assessments": {"assessments"},
    "reviews": {"reviews", "goals"},  # a check-in moves targets and turns steps into tasks
}


def test_every_model_is_either_owned_or_shipped_content():
    unknown = sorted(set(our_models()) - set(OWNED_BY) - SHIPPED)
    assert not unknown, f"say in OWNED_BY or SHIPPED whose rows these are: {unknown}"


def _routes(w: World):
    """(name, app, url) for every route of our apps, with the owner's real objects."""
    for route, namespace, pattern in all_routes():
        app = pattern.callback.__module__.split(".")[0]
        if app not in OUR_APPS or namespace.startswith("admin"):
            continue
        name = f"{namespace}{pattern.name}"
        kwargs = {}
        # The parameters of the whole route: an include's prefix may name one too.
        parameters = dict.fromkeys(re.findall(r"<(?:\w+:)?(\w+)>", route))
        parameters.update(dict.fromkeys(pattern.pattern.regex.groupindex))
        for parameter in parameters:
            if (name, parameter) in URL_VALUES_BY_ROUTE:
                kwargs[parameter] = URL_VALUES_BY_ROUTE[name, parameter](w)
                continue
            if (app, parameter) not in URL_VALUES:
                pytest.fail(f"{name}: add a real value for <{parameter}> to URL_VALUES")
            kwargs[parameter] = URL_VALUES[app, parameter](w)
        yield name, name if name in MAY_CHANGE else app, reverse(name, kwargs=kwargs)


def _accepts_post(client, url: str) -> bool:
    with transaction.atomic():
        status = client.post(url).status_code
        transaction.set_rollback(True)
    assert status < 500, f"an empty POST to {url} answered {status}"
    return status != 405


def test_post_views_never_crash_on_generated_input(owner_client, world):
    post_routes = [route for route in _routes(world) if _accepts_post(owner_client, route[2])]
    names = {name for name, _app, _url in post_routes}
    missing = sorted(names - set(VIEW_FIELDS))
    assert not missing, f"add these POST views to VIEW_FIELDS so they are fuzzed: {missing}"
    assert not sorted(set(VIEW_FIELDS) - names), "VIEW_FIELDS names views that take no POST"

    for name, app, url in post_routes:
        before = GENERATED["POST views"]
        _fuzz_view(owner_client, world, name, app, url)
        assert GENERATED["POST views"] > before, f"no generated input reached {name}"


def _body(data: dict) -> tuple:
    """The POST body as a browser sends it: urlencoded, or multipart with a file."""
    if not any(isinstance(value, SimpleUploadedFile) for value in data.values()):
        return urlencode(data, doseq=True), "application/x-www-form-urlencoded"
    # A browser escapes quotes and line breaks in field names; the test client does not.
    return ({key: value for key, value in data.items() if not set(key) & set('"\r\n')},)


def _fuzz_view(client, w: World, name: str, app: str, url: str) -> None:
    # Each example is rolled back, so every one starts from the same rows.
    before = snapshot(w, MAY_CHANGE[app])

    @settings(FUZZ, max_examples=VIEW_EXAMPLES)
    @given(data=post_data(VIEW_FIELDS[name](w)), htmx=st.booleans())
    def post(data, htmx):
        note(f"view: {name} at {url}")
        GENERATED["POST views"] += 1
        with transaction.atomic():
            response = client.post(
                url,
                *_body(data),
                headers={"HX-Request": "true"} if htmx else {},
                follow=True,
            )
            assert response.status_code < 500, (name, response.status_code)
            if response.get("Content-Type", "").startswith("text/html"):
                assert_escaped(response.content.decode(), name)
            after = snapshot(w, MAY_CHANGE[app])
            changed = sorted(str(key) for key in before if before[key] != after[key])
            assert not changed, f"POST to {name} changed rows it must not touch: {changed}"
            transaction.set_rollback(True)

    post()


def test_data_import_never_crashes_on_generated_documents(client, world):
    # Import only fills an empty account, so a newcomer receives the owner's export,
    # intact or spoiled; the owner's and the other person's rows must not move.
    client.force_login(UserFactory(email="newcomer@example.com"))
    url = reverse("account_data_import")
    export = export_of(world)
    before = snapshot(world, may_change=set())

    @settings(FUZZ, max_examples=IMPORT_EXAMPLES)
    @given(content=st.one_of(st.just(export), uploads([export])))
    def post(content):
        GENERATED["POST views"] += 1
        upload = SimpleUploadedFile("export.json", content, "application/json")
        with transaction.atomic():
            response = client.post(url, {"file": upload}, follow=True)
            assert response.status_code < 500, response.status_code
            assert_escaped(response.content.decode(), "account_data_import")
            changed = sorted(
                str(key) for key, rows in snapshot(world, set()).items() if before[key] != rows
            )
            assert not changed, f"an import changed rows of other people: {changed}"
            transaction.set_rollback(True)

    post()
