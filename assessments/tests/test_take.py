"""Taking an assessment: drafts saved as you go, nothing lost, a dated snapshot at the end."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Answer, PersonalSkill, QuestionType, Take, TakeStatus
from assessments.tests.factories import (
    AnswerFactory,
    InstrumentFactory,
    OptionFactory,
    QuestionFactory,
    TakeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def instrument():
    """Two pages: 'Craft' (a skill and a rating) and 'Choices' (single, multiple, text)."""
    instrument = InstrumentFactory(slug="test-skills", name="Skills", allows_personal_items=True)
    QuestionFactory(
        instrument=instrument, section="Craft", type=QuestionType.SKILL, prompt="Python", order=1
    )
    QuestionFactory(
        instrument=instrument,
        section="Craft",
        type=QuestionType.RATING,
        prompt="Energy",
        order=2,
        low_label="Drained",
        high_label="Energised",
    )
    single = QuestionFactory(
        instrument=instrument,
        section="Choices",
        type=QuestionType.SINGLE,
        prompt="Where do you work best?",
        order=3,
    )
    multiple = QuestionFactory(
        instrument=instrument,
        section="Choices",
        type=QuestionType.MULTIPLE,
        prompt="What do you enjoy?",
        order=4,
    )
    QuestionFactory(
        instrument=instrument,
        section="Choices",
        type=QuestionType.TEXT,
        prompt="Anything else?",
        order=5,
        required=False,
    )
    for label in ("Office", "Home"):
        OptionFactory(question=single, label=label)
    for label in ("Teaching", "Building", "Planning"):
        OptionFactory(question=multiple, label=label)
    return instrument


def q(instrument, prompt):
    return instrument.questions.get(prompt=prompt)


def page_data(instrument, page, **answers):
    return {"page": str(page), **answers}


def start(client, instrument) -> Take:
    response = client.post(reverse("assessments:start", args=[instrument.slug]))
    take = Take.objects.get()
    assert response.url == reverse("assessments:take", args=[take.pk])
    return take


def test_start_twice_resumes_the_same_draft(owner_client, instrument):
    start(owner_client, instrument)
    owner_client.post(reverse("assessments:start", args=[instrument.slug]))
    assert Take.objects.count() == 1


def test_pages_follow_the_sections_and_own_skills_come_last(owner_client, instrument):
    take = start(owner_client, instrument)
    url = reverse("assessments:take", args=[take.pk])
    first = owner_client.get(url)
    assert first.context["pages"] == ["Craft", "Choices", "__own__"]
    assert [item.prompt for item in first.context["items"]] == ["Python", "Energy"]
    assert "1 · Drained" in first.content.decode()
    third = owner_client.get(url, {"page": "3"})
    assert third.context["is_own_skills_page"]
    assert "Add a skill of your own" in third.content.decode()


def test_next_saves_the_page_and_moves_on(owner_client, instrument):
    take = start(owner_client, instrument)
    python = q(instrument, "Python")
    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]),
        page_data(
            instrument,
            1,
            **{
                f"{python.key}_current": "2",
                f"{python.key}_desired": "4",
                q(instrument, "Energy").key: "5",
            },
            action="next",
        ),
    )
    assert response.url.endswith("?page=2")
    answers = {a.prompt: a for a in take.answers.all()}
    assert (answers["Python"].current_level, answers["Python"].desired_level) == (2, 4)
    assert answers["Energy"].rating == 5


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rating", "6", "Select a valid choice."),
        ("rating", "0", "Select a valid choice."),
        ("rating", "abc", "Select a valid choice."),
        ("current", "9", "Select a valid choice."),
    ],
)
def test_out_of_range_values_are_refused_and_valid_ones_kept(
    owner_client, instrument, field, value, message
):
    take = start(owner_client, instrument)
    python, energy = q(instrument, "Python"), q(instrument, "Energy")
    data = {f"{python.key}_current": "3", f"{python.key}_desired": "4", energy.key: "4"}
    if field == "rating":
        data[energy.key] = value
    else:
        data[f"{python.key}_current"] = value
    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]), page_data(instrument, 1, **data, action="next")
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    saved = {a.prompt for a in take.answers.all()}
    # The field that was right is saved even though its neighbour was not.
    assert saved == ({"Python"} if field == "rating" else {"Energy"})


def test_an_unknown_option_is_refused(owner_client, instrument):
    take = start(owner_client, instrument)
    other = OptionFactory()  # an option of some other question
    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]),
        page_data(instrument, 2, **{q(instrument, "Where do you work best?").key: str(other.pk)}),
    )
    assert response.status_code == 422
    assert not take.answers.exists()


def test_a_question_from_another_instrument_is_refused_and_nothing_saved(owner_client, instrument):
    take = start(owner_client, instrument)
    stranger = QuestionFactory(type=QuestionType.RATING)
    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]),
        page_data(instrument, 1, **{q(instrument, "Energy").key: "3", stranger.key: "4"}),
    )
    assert response.status_code == 422
    assert "answers to questions it does not ask" in response.content.decode()
    assert not Answer.objects.exists()


def test_an_inactive_question_is_not_asked_and_cannot_be_answered(owner_client, instrument):
    energy = q(instrument, "Energy")
    energy.is_active = False
    energy.save()
    take = start(owner_client, instrument)
    page = owner_client.get(reverse("assessments:take", args=[take.pk]))
    assert "Energy" not in [item.prompt for item in page.context["items"]]
    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]), page_data(instrument, 1, **{energy.key: "3"})
    )
    assert response.status_code == 422
    assert not Answer.objects.exists()


def test_half_a_skill_answer_asks_for_both_levels(owner_client, instrument):
    take = start(owner_client, instrument)
    python = q(instrument, "Python")
    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]),
        page_data(instrument, 1, **{f"{python.key}_current": "3"}),
    )
    assert response.status_code == 422
    assert "Give both levels" in response.content.decode()


def test_htmx_autosave_keeps_answers_and_returns_a_small_status(owner_client, instrument):
    take = start(owner_client, instrument)
    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]),
        page_data(instrument, 1, **{q(instrument, "Energy").key: "2"}, action="autosave"),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.content.decode().startswith("Saved at")
    assert take.answers.get().rating == 2


def answer_everything(client, take, instrument):
    python = q(instrument, "Python")
    url = reverse("assessments:take", args=[take.pk])
    client.post(
        url,
        page_data(
            instrument,
            1,
            **{
                f"{python.key}_current": "2",
                f"{python.key}_desired": "4",
                q(instrument, "Energy").key: "4",
            },
            action="next",
        ),
    )
    single, multiple = q(instrument, "Where do you work best?"), q(instrument, "What do you enjoy?")
    home = single.options.get(label="Home")
    teaching, planning = (
        multiple.options.get(label="Teaching"),
        multiple.options.get(label="Planning"),
    )
    client.post(
        url,
        {
            "page": "2",
            single.key: str(home.pk),
            multiple.key: [str(teaching.pk), str(planning.pk)],
            q(instrument, "Anything else?").key: "<b>bold</b> thoughts",
            "action": "next",
        },
    )
    return client.post(url, {"page": "3", "action": "complete"})


def test_completing_makes_a_dated_snapshot_with_the_words_of_the_day(owner_client, instrument):
    take = start(owner_client, instrument)
    moment = timezone.now() + datetime.timedelta(hours=1)
    with time_machine.travel(moment, tick=False):
        response = answer_everything(owner_client, take, instrument)
    assert response.url == reverse("assessments:results", args=[take.pk])
    take.refresh_from_db()
    assert take.status == TakeStatus.COMPLETED
    assert take.completed_at == moment
    choices = take.answers.get(prompt="What do you enjoy?")
    assert choices.option_labels == ["Teaching", "Planning"]
    # Later edits in the admin do not rewrite the snapshot.
    question = q(instrument, "Python")
    question.prompt = "Python programming"
    question.save()
    assert take.answers.get(question=question).prompt == "Python"


def test_completing_with_required_answers_missing_says_which(owner_client, instrument):
    take = start(owner_client, instrument)
    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]), {"page": "3", "action": "complete"}
    )
    assert response.status_code == 422
    assert "A few questions still need an answer" in response.content.decode()
    assert "Python" in response.content.decode()
    take.refresh_from_db()
    assert take.status == TakeStatus.DRAFT


def test_a_completed_take_cannot_change(owner_client, instrument, owner):
    take = TakeFactory(user=owner, instrument=instrument)
    energy = q(instrument, "Energy")
    AnswerFactory(take=take, question=energy, rating=3)
    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]), page_data(instrument, 1, **{energy.key: "5"})
    )
    assert response.status_code == 302
    assert take.answers.get().rating == 3
    with pytest.raises(Exception, match="can no longer change"):
        services.take_save_answers(take=take, answers={energy.key: {"rating": 5}})


def test_a_retake_starts_with_the_last_answers(owner_client, instrument):
    take = start(owner_client, instrument)
    answer_everything(owner_client, take, instrument)
    retake = services.take_start(user=take.user, instrument=instrument)
    assert retake.pk != take.pk
    assert retake.status == TakeStatus.DRAFT
    copied = {a.prompt: a.display_value for a in retake.answers.all()}
    assert copied["Python"] == "2 → 4"
    assert copied["Energy"] == "4"
    page = owner_client.get(reverse("assessments:take", args=[retake.pk]))
    assert 'value="2" required' not in page.content.decode()  # drafts never force fields
    assert 'value="4" checked' in page.content.decode() or "checked" in page.content.decode()


def test_own_skills_can_be_added_rated_and_retired(owner_client, instrument, owner):
    take = start(owner_client, instrument)
    owner_client.post(
        reverse("assessments:personal_skill_add", args=[instrument.slug]), {"name": "Kubernetes"}
    )
    skill = PersonalSkill.objects.get(user=owner)
    duplicate = owner_client.post(
        reverse("assessments:personal_skill_add", args=[instrument.slug]), {"name": "kubernetes"}
    )
    assert duplicate.status_code == 422
    assert "You already rate" in duplicate.content.decode()
    owner_client.post(
        reverse("assessments:take", args=[take.pk]),
        {"page": "3", f"{skill.key}_current": "1", f"{skill.key}_desired": "3"},
    )
    assert take.answers.get(personal_skill=skill).gap == 2
    owner_client.post(reverse("assessments:personal_skill_remove", args=[skill.key]))
    skill.refresh_from_db()
    assert not skill.is_active


def test_discarding_a_draft_removes_it(owner_client, instrument):
    take = start(owner_client, instrument)
    owner_client.post(reverse("assessments:take_discard", args=[take.pk]))
    assert not Take.objects.exists()


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("assessments:take", "get"),
        ("assessments:take", "post"),
        ("assessments:take_discard", "post"),
    ],
)
def test_another_persons_take_is_a_404(other_client, owner, instrument, name, method):
    take = TakeFactory(
        user=owner, instrument=instrument, status=TakeStatus.DRAFT, completed_at=None
    )
    response = getattr(other_client, method)(reverse(name, args=[take.pk]), {"page": "1"})
    assert response.status_code == 404
    assert Take.objects.filter(pk=take.pk, status=TakeStatus.DRAFT).exists()


def test_another_persons_own_skill_is_a_404(other_client, owner, instrument):
    skill = PersonalSkill.objects.create(user=owner, instrument=instrument, name="Secret")
    response = other_client.post(reverse("assessments:personal_skill_remove", args=[skill.key]))
    assert response.status_code == 404
    skill.refresh_from_db()
    assert skill.is_active


def test_retakes_due_follow_the_interval(owner, instrument):
    instrument.retake_interval = datetime.timedelta(days=180)
    instrument.save()
    from assessments.models import Instrument

    TakeFactory(
        user=owner,
        instrument=instrument,
        completed_at=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
    )
    assert not Instrument.objects.due_for(
        owner, now=datetime.datetime(2027, 6, 1, tzinfo=datetime.UTC)
    ).exists()
    assert list(
        Instrument.objects.due_for(owner, now=datetime.datetime(2027, 7, 1, tzinfo=datetime.UTC))
    ) == [instrument]


def test_the_index_lists_instruments_with_their_state(owner_client, owner, instrument):
    InstrumentFactory(name="Values")
    response = owner_client.get(reverse("assessments:index"))
    body = response.content.decode()
    assert "Skills" in body
    assert "Values" in body
    assert "Not taken yet" in body
