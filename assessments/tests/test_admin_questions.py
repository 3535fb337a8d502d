"""The admin of questions and options: what people answered is never deleted or changed
under them, and their own answers never show."""

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from assessments import services
from assessments.models import (
    Answer,
    CurrentRole,
    Instrument,
    PersonalSkill,
    Question,
    QuestionType,
    Take,
    TargetRole,
)
from assessments.tests.admin_data import (
    CHANGELIST,
    QUESTION_CHANGELIST,
    change_url,
    complete,
    instrument_data,
    question_data,
)
from assessments.tests.factories import OptionFactory, QuestionFactory

pytestmark = pytest.mark.django_db


# --- Questions people have answered -----------------------------------------------------


def test_deleting_an_answered_question_in_the_inline_is_refused_and_it_stays(
    admin_client, instrument, owner
):
    complete(owner, instrument)
    answered = instrument.questions.first()

    response = admin_client.post(
        change_url(instrument), instrument_data(instrument, **{"questions-0-DELETE": "on"})
    )

    assert response.context["errors"]
    errors = response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert "cannot be deleted. Untick “active” instead" in errors[0]
    assert "would require deleting" not in response.text  # Django's list names the answers
    assert Question.objects.filter(pk=answered.pk).exists()


def test_an_unanswered_question_can_be_deleted_in_the_inline(admin_client, instrument):
    doomed = instrument.questions.first()

    response = admin_client.post(
        change_url(instrument), instrument_data(instrument, **{"questions-0-DELETE": "on"})
    )

    assert response.status_code == 302
    assert not Question.objects.filter(pk=doomed.pk).exists()


def test_question_delete_page_refuses_an_answered_question_with_a_message(
    admin_client, instrument, owner
):
    complete(owner, instrument)
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
    past = complete(owner, instrument)
    retired = instrument.questions.get(prompt="How full is your week?")

    response = admin_client.post(
        change_url(instrument), instrument_data(instrument, **{"questions-1-is_active": None})
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
    past = complete(owner, instrument)
    question = instrument.questions.get(prompt="How rested do you feel?")

    response = admin_client.post(
        reverse("admin:assessments_question_change", args=[question.pk]),
        question_data(question, prompt_en="How rested do you feel this week?"),
    )
    assert response.status_code == 302

    draft = services.take_start(user=owner, instrument=instrument)
    page = owner_client.get(reverse("assessments:take", args=[draft.pk]))
    assert "How rested do you feel this week?" in page.text
    assert past.answers.get(question=question).prompt == "How rested do you feel?"


def test_type_of_an_answered_question_cannot_change(admin_client, instrument, owner):
    complete(owner, instrument)
    question = instrument.questions.first()

    response = admin_client.post(
        reverse("admin:assessments_question_change", args=[question.pk]),
        question_data(question, type=QuestionType.TEXT),
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

    refused = admin_client.post(url, question_data(choice, **{"options-0-DELETE": "on"}))
    retired = admin_client.post(url, question_data(choice, **{"options-0-is_active": None}))

    errors = refused.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert "“At home” has been chosen in people's answers" in errors[0]
    assert retired.status_code == 302
    home.refresh_from_db()
    assert not home.is_active


def test_an_unchosen_option_can_be_deleted(admin_client, choice):
    url = reverse("admin:assessments_question_change", args=[choice.pk])

    response = admin_client.post(url, question_data(choice, **{"options-2-DELETE": "on"}))

    assert response.status_code == 302
    assert list(choice.options.values_list("label", flat=True)) == ["At home", "In the office"]


def test_a_choice_question_keeps_at_least_two_active_options(admin_client, choice):
    url = reverse("admin:assessments_question_change", args=[choice.pk])
    data = question_data(choice, **{"options-1-is_active": None, "options-2-DELETE": "on"})

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
    # Nor are a person's current and target roles: only the content admins keep is there.
    for model in (Take, Answer, PersonalSkill, CurrentRole, TargetRole):
        assert not admin.site.is_registered(model)
    for name in ("take", "answer", "personalskill", "currentrole", "targetrole"):
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:assessments_{name}_changelist")
    index = admin_client.get(reverse("admin:app_list", args=["assessments"]))
    assert [m["object_name"] for m in index.context["app_list"][0]["models"]] == [
        "Instrument",
        "LearningKind",
        "LearningSuggestion",
        "Question",
        "Role",
        "Track",
    ]
