"""The learning log: its model and queries, its services, its form and its pages."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.urls import reverse

from assessments.models import Instrument, LearningKind, Question
from assessments.tests.factories import PersonalSkillFactory
from assessments.tests.factories_roles import (
    LearningSuggestionFactory,
    SkillQuestionFactory,
    learning_kind,
    skill_question,
)
from goals import services
from goals.models import LearningItem, LearningStatus
from goals.tests.factories import GoalFactory, LearningItemFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 10)
FROZEN = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=datetime.UTC)
ADD = reverse("goals:learning_add")
LIST = reverse("goals:learning_list")


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(FROZEN, tick=False):
        yield


def _data(**overrides) -> dict:
    return {
        "title": "Learning How to Learn",
        "kind": str(learning_kind("course").pk),
        "provider": "Coursera",
        "url": "https://www.coursera.org/learn/learning-how-to-learn",
        "status": "in_progress",
        "started_on": "2027-03-01",
        "finished_on": "",
        "hours": "4.5",
        "cost": "",
        "currency": "",
        "expires_on": "",
        "notes": "Week one: chunking.",
        **overrides,
    }


# --- The model and its queries ------------------------------------------------------------


def test_done_between_takes_only_done_items_finished_in_the_period(owner):
    inside = LearningItemFactory(user=owner, status="done", finished_on=datetime.date(2026, 5, 1))
    LearningItemFactory(user=owner, status="done", finished_on=datetime.date(2027, 1, 1))
    LearningItemFactory(user=owner, status="dropped", finished_on=datetime.date(2026, 5, 1))
    found = LearningItem.objects.for_user(owner).done_between(
        datetime.date(2026, 1, 1), datetime.date(2027, 1, 1)
    )
    assert list(found) == [inside]


def _held_cert(owner, days: int, status: str = "done") -> LearningItem:
    return LearningItemFactory(
        user=owner,
        kind=learning_kind("certification"),
        status=status,
        expires_on=TODAY + datetime.timedelta(days),
    )


def test_expiring_takes_held_certifications_of_the_next_sixty_days(owner):
    soon = _held_cert(owner, 60)
    _held_cert(owner, 61)
    past = _held_cert(owner, -1)
    _held_cert(owner, 0, status="dropped")
    planned, started = _held_cert(owner, 5, "planned"), _held_cert(owner, 5, "in_progress")
    assert list(LearningItem.objects.expiring(TODAY)) == [soon]
    assert soon.expires_soon(TODAY)
    assert not soon.is_expired(TODAY)
    assert past.is_expired(TODAY)
    # Not earned yet: nothing of theirs runs out.
    for item in (planned, started):
        assert not item.expires_soon(TODAY)
        assert not item.is_expired(TODAY + datetime.timedelta(30))


def test_not_expired_is_every_held_certification_from_today_on(owner):
    today, later = _held_cert(owner, 0), _held_cert(owner, 400)
    _held_cert(owner, -1)
    for status in ("planned", "in_progress", "dropped"):
        _held_cert(owner, 10, status)
    assert list(LearningItem.objects.not_expired(TODAY).order_by("expires_on")) == [today, later]


@pytest.mark.parametrize(
    "values",
    [
        {"hours": Decimal("-1")},
        {"cost": Decimal("-0.01")},
        {"started_on": TODAY, "finished_on": TODAY - datetime.timedelta(1)},
    ],
)
def test_the_database_refuses_negative_hours_or_cost_and_an_end_before_the_start(owner, values):
    with pytest.raises(IntegrityError), transaction.atomic():
        LearningItemFactory(user=owner, **values)


def test_a_kind_in_use_cannot_be_deleted(owner):
    kind = learning_kind("book")
    LearningItemFactory(user=owner, kind=kind)
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        kind.delete()


# --- Services -----------------------------------------------------------------------------


def test_marked_done_without_an_end_it_ends_today(owner):
    item = services.learning_create(
        user=owner,
        data={"title": "A book", "kind": learning_kind("book"), "status": "done"},
        links={},
    )
    assert item.finished_on == TODAY


def test_quick_buttons_start_finish_and_resume(owner):
    item = LearningItemFactory(user=owner)
    services.learning_set_status(item=item, status=LearningStatus.IN_PROGRESS)
    assert (item.status, item.started_on) == ("in_progress", TODAY)
    services.learning_set_status(item=item, status=LearningStatus.DONE)
    assert (item.status, item.finished_on) == ("done", TODAY)
    services.learning_set_status(item=item, status=LearningStatus.IN_PROGRESS)
    item.refresh_from_db()
    assert (item.status, item.finished_on, item.version) == ("in_progress", None, 3)


def test_update_writes_only_what_changed_and_the_links(owner):
    item = LearningItemFactory(user=owner, title="Old", hours=Decimal(2))
    goal = GoalFactory(user=owner)
    services.learning_update(item=item, data={"title": "New"}, links={"goals": [goal]}, version=0)
    item.refresh_from_db()
    assert (item.title, item.hours, item.version) == ("New", Decimal(2), 1)
    assert list(item.goals.all()) == [goal]


def test_a_stale_update_is_refused_even_when_only_links_changed(owner):
    from careerapp.concurrency import StaleEdit

    item = LearningItemFactory(user=owner)
    services.learning_update(item=item, data={"title": "Tab one"}, links={}, version=0)
    with pytest.raises(StaleEdit):
        services.learning_update(
            item=item, data={}, links={"goals": [GoalFactory(user=owner)]}, version=0
        )
    assert not item.goals.exists()


# --- Adding and its form ------------------------------------------------------------------


def test_logging_learning_takes_the_person_to_it(owner_client, owner):
    skill = skill_question("learning")
    response = owner_client.post(ADD, _data(skills=[skill.pk]))
    item = LearningItem.objects.get()
    assert response.status_code == 302
    assert response.url == item.get_absolute_url()
    assert (item.user, item.hours, item.status) == (owner, Decimal("4.5"), "in_progress")
    assert list(item.skills.all()) == [skill]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"hours": "-2"}, "hours", "Hours cannot be negative."),
        ({"cost": "-10"}, "cost", "The cost cannot be negative."),
        ({"kind": "999999"}, "kind", "That kind of learning is not one we offer."),
        ({"kind": "juggling"}, "kind", "That kind of learning is not one we offer."),
        ({"finished_on": "2027-02-01"}, "finished_on", "The end cannot be before the start"),
        ({"expires_on": "2027-12-31"}, "expires_on", "A course does not expire."),
        ({"currency": "E1R"}, "currency", "three-letter code"),
        ({"title": ""}, "title", "This field is required."),
        ({"url": "not a link at all"}, "url", "Enter a valid URL."),
    ],
)
def test_bad_learning_input_is_explained_beside_the_field(owner_client, overrides, field, message):
    response = owner_client.post(ADD, _data(**overrides))
    assert response.status_code == 422
    assert message in " ".join(response.context["form"].errors[field])
    assert not LearningItem.objects.exists()
    assert "Week one: chunking." in response.text  # nothing typed is lost


def test_an_inactive_kind_is_refused_with_our_message(owner_client):
    article = learning_kind("article")
    LearningKind.objects.filter(pk=article.pk).update(is_active=False)
    response = owner_client.post(ADD, _data(kind=str(article.pk)))
    assert response.status_code == 422
    assert response.context["form"].errors["kind"] == [
        "That kind of learning is not one we offer. Pick one from the list, such as a course "
        "or a book."
    ]
    assert "Select a valid choice" not in response.text


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        (
            {"started_on": "2027-03-01", "expires_on": "2027-02-01"},
            "cannot be before the start or the end (1 March 2027)",
        ),
        (
            {"started_on": "", "finished_on": "2027-03-05", "expires_on": "2027-03-04"},
            "cannot be before the start or the end (5 March 2027)",
        ),
        (
            {"started_on": "2027-03-01", "finished_on": "2027-03-05", "expires_on": "2027-03-03"},
            "cannot be before the start or the end (5 March 2027)",
        ),
        # Done without an end, it ends today (10 March 2027): an expiry before that is refused.
        (
            {"status": "done", "finished_on": "", "expires_on": "2027-03-09"},
            "it ends today (10 March 2027)",
        ),
    ],
    ids=["before-the-start", "before-the-end", "between-start-and-end", "before-today-done"],
)
def test_an_expiry_before_the_start_or_the_finish_is_refused(owner_client, dates, message):
    cert = learning_kind("certification")
    response = owner_client.post(ADD, _data(kind=str(cert.pk), **dates))
    assert response.status_code == 422
    assert message in " ".join(response.context["form"].errors["expires_on"])
    assert not LearningItem.objects.exists()
    # What was typed is still there to correct.
    assert f'value="{dates["expires_on"]}"' in response.text
    assert "Week one: chunking." in response.text


def test_an_edit_cannot_finish_a_certification_after_it_expired(owner_client, owner):
    cert = learning_kind("certification")
    item = LearningItemFactory(
        user=owner,
        kind=cert,
        status="in_progress",
        started_on=datetime.date(2027, 1, 1),
        expires_on=datetime.date(2027, 3, 1),
    )
    url = reverse("goals:learning_edit", args=[item.pk])
    response = owner_client.post(
        url,
        _data(kind=str(cert.pk), status="done", started_on="2027-01-01", expires_on="2027-03-01"),
    )
    assert response.status_code == 422
    errors = " ".join(response.context["form"].errors["expires_on"])
    assert "it ends today (10 March 2027)" in errors
    item.refresh_from_db()
    assert (item.status, item.finished_on) == ("in_progress", None)
    # With the day it really finished, it is fine.
    response = owner_client.post(
        url,
        _data(
            kind=str(cert.pk),
            status="done",
            started_on="2027-01-01",
            finished_on="2027-02-01",
            expires_on="2027-03-01",
        ),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.finished_on) == ("done", datetime.date(2027, 2, 1))


def test_a_certification_keeps_its_expiry(owner_client):
    cert = learning_kind("certification")
    owner_client.post(ADD, _data(kind=str(cert.pk), expires_on="2028-03-01"))
    assert LearningItem.objects.get().expires_on == datetime.date(2028, 3, 1)


def test_logging_learning_links_an_own_skill_and_a_goal(owner_client, owner):
    own = PersonalSkillFactory(user=owner, name="Negotiation")
    PersonalSkillFactory(user=owner, name="Not this one")
    goal = GoalFactory(user=owner, title="Lead the pay talks")
    GoalFactory(user=owner, title="Not this goal")
    response = owner_client.post(ADD, _data(personal_skills=[own.pk], goals=[goal.pk]))
    item = LearningItem.objects.get()
    assert response.status_code == 302
    assert list(item.personal_skills.all()) == [own]
    assert list(item.goals.all()) == [goal]
    assert not item.skills.exists()
    page = owner_client.get(item.get_absolute_url()).text
    assert "Negotiation" in page
    assert "Lead the pay talks" in page


@pytest.mark.parametrize("field", ["goals", "personal_skills"])
def test_someone_elses_goal_or_skill_is_an_invalid_choice(owner_client, owner, other_user, field):
    GoalFactory(user=owner)  # the owner has goals and skills of their own to offer
    PersonalSkillFactory(user=owner)
    theirs = (
        GoalFactory(user=other_user) if field == "goals" else PersonalSkillFactory(user=other_user)
    )
    response = owner_client.post(ADD, _data(**{field: [theirs.pk]}))
    assert response.status_code == 422
    assert "Select a valid choice" in " ".join(response.context["form"].errors[field])
    assert not LearningItem.objects.exists()


def test_someone_elses_goal_is_refused_even_with_no_goals_of_ones_own(owner_client, other_user):
    response = owner_client.post(ADD, _data(goals=[GoalFactory(user=other_user).pk]))
    assert response.status_code == 422


def test_an_inactive_kind_is_not_offered(owner_client):
    LearningKind.objects.filter(slug="article").update(is_active=False)
    response = owner_client.get(ADD)
    slugs = {kind.slug for kind in response.context["form"].fields["kind"].queryset}
    assert "article" not in slugs
    assert "course" in slugs


def test_add_is_prefilled_from_a_skill_gap_a_goal_and_a_suggestion(owner_client, owner):
    skill = skill_question("feedback")
    goal = GoalFactory(user=owner, skill_question=skill_question("writing"))
    suggestion = LearningSuggestionFactory(
        question=skill_question("listening"), title="Book: Listen", kind=learning_kind("book")
    )
    query = f"?question={skill.pk}&goal={goal.pk}&suggestion={suggestion.pk}"
    initial = owner_client.get(ADD + query).context["form"].initial
    assert initial["title"] == "Book: Listen"
    assert initial["kind"] == learning_kind("book").pk
    assert initial["suggestion"] == suggestion.pk
    assert set(initial["skills"]) == {
        skill.pk,
        suggestion.question_id,
        goal.skill_question_id,
    }
    assert initial["goals"] == [goal.pk]


def test_add_ignores_ids_that_are_not_the_persons(owner_client, other_user):
    theirs = GoalFactory(user=other_user)
    skill = PersonalSkillFactory(user=other_user)
    initial = (
        owner_client.get(f"{ADD}?goal={theirs.pk}&skill={skill.pk}&question=x")
        .context["form"]
        .initial
    )
    assert initial["goals"] == []
    assert initial["personal_skills"] == []


def test_add_from_a_role_gap_preselects_the_roles_gap_skills(owner_client):
    from assessments.tests.factories_roles import RoleFactory, RoleSkillFactory

    role = RoleFactory(slug="nurse-lead")
    needed = RoleSkillFactory(role=role, question=skill_question("leading"), level=4)
    initial = owner_client.get(f"{ADD}?role=nurse-lead").context["form"].initial
    assert initial["skills"] == [needed.question_id]


# --- The item's page, edit, status and delete ----------------------------------------------


def test_finishing_learning_for_a_skill_suggests_a_retake(owner_client, owner):
    item = LearningItemFactory(user=owner, status="in_progress")
    item.skills.add(skill_question("learning"))
    url = reverse("goals:learning_status", args=[item.pk])
    response = owner_client.post(url, {"status": "done"}, follow=True)
    assert "retaking it now shows how far this moved you" in response.text
    retake = reverse("assessments:instrument", args=["skills"])
    assert f'href="{retake}"' in response.text
    item.refresh_from_db()
    assert (item.status, item.finished_on) == ("done", TODAY)


def test_finishing_learning_without_a_skill_suggests_no_retake(owner_client, owner):
    item = LearningItemFactory(user=owner, status="in_progress")
    url = reverse("goals:learning_status", args=[item.pk])
    response = owner_client.post(url, {"status": "done"}, follow=True)
    assert "retak" not in response.text.lower()


RETAKE_MESSAGE = "retaking it now shows how far this moved you. The link is on this page."


def _finish(way: str, client, owner, **links) -> tuple:
    """Finish learning linked to ``links`` the ``way`` named: the quick button, the edit
    form, or logging it as done through the add form. The page it lands on, and the item."""
    if way == "add":
        response = client.post(
            ADD, _data(status="done", **{k: [v.pk for v in vs] for k, vs in links.items()})
        )
        item = LearningItem.objects.get()
    else:
        item = LearningItemFactory(user=owner, status="in_progress")
        for name, values in links.items():
            getattr(item, name).set(values)
        if way == "button":
            url = reverse("goals:learning_status", args=[item.pk])
            response = client.post(url, {"status": "done"})
        else:
            sent = _data(status="done", **{k: [v.pk for v in vs] for k, vs in links.items()})
            response = client.post(reverse("goals:learning_edit", args=[item.pk]), sent)
    assert response.status_code == 302, response.context["form"].errors
    item.refresh_from_db()
    assert (item.status, item.finished_on) == ("done", TODAY)
    return client.get(response.url), item


WAYS = ["button", "edit", "add"]


@pytest.mark.parametrize("way", WAYS)
def test_finishing_learning_for_a_skill_suggests_a_retake_with_its_link(owner_client, owner, way):
    page, _item = _finish(way, owner_client, owner, skills=[skill_question("listening")])
    assert RETAKE_MESSAGE in page.text
    assert f'href="{reverse("assessments:instrument", args=["skills"])}"' in page.text


@pytest.mark.parametrize("way", WAYS)
def test_no_retake_is_promised_when_the_self_assessment_is_not_offered(owner_client, owner, way):
    skill = skill_question("listening")
    Instrument.objects.filter(pk=skill.instrument_id).update(is_active=False)
    page, _item = _finish(way, owner_client, owner, skills=[skill])
    assert "retak" not in page.text.lower()
    assert f'href="{reverse("assessments:instrument", args=["skills"])}"' not in page.text


@pytest.mark.parametrize("way", WAYS)
def test_finishing_learning_for_an_own_skill_suggests_retaking_where_it_is_rated(
    owner_client, owner, way
):
    # An own skill is rated in the self-assessment it was added to: a retake asks it
    # again, from the last answer, so it shows the move as a shipped skill's would.
    own = PersonalSkillFactory(user=owner, name="Negotiation")
    page, item = _finish(way, owner_client, owner, personal_skills=[own])
    assert not item.skills.exists()
    assert RETAKE_MESSAGE in page.text
    assert f'href="{reverse("assessments:instrument", args=[own.instrument.slug])}"' in page.text


@pytest.mark.parametrize("way", WAYS)
def test_a_removed_own_skill_or_a_retired_question_suggests_no_retake(owner_client, owner, way):
    # A retake no longer asks them, so it could not show how they moved.
    # (The add form offers no retired question: only an item that had it can keep it.)
    links = {"personal_skills": [PersonalSkillFactory(user=owner, is_active=False)]}
    if way != "add":
        links["skills"] = [skill_question("listening")]
        Question.objects.filter(pk=links["skills"][0].pk).update(is_active=False)
    page, _item = _finish(way, owner_client, owner, **links)
    assert "retak" not in page.text.lower()


def test_an_unknown_status_is_refused(owner_client, owner):
    item = LearningItemFactory(user=owner)
    response = owner_client.post(reverse("goals:learning_status", args=[item.pk]), {"status": "x"})
    assert response.status_code == 422
    item.refresh_from_db()
    assert item.status == "planned"


def test_editing_saves_changes_and_a_stale_tab_gets_409(owner_client, owner):
    item = LearningItemFactory(user=owner, title="Old title", kind=learning_kind("course"))
    url = reverse("goals:learning_edit", args=[item.pk])
    form = owner_client.get(url).context["form"]
    sent = {
        **_data(title="Tab one"),
        "version": form.initial["version"],
        "loaded": form.initial["loaded"],
    }
    assert owner_client.post(url, sent).status_code == 302
    response = owner_client.post(url, {**sent, "title": "Tab two"})
    assert response.status_code == 409
    assert "Tab two" in response.text
    item.refresh_from_db()
    assert item.title == "Tab one"


def test_an_edit_with_bad_input_is_422_and_changes_nothing(owner_client, owner):
    item = LearningItemFactory(user=owner, hours=Decimal(3))
    url = reverse("goals:learning_edit", args=[item.pk])
    response = owner_client.post(url, _data(hours="-1"))
    assert response.status_code == 422
    item.refresh_from_db()
    assert item.hours == Decimal(3)


def test_delete_asks_first_then_deletes(owner_client, owner):
    item = LearningItemFactory(user=owner)
    url = reverse("goals:learning_delete", args=[item.pk])
    assert "Delete this from your learning log?" in owner_client.get(url).text
    assert owner_client.post(url).url == LIST
    assert not LearningItem.objects.exists()


@pytest.mark.parametrize(
    ("route", "method"),
    [
        ("goals:learning_detail", "get"),
        ("goals:learning_edit", "get"),
        ("goals:learning_edit", "post"),
        ("goals:learning_status", "post"),
        ("goals:learning_delete", "get"),
        ("goals:learning_delete", "post"),
    ],
)
def test_another_persons_learning_is_a_404_and_unchanged(other_client, owner, route, method):
    item = LearningItemFactory(user=owner, title="Mine")
    url = reverse(route, args=[item.pk])
    response = getattr(other_client, method)(url, _data(title="Theirs", status="done"))
    assert response.status_code == 404
    item.refresh_from_db()
    assert (item.title, item.status) == ("Mine", "planned")


# --- The list -----------------------------------------------------------------------------


def test_the_list_groups_by_status_and_marks_the_expired(owner_client, owner):
    cert = learning_kind("certification")
    LearningItemFactory(user=owner, title="Reading", status="in_progress")
    LearningItemFactory(
        user=owner,
        title="Old cert",
        kind=cert,
        status="done",
        finished_on=datetime.date(2024, 1, 1),
        expires_on=datetime.date(2027, 1, 1),
    )
    response = owner_client.get(LIST)
    text = response.text
    assert text.index('id="status-in_progress"') < text.index("Reading")
    assert text.index("Reading") < text.index('id="status-done"') < text.index("Old cert")
    assert "Expired" in text


def test_the_list_filters_by_kind_status_and_year(owner_client, owner):
    LearningItemFactory(
        user=owner,
        title="Book 2025",
        kind=learning_kind("book"),
        status="done",
        started_on=datetime.date(2025, 2, 1),
        finished_on=datetime.date(2025, 3, 1),
    )
    LearningItemFactory(
        user=owner,
        title="Course 2026",
        status="done",
        started_on=datetime.date(2026, 2, 1),
        finished_on=datetime.date(2026, 3, 1),
    )
    titles = lambda query: [i.title for i in owner_client.get(LIST, query).context["items"]]  # noqa: E731
    assert titles({"kind": "book"}) == ["Book 2025"]
    assert titles({"year": "2026"}) == ["Course 2026"]
    assert titles({"status": "planned"}) == []
    assert len(titles({"year": "banana", "kind": "nope"})) == 2  # a bad filter is dropped


def test_the_hours_chart_sums_per_year_and_per_skill(owner_client, owner):
    listening, writing = skill_question("listening"), skill_question("writing")
    first = LearningItemFactory(
        user=owner, status="done", hours=Decimal(10), finished_on=datetime.date(2026, 6, 1)
    )
    first.skills.add(listening, writing)
    second = LearningItemFactory(
        user=owner, status="in_progress", hours=Decimal("2.5"), started_on=datetime.date(2027, 1, 5)
    )
    second.skills.add(listening)
    LearningItemFactory(user=owner, status="planned", hours=Decimal(99))
    context = owner_client.get(LIST).context
    assert [(b.label, b.hours) for b in context["by_year"].bars] == [
        ("2026", Decimal(10)),
        ("2027", Decimal("2.5")),
    ]
    assert [(b.full_label, b.hours, b.width) for b in context["by_skill"].bars] == [
        (listening.prompt, Decimal("12.5"), 100.0),
        (writing.prompt, Decimal(10), 80.0),
    ]


def _skill_chart(page: str) -> tuple[str, str]:
    """The per-skill chart's SVG in ``page``, and what its column shows under it."""
    start = page.index('aria-labelledby="hours-skill-title"')
    end = page.index("</svg>", start)
    return page[start:end], page[end : page.index("</div>", page.index("</div>", end) + 1)]


