import datetime

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import NoReverseMatch, reverse

from assessments import services
from assessments.content import load_instruments
from assessments.models import (
    Answer,
    Instrument,
    Option,
    PersonalSkill,
    Question,
    QuestionType,
    Take,
)
from assessments.tests.factories import InstrumentFactory, OptionFactory, QuestionFactory
from careerapp.models import User

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:assessments_instrument_changelist"
QUESTION_CHANGELIST = "admin:assessments_question_changelist"


@pytest.fixture
def admin_client(password):
    # Its own client: the shared one may be logged in as the owner in the same test.
    client = Client()
    client.force_login(User.objects.create_superuser("admin@example.com", password))
    return client


@pytest.fixture
def shipped():
    load_instruments(Instrument, Question, Option)
    return {instrument.slug: instrument for instrument in Instrument.objects.all()}


@pytest.fixture
def instrument():
    """A small instrument: two rating questions on one page."""
    instrument = InstrumentFactory(name="Energy check", slug="energy-check")
    QuestionFactory(instrument=instrument, prompt="How rested do you feel?", order=10)
    QuestionFactory(instrument=instrument, prompt="How full is your week?", order=20)
    return instrument


def _complete(user, instrument: Instrument, rating: int = 3) -> Take:
    """A take of ``instrument`` with every active question rated ``rating``."""
    take = services.take_start(user=user, instrument=instrument)
    services.take_save_answers(
        take=take,
        answers={q.key: {"rating": rating} for q in instrument.questions.active()},
    )
    return services.take_complete(take=take)


def _checkbox(value: bool) -> dict:
    return {"on": "on"} if value else {}


