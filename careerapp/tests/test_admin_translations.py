"""Shipped content in several languages, through the real admin: each text's English,
French and Spanish on one row; a French text saved there is what French readers see; an
empty one reads in English; the changelist finds and names what is not translated yet."""

import re
from html.parser import HTMLParser

import pytest
from django.forms import CheckboxInput
from django.test import Client
from django.urls import reverse
from django.utils import translation

from assessments.models import Role
from assessments.tests.factories_roles import RoleFactory, TrackFactory
from careerapp.models import User

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:assessments_role_changelist"
FULLY_TRANSLATED = {
    "title_fr": "Infirmière",
    "title_es": "Enfermera",
    "summary_fr": "Soigne les patients.",
    "summary_es": "Cuida a los pacientes.",
    "responsibilities_fr": "Soigner\nAider",
    "responsibilities_es": "Cuidar\nAyudar",
    "experience_fr": "Quelques années.",
    "experience_es": "Unos años.",
}


@pytest.fixture(autouse=True)
def _english_in_the_tests_thread():
    """Each test starts in English, whatever a French request before it left active
    (``translation.activate`` in a request lasts in its thread): the factories write
    ``title`` into the active language's column."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def admin_client(password):
    # Its own browser: the reader signs in with the shared ``client``.
    admin = Client()
    admin.force_login(User.objects.create_superuser("admin@example.com", password))
    return admin


@pytest.fixture
def track():
    return TrackFactory(name="Care", slug="care-translated")


@pytest.fixture
def nurse(track):
    return RoleFactory(track=track, title="Nurse", slug="nurse-translated", summary="Cares.")


@pytest.fixture
def french_reader(client, owner):
    owner.language = "fr"
    owner.save(update_fields=["language"])
    client.force_login(owner)
    return client


def change_url(role: Role) -> str:
    return reverse("admin:assessments_role_change", args=[role.pk])


class _FormRows(HTMLParser):
    """The names of the inputs on each row of an admin form (its ``div.form-row``s)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._divs: list[list[str] | None] = []  # each open <div>: its row's names, or None
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "div":
            row = [] if "form-row" in (attrs.get("class") or "").split() else None
            if row is not None:
                self.rows.append(row)
            self._divs.append(row)
        elif tag in {"input", "textarea", "select"} and attrs.get("name"):
            row = next((row for row in reversed(self._divs) if row is not None), None)
            if row is not None:
                row.append(attrs["name"])

    def handle_endtag(self, tag) -> None:
        if tag == "div" and self._divs:
            self._divs.pop()


def as_sent(page) -> dict:
    """A change page's form as the browser sends it back untouched: the main form's and
    the inlines' fields (management forms and the empty extra rows included)."""
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if isinstance(field.field.widget, CheckboxInput):
                if value:
                    data[field.html_name] = "on"
            else:
                data[field.html_name] = "" if value is None else str(value)
    return data


def _errors(response) -> list:
    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    return [
        response.context["adminform"].form.errors,
        *[(formset.prefix, formset.errors, formset.non_form_errors()) for formset in formsets],
    ]


def save_through_admin(admin_client, role: Role, **changes: str) -> None:
    page = admin_client.get(change_url(role))
    response = admin_client.post(change_url(role), as_sent(page) | changes)
    assert response.status_code == 302, response.context and _errors(response)
    role.refresh_from_db()


def _name(admin_field) -> str:
    """A fieldset line's field name (a read-only field's is in a dict)."""
    field = admin_field.field
    return field["name"] if isinstance(field, dict) else field.name


def heading(response) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


# --- The languages side by side -------------------------------------------------------


def test_the_change_page_shows_a_titles_three_languages_on_one_row(admin_client, nurse):
    response = admin_client.get(change_url(nurse))

    assert response.status_code == 200
    rows = _FormRows(response.content.decode()).rows
    assert ["title_en", "title_fr", "title_es"] in rows
    assert ["summary_en", "summary_fr", "summary_es"] in rows
    # One row each: no language's input sits on a row of its own.
    assert not [row for row in rows if set(row) & {"title_en", "title_fr", "title_es"}][1:]
    lines = [
        tuple(_name(field) for field in line)
        for fieldset in response.context["adminform"]
        for line in fieldset
    ]
    assert ("title_en", "title_fr", "title_es") in lines


# --- What readers see -----------------------------------------------------------------


def test_a_french_title_saved_in_the_admin_is_what_french_readers_see(
    admin_client, nurse, french_reader
):
    save_through_admin(admin_client, nurse, title_fr="Infirmière")

    with translation.override("fr"):
        assert nurse.title == "Infirmière"
    with translation.override("en"):
        assert nurse.title == "Nurse"
    page = french_reader.get(nurse.get_absolute_url(), headers={"accept-language": "fr"})
    assert page.status_code == 200
    assert '<html lang="fr">' in page.content.decode()
    assert heading(page) == "Infirmière"


def test_an_empty_french_title_reads_in_english(admin_client, nurse, french_reader):
    Role.objects.filter(pk=nurse.pk).update(title_fr="Infirmière")

    save_through_admin(admin_client, nurse, title_fr="")

    with translation.override("fr"):
        assert nurse.title == "Nurse"
    page = french_reader.get(nurse.get_absolute_url(), headers={"accept-language": "fr"})
    assert '<html lang="fr">' in page.content.decode()
    assert heading(page) == "Nurse"


# --- What is not translated yet -------------------------------------------------------


@pytest.fixture
def gaps(track):
    """Roles of the track, each with its own texts still to translate."""
    return {
        "full": RoleFactory(track=track, slug="full", title="Full", **FULLY_TRANSLATED),
        # Every title translated, but the French summary left empty.
        "no_french_summary": RoleFactory(
            track=track, slug="no-fr", title="No French", **FULLY_TRANSLATED | {"summary_fr": ""}
        ),
        "no_spanish_title": RoleFactory(
            track=track, slug="no-es", title="No Spanish", **FULLY_TRANSLATED | {"title_es": None}
        ),
        "english_only": RoleFactory(track=track, slug="en-only", title="English only"),
    }


def _listed(admin_client, track, **query) -> set[str]:
    response = admin_client.get(reverse(CHANGELIST), {"track__id__exact": track.pk, **query})
    assert response.status_code == 200
    return {role.slug for role in response.context["cl"].result_list}


def test_the_missing_filter_lists_exactly_the_rows_with_an_untranslated_text(
    admin_client, track, gaps
):
    assert _listed(admin_client, track, missing="fr") == {"no-fr", "en-only"}
    assert _listed(admin_client, track, missing="es") == {"no-es", "en-only"}
    assert _listed(admin_client, track) == {"full", "no-fr", "no-es", "en-only"}


def test_the_missing_column_names_the_languages_still_to_translate(admin_client, track, gaps):
    response = admin_client.get(reverse(CHANGELIST), {"track__id__exact": track.pk})
    html = response.content.decode()

    assert "Translation missing" in html
    missing = {}
    for row in html.split("<tr")[1:]:
        selected = re.search(r'name="_selected_action" value="(\d+)"', row)
        cell = re.search(r'<td class="field-translations_missing">(.*?)</td>', row, re.S)
        if selected and cell:
            missing[int(selected.group(1))] = cell.group(1).strip()
    assert missing == {
        gaps["full"].pk: "—",
        gaps["no_french_summary"].pk: "French",
        gaps["no_spanish_title"].pk: "Spanish",
        gaps["english_only"].pk: "French, Spanish",
    }
