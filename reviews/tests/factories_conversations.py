"""Factories for career conversations, and the circle member they are held with."""

import datetime

import factory
from django.utils import timezone

from careerapp import tokens
from careerapp.tests.factories import UserFactory
from reviews.models import ActionItem, CircleMember, Conversation
from reviews.models.circle import LINK_PURPOSE


class CircleMemberFactory(factory.django.DjangoModelFactory):
    """An active member of ``owner``'s circle, seeing nothing until told otherwise."""

    class Meta:
        model = CircleMember

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Mentor {n}")
    email = factory.Sequence(lambda n: f"mentor{n}@example.com")
    link_salt = factory.LazyFunction(tokens.new_salt)
    token_hash = factory.LazyAttribute(
        lambda m: tokens.token_hash(tokens.token_for(m.link_salt, purpose=LINK_PURPOSE))
    )
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=90))


class ConversationFactory(factory.django.DjangoModelFactory):
    """A planned conversation with a member of the owner's circle."""

    class Meta:
        model = Conversation

    owner = factory.SubFactory(UserFactory)
    member = factory.SubFactory(CircleMemberFactory, owner=factory.SelfAttribute("..owner"))
    with_name = factory.LazyAttribute(lambda c: c.member.name if c.member else "Someone")
    agenda = "Where I am heading"


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    conversation = factory.SubFactory(ConversationFactory)
    text = factory.Sequence(lambda n: f"Action {n}")


def conversation_with_action(owner) -> Conversation:
    """A conversation of ``owner`` with a member of their circle, its agenda shared and an
    action item that is a step on one of their goals (or none, without goals)."""
    from goals.models import Goal
    from reviews import services

    member = CircleMemberFactory(owner=owner, name="Ana Mentor")
    conversation = ConversationFactory(owner=owner, member=member, agenda_shared=True)
    goal = Goal.objects.for_user(owner).first()
    services.action_items_save(
        conversation=conversation,
        items=[services.ActionItemData(text="Ask about the platform team", goal=goal)],
    )
    return conversation
