"""Certifications about to expire: the dashboard card and the weekly email's section."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from assessments.tests.factories_roles import learning_kind
from careerapp.tests.factories import UserFactory
from goals.panels import expiring_panel
from goals.reminders import expiring_sections
from goals.tests.factories import LearningItemFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 10)
FROZEN = datetime.datetime(2027, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(FROZEN, tick=False):
        yield


def _cert(user, days: int, **values):
    values = {"status": "done", "title": f"Cert in {days} days", **values}
    return LearningItemFactory(
        user=user,
        kind=learning_kind("certification"),
        expires_on=TODAY + datetime.timedelta(days=days),
        **values,
    )


def test_the_dashboard_shows_certifications_expiring_within_sixty_days(owner_client, owner):
    _cert(owner, 59)
    _cert(owner, 61)
    _cert(owner, -3)
    _cert(owner, 10, status="dropped")
    response = owner_client.get(reverse("home"))
    text = response.text
    assert "Certifications to renew" in text
    assert "Cert in 59 days" in text
    assert "in 59 days" in text
    assert "Cert in 61 days" not in text
    assert "Cert in 10 days" not in text
    # Already expired: past renewing on time, so not in "to renew" (its page says so).
    assert "Cert in -3 days" not in text
    assert [line.title for line in expiring_panel(owner)["expiring"]] == ["Cert in 59 days"]


@pytest.mark.parametrize("status", ["planned", "in_progress"])
def test_only_a_certification_the_person_holds_is_to_renew(owner_client, owner, status):
    _cert(owner, 20, status=status, title="Not earned yet")
    _cert(owner, 30, title="Earned")
    assert [line.title for line in expiring_panel(owner)["expiring"]] == ["Earned"]
    assert "Not earned yet" not in owner_client.get(reverse("home")).text
    found = expiring_sections([owner], {owner.pk: TODAY})
    assert [item.text for item in found[owner.pk][0].items] == ["Earned"]


def test_a_person_with_only_certifications_not_earned_yet_gets_no_card_or_section(owner):
    _cert(owner, 20, status="planned")
    _cert(owner, 30, status="in_progress")
    assert expiring_panel(owner) is None
    assert expiring_sections([owner], {owner.pk: TODAY}) == {}


def test_no_card_when_nothing_expires_soon(owner_client, owner):
    _cert(owner, 90)
    assert "Certifications to renew" not in owner_client.get(reverse("home")).text
    assert expiring_panel(owner) is None


@pytest.mark.parametrize("count", [1, 8])
def test_the_panel_costs_one_query(owner, count, django_assert_num_queries):
    for days in range(count):
        _cert(owner, days)
    with django_assert_num_queries(1):
        panel = expiring_panel(owner)
    assert len(panel["expiring"]) == min(count, 5)


@pytest.mark.parametrize("people", [1, 6])
def test_the_weekly_section_costs_one_query_for_a_chunk(people, django_assert_num_queries):
    users = [UserFactory() for _ in range(people)]
    for user in users:
        _cert(user, 30)
        _cert(user, 70)
        _cert(user, -3)
        _cert(user, 10, status="in_progress")
    with django_assert_num_queries(1):
        found = expiring_sections(users, {user.pk: TODAY for user in users})
    assert len(found) == people
    section = found[users[0].pk][0]
    assert section.key == "expiring_learning"
    assert [item.text for item in section.items] == ["Cert in 30 days"]
    assert section.items[0].detail == "expires 9 Apr 2027"


def test_the_section_counts_from_each_persons_own_today():
    early, late = UserFactory(), UserFactory()
    _cert(early, 60)
    _cert(late, 60)
    found = expiring_sections(
        [early, late], {early.pk: TODAY, late.pk: TODAY - datetime.timedelta(days=1)}
    )
    assert early.pk in found
    assert late.pk not in found  # 61 days from their today


def test_the_weekly_email_carries_the_section_in_text_and_html(owner):
    from careerapp import reminders

    item = _cert(owner, 20)
    (content,) = reminders.collect([owner], now=FROZEN)
    message = reminders.build_message(content)
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Cert in 20 days" in body
        assert reverse("goals:learning_detail", args=[item.pk]) in body
    assert "CERTIFICATIONS TO RENEW" in message.body
    assert "Certifications to renew" in html
