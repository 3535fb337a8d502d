import datetime

import pytest

from assessments.content import (
    INSTRUMENTS,
    ORDER_STEP,
    load_instruments,
    shipped_slugs,
    unload_instruments,
)
from assessments.models import Instrument, InstrumentKind, Option, Question, QuestionType
from assessments.tests.factories import AnswerFactory, QuestionFactory, TakeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped():
    """The shipped instruments, whatever an earlier transactional test flushed."""
    load_instruments(Instrument, Question, Option)
    return {instrument.slug: instrument for instrument in Instrument.objects.all()}


def _snapshot() -> tuple[list, list, list]:
    return (
        list(Instrument.objects.order_by("pk").values()),
        list(Question.objects.order_by("pk").values()),
        list(Option.objects.order_by("pk").values()),
    )


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


# --- What the migration leaves ---------------------------------------------------------


def test_migrations_leave_eight_offered_instruments_of_eight_questions_or_more():
    # The one test that reads what the migration wrote; the others load it themselves.
    offered = Instrument.objects.active().filter(slug__in=shipped_slugs())
    assert offered.count() == len(INSTRUMENTS) == 8
    for instrument in offered:
        assert instrument.questions.active().count() >= 8, instrument.slug


# --- The shipped content ----------------------------------------------------------------


def test_shipped_instruments_cover_every_self_assessment_kind(shipped):
    kinds = {instrument.kind for instrument in shipped.values()}
    assert kinds >= set(InstrumentKind.values) - {InstrumentKind.OTHER}
    slugs = shipped_slugs()
    assert len(slugs) == len(set(slugs))


def test_every_choice_question_offers_at_least_two_active_options(shipped):
    choices = Question.objects.filter(type__in=[QuestionType.SINGLE, QuestionType.MULTIPLE])
    assert choices.exists()
    for question in choices:
        assert question.options.filter(is_active=True).count() >= 2, question.prompt
    others = Question.objects.exclude(type__in=[QuestionType.SINGLE, QuestionType.MULTIPLE])
    assert not Option.objects.filter(question__in=others).exists()


def test_skills_instrument_asks_twelve_to_eighteen_general_skills_and_takes_personal_ones(
    shipped,
):
    skills = shipped["skills"]
    questions = list(skills.questions.all())
    assert skills.allows_personal_items
    assert skills.kind == InstrumentKind.SKILLS
    # The specialist skills after the general ones are optional (issue #15).
    assert 12 <= len([question for question in questions if question.required]) <= 18
    assert {question.type for question in questions} == {QuestionType.SKILL}
    assert all(question.help_text.strip() for question in questions)
    assert len({question.section for question in questions}) >= 3


def test_retakes_fall_due_at_intervals_that_fit_each_instrument(shipped):
    days = {slug: shipped[slug].retake_interval for slug in shipped_slugs()}
    assert days["skills"] == days["culture"] == datetime.timedelta(days=180)
    assert days["satisfaction"] == datetime.timedelta(days=90)
    assert days["values"] == days["vision"] == datetime.timedelta(days=365)


def test_rating_questions_name_both_ends_of_their_scale(shipped):
    ratings = Question.objects.filter(type=QuestionType.RATING)
    assert ratings.count() >= 30
    assert not ratings.filter(low_label="").exists()
    assert not ratings.filter(high_label="").exists()


def test_vision_lets_people_skip_most_questions(shipped):
    questions = list(shipped["vision"].questions.all())
    required = [question for question in questions if question.required]
    assert 1 <= len(required) < len(questions) / 2


def test_a_section_is_asked_in_one_run_so_pages_follow_the_order(shipped):
    for instrument in shipped.values():
        sections = list(instrument.questions.values_list("section", flat=True))
        runs = [s for i, s in enumerate(sections) if i == 0 or sections[i - 1] != s]
        assert len(runs) == len(set(runs)), instrument.slug


def test_shipped_content_fits_the_model_fields():
    for spec in INSTRUMENTS:
        assert len(spec["name"]) <= _max_length(Instrument, "name")
        assert spec["kind"] in InstrumentKind.values
        assert spec["purpose"].strip()
        for question in spec["questions"]:
            assert question["type"] in QuestionType.values
            assert len(question["prompt"]) <= _max_length(Question, "prompt")
            assert len(question["section"]) <= _max_length(Question, "section")
            assert len(question["low_label"]) <= _max_length(Question, "low_label")
            assert len(question["high_label"]) <= _max_length(Question, "high_label")
            for label in question["options"]:
                assert len(label) <= _max_length(Option, "label")


# --- Loading and unloading --------------------------------------------------------------


def test_loading_again_writes_nothing(shipped):
    before = _snapshot()

    assert load_instruments(Instrument, Question, Option) == 0

    assert _snapshot() == before


def test_loading_restores_shipped_words_but_keeps_the_admins_offering_choices(shipped):
    values = shipped["values"]
    Instrument.objects.filter(pk=values.pk).update(name="Edited", is_active=False, order=99)
    first = values.questions.get(order=ORDER_STEP)
    Question.objects.filter(pk=first.pk).update(prompt="Edited by hand", is_active=False)
    choice = values.questions.get(type=QuestionType.MULTIPLE)
    choice.options.filter(order=1).update(label="Edited option", is_active=False)

    assert load_instruments(Instrument, Question, Option) == 3

    spec = next(spec for spec in INSTRUMENTS if spec["slug"] == "values")
    values.refresh_from_db()
    first.refresh_from_db()
    option = choice.options.get(order=1)
    assert (values.name, values.is_active, values.order) == (spec["name"], False, 99)
    assert (first.prompt, first.is_active) == (spec["questions"][0]["prompt"], False)
    assert (option.label, option.is_active) == (spec["questions"][-3]["options"][0], False)


def test_loading_keeps_questions_an_admin_added_and_restores_missing_ones(shipped):
    strengths = shipped["strengths"]
    added = QuestionFactory(instrument=strengths, order=ORDER_STEP + 5, prompt="Added here")
    strengths.questions.get(order=2 * ORDER_STEP).delete()

    load_instruments(Instrument, Question, Option)

    assert Question.objects.filter(pk=added.pk, prompt="Added here").exists()
    assert strengths.questions.filter(order=2 * ORDER_STEP).count() == 1


def test_unloading_removes_untaken_instruments_and_keeps_taken_ones(shipped, owner):
    question = shipped["satisfaction"].questions.first()
    AnswerFactory(take=TakeFactory(user=owner, instrument=question.instrument), question=question)

    unload_instruments(Instrument)

    assert list(Instrument.objects.values_list("slug", flat=True)) == ["satisfaction"]
    assert question.instrument.questions.count() == len(
        next(spec for spec in INSTRUMENTS if spec["slug"] == "satisfaction")["questions"]
    )
