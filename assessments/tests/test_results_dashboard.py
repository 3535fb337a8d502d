"""What self-assessments put on the dashboard: a checklist item, retakes due, top gaps."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from assessments.models import QuestionType, TakeStatus
from assessments.tests.factories import InstrumentFactory, QuestionFactory, TakeFactory
from assessments.tests.factories_results import completed_take, skill_question
from goals.models import Goal

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def dashboard(client) -> str:
    return re.sub(r"\s+", " ", client.get(reverse("home")).content.decode())


def checklist_item(client):
    response = client.get(reverse("home"))
    return next(i for i in response.context["checklist"] if i.key == "first_assessment")


def test_first_assessment_is_on_the_checklist_until_one_is_completed(owner_client, owner):
    instrument = InstrumentFactory()
    item = checklist_item(owner_client)
    assert (item.done, item.order, item.url) == (False, 30, reverse("assessments:index"))
    TakeFactory(user=owner, instrument=instrument, status=TakeStatus.DRAFT, completed_at=None)
    assert not checklist_item(owner_client).done
    TakeFactory(user=owner, instrument=instrument)
    assert checklist_item(owner_client).done


def test_someone_else_completing_a_take_does_not_tick_the_owners_item(owner_client, other_user):
    TakeFactory(user=other_user)
    assert not checklist_item(owner_client).done


def test_panel_invites_a_first_assessment_when_nothing_is_rated(owner_client):
    page = dashboard(owner_client)
    assert "Where you stand" in page
    assert "Start a self-assessment" in page
    assert "Time for a retake" not in page


def test_panel_lists_retakes_that_are_due_with_links(owner_client, owner):
    due = InstrumentFactory(name="Work values", retake_interval=datetime.timedelta(days=365))
    fresh = InstrumentFactory(name="Satisfaction", retake_interval=datetime.timedelta(days=90))
    completed_take(owner, due, at=NOW - datetime.timedelta(days=400), answers={})
    completed_take(owner, fresh, at=NOW - datetime.timedelta(days=30), answers={})
    page = dashboard(owner_client)
    assert f'<a class="fw-semibold" href="{due.get_absolute_url()}">Work values</a>' in page
    assert "last taken 11 May 2025" in page
    assert "Satisfaction" not in page


def test_panel_shows_the_top_three_gaps_of_the_latest_skills_take(owner_client, owner):
    instrument = InstrumentFactory(name="Skills and competencies")
    skills = [skill_question(instrument, name) for name in ("A", "B", "C", "D")]
    rating = QuestionFactory(instrument=instrument, type=QuestionType.RATING)
    completed_take(
        owner,
        instrument,
        at=NOW - datetime.timedelta(days=400),
        answers={skills[0]: {"current_level": 1, "desired_level": 5}},
    )
    completed_take(
        owner,
        instrument,
        at=NOW - datetime.timedelta(days=10),
        answers={
            skills[0]: {"current_level": 4, "desired_level": 5},
            skills[1]: {"current_level": 1, "desired_level": 4},
            skills[2]: {"current_level": 2, "desired_level": 4},
            skills[3]: {"current_level": 3, "desired_level": 5},
            rating: {"rating": 2},
        },
    )
    Goal.objects.create(user=owner, title="Get better at B", skill_question=skills[1])
    response = owner_client.get(reverse("home"))
    panel = next(p for p in response.context["panels"] if "gaps" in p)
    assert [gap.name for gap, _goals in panel["gaps"]] == ["B", "C", "D"]
    page = dashboard(owner_client)
    assert "From Skills and competencies, 5 Jun 2026" in page
    assert f'href="{reverse("assessments:skill", args=[skills[2].key])}">C</a>' in page
    assert 'Your goal<span class="visually-hidden">: Get better at B</span>' in page
    assert 'Make it a goal<span class="visually-hidden">: C</span>' in page


def test_panel_ignores_other_peoples_takes(owner_client, other_user):
    instrument = InstrumentFactory()
    question = skill_question(instrument, "Secret skill")
    completed_take(
        other_user,
        instrument,
        at=NOW - datetime.timedelta(days=400),
        answers={question: {"current_level": 1, "desired_level": 5}},
    )
    page = dashboard(owner_client)
    assert "Secret skill" not in page
    assert "Time for a retake" not in page
