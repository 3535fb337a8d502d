"""The demo person's open decision: three moves weighed against their top work values,
mostly scored, with a gut check on two options (words in ``goals.content.demo_decision``).
Through the services, so its history reads as the app writes it; then dated back."""

from __future__ import annotations

import datetime

from assessments.models import Role
from goals.content.demo_decision import DEMO_DECISION
from goals.models import Decision, DecisionChange
from goals.queries import top_values
from goals.services.decisions import decision_create, decision_score


def load_decision(
    user,
    *,
    created_at: datetime.datetime,
    updated_at: datetime.datetime,
    scored_at: datetime.datetime,
) -> None:
    """An open question, mostly scored, with a gut check on two of its three options."""
    words = DEMO_DECISION
    slugs = [option["role"] for option in words["options"] if option.get("role")]
    roles = {role.slug: role for role in Role.objects.filter(slug__in=slugs, is_active=True)}
    decision = decision_create(
        user=user,
        question=words["question"],
        context=words["context"],
        options=[
            {**option, "role": roles.get(option.get("role", ""))} for option in words["options"]
        ],
        criteria=[{"name": name, "weight": 5 - i} for i, name in enumerate(top_values(user))],
    )
    options, criteria = list(decision.options.all()), list(decision.criteria.all())
    scores = {
        (option, criterion): score
        for option, row in zip(options, words["scores"], strict=False)
        for criterion, score in zip(criteria, row, strict=False)
        if score is not None
    }
    decision_score(
        decision=decision,
        version=None,
        scores=scores,
        guts={option: gut for option, gut in zip(options, words["guts"], strict=False) if gut},
        reason=words["reason"],
    )
    Decision.objects.filter(pk=decision.pk).update(created_at=created_at, updated_at=updated_at)
    DecisionChange.objects.filter(decision=decision).update(created_at=scored_at)
