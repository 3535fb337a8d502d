"""A reflection keeps the prompt's wording it answered: rewording the prompt in the admin
does not rewrite past check-ins (issue 13, item 9)."""

import datetime
import importlib

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse

from careerapp.models import User
from careerapp.portability import export_user_data
from conftest import CommittingClient
from reviews import services
from reviews.models import CheckIn, PromptScope, Reflection, ReflectionPrompt
from reviews.tests.factories import CheckInFactory, ReflectionPromptFactory

pytestmark = pytest.mark.django_db
D = datetime.date
OLD = "What gave you energy this month?"
NEW = "Where did your energy come from?"


def on(day: D):
    moment = datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def admin_client(password):
    # A browser of its own: the owner signs in with the shared ``client``.
    admin = CommittingClient()
    admin.force_login(User.objects.create_superuser("admin@example.com", password))
    return admin


@pytest.fixture
def prompt():
    return ReflectionPromptFactory(text=OLD, order=1)


def answer(owner, prompt, start: D, end: D, words: str) -> CheckIn:
    """A check-in for the period, answered and submitted through the service while open."""
    checkin = CheckInFactory(
        user=owner,
        period_start=start,
        period_end=end,
        status="draft",
        submitted_at=None,
    )
    with on(end):
        data = services.CheckInData(reflections={prompt.pk: words})
        services.checkin_save(checkin=checkin, data=data, submit=True, today=end)
    return checkin


def reword(admin_client, prompt, text: str) -> None:
    response = admin_client.post(
        reverse("admin:reviews_reflectionprompt_change", args=[prompt.pk]),
        {
            "text_en": text,
            "text_fr": "",
            "text_es": "",
            "help_text_en": "",
            "help_text_fr": "",
            "help_text_es": "",
            "scope": PromptScope.EVERY,
            "order": "1",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    prompt.refresh_from_db()
    assert prompt.text == text


def test_a_past_check_in_shows_the_wording_that_was_answered(
    owner, owner_client, admin_client, prompt
):
    january = answer(owner, prompt, D(2027, 1, 1), D(2027, 1, 31), "Pairing with Ana")
    reword(admin_client, prompt, NEW)
    march = answer(owner, prompt, D(2027, 3, 1), D(2027, 3, 31), "Shipping the beta")

    with on(D(2027, 5, 10)):
        owner_client.force_login(owner)  # a session of that day
        page = owner_client.get(january.get_absolute_url()).content.decode()
        quarter = owner_client.get(reverse("reviews:quarter", args=[2027, 1])).content.decode()
    assert OLD in page
    assert NEW not in page
    # The quarter holds both wordings, each over the answers written to it.
    assert quarter.index(OLD) < quarter.index("Pairing with Ana") < quarter.index(NEW)
    assert quarter.index(NEW) < quarter.index("Shipping the beta")
    # The export carries each answer's own wording too.
    checkins = export_user_data(owner)["reviews"]["checkins"]
    wording = {c["period_start"]: c["reflections"][0]["prompt_text"] for c in checkins}
    assert wording == {"2027-01-01": OLD, "2027-03-01": NEW}
    assert Reflection.objects.get(checkin=march).prompt_text == NEW


def test_the_admin_says_beside_the_prompt_that_past_check_ins_keep_their_wording(
    admin_client, prompt
):
    response = admin_client.get(reverse("admin:reviews_reflectionprompt_change", args=[prompt.pk]))
    body = response.content.decode()
    # Beside each language's wording: a French or Spanish rewording keeps past ones too.
    for code in ("en", "fr", "es"):
        assert f'id="id_text_{code}_helptext"' in body
        helptext = body.split(f'id="id_text_{code}_helptext"', 1)[1].split("</div>", 1)[0]
        assert "Editing this wording does not change past check-ins" in helptext


def test_the_migration_fills_a_missing_wording_and_keeps_the_rest(owner, prompt):
    checkin = CheckInFactory(user=owner)
    other = ReflectionPromptFactory(text="What got in the way?")
    missing = Reflection.objects.create(checkin=checkin, prompt=prompt, prompt_text="", answer="A")
    kept = Reflection.objects.create(checkin=checkin, prompt=other, prompt_text="Old", answer="B")
    ReflectionPrompt.objects.filter(pk=prompt.pk).update(text=NEW)

    importlib.import_module("reviews.migrations.0003_reflection_prompt_text").fill(apps, None)

    missing.refresh_from_db()
    kept.refresh_from_db()
    assert (missing.prompt_text, kept.prompt_text) == (NEW, "Old")


def test_a_draft_answered_before_a_rewording_keeps_its_words_when_saved_again(
    owner, owner_client, admin_client, prompt
):
    checkin = CheckInFactory(
        user=owner, period_start=D(2027, 5, 1), period_end=D(2027, 5, 31), status="draft"
    )
    with on(D(2027, 5, 10)):
        services.checkin_save(
            checkin=checkin,
            data=services.CheckInData(reflections={prompt.pk: "Pairing with Ana"}),
            submit=False,
            today=D(2027, 5, 10),
        )
    reword(admin_client, prompt, NEW)
    with on(D(2027, 5, 12)):
        owner_client.force_login(owner)
        page = owner_client.get(checkin.get_absolute_url()).content.decode()
        assert OLD in page  # the answer is shown under the words it answered
        assert NEW not in page
        services.checkin_save(
            checkin=checkin,
            data=services.CheckInData(reflections={prompt.pk: "Pairing with Ana, twice"}),
            submit=True,
            today=D(2027, 5, 12),
        )
    saved = Reflection.objects.get(checkin=checkin)
    assert (saved.prompt_text, saved.answer) == (OLD, "Pairing with Ana, twice")


def test_a_question_left_blank_before_a_rewording_takes_the_new_words(owner, admin_client, prompt):
    checkin = CheckInFactory(
        user=owner, period_start=D(2027, 5, 1), period_end=D(2027, 5, 31), status="draft"
    )
    with on(D(2027, 5, 10)):
        services.checkin_save(
            checkin=checkin,
            data=services.CheckInData(reflections={prompt.pk: ""}),
            submit=False,
            today=D(2027, 5, 10),
        )
    reword(admin_client, prompt, NEW)
    with on(D(2027, 5, 12)):
        services.checkin_save(
            checkin=checkin,
            data=services.CheckInData(reflections={prompt.pk: "Shipping"}),
            submit=False,
            today=D(2027, 5, 12),
        )
    assert Reflection.objects.get(checkin=checkin).prompt_text == NEW
