"""Required answers are asked for page by page, the final check links to each missing one,
and a multiple choice question may cap how many options are picked."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from assessments import services
from assessments.admin import QuestionForm
from assessments.content import INSTRUMENTS, ORDER_STEP, load_instruments
from assessments.models import Instrument, Option, Question, QuestionType
from assessments.tests.test_take import instrument, q, start  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

NEEDS_ANSWER = "This question needs an answer."


def fieldset(html: str, key: str) -> str:
    """The markup of one question's fieldset, so a message is checked beside its question."""
    match = re.search(rf'<fieldset class="question[^"]*" id="{key}">(.*?)</fieldset>', html, re.S)
    assert match, key
    return match.group(1)


def post(client, take, data):
    return client.post(reverse("assessments:take", args=[take.pk]), data)


# --- Page by page -----------------------------------------------------------------------


def test_next_with_a_required_answer_blank_stays_on_the_page_and_keeps_the_rest(
    owner_client,
    instrument,  # noqa: F811
):
    take = start(owner_client, instrument)
    python, energy = q(instrument, "Python"), q(instrument, "Energy")

    response = post(owner_client, take, {"page": "1", energy.key: "5", "action": "next"})

    assert response.status_code == 422
    assert response.context["page"] == 1
    html = response.content.decode()
    assert NEEDS_ANSWER in fieldset(html, python.key)
    assert NEEDS_ANSWER not in fieldset(html, energy.key)
    # What was answered on the page is saved and shown again.
    assert take.answers.get().rating == 5
    assert re.search(r'value="5"[^>]*checked', fieldset(html, energy.key))


@pytest.mark.parametrize("action", ["save", "previous"])
def test_saving_or_going_back_does_not_ask_for_required_answers(
    owner_client,
    instrument,  # noqa: F811
    action,
):
    take = start(owner_client, instrument)
    energy = q(instrument, "Energy")

    response = post(owner_client, take, {"page": "1", energy.key: "3", "action": action})

    assert response.status_code == 302


def test_a_cleared_required_answer_is_cleared_and_then_asked_for(
    owner_client,
    instrument,  # noqa: F811
):
    take = start(owner_client, instrument)
    energy = q(instrument, "Energy")
    post(owner_client, take, {"page": "1", energy.key: "2", "action": "save"})

    response = post(owner_client, take, {"page": "1", "action": "next"})

    assert response.status_code == 422
    assert NEEDS_ANSWER in fieldset(response.content.decode(), energy.key)
    assert not take.answers.exists()


def test_finishing_links_each_missing_answer_to_its_page_and_place(
    owner_client,
    instrument,  # noqa: F811
):
    take = start(owner_client, instrument)
    python, energy = q(instrument, "Python"), q(instrument, "Energy")
    single, multiple = q(instrument, "Where do you work best?"), q(instrument, "What do you enjoy?")
    post(
        owner_client,
        take,
        {
            "page": "1",
            f"{python.key}_current": "2",
            f"{python.key}_desired": "4",
            energy.key: "4",
            "action": "next",
        },
    )

    response = post(owner_client, take, {"page": "3", "action": "complete"})

    assert response.status_code == 422
    html = response.content.decode()
    url = reverse("assessments:take", args=[take.pk])
    missing = re.search(r'<div[^>]*id="missing-answers">(.*?)</div>', html, re.S).group(1)
    assert f'href="{url}?page=2#{single.key}"' in missing
    assert f'href="{url}?page=2#{multiple.key}"' in missing
    assert python.key not in missing
    assert "A few questions still need an answer" in html
    take.refresh_from_db()
    assert not take.is_completed
    # The link lands on the page with the question's own anchor.
    page = owner_client.get(f"{url}?page=2")
    assert f'id="{single.key}"' in page.content.decode()


def test_finishing_asks_beside_the_last_pages_own_blank_questions(
    owner_client,
    instrument,  # noqa: F811
):
    instrument.allows_personal_items = False
    instrument.save()
    take = start(owner_client, instrument)
    single = q(instrument, "Where do you work best?")

    response = post(owner_client, take, {"page": "2", "action": "complete"})

    assert response.status_code == 422
    assert NEEDS_ANSWER in fieldset(response.content.decode(), single.key)


# --- At most N choices ------------------------------------------------------------------


@pytest.fixture
def capped(instrument):  # noqa: F811
    multiple = q(instrument, "What do you enjoy?")
    multiple.max_choices = 2
    multiple.save()
    return multiple


