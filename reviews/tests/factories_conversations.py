"""Factories for career conversations (the circle member they are held with is
``reviews.tests.factories.CircleMemberFactory``, imported here for their tests)."""

import factory

from careerapp.tests.factories import UserFactory
from reviews.models import ActionItem, Conversation
from reviews.tests.factories import CircleMemberFactory as CircleMemberFactory


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
