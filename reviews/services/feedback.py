"""Feedback requests: asking, withdrawing, and the giver's answers.

What must stay true:
- a request's link is a salt and the token's hash (``careerapp.tokens``); the token is
  derived again wherever a link is written, never stored;
- the request email leaves after the commit, through Celery, at most once (``sent_at``);
- a request is answered once: ``answered_at`` is claimed with a conditional UPDATE in the
  transaction that saves the answers, so two tabs submitting at once save one set;
- a withdrawn, expired or answered request takes no answers, and an answered one cannot be
  withdrawn (its answers stay the owner's).
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from careerapp import tokens
from reviews import tasks
from reviews.models import (
    CircleMember,
    FeedbackAnswer,
    FeedbackPrompt,
    FeedbackPromptSet,
    FeedbackRequest,
)
from reviews.models.feedback import LINK_PURPOSE

LINK_DAYS = 30


@dataclass(frozen=True)
class FeedbackAnswerData:
    prompt: FeedbackPrompt
    text: str = ""
    picks: Collection[int] = field(default_factory=tuple)  # strengths' question ids


def feedback_request_create(
    *,
    owner,
    prompt_set: FeedbackPromptSet,
    name: str,
    email: str,
    message: str = "",
    member: CircleMember | None = None,
    now: datetime.datetime | None = None,
) -> FeedbackRequest:
    """Ask ``name`` at ``email`` for feedback with ``prompt_set``; the email goes out once
    the transaction commits."""
    now = now or timezone.now()
    salt, token_hash = tokens.issue(purpose=LINK_PURPOSE)
    request = FeedbackRequest.objects.create(
        owner=owner,
        member=member,
        name=name,
        email=email,
        prompt_set=prompt_set,
        message=message,
        link_salt=salt,
        token_hash=token_hash,
        created_at=now,
        expires_at=now + datetime.timedelta(days=LINK_DAYS),
    )
    tasks.send_feedback_request.delay_on_commit(request.pk)
    return request


def feedback_request_withdraw(
    *, request: FeedbackRequest, now: datetime.datetime | None = None
) -> bool:
    """End the request's link; False when it was answered or withdrawn already."""
    now = now or timezone.now()
    withdrawn = FeedbackRequest.objects.filter(
        pk=request.pk, answered_at__isnull=True, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    if withdrawn:
        request.withdrawn_at = now
    return bool(withdrawn)


def feedback_answer_submit(
    *,
    request: FeedbackRequest,
    answers: Sequence[FeedbackAnswerData],
    now: datetime.datetime | None = None,
) -> bool:
    """Save the giver's answers; False (nothing saved) when the request is no longer open,
    another submission got there first included."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = FeedbackRequest.objects.filter(
            pk=request.pk,
            answered_at__isnull=True,
            withdrawn_at__isnull=True,
            expires_at__gt=now,
        ).update(answered_at=now)
        if not claimed:
            return False
        rows = FeedbackAnswer.objects.bulk_create(
            FeedbackAnswer(
                request=request,
                prompt=answer.prompt,
                prompt_text=answer.prompt.text,
                text=answer.text,
            )
            for answer in answers
        )
        Picks = FeedbackAnswer.picks.through  # noqa: N806 - a model class
        Picks.objects.bulk_create(
            Picks(feedbackanswer_id=row.pk, question_id=question_id)
            for row, answer in zip(rows, answers, strict=True)
            for question_id in answer.picks
        )
    request.answered_at = now
    return True