def _instrument_data(instrument: Instrument, **overrides) -> dict:
    """The change form as the admin page would send it back, unchanged unless overridden.

    An override of None leaves that field out, as an unticked checkbox does.
    """
    questions = list(instrument.questions.order_by("order", "pk"))
    data = {
        "name": instrument.name,
        "slug": instrument.slug,
        "kind": instrument.kind,
        "purpose": instrument.purpose,
        "retake_interval": str(instrument.retake_interval.days),
        "order": str(instrument.order),
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": str(len(questions)),
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
    }
    if instrument.allows_personal_items:
        data["allows_personal_items"] = "on"
    if instrument.is_active:
        data["is_active"] = "on"
    for index, question in enumerate(questions):
        prefix = f"questions-{index}-"
        data.update(
            {
                f"{prefix}id": str(question.pk),
                f"{prefix}instrument": str(instrument.pk),
                f"{prefix}section": question.section,
                f"{prefix}prompt": question.prompt,
                f"{prefix}type": question.type,
                f"{prefix}order": str(question.order),
            }
        )
        if question.required:
            data[f"{prefix}required"] = "on"
        if question.is_active:
            data[f"{prefix}is_active"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _question_data(question: Question, **overrides) -> dict:
    options = list(question.options.order_by("order", "pk"))
    data = {
        "instrument": str(question.instrument_id),
        "section": question.section,
        "prompt": question.prompt,
        "help_text": question.help_text,
        "type": question.type,
        "low_label": question.low_label,
        "high_label": question.high_label,
        "order": str(question.order),
        "options-TOTAL_FORMS": str(len(options)),
        "options-INITIAL_FORMS": str(len(options)),
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "1000",
    }
    if question.required:
        data["required"] = "on"
    if question.is_active:
        data["is_active"] = "on"
    for index, option in enumerate(options):
        prefix = f"options-{index}-"
        data.update(
            {
                f"{prefix}id": str(option.pk),
                f"{prefix}question": str(question.pk),
                f"{prefix}label": option.label,
                f"{prefix}order": str(option.order),
            }
        )
        if option.is_active:
            data[f"{prefix}is_active"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _change_url(instrument: Instrument) -> str:
    return reverse("admin:assessments_instrument_change", args=[instrument.pk])


# --- Instruments: list, edit, preview ---------------------------------------------------


def test_changelist_shows_instruments_with_active_question_count_and_retake_days(admin_client):
    instrument = InstrumentFactory(
        name="Counted instrument", retake_interval=datetime.timedelta(days=90)
    )
    QuestionFactory.create_batch(3, instrument=instrument)
    QuestionFactory(instrument=instrument, is_active=False)

    response = admin_client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    row = response.context["cl"].result_list.get(pk=instrument.pk)
    assert row.question_count == 3
    assert "Counted instrument" in response.text
    assert ">90<" in response.text
    assert reverse("admin:assessments_instrument_preview", args=[instrument.pk]) in response.text


def test_search_finds_instruments_by_name_and_by_question(admin_client, instrument):
    InstrumentFactory(name="Something else")

    by_name = admin_client.get(reverse(CHANGELIST), {"q": "energy check"})
    by_question = admin_client.get(reverse(CHANGELIST), {"q": "full is your week"})

    for response in (by_name, by_question):
        assert [i.pk for i in response.context["cl"].result_list] == [instrument.pk]
        assert response.context["cl"].result_list[0].question_count == 2


def test_change_page_edits_the_retake_interval_as_whole_days(admin_client, instrument):
    page = admin_client.get(_change_url(instrument))
    assert page.context["adminform"].form["retake_interval"].value() == 365

    response = admin_client.post(
        _change_url(instrument), _instrument_data(instrument) | {"retake_interval": "120"}
    )

    assert response.status_code == 302
    instrument.refresh_from_db()
    assert instrument.retake_interval == datetime.timedelta(days=120)


def test_change_page_refuses_a_retake_interval_of_zero_days(admin_client, instrument):
    data = _instrument_data(instrument, retake_interval="0")

    response = admin_client.post(_change_url(instrument), data)

    assert response.status_code == 422
    assert "retake_interval" in response.context["adminform"].form.errors
    instrument.refresh_from_db()
    assert instrument.retake_interval == datetime.timedelta(days=365)


def test_change_page_lists_questions_inline_with_links_and_a_preview_link(admin_client, instrument):
    response = admin_client.get(_change_url(instrument))

    inline = response.context["inline_admin_formsets"][0]
    assert [form.original.prompt for form in inline if form.original] == [
        "How rested do you feel?",
        "How full is your week?",
    ]
    for question in instrument.questions.all():
        assert reverse("admin:assessments_question_change", args=[question.pk]) in response.text
    assert reverse("admin:assessments_instrument_preview", args=[instrument.pk]) in response.text


def test_preview_shows_pages_prompts_help_and_level_descriptions(admin_client, shipped):
    skills = shipped["skills"]

    response = admin_client.get(reverse("admin:assessments_instrument_preview", args=[skills.pk]))

    assert response.status_code == 200
    text = response.text
    for question in skills.questions.all():
        assert question.prompt in text
    assert "Technical and craft" in text
    assert "I know what it is and when it matters." in text
    assert "I teach it and shape how it is done." in text
    assert "Skills of your own" in text
    assert "Page 4 of 4" in text
    assert "<form" in text
    assert 'type="submit"' not in text.split('id="content-main"')[1]


def test_preview_shows_scale_labels_and_options_and_leaves_out_inactive_questions(
    admin_client, shipped
):
    satisfaction = shipped["satisfaction"]
    retired = satisfaction.questions.get(prompt="Security")
    retired.is_active = False
    retired.save()

    response = admin_client.get(
        reverse("admin:assessments_instrument_preview", args=[satisfaction.pk])
    )

    assert "1 · Very dissatisfied" in response.text
    assert "5 · Very satisfied" in response.text
    assert "Stay and grow: I want to build my future here" in response.text
    assert "<strong>Security</strong>" not in response.text
    assert "1 inactive question is left out" in response.text


def test_preview_warns_about_a_choice_question_without_enough_options(admin_client, instrument):
    question = QuestionFactory(instrument=instrument, type=QuestionType.SINGLE, prompt="Pick")
    OptionFactory(question=question, label="Only one")

    response = admin_client.get(
        reverse("admin:assessments_instrument_preview", args=[instrument.pk])
    )

    assert "fewer than two active options" in response.text


def test_duplicate_action_copies_questions_and_options_and_keeps_the_copy_unoffered(
    admin_client, shipped
):
    values = shipped["values"]

    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "duplicate_instruments", "_selected_action": [values.pk]},
        follow=True,
    )

    copy = Instrument.objects.get(slug="values-copy")
    assert "Made 1 copy" in response.text
    assert not copy.is_active
    assert copy.name == "Work values (copy)"
    assert copy.retake_interval == values.retake_interval

    def shape(instrument):
        return [
            (q.section, q.prompt, q.type, q.required, q.low_label, q.order, q.is_active,
             [(o.label, o.order, o.is_active) for o in q.options.all()])
            for q in instrument.questions.prefetch_related("options")
        ]  # fmt: skip

    assert shape(copy) == shape(values)
    assert not set(copy.questions.values_list("pk", flat=True)) & set(
        values.questions.values_list("pk", flat=True)
    )


