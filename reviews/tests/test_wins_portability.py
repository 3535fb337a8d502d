"""The wins journal travels with the export, with every link it has; account deletion takes
it along; the demo's wins read as a year of them."""

from __future__ import annotations

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from careerapp.demo import load_demo_content
from careerapp.portability import export_user_data, import_user_data
from careerapp.tests.factories import UserFactory
from careerapp.tests.portability_world import small_account
from reviews.models import Win

pytestmark = pytest.mark.django_db


def _round_trip(user):
    document = json.loads(json.dumps(export_user_data(user), cls=DjangoJSONEncoder))
    newcomer = UserFactory(email="newcomer@example.com")
    summary = import_user_data(user=newcomer, data=document)
    return newcomer, summary


def test_a_win_comes_back_with_every_link(owner):
    small_account(owner)
    newcomer, summary = _round_trip(owner)
    win = Win.objects.for_user(newcomer).get()
    assert win.title == "Paddled across"
    assert win.goal.user == newcomer
    assert win.goal.title == "Paddle"
    assert win.task.title == "Buy a paddle"
    assert win.task.goal == win.goal
    assert win.checkin.user == newcomer
    assert (win.member.owner, win.member.name) == (newcomer, "Mo")
    assert (win.comment.owner, win.comment.body) == (newcomer, "Nice")
    assert [s.name for s in win.personal_skills.all()] == ["Kayak"]
    assert win.personal_skills.get().user == newcomer
    assert win.skills.count() == 1
    assert summary.unlinked == 0


def test_the_demos_wins_come_back_alike(owner):
    load_demo_content(owner)
    newcomer, _summary = _round_trip(owner)

    def described(user):
        return [
            (
                w.title,
                w.happened_on,
                w.noticed_by_name,
                w.goal.title if w.goal else None,
                sorted(s.pk for s in w.skills.all()),
                w.comment_id is not None,
                w.checkin_id is not None,
            )
            for w in Win.objects.for_user(user).order_by("happened_on")
        ]

    assert described(newcomer) == described(owner)


def test_the_demo_has_a_believable_year_of_wins(owner):
    load_demo_content(owner)
    wins = list(Win.objects.for_user(owner).prefetch_related("skills"))
    assert 6 <= len(wins) <= 8
    assert sum(w.goal_id is not None for w in wins) >= 3
    assert sum(w.task_id is not None for w in wins) >= 2
    priya = [w for w in wins if w.member and w.member.name == "Priya Raman"]
    assert len(priya) == 1
    assert priya[0].comment is not None
    assert priya[0].comment.author_name == "Priya Raman"
    assert sum(w.skills.count() > 0 for w in wins) >= 5
    from_checkin = [w for w in wins if w.checkin_id]
    assert len(from_checkin) == 1
    checkin = from_checkin[0].checkin
    assert checkin.period_start <= from_checkin[0].happened_on <= checkin.period_end
    days = sorted(w.happened_on for w in wins)
    assert (days[-1] - days[0]).days <= 366
