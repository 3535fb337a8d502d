"""The admin of instruments: the list, the change page, the preview and duplicating."""

import datetime

import pytest
from django.urls import reverse

from assessments.models import (
    Instrument,
    QuestionType,
)
from assessments.tests.admin_data import (
    CHANGELIST,
    change_url,
    instrument_data,
)
from assessments.tests.factories import InstrumentFactory, OptionFactory, QuestionFactory

pytestmark = pytest.mark.django_db


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
    page = admin_client.get(change_url(instrument))
    assert page.context["adminform"].form["retake_interval"].value() == 365

    response = admin_client.post(
        change_url(instrument), instrument_data(instrument) | {"retake_interval": "120"}
    )

    assert response.status_code == 302
    instrument.refresh_from_db()
    assert instrument.retake_interval == datetime.timedelta(days=120)


def test_change_page_refuses_a_retake_interval_of_zero_days(admin_client, instrument):
    data = instrument_data(instrument, retake_interval="0")

    response = admin_client.post(change_url(instrument), data)

    assert response.status_code == 422
    assert "retake_interval" in response.context["adminform"].form.errors
    instrument.refresh_from_db()
    assert instrument.retake_interval == datetime.timedelta(days=365)


def test_change_page_lists_questions_inline_with_links_and_a_preview_link(admin_client, instrument):
    response = admin_client.get(change_url(instrument))

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
    # Three general pages, four optional specialist ones, then skills of your own.
    assert "Page 8 of 8" in text
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
            (q.section, q.prompt, q.type, q.required, q.low_label, q.max_choices, q.order,
             q.is_active, [(o.label, o.order, o.is_active) for o in q.options.all()])
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