def test_duplicating_twice_gives_each_copy_its_own_slug(admin_client, instrument):
    for _round in range(2):
        admin_client.post(
            reverse(CHANGELIST),
            {"action": "duplicate_instruments", "_selected_action": [instrument.pk]},
        )

    assert set(
        Instrument.objects.filter(slug__startswith="energy").values_list("slug", flat=True)
    ) == {
        "energy-check",
        "energy-check-copy",
        "energy-check-copy-2",
    }


# --- Questions people have answered -----------------------------------------------------


def test_deleting_an_answered_question_in_the_inline_is_refused_and_it_stays(
    admin_client, instrument, owner
):
    _complete(owner, instrument)
    answered = instrument.questions.first()

    response = admin_client.post(
        _change_url(instrument), _instrument_data(instrument, **{"questions-0-DELETE": "on"})
    )

    assert response.context["errors"]
    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert "cannot be deleted. Untick “active” instead" in errors[0]
    assert "would require deleting" not in response.text  # Django's list names the answers
    assert Question.objects.filter(pk=answered.pk).exists()


def test_an_unanswered_question_can_be_deleted_in_the_inline(admin_client, instrument):
    doomed = instrument.questions.first()

    response = admin_client.post(
        _change_url(instrument), _instrument_data(instrument, **{"questions-0-DELETE": "on"})
    )

    assert response.status_code == 302
    assert not Question.objects.filter(pk=doomed.pk).exists()


def test_question_delete_page_refuses_an_answered_question_with_a_message(
    admin_client, instrument, owner
):
    _complete(owner, instrument)
    answered = instrument.questions.first()
    url = reverse("admin:assessments_question_delete", args=[answered.pk])

    response = admin_client.post(url, {"post": "yes"}, follow=True)

    assert Question.objects.filter(pk=answered.pk).exists()
    assert "has been answered, so it cannot be deleted" in response.text
    change = admin_client.get(reverse("admin:assessments_question_change", args=[answered.pk]))
    assert "Answered once" in change.text
    assert reverse("admin:assessments_question_delete", args=[answered.pk]) not in change.text


def test_delete_pages_never_show_what_people_answered(admin_client, instrument, owner):
    take = services.take_start(user=owner, instrument=instrument)
    services.take_save_answers(take=take, answers={})
    Answer.objects.create(
        take=take,
        question=instrument.questions.first(),
        key=instrument.questions.first().key,
        prompt="How rested do you feel?",
        type=QuestionType.TEXT,
        text="A secret worry about my manager",
    )
    PersonalSkill.objects.create(user=owner, instrument=instrument, name="Private skill name")

    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [instrument.pk]},
    )

    assert response.status_code == 200
    assert "A secret worry" not in response.text
    assert "Private skill name" not in response.text
    assert "has been taken, so it cannot be deleted" in response.text
    assert Instrument.objects.filter(pk=instrument.pk).exists()


def test_deactivated_question_leaves_new_takes_but_past_answers_keep_its_words(
    admin_client, instrument, owner, owner_client
):
    past = _complete(owner, instrument)
    retired = instrument.questions.get(prompt="How full is your week?")

    response = admin_client.post(
        _change_url(instrument), _instrument_data(instrument, **{"questions-1-is_active": None})
    )
    assert response.status_code == 302
    retired.refresh_from_db()
    assert not retired.is_active

    draft = services.take_start(user=owner, instrument=instrument)
    page = owner_client.get(reverse("assessments:take", args=[draft.pk]))
    assert "How rested do you feel?" in page.text
    assert "How full is your week?" not in page.text
    assert past.answers.get(question=retired).prompt == "How full is your week?"
    results = owner_client.get(reverse("assessments:results", args=[past.pk]))
    assert "How full is your week?" in results.text


