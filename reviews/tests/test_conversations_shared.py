"""What a member sees of a conversation before meeting: the agenda, if shared; never notes."""

import datetime

import pytest
from django.template.loader import render_to_string

from reviews.access import PREVIEW, Viewer
from reviews.queries.conversations import shared_agendas
from reviews.tests.factories_conversations import CircleMemberFactory, ConversationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(owner):
    return CircleMemberFactory(owner=owner, name="Ana")


def test_the_shared_fragment_shows_a_shared_agenda_and_never_notes(owner, member):
    ConversationFactory(
        owner=owner,
        member=member,
        agenda="Shared agenda",
        notes="Private notes",
        agenda_shared=True,
        planned_for=datetime.date(2027, 6, 1),
    )
    ConversationFactory(owner=owner, member=member, agenda="Not shared", agenda_shared=False)
    ConversationFactory(
        owner=owner,
        member=member,
        agenda="Held already",
        agenda_shared=True,
        held_on=datetime.date(2027, 1, 1),
    )
    ConversationFactory(
        owner=owner,
        member=CircleMemberFactory(owner=owner),
        agenda="Someone else's",
        agenda_shared=True,
    )
    agendas = shared_agendas(member)
    viewer = Viewer(member=member, mode=PREVIEW, key=str(member.pk))
    html = render_to_string(
        "reviews/includes/_shared_agendas.html", {"agendas": agendas, "viewer": viewer}
    )
    assert "Shared agenda" in html
    assert "1 June 2027" in html
    for hidden in ("Private notes", "Not shared", "Held already", "Someone else's"):
        assert hidden not in html


def test_the_shared_fragment_is_empty_without_shared_agendas(member):
    viewer = Viewer(member=member, mode=PREVIEW, key=str(member.pk))
    html = render_to_string(
        "reviews/includes/_shared_agendas.html", {"agendas": [], "viewer": viewer}
    )
    assert html.strip() == ""
