"""What the results say, computed from answers alone: strengths, gaps, changes, charts."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from assessments import charts, queries
from assessments.models import Answer, QuestionType, Take

pytestmark = pytest.mark.django_db

ASSESSED = datetime.date(2026, 3, 4)


def skill(key, name, current, desired):
    return Answer(
        key=key, prompt=name, type=QuestionType.SKILL, current_level=current, desired_level=desired
    )


def rating(key, prompt, value):
    return Answer(key=key, prompt=prompt, type=QuestionType.RATING, rating=value)


def choice(key, prompt, options):
    return Answer(
        key=key,
        prompt=prompt,
        type=QuestionType.MULTIPLE,
        option_ids=[pk for pk, _label in options],
        option_labels=[label for _pk, label in options],
    )


def levels(*answers):
    return charts.skill_levels(answers, assessed_on=ASSESSED)


def test_strengths_are_the_highest_current_levels_in_questionnaire_order_on_ties():
    skills = levels(
        skill("q1", "Writing", 2, 4),
        skill("q2", "Listening", 4, 4),
        skill("q3", "Planning", 3, 5),
        skill("q4", "Coaching", 4, 5),
    )
    assert [s.name for s in charts.strengths(skills, limit=3)] == [
        "Listening",
        "Coaching",
        "Planning",
    ]


def test_gaps_are_largest_first_and_leave_out_skills_already_where_wanted():
    skills = levels(
        skill("q1", "Writing", 2, 3),
        skill("q2", "Listening", 4, 4),
        skill("q3", "Planning", 1, 4),
        skill("q4", "Coaching", 3, 5),
        skill("q5", "Speaking", 2, 4),
        skill("q6", "Deciding", 5, 4),
    )
    gaps = charts.gaps(skills)
    # Equal gaps: the lower current level first, it is further from solid ground.
    assert [(g.name, g.gap) for g in gaps] == [
        ("Planning", 3),
        ("Speaking", 2),
        ("Coaching", 2),
        ("Writing", 1),
    ]


def test_skill_answers_missing_a_level_are_left_out_of_levels():
    answers = [skill("q1", "Writing", 2, None), rating("q2", "Pay", 3), skill("p4", "SQL", 1, 3)]
    assert [s.key for s in levels(*answers)] == ["p4"]


def test_goal_link_prefills_the_new_goal_form_for_the_gap():
    (gap,) = levels(skill("q12", "Writing clearly", 2, 4))
    url = urlsplit(gap.goal_url)
    params = {name: values[0] for name, values in parse_qs(url.query).items()}
    assert url.path == reverse("goals:create")
    assert params == {
        "title": "Grow Writing clearly from Learning to Strong",
        "why": "In my self-assessment on 4 March 2026 I put myself at Learning in "
        "Writing clearly, and I want to be Strong.",
        "category": "skill",
        "horizon": "short",
        "skill": "q12",
    }


def test_goal_title_stays_within_the_goal_title_length():
    (gap,) = levels(skill("p3", "x" * 300, 1, 5))
    assert len(charts.goal_fields(gap)["title"]) == 200


def test_ratings_are_ranked_highest_first_and_unrated_ones_left_out():
    answers = [rating("q1", "Pay", 2), rating("q2", "Meaning", 5), rating("q3", "Balance", None)]
    answers.append(rating("q4", "Colleagues", 5))
    assert [a.prompt for a in queries.ranked_ratings(answers)] == ["Meaning", "Colleagues", "Pay"]


def test_changes_give_level_and_rating_deltas_per_key():
    before = [skill("q1", "Writing", 2, 4), rating("q2", "Pay", 4)]
    after = [skill("q1", "Writing", 3, 5), rating("q2", "Pay", 2)]
    writing, pay = charts.changes(before, after)
    assert writing.status == charts.CHANGED
    assert (writing.delta("current_level"), writing.delta("desired_level")) == (1, 1)
    assert writing.levels["before_current"] == "Learning"
    assert writing.levels["after_current"] == "Capable"
    assert pay.delta("rating") == -2
    assert pay.deltas["rating"] == "\u22122"


def test_changes_list_choices_added_and_dropped_by_option_not_label():
    before = [choice("q1", "Top values", [(1, "Autonomy"), (2, "Pay")])]
    # Option 2 was renamed in the admin in between: the same choice, not a new one.
    after = [choice("q1", "Top values", [(2, "Good pay"), (3, "Meaning")])]
    (change,) = charts.changes(before, after)
    assert change.added == ["Meaning"]
    assert change.removed == ["Autonomy"]


def test_keys_only_in_the_later_take_are_new_and_only_in_the_earlier_removed():
    before = [rating("q1", "Pay", 3), skill("p2", "SQL", 1, 3)]
    after = [rating("q1", "Pay", 3), skill("p9", "Cloud", 2, 4)]
    rows = charts.changes(before, after)
    assert [(row.key, row.status) for row in rows] == [
        ("q1", charts.SAME),
        ("p9", charts.NEW),
        ("p2", charts.REMOVED),
    ]
    assert [row.key for row in charts.changed_only(rows)] == ["p9", "p2"]


def test_rewritten_text_counts_as_a_change_but_trailing_space_does_not():
    first = Answer(key="q1", prompt="Why", type=QuestionType.TEXT, text="Growth")
    spaced = Answer(key="q1", prompt="Why", type=QuestionType.TEXT, text="Growth \n")
    other = Answer(key="q1", prompt="Why", type=QuestionType.TEXT, text="Balance")
    assert charts.changes([first], [spaced])[0].status == charts.SAME
    assert charts.changes([first], [other])[0].text_changed


def test_level_chart_fills_the_current_level_and_rings_the_wanted_one():
    chart = charts.level_chart(levels(skill("q1", "Writing", 2, 4), skill("q2", "Pay", 3, 3)))
    writing, steady = chart.rows
    assert (writing.current_x, writing.desired_x, writing.stretch_width) == (40.0, 70.0, 30.0)
    assert steady.stretch_width == 0
    assert [label.name for label in chart.axis] == [
        "Aware",
        "Learning",
        "Capable",
        "Strong",
        "Expert",
    ]
    assert chart.edges == [20.0, 40.0, 60.0, 80.0]
    assert steady.bar_y > writing.bar_y
    assert chart.height > steady.bar_y + chart.bar_height


def history(*rows):
    answers = []
    for pk, (day, current, desired) in enumerate(rows, start=1):
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
        take = Take(pk=pk, status="completed", completed_at=moment)
        answer = skill("q1", "Writing", current, desired)
        answer.take = take
        answers.append(answer)
    return answers


@time_machine.travel(datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC), tick=False)
def test_history_chart_places_takes_by_date_and_higher_levels_higher():
    chart = charts.history_chart(
        history(
            (datetime.date(2024, 3, 1), 1, 3),
            (datetime.date(2025, 3, 1), 2, 3),
            (datetime.date(2026, 3, 1), 3, 4),
        )
    )
    first, middle, last = chart.points
    assert first.x == charts.HISTORY_LEFT
    assert last.x == charts.HISTORY_RIGHT
    assert first.x < middle.x < last.x
    assert first.current_y > middle.current_y > last.current_y  # SVG y grows downwards
    assert len(chart.current_line) == 2
    assert [point.label for point in chart.points] == ["Mar 2024", "Mar 2025", "Mar 2026"]


def test_history_chart_drops_date_labels_that_would_overlap_but_keeps_the_latest():
    chart = charts.history_chart(
        history(
            (datetime.date(2024, 1, 1), 1, 3),
            (datetime.date(2026, 1, 1), 2, 3),
            (datetime.date(2026, 1, 20), 3, 3),
        )
    )
    assert [point.label for point in chart.points] == ["Jan 2024", "", "Jan 2026"]


def test_history_chart_with_one_take_puts_it_in_the_middle_without_lines():
    chart = charts.history_chart(history((datetime.date(2026, 1, 1), 2, 4)))
    (point,) = chart.points
    assert charts.HISTORY_LEFT < point.x < charts.HISTORY_RIGHT
    assert chart.current_line == chart.desired_line == []


def test_take_choices_add_the_time_only_where_two_takes_share_a_day():
    def take(pk, hour, day=4):
        moment = datetime.datetime(2026, 3, day, hour, 15, tzinfo=datetime.UTC)
        return Take(pk=pk, status="completed", completed_at=moment)

    with timezone.override("UTC"):
        labels = [label for _take, label in queries.take_choices([take(3, 9), take(2, 8, 1)])]
        assert labels == ["4 March 2026", "1 March 2026"]
        labels = [label for _take, label in queries.take_choices([take(3, 9), take(2, 8)])]
        assert labels == ["4 March 2026 · 09:15", "4 March 2026 · 08:15"]