def test_edited_prompt_shows_in_the_next_take_and_completed_takes_keep_the_old_words(
    admin_client, instrument, owner, owner_client
):
    past = _complete(owner, instrument)
    question = instrument.questions.get(prompt="How rested do you feel?")

    response = admin_client.post(
        reverse("admin:assessments_question_change", args=[question.pk]),
        _question_data(question, prompt="How rested do you feel this week?"),
    )
    assert response.status_code == 302

    draft = services.take_start(user=owner, instrument=instrument)
    page = owner_client.get(reverse("assessments:take", args=[draft.pk]))
    assert "How rested do you feel this week?" in page.text
    assert past.answers.get(question=question).prompt == "How rested do you feel?"


def test_type_of_an_answered_question_cannot_change(admin_client, instrument, owner):
    _complete(owner, instrument)
    question = instrument.questions.first()

    response = admin_client.post(
        reverse("admin:assessments_question_change", args=[question.pk]),
        _question_data(question, type=QuestionType.TEXT),
    )

    assert response.status_code == 422
    assert "type" in response.context["adminform"].form.errors
    question.refresh_from_db()
    assert question.type == QuestionType.RATING


# --- Options ----------------------------------------------------------------------------


@pytest.fixture
def choice(instrument):
    question = QuestionFactory(instrument=instrument, type=QuestionType.SINGLE, prompt="Where?")
    for order, label in enumerate(["At home", "In the office", "Anywhere"], start=1):
        OptionFactory(question=question, label=label, order=order)
    return question


def test_an_option_chosen_in_answers_cannot_be_deleted_but_can_be_retired(
    admin_client, choice, owner
):
    home = choice.options.get(label="At home")
    take = services.take_start(user=owner, instrument=choice.instrument)
    services.take_save_answers(take=take, answers={choice.key: {"option_ids": [home.pk]}})
    url = reverse("admin:assessments_question_change", args=[choice.pk])

    refused = admin_client.post(url, _question_data(choice, **{"options-0-DELETE": "on"}))
    retired = admin_client.post(url, _question_data(choice, **{"options-0-is_active": None}))

    errors = refused.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert "“At home” has been chosen in people's answers" in errors[0]
    assert retired.status_code == 302
    home.refresh_from_db()
    assert not home.is_active


def test_an_unchosen_option_can_be_deleted(admin_client, choice):
    url = reverse("admin:assessments_question_change", args=[choice.pk])

    response = admin_client.post(url, _question_data(choice, **{"options-2-DELETE": "on"}))

    assert response.status_code == 302
    assert list(choice.options.values_list("label", flat=True)) == ["At home", "In the office"]


def test_a_choice_question_keeps_at_least_two_active_options(admin_client, choice):
    url = reverse("admin:assessments_question_change", args=[choice.pk])
    data = _question_data(choice, **{"options-1-is_active": None, "options-2-DELETE": "on"})

    response = admin_client.post(url, data)

    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert "at least two active options" in errors[0]
    assert choice.options.filter(is_active=True).count() == 3


def test_question_changelist_filters_by_instrument_and_type_and_searches_options(
    admin_client, instrument, choice
):
    other = QuestionFactory(prompt="Elsewhere")

    by_instrument = admin_client.get(
        reverse(QUESTION_CHANGELIST), {"instrument__id__exact": instrument.pk}
    )
    by_type = admin_client.get(
        reverse(QUESTION_CHANGELIST),
        {"instrument__id__exact": instrument.pk, "type__exact": QuestionType.SINGLE},
    )
    by_option = admin_client.get(reverse(QUESTION_CHANGELIST), {"q": "in the office"})

    assert other not in by_instrument.context["cl"].result_list
    assert by_instrument.context["cl"].result_count == 3
    assert list(by_type.context["cl"].result_list) == [choice]
    assert list(by_option.context["cl"].result_list) == [choice]


# --- Private answers --------------------------------------------------------------------


def test_takes_answers_and_personal_skills_are_not_in_the_admin(admin_client):
    for model in (Take, Answer, PersonalSkill):
        assert not admin.site.is_registered(model)
    for name in ("take", "answer", "personalskill"):
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:assessments_{name}_changelist")
    index = admin_client.get(reverse("admin:app_list", args=["assessments"]))
    assert [m["object_name"] for m in index.context["app_list"][0]["models"]] == [
        "Instrument",
        "Question",
    ]
