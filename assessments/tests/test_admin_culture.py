"""The admin's anonymous totals of a culture check: the page, the CSV, who may see them,
and that no person, no single answer and no written word ever shows."""

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from assessments import services
from assessments.models import Instrument, InstrumentKind
from assessments.tests.admin_data import CHANGELIST, change_url
from assessments.tests.culture_data import (
    IN_PERIOD,
    NOW,
    csv_url,
    culture_check,
    five_answer,
    many_answer,
    page_url,
    person,
    take,
)
from assessments.tests.factories import InstrumentFactory
from assessments.tests.factories_results import answer_values, completed_take
from careerapp.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = ["Section", "Question", "Type", "Answers", "Mean", "1", "2", "3", "4", "5"]


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def check():
    return culture_check()


def staff_client(*permissions: str) -> Client:
    staff = UserFactory(is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename__in=permissions))
    client = Client()
    client.force_login(staff)
    return client


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def main(response) -> str:
    """The page's own part, without the admin's navigation (which has tables of its own)."""
    return response.text.split('id="content-main"', 1)[1]


def table(response) -> list[list[str]]:
    """The totals' rows as text: the question (with its scale), answers, mean, 1 to 5."""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", main(response), re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        found.append([" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells])
    return [row for row in found if row[0] != "Question"]


def assert_nobody_named(text: str, people) -> None:
    for someone in people:
        assert someone.email not in text
        assert someone.display_name not in text
    assert "Secret words" not in text


# --- The threshold ---------------------------------------------------------------------


def test_four_people_see_no_numbers_on_the_page(admin_client, check):
    for n in range(4):
        take(person(n), check, IN_PERIOD, (4, 4))

    response = admin_client.get(page_url(check))

    assert response.status_code == 200
    text = main(response)
    assert "Fewer than 5 people completed this check from 15 March 2026 to 15 March 2027" in text
    assert "<table" not in text
    assert "4 people" not in text
    assert "Download as CSV" not in text
    assert "4.00" not in text


def test_four_people_get_no_download_but_a_message_saying_why(admin_client, check):
    for n in range(4):
        take(person(n), check, IN_PERIOD, (4, 4))

    response = admin_client.get(csv_url(check), {"start": "2026-01-01", "end": "2026-12-31"})

    assert response.status_code == 302
    assert response["Location"] == f"{page_url(check)}?start=2026-01-01&end=2026-12-31"
    assert "text/csv" not in response["Content-Type"]
    page = admin_client.get(response["Location"])
    assert "No download: fewer than 5 people completed this check in the period" in page.text
    assert "<table" not in main(page)


def test_five_people_see_the_mean_and_spread_of_each_rating(admin_client, check):
    five_answer(check)

    response = admin_client.get(page_url(check))

    text = main(response)
    assert "5 people completed it from 15 March 2026 to 15 March 2027." in text
    # Talking: 1, 2, 2, 4, 5. Learning: 3, 3, 4, 5, 5. Three answered the optional mentor
    # question: its count only.
    assert table(response) == [
        ["How often do career conversations happen? Never (1) – Often (5)", "5", "2.80",
         "1 (20%)", "2 (40%)", "0 (0%)", "1 (20%)", "1 (20%)"],
        ["How much time is there to learn? None (1) – Plenty (5)", "5", "4.00",
         "0 (0%)", "0 (0%)", "2 (40%)", "1 (20%)", "2 (40%)"],
        ["How easy is it to find a mentor? Hard (1) – Easy (5)", "3",
         "Fewer than 5 answers: not shown."],
        ["What one change would help?", "5", "Written answers are private and never shown."],
    ]  # fmt: skip
    assert "Each person counts once, with their latest take in the period." in text


def test_the_csv_has_a_header_and_a_row_per_question(admin_client, check):
    five_answer(check)

    response = admin_client.get(csv_url(check))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="culture-pulse-2026-03-15-to-2027-03-15.csv"'
    )
    assert rows(response) == [
        HEADER,
        ["Talking", "How often do career conversations happen?", "Rating 1-5", "5", "2.80",
         "1", "2", "0", "1", "1"],
        ["Learning", "How much time is there to learn?", "Rating 1-5", "5", "4.00",
         "0", "0", "2", "1", "2"],
        ["Learning", "How easy is it to find a mentor?", "Rating 1-5", "3", "",
         "", "", "", "", ""],
        ["Learning", "What one change would help?", "Free text", "5", "",
         "", "", "", "", ""],
    ]  # fmt: skip


