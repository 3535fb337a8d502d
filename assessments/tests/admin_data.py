"""Form data for the admin tests: the change forms as the admin page sends them back."""

from django.conf import settings
from django.urls import reverse

from assessments import services
from assessments.models import Instrument, Question, Take

CHANGELIST = "admin:assessments_instrument_changelist"
QUESTION_CHANGELIST = "admin:assessments_question_changelist"


def complete(user, instrument: Instrument, rating: int = 3) -> Take:
    """A take of ``instrument`` with every active question rated ``rating``."""
    take = services.take_start(user=user, instrument=instrument)
    services.take_save_answers(
        take=take,
        answers={q.key: {"rating": rating} for q in instrument.questions.active()},
    )
    return services.take_complete(take=take)


def _translated(obj, *fields: str) -> dict:
    """Each translated field's inputs as the page sends them back: one per language
    (``prompt_en``, ``prompt_fr``, ``prompt_es``), each the stored text, empty if none."""
    return {
        f"{field}_{code}": getattr(obj, f"{field}_{code}") or ""
        for field in fields
        for code, _name in settings.LANGUAGES
    }


def _formset(name: str, parent: str, parent_pk: int, rows: list[dict]) -> dict:
    """An inline formset's fields as the page sends them: ``rows`` are each form's values,
    with "required" and "is_active" as booleans for their checkboxes."""
    data = {
        f"{name}-TOTAL_FORMS": str(len(rows)),
        f"{name}-INITIAL_FORMS": str(len(rows)),
        f"{name}-MIN_NUM_FORMS": "0",
        f"{name}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        prefix = f"{name}-{index}-"
        data[f"{prefix}{parent}"] = str(parent_pk)
        for field, value in row.items():
            if value is True:
                data[f"{prefix}{field}"] = "on"
            elif value is not False:
                data[f"{prefix}{field}"] = value
    return data


def _ticked(**checkboxes: bool) -> dict:
    return {name: "on" for name, ticked in checkboxes.items() if ticked}


def _sent(data: dict, overrides: dict) -> dict:
    # An override of None leaves that field out, as an unticked checkbox does.
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def instrument_data(instrument: Instrument, **overrides) -> dict:
    """The change form as the admin page would send it back, unchanged unless overridden.

    An override of None leaves that field out, as an unticked checkbox does.
    """
    questions = instrument.questions.order_by("order", "pk")
    rows = [
        {
            "id": str(question.pk),
            **_translated(question, "section", "prompt"),
            "type": question.type,
            "order": str(question.order),
            "required": question.required,
            "is_active": question.is_active,
        }
        for question in questions
    ]
    data = {
        **_translated(instrument, "name"),
        "slug": instrument.slug,
        "kind": instrument.kind,
        **_translated(instrument, "purpose"),
        "retake_interval": str(instrument.retake_interval.days),
        "order": str(instrument.order),
        **_ticked(
            allows_personal_items=instrument.allows_personal_items,
            is_active=instrument.is_active,
        ),
        **_formset("questions", "instrument", instrument.pk, rows),
    }
    return _sent(data, overrides)


def question_data(question: Question, **overrides) -> dict:
    """The question's change form as the admin page would send it back (see above)."""
    options = question.options.order_by("order", "pk")
    rows = [
        {
            "id": str(option.pk),
            **_translated(option, "label"),
            "order": str(option.order),
            "is_active": option.is_active,
        }
        for option in options
    ]
    data = {
        "instrument": str(question.instrument_id),
        **_translated(question, "section", "prompt", "help_text"),
        "type": question.type,
        **_translated(question, "low_label", "high_label"),
        "order": str(question.order),
        **_ticked(required=question.required, is_active=question.is_active),
        **_formset("options", "question", question.pk, rows),
    }
    return _sent(data, overrides)


def change_url(instrument: Instrument) -> str:
    return reverse("admin:assessments_instrument_change", args=[instrument.pk])
