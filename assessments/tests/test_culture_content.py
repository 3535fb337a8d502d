"""The shipped career culture health check: what it asks, and that it loads once."""

import pytest

from assessments.content import INSTRUMENTS, load_instruments
from assessments.content.culture import CULTURE
from assessments.models import Instrument, InstrumentKind, Option, Question, QuestionType

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture():
    load_instruments(Instrument, Question, Option)
    return Instrument.objects.get(slug=CULTURE["slug"])


def test_the_culture_check_ships_offered_and_sorted_last(culture):
    assert CULTURE in INSTRUMENTS
    assert culture.is_active
    assert culture.kind == InstrumentKind.CULTURE
    assert culture.order > max(spec["order"] for spec in INSTRUMENTS if spec is not CULTURE)
    assert not culture.allows_personal_items


def test_it_asks_at_least_twelve_rating_questions_in_sections(culture):
    questions = list(culture.questions.active())
    ratings = [q for q in questions if q.type == QuestionType.RATING]
    assert len(questions) >= 12
    assert len(ratings) >= 12
    assert all(q.low_label and q.high_label for q in ratings)
    assert len({q.section for q in questions}) >= 3
    assert not Option.objects.filter(question__instrument=culture).exists()


def test_its_only_written_question_is_optional(culture):
    written = list(culture.questions.filter(type=QuestionType.TEXT))
    assert len(written) <= 1
    assert not any(q.required for q in written)
    assert {q.type for q in culture.questions.all()} <= {QuestionType.RATING, QuestionType.TEXT}


@pytest.mark.parametrize(
    "topic",
    [
        "conversation about your career",
        "opportunities inside the organisation",
        "time do you get to learn",
        "feedback on your work",
        "genuine is that feedback",
        "manager support your development",
        "promotions and moves",
        "career paths",
        "recognised",
        "mentor",
        "sideways moves",
        "talk openly about your ambitions",
        "invest in learning",
    ],
)
def test_it_covers_each_part_of_a_supportive_career_culture(culture, topic):
    assert culture.questions.filter(prompt__icontains=topic).count() == 1


def test_its_purpose_promises_only_anonymous_totals_to_admins(culture):
    assert "at least five people" in culture.purpose
    assert "never one person's answers" in culture.purpose


def test_loading_the_culture_check_again_writes_nothing(culture):
    before = list(Question.objects.filter(instrument=culture).order_by("pk").values())

    assert load_instruments(Instrument, Question, Option) == 0

    assert Instrument.objects.filter(slug=CULTURE["slug"]).count() == 1
    assert list(Question.objects.filter(instrument=culture).order_by("pk").values()) == before
