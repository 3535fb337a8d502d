"""Feedback requests as the service makes them, and answers as a giver sends them."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from careerapp import tokens
from careerapp.tests.factories import UserFactory
from reviews import services
from reviews.models import FeedbackPromptKind, FeedbackPromptSet, FeedbackRequest
from reviews.models.feedback import LINK_PURPOSE
from reviews.queries.feedback import strengths_list

GENERAL = "keep-grow-see"  # the shipped set with two written questions and a strengths one


def shipped_set(slug: str = GENERAL) -> FeedbackPromptSet:
    return FeedbackPromptSet.objects.get(slug=slug)


class FeedbackRequestFactory(factory.django.DjangoModelFactory):
    """A request whose email went out just now, open for 30 days."""

    class Meta:
        model = FeedbackRequest
        exclude = ("link",)

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Giver {n}")
    email = factory.Sequence(lambda n: f"giver{n}@example.com")
    prompt_set = factory.LazyFunction(shipped_set)
    message = "Could you tell me how the migration looked from your side?"
    link = factory.LazyFunction(lambda: tokens.issue(purpose=LINK_PURPOSE))
    link_salt = factory.LazyAttribute(lambda o: o.link[0])
    token_hash = factory.LazyAttribute(lambda o: o.link[1])
    created_at = factory.LazyFunction(timezone.now)
    sent_at = factory.LazyAttribute(lambda o: o.created_at)
    expires_at = factory.LazyAttribute(lambda o: o.created_at + datetime.timedelta(days=30))


def answer(request: FeedbackRequest, *, text: str = "Keep writing the plans down.", picks=()):
    """Answer ``request`` as its giver would: ``text`` for each written question, ``picks``
    (strength questions) for each strengths question."""
    data = [
        services.FeedbackAnswerData(prompt=prompt, picks=tuple(q.pk for q in picks))
        if prompt.kind == FeedbackPromptKind.STRENGTHS
        else services.FeedbackAnswerData(prompt=prompt, text=text)
        for prompt in request.prompt_set.prompts.filter(is_active=True)
    ]
    assert services.feedback_answer_submit(request=request, answers=data)
    return request


def strengths(count: int):
    return strengths_list()[:count]