@pytest.mark.parametrize(
    ("more", "line"), [(0, None), (1, "and 1 more skill: 1 h"), (2, "and 2 more skills: 3 h")]
)
def test_the_per_skill_chart_draws_ten_skills_and_sums_the_rest_below(
    owner_client, owner, more, line
):
    # An own skill with the most hours, then shipped skills of 11, 10, ... 1 hours: the
    # ten longest bars are drawn, the skills after them counted and summed under the chart.
    own = PersonalSkillFactory(user=owner, name="Negotiation")
    item = LearningItemFactory(user=owner, status="done", hours=Decimal(20))
    item.personal_skills.add(own)
    shipped = 9 + more
    for hours in range(shipped, 0, -1):
        item = LearningItemFactory(user=owner, status="in_progress", hours=Decimal(hours))
        item.skills.add(SkillQuestionFactory(prompt=f"Skill ({hours} h)"))

    response = owner_client.get(LIST)

    chart, under = _skill_chart(response.text)
    assert chart.count('class="lc-bar"') == 10
    assert re.search(r'<text class="lc-label" x="0" y="12"[^>]*>Negotiation</text>', chart)
    assert '<text class="lc-hours" x="100%" y="12" text-anchor="end">20 h</text>' in chart
    drawn = [f"Skill ({hours} h)" in chart for hours in range(shipped, 0, -1)]
    assert drawn == [True] * 9 + [False] * more
    assert response.context["by_skill"].total == 20 + sum(range(shipped + 1))
    if line is None:
        assert "more skill" not in response.text
    else:
        assert line in under


