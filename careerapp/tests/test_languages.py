"""English, French and Spanish (issue 18): who gets which language, how it is chosen and
kept, the weekly email in each person's own, dates and numbers in the language's form,
and the shipped content translated everywhere, falling back to English."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from modeltranslation.translator import translator

from assessments.models import Instrument, LearningKind, Question, Role
from careerapp import reminders
from careerapp.content import SOURCE_LANGUAGE, translate_text
from careerapp.models import User
from careerapp.tests.factories import UserFactory
from careerapp.tests.weekly_people import DUE, claim_and_send, due_people, travel
from goals.models import GoalTemplate
from goals.tests.factories import GoalFactory, LearningItemFactory, TaskFactory
from reviews.models import ReflectionPrompt

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
OTHERS = ("fr", "es")
UTC = datetime.UTC


def _lang(response) -> str:
    html = response.content.decode()
    start = html.index('<html lang="') + len('<html lang="')
    return html[start : html.index('"', start)]


# --- A visitor: the browser's language, or the footer's choice ---------------------------


@pytest.mark.parametrize(
    ("accept", "language"),
    [("fr-FR,fr;q=0.9,en;q=0.5", "fr"), ("es-MX,es;q=0.8", "es"), ("de-DE,de", "en"), ("", "en")],
)
def test_a_visitor_gets_the_browsers_language(client, accept, language):
    response = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE=accept)

    assert _lang(response) == language
    assert response["Content-Language"] == language
    with translation.override(language):
        assert translation.gettext("Sign in") in response.content.decode()


def test_the_footer_offers_each_language_in_its_own_words(client):
    html = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert 'action="/language/"' in html
    for code, name in (("en", "English"), ("fr", "Français"), ("es", "Español")):
        assert f'value="{code}" lang="{code}"' in html
        assert f">{name}</button>" in html
    assert 'value="es" lang="es"' in html.split('aria-current="true"')[0].rsplit("<button", 1)[1]


def test_the_footers_choice_outlasts_the_browsers_language(client):
    response = client.post(
        reverse("language_set"), {"language": "es", "next": "/accounts/login/?next=/goals/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/goals/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    page = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="fr")
    assert _lang(page) == "es"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", ""])
def test_the_switcher_goes_back_only_to_this_site(client, next_url):
    response = client.post(reverse("language_set"), {"language": "fr", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == reverse("home")


@pytest.mark.parametrize("language", ["de", "", "fr-xx", "<script>"])
def test_a_language_not_offered_is_refused_and_nothing_changes(owner_client, owner, language):
    response = owner_client.post(reverse("language_set"), {"language": language, "next": "/"})

    assert response.status_code == 400
    assert "Choose one of the languages offered." in response.content.decode()
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    owner.refresh_from_db()
    assert owner.language == "en"


def test_the_switcher_answers_only_post(client):
    assert client.get(reverse("language_set")).status_code == 405


# --- A signed-in person: their own language, kept in settings ----------------------------


def test_a_persons_language_wins_over_the_browsers(owner_client, owner):
    owner.language = "fr"
    owner.save(update_fields=["language"])

    response = owner_client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="es-ES,es")

    assert _lang(response) == "fr"
    assert "Tableau de bord" in response.content.decode()


def test_the_footers_choice_is_kept_in_the_persons_settings(owner_client, owner):
    response = owner_client.post(reverse("language_set"), {"language": "es", "next": "/goals/"})

    assert response["Location"] == "/goals/"
    owner.refresh_from_db()
    assert owner.language == "es"
    # Another device, another browser: still Spanish.
    owner_client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    assert _lang(owner_client.get("/goals/", HTTP_ACCEPT_LANGUAGE="en")) == "es"


def test_settings_change_the_language_and_say_so_in_it(owner_client, owner):
    page = owner_client.get(reverse("account_settings")).content.decode()
    assert 'name="language"' in page

    response = owner_client.post(
        reverse("account_profile_update"),
        {"display_name": "Olivia", "time_zone": "Europe/Paris", "language": "fr"},
        follow=True,
    )

    owner.refresh_from_db()
    assert owner.language == "fr"
    assert _lang(response) == "fr"
    with translation.override("fr"):
        assert translation.gettext("Your profile is saved.") in response.content.decode()
    assert owner_client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_settings_refuse_a_language_not_offered_beside_the_field(owner_client, owner):
    response = owner_client.post(
        reverse("account_profile_update"),
        {"display_name": "Olivia", "time_zone": "Europe/Paris", "language": "de"},
    )

    assert response.status_code == 422
    form = response.context["profile_form"]
    assert "language" in form.errors
    owner.refresh_from_db()
    assert owner.language == "en"


def test_a_settings_page_from_before_the_languages_keeps_the_language(owner_client, owner):
    owner.language = "es"
    owner.save(update_fields=["language"])

    owner_client.post(
        reverse("account_profile_update"), {"display_name": "Olivia", "time_zone": "UTC"}
    )

    owner.refresh_from_db()
    assert owner.language == "es"


def test_sign_up_keeps_the_language_the_page_spoke(client):
    password = "a-long-and-unusual-passphrase"
    client.post(
        reverse("account_signup"),
        {"email": "nouvelle@example.com", "password1": password, "password2": password},
        HTTP_ACCEPT_LANGUAGE="fr-CA,fr",
    )

    assert User.objects.get(email="nouvelle@example.com").language == "fr"


# --- Dates and numbers in the language's form -----------------------------------------


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "31 December 2027"), ("fr", "31 décembre 2027"), ("es", "31 de diciembre de 2027")],
)
def test_dates_read_in_the_languages_form(owner_client, owner, language, written):
    owner.language = language
    owner.save(update_fields=["language"])
    goal = GoalFactory(user=owner, target_date=datetime.date(2027, 12, 31))

    html = owner_client.get(goal.get_absolute_url()).content.decode()

    assert written in html


@pytest.mark.parametrize(("language", "hours"), [("en", "2.5"), ("fr", "2,5"), ("es", "2,5")])
def test_numbers_read_in_the_languages_form(owner_client, owner, language, hours):
    owner.language = language
    owner.save(update_fields=["language"])
    item = LearningItemFactory(user=owner, hours="2.5")

    html = owner_client.get(item.get_absolute_url()).content.decode()

    assert hours in html


# --- The weekly email in each person's language -----------------------------------------


SUBJECTS = {
    "en": "Regular maintenance",
    "fr": "Révision régulière",
    "es": "Mantenimiento regular",
}


def test_one_chunk_sends_each_person_the_email_in_their_own_language(mailoutbox):
    people = {}
    for language in ("en", "fr", "es"):
        (people[language],) = due_people(language, language=language)
        with travel(DUE - datetime.timedelta(days=2)):
            TaskFactory(goal=GoalFactory(user=people[language]), due_date=datetime.date(2027, 4, 1))

    result = claim_and_send()

    assert len(result.sent) == 3
    by_recipient = {message.to[0]: message for message in mailoutbox}
    for language, user in people.items():
        message = by_recipient[user.email]
        html = message.alternatives[0][0]
        assert message.subject.startswith(SUBJECTS[language]), message.subject
        assert f'<html lang="{language}">' in html
        with translation.override(language):
            overdue = translation.gettext("Overdue steps")
            intro = translation.gettext("Here is what needs a little attention this week.")
        assert overdue.upper() in message.body, (language, message.body)  # a heading
        assert intro in message.body
        assert overdue in html
        assert intro in html
    # The French and Spanish emails carry no English sentence of the email's own.
    for language in OTHERS:
        message = by_recipient[people[language].email]
        for english in ("OVERDUE STEPS", "Here is what needs a little attention this week."):
            assert english not in message.body
            assert english.lower() not in message.alternatives[0][0].lower()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_preview_is_written_in_the_persons_language(language):
    user = UserFactory(language=language, time_zone="Europe/Berlin")
    GoalFactory(user=user)
    content = reminders.collect([user], now=timezone.now())[0]

    message = reminders.build_message(content, preview=True)

    assert message.subject.startswith(SUBJECTS[language]), message.subject
    assert f'<html lang="{language}">' in message.alternatives[0][0]
    # Building it left the worker's own language as it was.
    assert translation.get_language() == settings.LANGUAGE_CODE


# --- Shipped content: complete in every language, English where it is not -------------


def _translated_models():
    return [model for model in translator.get_registered_models() if not model._meta.abstract]


@pytest.mark.parametrize("language", OTHERS)
def test_every_shipped_text_is_translated(language):
    missing = []
    rows = 0
    for model in _translated_models():
        fields = translator.get_options_for_model(model).fields
        for row in model.objects.rewrite(False).all():
            rows += 1
            for field in fields:
                english = getattr(row, f"{field}_{SOURCE_LANGUAGE}")
                if english and not getattr(row, f"{field}_{language}"):
                    missing.append(f"{model.__name__} {row.pk} {field}: {english[:60]!r}")
    assert rows > 500  # the instruments, the role library, templates and prompts
    assert not missing, f"{len(missing)} texts have no {language}: " + "\n".join(missing[:30])


@pytest.mark.parametrize("language", OTHERS)
def test_no_content_catalogue_keeps_a_text_nobody_ships(language):
    shipped = set()
    for model in _translated_models():
        for field in translator.get_options_for_model(model).fields:
            for text in model.objects.rewrite(False).values_list(f"{field}_en", flat=True):
                shipped |= set((text or "").split("\n"))
    for app in ("assessments", "goals", "reviews"):
        path = ROOT / app / "content" / "translations" / f"{language}.json"
        table = json.loads(path.read_text(encoding="utf-8"))
        stale = sorted(set(table) - shipped)
        assert not stale, f"{path.relative_to(ROOT)}: no longer shipped: {stale[:10]}"
        assert all(isinstance(value, str) and value.strip() for value in table.values())


def test_content_reads_in_the_active_language_and_falls_back_to_english():
    role = Role.objects.get(slug="data-analyst")
    kind = LearningKind.objects.get(slug="book")
    with translation.override("fr"):
        assert role.title == "Analyste de données"
        assert kind.name == "Livre"
    with translation.override("es"):
        assert kind.name == "Libro"

    Role.objects.filter(pk=role.pk).update(title_fr=None)
    role.refresh_from_db()
    with translation.override("fr"):
        assert role.title == "Data analyst"


def test_a_text_of_several_lines_is_translated_line_by_line():
    table = {"Write queries": "Écrire des requêtes", "Check data": "Vérifier les données"}

    assert translate_text("Write queries\nCheck data", table) == (
        "Écrire des requêtes\nVérifier les données"
    )
    assert translate_text("Write queries\nSomething new", table) is None  # all or nothing


def test_an_admin_working_in_french_leaves_the_english_in_the_original_column():
    prompt = ReflectionPrompt.objects.order_by("pk").first()
    english = prompt.text_en
    with translation.override("fr"):
        prompt = ReflectionPrompt.objects.get(pk=prompt.pk)
        prompt.text_fr = "Qu'est-ce qui a bien marché ?"
        prompt.save()

    stored = (
        ReflectionPrompt.objects.rewrite(False)
        .values("text", "text_en", "text_fr")
        .get(pk=prompt.pk)
    )
    assert stored == {
        "text": english,
        "text_en": english,
        "text_fr": "Qu'est-ce qui a bien marché ?",
    }


def test_reloading_the_content_writes_nothing_in_any_language():
    from assessments.content import load_instruments
    from goals.content import load_goal_templates
    from goals.models import GoalTemplateTask

    with translation.override("fr"):  # whatever language the caller has active
        assert load_instruments(Instrument, Question, apps.get_model("assessments", "Option")) == 0
        assert load_goal_templates(GoalTemplate, GoalTemplateTask) == 0


@pytest.mark.parametrize(("language", "heading"), [("fr", "Un problème est survenu de notre côté")])
def test_the_server_error_page_speaks_the_visitors_language(rf, language, heading):
    from django.views.defaults import server_error

    with translation.override(language):
        response = server_error(rf.get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in html
    assert heading in html


def test_the_account_emails_speak_the_language_of_the_page_that_sent_them(client, mailoutbox):
    password = "a-long-and-unusual-passphrase"
    client.post(
        reverse("account_signup"),
        {"email": "nueva@example.com", "password1": password, "password2": password},
        HTTP_ACCEPT_LANGUAGE="es",
    )

    message = mailoutbox[-1]
    html = message.alternatives[0][0]
    with translation.override("es"):
        assert translation.gettext("Confirm your email address") in message.subject
    assert '<html lang="es">' in html
    assert "Confirm your email address" not in message.subject


def test_answers_show_their_questions_and_options_in_the_readers_language(owner_client, owner):
    from assessments.models import Option, Take
    from careerapp.demo import load_demo_content

    load_demo_content(owner)  # answered in English
    owner.language = "fr"
    owner.save(update_fields=["language"])
    take = Take.objects.filter(user=owner, instrument__slug="values").latest("completed_at")
    chosen = take.answers.filter(type="multiple").exclude(option_labels=[]).first()
    option = Option.objects.get(pk=chosen.option_ids[0])
    question = chosen.question

    html = owner_client.get(take.get_absolute_url()).content.decode()

    assert option.label_en != option.label_fr
    assert option.label_fr in html
    assert question.prompt_fr in html.replace("&#x27;", "'")
    assert f">{option.label_en}<" not in html

    # Reworded by an admin since: the answer keeps the words it was given.
    Option.objects.filter(pk=option.pk).update(label_en="Something else", label_fr="Autre")
    html = owner_client.get(take.get_absolute_url()).content.decode()
    assert f">{chosen.option_labels[0]}<" in html


def test_choices_built_for_the_page_speak_its_language(owner_client, owner):
    owner.language = "es"
    owner.save(update_fields=["language"])

    html = owner_client.get(reverse("account_settings")).content.decode()

    assert ">2 semanas<" in html
    assert ">2 weeks<" not in html


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "Sunday 6 December"),
        ("fr", "dimanche 6 décembre"),
        ("es", "domingo, 6 de diciembre"),  # weekdays and months in lower case
    ],
)
def test_weekdays_read_in_the_languages_form(language, written):
    from django.utils.formats import date_format

    with translation.override(language):
        assert date_format(datetime.date(2026, 12, 6), translation.gettext("l j F")) == written


@pytest.mark.parametrize(
    ("language", "first"), [("en", "junior-software-engineer"), ("fr", "software-engineer")]
)
def test_moves_of_equal_length_are_listed_in_the_readers_alphabet(
    owner_client, owner, language, first
):
    from assessments.models import RoleMove
    from assessments.tests.factories_roles import RoleFactory

    owner.language = language
    owner.save(update_fields=["language"])
    # "Junior software engineer" sorts first in English, "Ingénieur logiciel" in French.
    start = RoleFactory(slug="a-start", title="A start")
    for slug in ("software-engineer", "junior-software-engineer"):
        RoleMove.objects.create(
            from_role=start, to_role=Role.objects.get(slug=slug), typical_months=12
        )

    response = owner_client.get(start.get_absolute_url())

    assert [move.to_role.slug for move in response.context["moves_out"]][0] == first


def test_a_new_decision_starts_from_the_values_picked_in_the_persons_language(owner_client, owner):
    from assessments.models import Option, Take
    from careerapp.demo import load_demo_content

    load_demo_content(owner)  # the values were picked in English
    owner.language = "es"
    owner.save(update_fields=["language"])
    take = Take.objects.filter(user=owner, instrument__slug="values").latest("completed_at")
    picked = take.answers.filter(type="multiple").exclude(option_ids=[]).first()
    first = Option.objects.get(pk=picked.option_ids[0])

    response = owner_client.get(reverse("goals:decision_create"))

    names = [form.initial.get("name") for form in response.context["criteria"].forms]
    assert first.label_es in names
    assert first.label_en not in names
