"""The pursued role outside the explore pages: the dashboard panel, the line on the skills
results page, and its biggest gap in the weekly email at most once a month."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from assessments import panels
from assessments.models import TargetStatus
from assessments.reminders import ROLE_GAP_SECTION, role_gap_sections
from assessments.tests.factories import AnswerFactory, InstrumentFactory, TakeFactory
from assessments.tests.factories_roles import (
    RoleFactory,
    RoleSkillFactory,
    SkillQuestionFactory,
    TargetRoleFactory,
)
from careerapp import reminders, tasks
from careerapp.models import Weekday
from careerapp.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def instrument():
    return InstrumentFactory(slug="test-skills")


@pytest.fixture
def role(instrument):
    role = RoleFactory(title="Product lead", slug="product-lead")
    for prompt, level in (("Negotiation", 4), ("Roadmapping", 3)):
        question = SkillQuestionFactory(instrument=instrument, prompt=prompt)
        RoleSkillFactory(role=role, question=question, level=level)
    return role


def rate(user, role, instrument, levels: dict[str, int]):
    take = TakeFactory(user=user, instrument=instrument)
    for skill in role.skills.select_related("question"):
        if skill.question.prompt in levels:
            AnswerFactory(
                take=take,
                question=skill.question,
                current_level=levels[skill.question.prompt],
                desired_level=5,
            )
    return take


def pursue(user, role):
    return TargetRoleFactory(user=user, role=role, status=TargetStatus.PURSUING)


# --- Dashboard ----------------------------------------------------------------------------


def test_the_panel_shows_the_pursued_role_its_match_and_biggest_gap(
    owner, owner_client, role, instrument
):
    rate(owner, role, instrument, {"Negotiation": 1, "Roadmapping": 3})
    pursue(owner, role)

    html = owner_client.get(reverse("home")).content.decode()

    # (2 x 1/4 + 2 x 1) / 4 = 62.5 % -> 63 %
    assert "Where you are heading" in html
    assert "63% match" in html
    assert "Biggest gap: <strong>Negotiation</strong>, Aware → Strong" in html
    assert reverse("assessments:role_compare", args=["product-lead"]) in html


def test_the_panel_invites_to_explore_without_a_pursued_role(owner, owner_client, role):
    TargetRoleFactory(user=owner, role=role, status=TargetStatus.EXPLORING)

    html = owner_client.get(reverse("home")).content.decode()

    assert "Pick a role to pursue" in html


@pytest.mark.parametrize("takes", [1, 50])
def test_the_panel_reads_two_queries_however_many_takes(
    takes, owner, role, instrument, django_assert_num_queries
):
    for _ in range(takes):
        rate(owner, role, instrument, {"Negotiation": 2})
    pursue(owner, role)
    # 1. the pursued target with its role, 2. the role's skills with the latest levels
    with django_assert_num_queries(2):
        context = panels.target_role_panel(owner)
    assert context["line"].comparison.biggest_gap.name == "Negotiation"


def test_the_panel_reads_one_query_without_a_pursued_role(owner, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert panels.target_role_panel(owner) == {"line": None}


# --- Results page -------------------------------------------------------------------------


def test_the_skills_results_page_says_the_match_towards_the_pursued_role(
    owner, owner_client, role, instrument
):
    take = rate(owner, role, instrument, {"Negotiation": 4, "Roadmapping": 3})
    results = reverse("assessments:results", args=[take.pk])
    assert "Towards Product lead" not in owner_client.get(results).content.decode()

    pursue(owner, role)

    html = owner_client.get(results).content.decode()
    assert "Towards Product lead: match 100%." in html


# --- Weekly email -------------------------------------------------------------------------


def test_the_section_names_the_biggest_gap_of_the_pursued_role_only(
    owner, other_user, role, instrument
):
    rate(owner, role, instrument, {"Negotiation": 3, "Roadmapping": 1})
    pursue(owner, role)
    TargetRoleFactory(user=other_user, role=role, status=TargetStatus.EXPLORING)

    found = role_gap_sections([owner, other_user], {})

    assert list(found) == [owner.pk]
    (section,) = found[owner.pk]
    assert section.key == ROLE_GAP_SECTION
    assert section.title == "Towards Product lead"
    assert section.items[0].text == "Roadmapping: from Aware to Capable"
    assert section.items[0].url.endswith("/explore/roles/product-lead/compare/")


def test_no_section_when_every_level_is_met_or_nothing_is_assessed(
    owner, other_user, role, instrument
):
    rate(owner, role, instrument, {"Negotiation": 5, "Roadmapping": 3})
    pursue(owner, role)
    pursue(other_user, role)  # no take at all: no gap to name yet

    assert role_gap_sections([owner, other_user], {}) == {}


@pytest.mark.parametrize("people", [1, 5])
def test_the_section_costs_three_queries_for_a_chunk_of_any_size(
    people, role, instrument, django_assert_num_queries
):
    users = [UserFactory() for _ in range(people)]
    for user in users:
        rate(user, role, instrument, {"Negotiation": 2})
        pursue(user, role)
    # 1. pursued targets with their roles, 2. the roles' skills, 3. latest levels (a window)
    with django_assert_num_queries(3):
        found = role_gap_sections(users, {})
    assert len(found) == people


def weekly_person():
    user = UserFactory(
        time_zone="Europe/Berlin",
        reminder_weekday=Weekday.MONDAY,
        reminder_hour=8,
        reminders_send_empty=True,
    )
    user.next_reminder_at = user.reminder_slot_after(timezone.now())
    user.save()
    return user


def send_due(capture):
    with capture(execute=True):
        tasks.sweep_weekly_emails()


def test_the_gap_is_mailed_at_most_once_a_month(
    role, instrument, mailoutbox, django_capture_on_commit_callbacks
):
    with time_machine.travel(datetime.datetime(2027, 5, 1, tzinfo=UTC), tick=False):
        user = weekly_person()
        rate(user, role, instrument, {"Negotiation": 2, "Roadmapping": 3})
        target = pursue(user, role)
    mondays = [
        datetime.datetime(2027, 5, 3, 6, 5, tzinfo=UTC) + datetime.timedelta(weeks=n)
        for n in range(6)
    ]
    carried = []
    for monday in mondays:
        with time_machine.travel(monday, tick=False):
            send_due(django_capture_on_commit_callbacks)
        carried.append("Negotiation: from Learning to Strong" in mailoutbox[-1].body)

    # Mailed on 3 May; 10, 17, 24 and 31 May are within 30 days; 7 June is not.
    assert len(mailoutbox) == 6
    assert carried == [True, False, False, False, False, True]
    target.refresh_from_db()
    assert target.gap_mentioned_at == mondays[5]


def test_a_preview_carries_the_gap_but_does_not_count_as_the_months_mention(
    owner, owner_client, role, instrument, mailoutbox
):
    rate(owner, role, instrument, {"Negotiation": 2})
    target = pursue(owner, role)

    owner_client.post(reverse("reminders_preview"))

    assert "Negotiation: from Learning to Strong" in mailoutbox[-1].body
    target.refresh_from_db()
    assert target.gap_mentioned_at is None


def test_an_email_the_server_refused_does_not_count_as_the_mention(owner, role, instrument):
    rate(owner, role, instrument, {"Negotiation": 2})
    target = pursue(owner, role)
    contents = reminders.collect([owner], now=timezone.now())

    reminders.record_sent([], now=timezone.now())  # nothing accepted
    assert contents[0].sections[0].key == ROLE_GAP_SECTION
    target.refresh_from_db()
    assert target.gap_mentioned_at is None

    reminders.record_sent(contents, now=timezone.now())
    target.refresh_from_db()
    assert target.gap_mentioned_at is not None