def test_more_choices_than_the_limit_are_refused_beside_the_question(
    owner_client,
    instrument,  # noqa: F811
    capped,
):
    take = start(owner_client, instrument)
    single = q(instrument, "Where do you work best?")
    chosen = [str(pk) for pk in capped.options.values_list("pk", flat=True)]
    home = str(single.options.get(label="Home").pk)

    response = post(
        owner_client,
        take,
        {"page": "2", single.key: home, capped.key: chosen, "action": "next"},
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert "Pick up to 2." in fieldset(html, capped.key)
    assert "Choose at most 2." in fieldset(html, capped.key)
    # The other answer on the page is kept; the over-full one is not saved.
    assert list(take.answers.values_list("key", flat=True)) == [single.key]

    response = post(
        owner_client,
        take,
        {"page": "2", single.key: home, capped.key: chosen[:2], "action": "next"},
    )
    assert response.status_code == 302
    assert take.answers.get(key=capped.key).option_ids == [int(pk) for pk in chosen[:2]]


def test_autosave_also_refuses_more_choices_than_the_limit(
    owner_client,
    instrument,  # noqa: F811
    capped,
):
    take = start(owner_client, instrument)
    chosen = [str(pk) for pk in capped.options.values_list("pk", flat=True)]

    response = owner_client.post(
        reverse("assessments:take", args=[take.pk]),
        {"page": "2", capped.key: chosen, "action": "autosave"},
        HTTP_HX_REQUEST="true",
    )

    assert "Some answers need attention" in response.content.decode()
    assert not take.answers.exists()


def test_the_service_refuses_more_choices_than_the_limit(
    owner,
    instrument,  # noqa: F811
    capped,
):
    take = services.take_start(user=owner, instrument=instrument)
    chosen = list(capped.options.values_list("pk", flat=True))

    with pytest.raises(ValidationError, match="Choose at most 2."):
        services.take_save_answers(take=take, answers={capped.key: {"option_ids": chosen}})

    assert not take.answers.exists()


def test_a_limit_on_a_question_that_is_not_multiple_choice_is_refused_in_the_admin(
    instrument,  # noqa: F811
):
    energy = q(instrument, "Energy")
    data = {
        "instrument": instrument.pk,
        "section": energy.section,
        "prompt": energy.prompt,
        "type": QuestionType.RATING,
        "required": "on",
        "max_choices": "3",
        "order": "2",
        "is_active": "on",
    }

    form = QuestionForm(data, instance=energy)

    assert not form.is_valid()
    assert "max_choices" in form.errors


def test_the_admin_sets_the_limit_in_the_question_inline(admin_client, instrument):  # noqa: F811
    response = admin_client.get(
        reverse("admin:assessments_instrument_change", args=[instrument.pk])
    )

    assert 'name="questions-0-max_choices"' in response.content.decode()


# --- Shipped content --------------------------------------------------------------------


def _pick_three() -> tuple[int, dict]:
    spec = next(spec for spec in INSTRUMENTS if spec["slug"] == "values")
    position, question = next(
        (n, question)
        for n, question in enumerate(spec["questions"], start=1)
        if question["prompt"].startswith("Pick the three")
    )
    return position, question


def test_pick_the_three_that_matter_most_takes_at_most_three():
    load_instruments(Instrument, Question, Option)
    _position, spec = _pick_three()

    question = Question.objects.get(instrument__slug="values", prompt=spec["prompt"])

    assert question.max_choices == 3
    assert Question.objects.exclude(max_choices=None).count() == 1


def test_the_loader_runs_on_models_from_before_the_limit_and_sets_it_after():
    # Migration 0002 loads with the historical models of its day, which lack max_choices.
    Instrument.objects.all().delete()
    executor = MigrationExecutor(connection)
    old = executor.loader.project_state(("assessments", "0002_instruments")).apps
    load_instruments(
        old.get_model("assessments", "Instrument"),
        old.get_model("assessments", "Question"),
        old.get_model("assessments", "Option"),
    )
    position, _spec = _pick_three()
    question = Question.objects.get(instrument__slug="values", order=position * ORDER_STEP)
    assert question.max_choices is None

    # What migration 0003 does once the column is there (and 0008 for the languages'
    # columns, which the old models did not fill either); a second run writes nothing.
    assert load_instruments(Instrument, Question, Option) > 0
    assert load_instruments(Instrument, Question, Option) == 0

    question.refresh_from_db()
    assert question.max_choices == 3


def test_the_admin_preview_says_how_many_may_be_picked(admin_client, instrument, capped):  # noqa: F811
    response = admin_client.get(
        reverse("admin:assessments_instrument_preview", args=[instrument.pk])
    )

    assert "Pick up to 2." in response.content.decode()