def _many(owner, count: int) -> None:
    goal = GoalFactory(user=owner)
    skill = skill_question("learning")
    for number in range(count):
        item = LearningItemFactory(
            user=owner,
            status=("done", "planned", "in_progress")[number % 3],
            hours=Decimal(number + 1),
            finished_on=None,
        )
        item.skills.add(skill)
        item.goals.add(goal)


@pytest.mark.parametrize("count", [1, 30])
def test_the_list_costs_the_same_for_one_item_or_thirty(
    owner_client, owner, count, django_assert_num_queries
):
    _many(owner, count)
    # session, user, the kinds for the filter, the page's count, the page with its kinds,
    # the chart's items, their skills, their own skills
    with django_assert_num_queries(8):
        assert owner_client.get(LIST).status_code == 200


@pytest.mark.parametrize("links", [1, 20])
def test_the_item_page_costs_the_same_whatever_it_links(
    owner_client, owner, links, django_assert_num_queries
):
    # Done, so the page also lists the self-assessments to retake (one instrument each).
    item = LearningItemFactory(user=owner, status="done", finished_on=TODAY)
    item.skills.set(SkillQuestionFactory.create_batch(links))
    item.personal_skills.set(PersonalSkillFactory.create_batch(links, user=owner))
    item.goals.set(GoalFactory.create_batch(links, user=owner))
    # session, user, the item with kind and suggestion, its skills (with their
    # instruments), own skills (with theirs), goals
    with django_assert_num_queries(6):
        response = owner_client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["retakes"]) == 2 * links


def _headed(page: str, heading: str, skill: str, next_heading: str) -> bool:
    """``skill`` is listed under ``heading``, before the next section's heading."""
    start = page.index(f"<strong>{heading}</strong>")
    return start < page.index(skill) < page.index(f"<strong>{next_heading}</strong>")


def test_the_skills_are_listed_under_their_sections_headings(owner_client):
    page = owner_client.get(ADD).content.decode()
    assert _headed(page, "Technical and craft", "Writing clearly", "Working with people")
    assert _headed(page, "Working with people", "Listening", "Leading and influencing")
