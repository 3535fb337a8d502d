"""The import never crashes: generated export documents, against the real database.

Each document is a real export (every kind of row present) with one to three values
replaced: dates and times at the edges of the calendar and of UTC, lone surrogates, NUL,
huge and negative numbers, floats, wrong types, anything JSON can hold. Whatever comes in,
the answer is a success or a 422 whose message names the place in the file, and a refused
file leaves nothing behind.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import example, given, note, settings
from hypothesis import strategies as st

from careerapp.demo import load_demo_content
from careerapp.portability import export_user_data
from careerapp.tests.factories import UserFactory
from careerapp.tests.fuzzing import hostile, json_values, leaves, replaced
from careerapp.tests.portability_world import add_next_step, counts_in_database, upload
from careerapp.tests.test_fuzz_forms import FUZZ

pytestmark = pytest.mark.django_db

EXAMPLES = 60

# Values at the edges that a well-formed JSON file can still carry.
CRAFTED = (
    "0001-01-01T00:00:00+14:00",  # before year 1 once moved to UTC
    "9999-12-31T23:59:59-14:00",  # after year 9999 once moved to UTC
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59.999999+00:00",
    "9999-12-31",
    "0001-01-01",
    "2027-02-30",
    "2027-01-01T10:00:00",  # no offset
    "\ud800",  # a lone surrogate: valid JSON, not UTF-8
    "a\udfffb",
    "\x00",
    "x" * 5000,
    "1",
)
NUMBERS = st.sampled_from([-1, 0, 1, 23, 24, 100, 101, 32767, 32768, 2**31, 2**63, 10**30])
DATETIMES = st.datetimes(
    min_value=datetime.datetime(1, 1, 1),  # noqa: DTZ001 - the zone is drawn separately
    max_value=datetime.datetime(9999, 12, 31, 23, 59, 59),  # noqa: DTZ001
    timezones=st.sampled_from(
        [datetime.timezone(datetime.timedelta(hours=h)) for h in (-14, -1, 0, 5, 14)]
    ),
).map(datetime.datetime.isoformat)
VALUES = st.one_of(
    st.sampled_from(CRAFTED),
    NUMBERS,
    DATETIMES,
    st.dates().map(datetime.date.isoformat),
    st.floats(),
    st.booleans(),
    st.none(),
    hostile,
    json_values,
    st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3),
)


@pytest.fixture
def skeleton(other_user) -> dict[str, Any]:
    load_demo_content(other_user)
    add_next_step(other_user)
    return json.loads(json.dumps(export_user_data(other_user)))


def _edits(document: dict[str, Any]):
    paths = sorted(leaves(document), key=repr)
    return st.lists(st.tuples(st.sampled_from(paths), VALUES), min_size=1, max_size=3)


def test_generated_documents_get_a_success_or_a_422_naming_the_place(client, skeleton):
    newcomer = UserFactory(email="newcomer@example.com", display_name="Nell")
    client.force_login(newcomer)
    url = reverse("account_data_import")

    checkins = skeleton["reviews"]["checkins"]
    reviewed = next(i for i, c in enumerate(checkins) if c["goal_reviews"])
    first_review = checkins[reviewed]["goal_reviews"][0]
    skills = skeleton["assessments"]["personal_skills"]
    answers = skeleton["assessments"]["takes"][0]["answers"]

    @settings(FUZZ, max_examples=EXAMPLES)
    @given(edits=_edits(skeleton))
    # Rows the database keeps only once: the message names the second one.
    @example(edits=[(("reviews", "checkins", 1, "period_start"), checkins[0]["period_start"])])
    @example(
        edits=[
            (
                ("reviews", "checkins", reviewed, "goal_reviews"),
                [first_review, first_review],
            )
        ]
    )
    @example(edits=[(("assessments", "personal_skills", 1, "name"), skills[0]["name"].upper())])
    @example(edits=[(("assessments", "takes", 0, "answers"), [answers[0], answers[0]])])
    # A skill of an instrument this site does not have is left out, not a crash.
    @example(edits=[(("assessments", "personal_skills", 0, "instrument"), "not-here")])
    @example(edits=[(("goals", 0, "created_at"), "0001-01-01T00:00:00+14:00")])
    @example(edits=[(("goals", 0, "tasks", 0, "done_at"), "9999-12-31T23:59:59-14:00")])
    @example(edits=[(("goals", 0, "title"), "\ud800")])
    @example(edits=[(("version",), "1")])
    @example(edits=[(("goals", 0, "priority"), 10**30)])
    @example(edits=[(("profile", "reminders_paused_until"), "9999-12-31")])
    def post(edits):
        document = skeleton
        for path, value in edits:
            document = replaced(document, path, value)
        note(f"edits: {edits!r}")
        content = json.dumps(document).encode()
        with transaction.atomic():
            response = client.post(url, {"file": upload(content)})
            assert response.status_code in {302, 422}, response.status_code
            if response.status_code == 422:
                errors = response.context["import_form"].errors["file"]
                assert errors, "a 422 without a message"
                if document.get("version") == 1 and document.get("format") == skeleton["format"]:
                    # A value inside a real export: the message says where it is.
                    assert any("cannot be imported: " in error for error in errors), errors
                assert all(count == 0 for count in counts_in_database(newcomer).values())
                newcomer.refresh_from_db()
                assert newcomer.display_name == "Nell"
            transaction.set_rollback(True)

    post()
