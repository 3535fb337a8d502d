"""Results, compare and skill pages: what they show, whose they are, and what they cost."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.urls import reverse

from assessments.models import QuestionType, Take, TakeStatus
from assessments.tests.factories import (
    InstrumentFactory,
    OptionFactory,
    PersonalSkillFactory,
    QuestionFactory,
    TakeFactory,
)
from assessments.tests.factories_results import completed_take, skill_question
from goals.models import Goal, Status

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)
LAST_YEAR = datetime.datetime(2025, 6, 10, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def instrument():
    return InstrumentFactory(name="Skills", slug="test-skills", allows_personal_items=True)


@pytest.fixture
def questions(instrument):
    writing = skill_question(instrument, "Writing clearly", order=1)
    listening = skill_question(instrument, "Listening", order=2)
    pay = QuestionFactory(instrument=instrument, prompt="Pay", type=QuestionType.RATING, order=3)
    meaning = QuestionFactory(
        instrument=instrument, prompt="Meaning", type=QuestionType.RATING, order=4
    )
    values = QuestionFactory(
        instrument=instrument, prompt="Top values", type=QuestionType.MULTIPLE, order=5
    )
    notes = QuestionFactory(instrument=instrument, prompt="Notes", type=QuestionType.TEXT, order=6)
    return writing, listening, pay, meaning, values, notes


@pytest.fixture
def options(questions):
    values = questions[4]
    return [OptionFactory(question=values, label=label) for label in ("Autonomy", "Pay", "Meaning")]


@pytest.fixture
def own_skill(owner, instrument):
    return PersonalSkillFactory(user=owner, instrument=instrument, name="SQL for analysis")


def picked(*chosen):
    return {"option_ids": [o.pk for o in chosen], "option_labels": [o.label for o in chosen]}


@pytest.fixture
def history(owner, instrument, questions, options, own_skill):
    """Last year's take and this year's, for the owner."""
    writing, listening, pay, meaning, values, notes = questions
    autonomy, pay_option, meaning_option = options
    before = completed_take(
        owner,
        instrument,
        at=LAST_YEAR,
        answers={
            writing: {"current_level": 1, "desired_level": 4},
            listening: {"current_level": 4, "desired_level": 4},
            pay: {"rating": 4},
            meaning: {"rating": 2},
            values: picked(autonomy, pay_option),
            notes: {"text": "Last year"},
        },
    )
    after = completed_take(
        owner,
        instrument,
        at=NOW - datetime.timedelta(days=3),
        answers={
            writing: {"current_level": 2, "desired_level": 4},
            listening: {"current_level": 4, "desired_level": 4},
            pay: {"rating": 2},
            meaning: {"rating": 5},
            values: picked(autonomy, meaning_option),
            notes: {"text": "<b>Bold</b> plans\nSecond line"},
            own_skill: {"current_level": 1, "desired_level": 3},
        },
    )
    return before, after


def results_url(take):
    return reverse("assessments:results", args=[take.pk])


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- Results ------------------------------------------------------------------------


def test_results_chart_the_skills_with_a_text_alternative(owner_client, history):
    response = owner_client.get(results_url(history[1]))
    page = text_of(response)
    assert response.status_code == 200
    assert 'role="img"' in page
    assert '<title id="skill-chart-title">' in page
    assert "3 skills, each drawn as a bar" in page
    # The table alternative names every skill with both levels.
    table = page[page.index("skill-table") :]
    assert "SQL for analysis</a></th> <td>Aware</td> <td>Capable</td>" in table
    assert "Writing clearly</a></th> <td>Learning</td> <td>Strong</td>" in table


def test_results_list_strengths_and_gaps_largest_first(owner_client, history):
    response = owner_client.get(results_url(history[1]))
    gaps = [gap.name for gap, _goals in response.context["gaps"]]
    assert gaps == ["SQL for analysis", "Writing clearly"]  # both 2 levels; the lower first
    assert [s.name for s in response.context["strengths"]][0] == "Listening"


def test_gap_links_to_a_prefilled_goal_for_that_skill(owner_client, history, questions):
    response = owner_client.get(results_url(history[1]))
    link = re.search(
        r'href="([^"]+)">Turn this into a goal<span class="visually-hidden">: Writing clearly',
        response.content.decode(),
    )
    url = urlsplit(link.group(1).replace("&amp;", "&"))
    params = {name: values[0] for name, values in parse_qs(url.query).items()}
    assert url.path == reverse("goals:create")
    assert params["title"] == "Grow Writing clearly from Learning to Strong"
    assert params["skill"] == f"q{questions[0].pk}"
    assert (params["category"], params["horizon"]) == ("skill", "short")
    assert "12 June 2026" in params["why"]


def test_gap_with_an_open_goal_links_to_it(owner_client, owner, history, questions):
    goal = Goal.objects.create(user=owner, title="Write weekly notes", skill_question=questions[0])
    Goal.objects.create(
        user=owner, title="Old writing goal", skill_question=questions[0], status=Status.DROPPED
    )
    page = owner_client.get(results_url(history[1])).content.decode()
    assert f'Your goal: <a href="{goal.get_absolute_url()}">Write weekly notes</a>' in page
    assert "Old writing goal" not in page
    assert "Set another goal for it" in page


def test_ratings_are_ranked_highest_first(owner_client, history):
    response = owner_client.get(results_url(history[1]))
    assert [answer.prompt for answer in response.context["ratings"]] == ["Meaning", "Pay"]


def test_changes_since_the_previous_take_show_deltas_choices_and_new_keys(owner_client, history):
    page = text_of(owner_client.get(results_url(history[1])))
    changes = page[page.index("What changed since last time") :]
    assert "Compared with your take on 10 June 2025." in changes
    assert "Your level: Aware → Learning" in changes
    assert '<span class="delta is-up">+1</span>' in changes
    assert '4 → 2 <span class="delta is-neutral">\u22122</span>' in changes
    assert "Added: Meaning" in changes
    assert "Dropped: Pay" in changes
    assert "Written differently this time." in changes
    assert 'badge change-badge is-new">New</span>' in changes  # the own skill, rated first now


def test_an_older_take_is_compared_with_the_one_before_it(owner_client, owner, history):
    first = completed_take(
        owner, history[0].instrument, at=LAST_YEAR - datetime.timedelta(days=365), answers={}
    )
    response = owner_client.get(results_url(history[0]))
    assert response.context["previous"] == first
    assert owner_client.get(results_url(first)).context["previous"] is None


def test_first_take_is_called_a_baseline(owner_client, owner, instrument, questions):
    take = completed_take(owner, instrument, at=LAST_YEAR, answers={questions[2]: {"rating": 3}})
    page = text_of(owner_client.get(results_url(take)))
    assert "This is your first take, so it is your baseline." in page
    assert "Compare side by side" not in page


def test_free_text_is_escaped_and_keeps_its_line_breaks(owner_client, history):
    page = owner_client.get(results_url(history[1])).content.decode()
    assert "<b>Bold</b>" not in page
    assert '<p class="answer-text mb-0">&lt;b&gt;Bold&lt;/b&gt; plans\nSecond line</p>' in page


def test_dates_show_in_the_persons_time_zone(owner_client, owner, instrument, questions):
    # 23:30 UTC is already the next day in Berlin, the owner's time zone.
    late = datetime.datetime(2026, 3, 4, 23, 30, tzinfo=datetime.UTC)
    take = completed_take(owner, instrument, at=late, answers={questions[2]: {"rating": 3}})
    assert "Taken on 5 March 2026." in text_of(owner_client.get(results_url(take)))


def test_results_of_a_draft_go_to_the_take_page(owner_client, owner, instrument):
    draft = TakeFactory(
        user=owner, instrument=instrument, status=TakeStatus.DRAFT, completed_at=None
    )
    response = owner_client.get(results_url(draft))
    assert response.status_code == 302
    assert response.url == reverse("assessments:take", args=[draft.pk])


def test_results_of_another_persons_take_are_not_found(other_client, history):
    assert other_client.get(results_url(history[1])).status_code == 404


def test_results_of_a_missing_take_are_not_found(owner_client):
    assert owner_client.get(reverse("assessments:results", args=[999999])).status_code == 404


# --- Compare ------------------------------------------------------------------------


def compare_url(instrument, **params):
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return f"{reverse('assessments:compare', args=[instrument.slug])}?{query}"


def test_compare_defaults_to_the_two_latest_takes(owner_client, owner, history, instrument):
    completed_take(owner, instrument, at=LAST_YEAR - datetime.timedelta(days=400), answers={})
    response = owner_client.get(compare_url(instrument))
    assert (response.context["before"], response.context["after"]) == history
    page = text_of(response)
    assert "4 of 5" in page
    assert "2 of 5" in page
    assert '<span class="delta is-neutral">\u22122</span>' in page
    assert "6 of 7 answers changed" in page


def test_compare_puts_the_earlier_take_first_whichever_box_it_is_in(
    owner_client, history, instrument
):
    before, after = history
    response = owner_client.get(compare_url(instrument, a=after.pk, b=before.pk))
    assert (response.context["before"], response.context["after"]) == (before, after)
    assert f'<option value="{before.pk}" selected>10 June 2025</option>' in text_of(response)


@pytest.mark.parametrize("bad", ["abc", "12abc", "-1", "999999", "1.5"])
def test_compare_with_a_malformed_or_unknown_id_is_not_found(owner_client, history, bad):
    assert owner_client.get(compare_url(history[0].instrument, a=bad)).status_code == 404


def test_compare_with_another_persons_take_is_not_found(
    owner_client, other_user, history, instrument
):
    theirs = completed_take(other_user, instrument, at=LAST_YEAR, answers={})
    response = owner_client.get(compare_url(instrument, a=theirs.pk, b=history[1].pk))
    assert response.status_code == 404


def test_compare_with_a_draft_or_another_instruments_take_is_not_found(
    owner_client, owner, history, instrument
):
    draft = TakeFactory(
        user=owner, instrument=instrument, status=TakeStatus.DRAFT, completed_at=None
    )
    elsewhere = completed_take(owner, InstrumentFactory(), at=LAST_YEAR, answers={})
    assert owner_client.get(compare_url(instrument, a=draft.pk)).status_code == 404
    assert owner_client.get(compare_url(instrument, b=elsewhere.pk)).status_code == 404


def test_compare_of_an_unknown_instrument_is_not_found(owner_client):
    assert owner_client.get(reverse("assessments:compare", args=["nope"])).status_code == 404


def test_compare_with_one_take_explains_what_it_needs(owner_client, owner, instrument):
    only = completed_take(owner, instrument, at=LAST_YEAR, answers={})
    response = owner_client.get(compare_url(instrument))
    page = text_of(response)
    assert response.status_code == 200
    assert "You have taken this assessment once so far, on 10 June 2025." in page
    assert results_url(only) in page


def test_compare_ignores_other_peoples_takes_when_choosing_defaults(
    other_client, history, instrument
):
    page = text_of(other_client.get(compare_url(instrument)))
    assert "You have not taken this assessment yet." in page


# --- Skill page ---------------------------------------------------------------------


def skill_url(key):
    return reverse("assessments:skill", args=[key])


def test_skill_page_shows_levels_over_time_gap_and_linked_goals(
    owner_client, owner, other_user, history, questions
):
    writing = questions[0]
    Goal.objects.create(user=owner, title="Write weekly notes", skill_question=writing)
    Goal.objects.create(user=other_user, title="Their goal", skill_question=writing)
    response = owner_client.get(skill_url(writing.key))
    page = text_of(response)
    assert [p.answer.current_level for p in response.context["history"]] == [2, 1]
    assert 'class="history-chart"' in page
    assert 'role="img"' in page
    assert "you put yourself at <strong>Learning</strong>" in page
    assert "2 levels to grow" in page
    assert "Write weekly notes" in page
    assert "Their goal" not in page


def test_skill_page_for_an_own_skill(owner_client, history, own_skill):
    response = owner_client.get(skill_url(own_skill.key))
    assert response.status_code == 200
    assert response.context["name"] == "SQL for analysis"
    assert response.context["skill"].gap == 2


def test_skill_page_never_shows_another_persons_answers(other_client, history, questions):
    response = other_client.get(skill_url(questions[0].key))
    assert response.status_code == 200  # the shipped question is public; the answers are not
    assert response.context["history"] == []
    assert "You have not rated this skill" in text_of(response)


@pytest.mark.parametrize("key", ["x1", "q", "qabc", "p", "12", "q1.5"])
def test_skill_page_with_a_malformed_key_is_not_found(owner_client, key):
    url = skill_url("q1").replace("q1", key)  # the route itself may refuse it first
    assert owner_client.get(url).status_code == 404


def test_skill_page_of_another_persons_own_skill_is_not_found(other_client, own_skill):
    assert other_client.get(skill_url(own_skill.key)).status_code == 404


def test_skill_page_of_a_question_that_is_not_a_skill_is_not_found(owner_client, questions):
    assert owner_client.get(skill_url(questions[2].key)).status_code == 404


# --- Safe pages ---------------------------------------------------------------------


def test_pages_have_no_inline_styles_or_scripts(owner_client, history, questions, instrument):
    urls = [
        results_url(history[1]),
        compare_url(instrument),
        skill_url(questions[0].key),
        reverse("home"),
    ]
    for url in urls:
        page = owner_client.get(url).content.decode().lower()
        assert "style=" not in page, url
        assert "<style" not in page, url
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), url


def test_html_in_answers_and_skill_names_is_escaped_everywhere(
    owner_client, owner, instrument, questions
):
    sneaky = PersonalSkillFactory(user=owner, instrument=instrument, name="<i>Hacking</i>")
    for at in (LAST_YEAR, NOW - datetime.timedelta(days=1)):
        completed_take(
            owner,
            instrument,
            at=at,
            answers={
                sneaky: {"current_level": 1, "desired_level": 3},
                questions[5]: {"text": f"<script>alert({at.year})</script>"},
            },
        )
    for url in (
        results_url(Take.objects.latest("completed_at")),
        compare_url(instrument),
        skill_url(sneaky.key),
        reverse("home"),
    ):
        page = owner_client.get(url).content.decode()
        assert "<i>Hacking</i>" not in page, url
        assert "<script>alert" not in page, url