def test_a_retake_in_the_period_counts_once_on_the_page_and_in_the_csv(admin_client, check):
    people = five_answer(check)
    take(people[0], check, IN_PERIOD + datetime.timedelta(days=30), (5, 3))

    page = admin_client.get(page_url(check))
    download = admin_client.get(csv_url(check))

    assert "5 people completed it" in page.text
    assert rows(download)[1][3:] == ["5", "3.60", "0", "2", "0", "1", "2"]


def test_the_period_the_admin_chooses_leaves_other_takes_out(admin_client, check):
    five_answer(check)  # 2 November 2026
    for n in range(5, 8):
        take(person(n), check, datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC), (4, 4))

    default = admin_client.get(page_url(check))
    older = admin_client.get(page_url(check), {"start": "2025-01-01", "end": "2025-12-31"})
    both = {"start": "2025-01-01", "end": "2026-12-31"}

    assert "5 people completed it" in default.text
    assert "Fewer than 5 people completed this check from 1 January 2025" in older.text
    assert "8 people completed it" in admin_client.get(page_url(check), both).text
    talk = rows(admin_client.get(csv_url(check), both))[1]
    assert talk[3:5] == ["8", "3.25"]  # (1 + 2 + 2 + 4 + 5 + 3 x 4) / 8


def test_a_period_that_ends_before_it_starts_shows_an_error_and_no_numbers(admin_client, check):
    five_answer(check)
    backwards = {"start": "2026-12-31", "end": "2026-01-01"}

    page = admin_client.get(page_url(check), backwards)
    download = admin_client.get(csv_url(check), backwards)

    assert "The period must end on or after the day it starts." in page.text
    assert "people completed it" not in page.text
    assert download.status_code == 302
    assert "the period is not valid" in admin_client.get(download["Location"]).text


# --- Who may see them ------------------------------------------------------------------


@pytest.mark.parametrize("url", [page_url, csv_url])
def test_a_person_who_is_not_staff_is_sent_to_the_admin_sign_in(owner_client, check, url):
    response = owner_client.get(url(check))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("url", [page_url, csv_url])
def test_staff_without_permission_to_view_instruments_are_refused(check, url):
    five_answer(check)

    response = staff_client("view_question").get(url(check))

    assert response.status_code == 403
    assert b"2.80" not in response.content


def test_staff_who_may_view_instruments_see_the_totals(check):
    five_answer(check)

    response = staff_client("view_instrument").get(csv_url(check))

    assert response.status_code == 200
    assert rows(response)[1][4] == "2.80"


def test_an_instrument_of_another_kind_has_no_totals(admin_client):
    values = Instrument.objects.get(slug="values")

    assert admin_client.get(page_url(values)).status_code == 404
    assert admin_client.get(csv_url(values)).status_code == 404


def test_the_list_and_the_culture_checks_edit_page_link_to_the_totals(admin_client, check):
    other = InstrumentFactory(kind=InstrumentKind.VALUES)

    listing = admin_client.get(reverse(CHANGELIST)).text
    edit = admin_client.get(change_url(check)).text

    assert f'href="{page_url(check)}"' in listing
    assert f'href="{page_url(check)}"' in edit
    assert page_url(other) not in listing
    assert page_url(other) not in admin_client.get(change_url(other)).text


# --- Anonymous, and the same work however many answered -----------------------------


def test_no_persons_email_name_or_written_words_appear(admin_client, check):
    people = five_answer(check)

    page = admin_client.get(page_url(check))
    download = admin_client.get(csv_url(check))

    assert_nobody_named(page.text, people)
    assert_nobody_named(download.content.decode(), people)


@pytest.mark.parametrize("count", [5, 50])
def test_the_totals_page_reads_the_same_queries_for_5_or_50_people(
    admin_client, check, count, django_assert_num_queries
):
    many_answer(check, count)
    admin_client.get(page_url(check))  # the session's first read is not the page's

    # 1 the session, 2 the admin, 3 the instrument, 4 how many people completed it in the
    # period, 5 the sums per question over each person's latest take, 6 the questions.
    with django_assert_num_queries(6):
        response = admin_client.get(page_url(check))

    assert f"{count} people completed it" in response.text


def test_the_shipped_check_and_an_admins_copy_of_it_both_have_totals(admin_client):
    shipped = Instrument.objects.get(slug="culture")
    copy = services.instrument_duplicate(instrument=shipped)
    asked = list(shipped.questions.active())
    for first, instrument in ((0, shipped), (5, copy)):
        questions = list(instrument.questions.active())
        for n in range(5):
            answers = {q: answer_values(q, n, []) for q in questions}
            completed_take(person(first + n), instrument, at=IN_PERIOD, answers=answers)

    for instrument in (shipped, copy):
        text = admin_client.get(page_url(instrument)).text
        assert "5 people completed it" in text
        for question in asked:
            assert question.prompt in text
        assert "Written answers are private and never shown." in text
