"""The brag document: what it lists for a range, skills grown between two takes, its
presets, the Markdown download, a bad range (422) and its query counts."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from assessments.models import QuestionType
from assessments.tests.factories import (
    PersonalSkillFactory,
    QuestionFactory,
)
from goals.models import LearningStatus, Status
from goals.tests.factories import GoalFactory, LearningItemFactory, TaskFactory
from reviews.queries.brag import brag, last_twelve_months, presets
from reviews.tests.factories import CircleMemberFactory
from reviews.tests.factories_wins import WinFactory, skills_takes

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
BRAG = reverse("reviews:brag")
MARKDOWN = reverse("reviews:brag_markdown")
RANGE = {"start": "2027-01-01", "end": "2027-03-31"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2027, 5, 10, 10, tzinfo=UTC), tick=False):
        yield


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=UTC)


BEFORE, IN_RANGE = D(2026, 12, 1), D(2027, 2, 1)


def _record(owner, size: int):
    member = CircleMemberFactory(owner=owner, name="Priya Raman")
    skill = QuestionFactory(type=QuestionType.SKILL, prompt="Mentoring")
    own = PersonalSkillFactory(user=owner, name="Storytelling")
    for n in range(size):
        goal = GoalFactory(user=owner, title=f"Goal {n}", status=Status.ACHIEVED)
        goal.status_changed_at = _at(D(2027, 2, 1 + n % 28))
        goal.save()
        TaskFactory(goal=goal, is_milestone=True, done_at=_at(D(2027, 1, 2 + n % 28)))
        win = WinFactory(user=owner, goal=goal, member=member, happened_on=D(2027, 3, 1))
        win.skills.set([skill])
        win.personal_skills.set([own])
        _learning(owner, f"Course {n}", D(2027, 2, 1 + n % 28), hours=2)
    skills_takes(owner, rises=size, before=BEFORE, after=IN_RANGE)


def _learning(owner, title: str, finished_on: datetime.date, **values):
    return LearningItemFactory(
        user=owner,
        title=title,
        status=LearningStatus.DONE,
        started_on=D(2026, 11, 1),
        finished_on=finished_on,
        **values,
    )


def test_the_document_lists_what_happened_in_the_range_only(owner, other_user):
    inside = GoalFactory(user=owner, title="Inside", status=Status.ACHIEVED)
    inside.status_changed_at = _at(D(2027, 2, 1))
    inside.save()
    outside = GoalFactory(user=owner, title="Outside", status=Status.ACHIEVED)
    outside.status_changed_at = _at(D(2026, 12, 31))
    outside.save()
    TaskFactory(goal=inside, title="Milestone in", is_milestone=True, done_at=_at(D(2027, 3, 31)))
    TaskFactory(goal=inside, title="Plain step", done_at=_at(D(2027, 2, 2)))
    WinFactory(user=owner, title="Win in", happened_on=D(2027, 1, 1))
    WinFactory(user=owner, title="Win out", happened_on=D(2027, 4, 1))
    WinFactory(user=other_user, title="Their win", happened_on=D(2027, 2, 1))
    _learning(owner, "First day", D(2027, 1, 1), hours="1.5")
    _learning(owner, "Last day", D(2027, 3, 31), hours=None)
    _learning(owner, "After", D(2027, 4, 1), hours=7)
    LearningItemFactory(user=owner, title="Under way", status=LearningStatus.IN_PROGRESS, hours=20)
    _learning(other_user, "Theirs", D(2027, 2, 1), hours=9)
    document = brag(owner, start=D(2027, 1, 1), end=D(2027, 3, 31), zone=UTC)
    assert [g.title for g in document.goals_achieved] == ["Inside"]
    assert [t.title for t in document.milestones] == ["Milestone in"]
    assert [w.title for w in document.wins] == ["Win in"]
    # Learning finished on the range's first and last days counts; hours add up.
    assert [i.title for i in document.learning] == ["First day", "Last day"]
    assert document.learning_hours == Decimal("1.5")
    assert not document.is_empty


def test_learning_alone_is_something_to_show(owner):
    _learning(owner, "A book", D(2027, 2, 1), hours=6)
    document = brag(owner, start=D(2027, 1, 1), end=D(2027, 3, 31), zone=UTC)
    assert not document.is_empty
    assert document.learning_hours == 6


def test_skills_grown_compares_the_take_before_with_the_latest_in_the_range(owner):
    skills_takes(owner, rises=1, before=BEFORE, after=IN_RANGE)
    grown = brag(owner, start=D(2027, 1, 1), end=D(2027, 3, 31), zone=UTC).skills_grown
    assert [(s.name, s.before_name, s.after_name) for s in grown] == [
        ("Skill 0", "Learning", "Capable")
    ]


def test_no_take_before_the_range_means_nothing_grown(owner):
    skills_takes(owner, before=D(2027, 1, 15), after=D(2027, 2, 1))
    assert not brag(owner, start=D(2027, 1, 1), end=D(2027, 3, 31), zone=UTC).skills_grown


def test_presets_and_the_default_range():
    ranges = {key: (start, end) for key, start, end in presets(D(2027, 5, 10))}
    assert ranges["this_quarter"] == (D(2027, 4, 1), D(2027, 6, 30))
    assert ranges["last_quarter"] == (D(2027, 1, 1), D(2027, 3, 31))
    assert ranges["this_year"] == (D(2027, 1, 1), D(2027, 5, 10))
    assert ranges["last_12_months"] == (D(2026, 5, 11), D(2027, 5, 10))
    assert last_twelve_months(D(2028, 2, 29)) == (D(2027, 3, 1), D(2028, 2, 29))


def test_the_page_shows_the_last_twelve_months_by_default(owner_client, owner):
    WinFactory(user=owner, title="Recent win", happened_on=D(2026, 6, 1))
    WinFactory(user=owner, title="Ancient win", happened_on=D(2025, 6, 1))
    page = owner_client.get(BRAG).content.decode()
    assert "Recent win" in page
    assert "Ancient win" not in page
    assert "Download as Markdown" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2027-03-01", "end": "2027-01-01"}, "The end comes before the start"),
        ({"start": "2000-01-01", "end": "2027-01-01"}, "at most ten years"),
        ({"start": "yesterday", "end": "2027-01-01"}, "Enter a valid date"),
        ({"start": "2027-01-01"}, "This field is required"),
        ({"start": "9999-12-30", "end": "9999-12-31"}, "no later than 10 May 2028"),
        ({"start": "0001-01-01", "end": "0001-01-02"}, "no earlier than 1 January 1967"),
    ],
)
def test_a_bad_range_is_refused_with_a_message(owner_client, query, message):
    for url in (BRAG, MARKDOWN):
        response = owner_client.get(url, query)
        assert response.status_code == 422
        assert message in response.content.decode()


def test_the_markdown_download_reads_as_a_document(owner_client, owner):
    _record(owner, 1)
    WinFactory(
        user=owner, title="Two lines", impact="First line\nSecond line", happened_on=D(2027, 3, 2)
    )
    response = owner_client.get(MARKDOWN, RANGE)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="brag-2027-01-01-to-2027-03-31.md"'
    )
    text = response.content.decode()
    assert text.startswith("# What I achieved, 1 January 2027 – 31 March 2027")
    assert "## Goals achieved\n\n- **Goal 0** (1 Feb 2027)" in text
    assert "## Milestones reached" in text
    assert "Noticed by Priya Raman" in text
    assert "Skills: Mentoring, Storytelling" in text
    assert "Impact: First line\n    Second line" in text
    assert "- Skill 0: Learning → Capable" in text
    assert "## Learning done\n\n- **Course 0** (Course, Coursera; 1 Feb 2027): 2 h" in text
    assert "2 hours of learning in all." in text
    assert "&" not in text
    assert "<" not in text


def test_the_page_shows_every_section_of_the_range(owner_client, owner):
    _record(owner, 1)
    response = owner_client.get(BRAG, RANGE)
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "What I achieved, 1 January 2027 – 31 March 2027",
        "Goals achieved",
        "Goal 0",
        "Milestones reached",
        "Shipped thing",  # the win
        "Noticed by Priya Raman",
        "Mentoring",  # a skill it showed
        "Storytelling",  # an own skill it showed
        "Learning done",
        "Course 0",
        "Skills grown",
        "Skill 0",
        "Learning → Capable",
    ):
        assert text in page, text


def test_another_persons_record_never_reaches_my_document(owner_client, owner, other_user):
    _record(other_user, 2)
    WinFactory(user=other_user, title="Their private win", happened_on=D(2027, 2, 1))
    for url in (BRAG, MARKDOWN):
        response = owner_client.get(url, RANGE)
        assert response.status_code == 200
        text = response.content.decode()
        for theirs in ("Goal 0", "Goal 1", "Their private win", "Course 0", "Skill 0", "Priya"):
            assert theirs not in text, (url, theirs)
        assert "Nothing on record in these dates yet" in text


def test_the_markdown_speaks_the_persons_language(owner_client, owner):
    owner.language = "fr"
    owner.save()
    _record(owner, 1)
    text = owner_client.get(MARKDOWN, RANGE).content.decode()
    assert text.startswith("# Ce que j'ai accompli")
    for words in (
        "Impact :",
        "Compétences :",
        "Remarqué par Priya Raman",
        "heures d'apprentissage en tout",
    ):
        assert words in text, words


def test_the_markdown_keeps_a_persons_words_unescaped(owner_client, owner):
    WinFactory(user=owner, title="Fixed <script> & “quotes”", happened_on=D(2027, 2, 1))
    text = owner_client.get(MARKDOWN, RANGE).content.decode()
    assert "Fixed <script> & “quotes”" in text


@pytest.mark.parametrize("size", [1, 25])
def test_the_page_and_the_markdown_cost_the_same_queries(
    owner_client, owner, size, django_assert_num_queries
):
    _record(owner, size)
    # 1 session, 2 user, 3 goals achieved, 4 milestones with their goal, 5 wins with goal
    # and member, 6 their skills, 7 their own skills, 8 learning finished in the range
    # with its kind, 9 its hours in all, 10 the skills takes up to the end, 11 the answers
    # of the two compared
    for url in (BRAG, MARKDOWN):
        with django_assert_num_queries(11):
            response = owner_client.get(url, RANGE)
        assert response.status_code == 200
    assert response.content.decode().count("**Goal ") == size
