"""Writes to decisions. Every change after the start (options, criteria, scores, gut
check, the choice) writes one ``DecisionChange`` with a sentence a person reads, and
claims the decision's version first, so two tabs cannot lose each other's edits
(``careerapp.concurrency``)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from assessments.models import TargetStatus
from assessments.services import target_role_set
from careerapp.concurrency import StaleEdit, claim_version
from goals.models import (
    TITLE_MAX_LENGTH,
    Category,
    Decision,
    DecisionChange,
    DecisionCriterion,
    DecisionOption,
    DecisionScore,
    DecisionStatus,
    Goal,
    Horizon,
)
from goals.services.goals import goal_create

OPTION_FIELDS = ("title", "pros", "cons", "notes", "role")
CRITERION_FIELDS = ("name", "weight")


@dataclass
class Row:
    """One option or criterion as a form sent it: ``instance`` None for a new one."""

    instance: DecisionOption | DecisionCriterion | None
    values: dict[str, Any]
    delete: bool = False
    # The row as it was before this edit (a ModelForm already wrote the sent values onto
    # ``instance``): {field: value, a foreign key as its id}.
    before: dict[str, Any] = field(default_factory=dict)

    def changed(self, name: str) -> bool:
        new = self.values[name]
        return self.before.get(name) != (new.pk if hasattr(new, "pk") else new)


def _quoted(text: Any) -> str:
    return f"“{Truncator(str(text or '')).chars(60)}”"


def _claim(decision: Decision, version: int | None) -> None:
    """Raise the decision's version, from ``version`` if given (else from whatever it is)."""
    if version is None:
        Decision.objects.filter(pk=decision.pk).update(
            version=F("version") + 1, updated_at=timezone.now()
        )
    elif claim_version(Decision, pk=decision.pk, version=version):
        Decision.objects.filter(pk=decision.pk).update(updated_at=timezone.now())
    else:
        raise StaleEdit
    decision.version = Decision.objects.values_list("version", flat=True).get(pk=decision.pk)


def _record(decision: Decision, lines: list[str], reason: str = "") -> DecisionChange | None:
    if not lines:
        return None
    return DecisionChange.objects.create(
        decision=decision, summary=" ".join(lines), reason=reason.strip()
    )


@transaction.atomic
def decision_create(
    *,
    user,
    question: str,
    context: str = "",
    options: Sequence[dict[str, Any]],
    criteria: Sequence[dict[str, Any]],
) -> Decision:
    decision = Decision.objects.create(user=user, question=question, context=context)
    DecisionOption.objects.bulk_create(
        DecisionOption(decision=decision, position=position, **values)
        for position, values in enumerate(options)
    )
    DecisionCriterion.objects.bulk_create(
        DecisionCriterion(decision=decision, position=position, **values)
        for position, values in enumerate(criteria)
    )
    return decision


def _option_lines(rows: Sequence[Row]) -> list[str]:
    lines = []
    for row in rows:
        option = row.instance
        if option is None:
            lines.append(_("Option added: %(title)s.") % {"title": _quoted(row.values["title"])})
        elif row.delete:
            lines.append(_("Option removed: %(title)s.") % {"title": _quoted(row.before["title"])})
        else:
            if row.changed("title"):
                lines.append(
                    _("Option %(old)s renamed %(new)s.")
                    % {"old": _quoted(row.before["title"]), "new": _quoted(row.values["title"])}
                )
            edited = [
                str(DecisionOption._meta.get_field(name).verbose_name)
                for name in ("pros", "cons", "notes", "role")
                if row.changed(name)
            ]
            if edited:
                lines.append(
                    _("Option %(title)s: %(fields)s edited.")
                    % {"title": _quoted(row.values["title"]), "fields": ", ".join(edited)}
                )
    return lines


def _criterion_lines(rows: Sequence[Row]) -> list[str]:
    lines = []
    for row in rows:
        criterion = row.instance
        name, weight = row.values["name"], row.values["weight"]
        if criterion is None:
            lines.append(
                _("Criterion added: %(name)s (weight %(weight)s).")
                % {"name": _quoted(name), "weight": weight}
            )
        elif row.delete:
            lines.append(_("Criterion removed: %(name)s.") % {"name": _quoted(row.before["name"])})
        else:
            if row.changed("name"):
                lines.append(
                    _("Criterion %(old)s renamed %(new)s.")
                    % {"old": _quoted(row.before["name"]), "new": _quoted(name)}
                )
            if row.changed("weight"):
                lines.append(
                    _("Weight of %(name)s: %(old)s → %(new)s.")
                    % {"name": _quoted(name), "old": row.before["weight"], "new": weight}
                )
    return lines


def _apply(model, decision: Decision, rows: Sequence[Row], fields: Sequence[str]) -> None:
    position = 0
    for row in rows:
        if row.delete:
            if row.instance is not None:
                row.instance.delete()
            continue
        if row.instance is None:
            model.objects.create(decision=decision, position=position, **row.values)
        else:
            for name in fields:
                setattr(row.instance, name, row.values[name])
            row.instance.position = position
            row.instance.save()
        position += 1


@transaction.atomic
def decision_update(
    *,
    decision: Decision,
    version: int | None,
    question: str,
    context: str,
    options: Sequence[Row],
    criteria: Sequence[Row],
    reason: str = "",
) -> DecisionChange | None:
    """Edit the question, the options and the criteria; raises ``StaleEdit`` when the
    decision moved past ``version``."""
    _claim(decision, version)
    lines = []
    if decision.question != question:
        lines.append(
            _("Question changed from %(old)s to %(new)s.")
            % {"old": _quoted(decision.question), "new": _quoted(question)}
        )
    if decision.context != context:
        lines.append(_("Context edited."))
    lines += _option_lines(options) + _criterion_lines(criteria)
    Decision.objects.filter(pk=decision.pk).update(question=question, context=context)
    decision.question, decision.context = question, context
    _apply(DecisionOption, decision, options, OPTION_FIELDS)
    _apply(DecisionCriterion, decision, criteria, CRITERION_FIELDS)
    return _record(decision, lines, reason)


def _was(old: int | None) -> str:
    return _("unscored") if old is None else str(old)


@transaction.atomic
def decision_score(
    *,
    decision: Decision,
    version: int | None,
    scores: dict[tuple[DecisionOption, DecisionCriterion], int | None],
    guts: dict[DecisionOption, int | None],
    reason: str = "",
) -> DecisionChange | None:
    """Set the score grid and the gut check; None clears a cell. Only this decision's
    options and criteria are accepted (the form checks it; this says so again)."""
    _claim(decision, version)
    for option, criterion in scores:
        if option.decision_id != decision.pk or criterion.decision_id != decision.pk:
            raise ValueError("a score for another decision's option or criterion")
    existing = {
        (s.option_id, s.criterion_id): s
        for s in DecisionScore.objects.filter(option__decision=decision)
    }
    lines = []
    for (option, criterion), value in scores.items():
        found = existing.get((option.pk, criterion.pk))
        old = found.score if found else None
        if old == value:
            continue
        lines.append(
            _("%(option)s on %(criterion)s: %(old)s → %(new)s.")
            % {
                "option": _quoted(option.title),
                "criterion": _quoted(criterion.name),
                "old": _was(old),
                "new": _was(value),
            }
        )
        if value is None:
            found.delete()
        elif found is None:
            DecisionScore.objects.create(option=option, criterion=criterion, score=value)
        else:
            found.score = value
            found.save(update_fields=["score"])
    for option, gut in guts.items():
        if option.decision_id != decision.pk:
            raise ValueError("a gut check for another decision's option")
        if option.gut != gut:
            lines.append(
                _("Gut check for %(option)s: %(old)s → %(new)s.")
                % {"option": _quoted(option.title), "old": _was(option.gut), "new": _was(gut)}
            )
            option.gut = gut
            option.save(update_fields=["gut"])
    return _record(decision, lines, reason)


@transaction.atomic
def decision_decide(
    *,
    decision: Decision,
    version: int | None,
    option: DecisionOption,
    reason: str,
    decided_on: datetime.date,
    start_goal: bool = False,
    target_role: bool = False,
) -> Decision:
    """Choose ``option``; optionally start a goal for it and pursue its role."""
    if option.decision_id != decision.pk:
        raise ValueError("an option of another decision")
    _claim(decision, version)
    lines = [_("Chose %(option)s.") % {"option": _quoted(option.title)}]
    previous = decision.chosen
    if previous is not None and previous.pk != option.pk:
        lines = [
            _("Changed the choice from %(old)s to %(new)s.")
            % {"old": _quoted(previous.title), "new": _quoted(option.title)}
        ]
    decision.status, decision.chosen = DecisionStatus.DECIDED, option
    decision.reason, decision.decided_on = reason.strip(), decided_on
    if start_goal:
        decision.goal = _goal_for(decision, option)
        lines.append(_("Started the goal %(goal)s.") % {"goal": _quoted(decision.goal.title)})
    if target_role and option.role is not None:
        target_role_set(user=decision.user, role=option.role, status=TargetStatus.PURSUING)
        lines.append(_("Now pursuing the role %(role)s.") % {"role": _quoted(option.role.title)})
    decision.save(update_fields=["status", "chosen", "reason", "decided_on", "goal"])
    _record(decision, lines, reason)
    return decision


def _goal_for(decision: Decision, option: DecisionOption) -> Goal:
    goal = goal_create(
        user=decision.user,
        title=Truncator(option.title).chars(TITLE_MAX_LENGTH),
        why=_("Chosen when I asked myself %(question)s: %(reason)s")
        % {"question": _quoted(decision.question), "reason": decision.reason},
        category=Category.ROLE,
        horizon=Horizon.LONG,
        target_date=None,
    )
    if option.role is not None:
        goal.role = option.role
        goal.save(update_fields=["role"])
    return goal


@transaction.atomic
def decision_reopen(*, decision: Decision, version: int | None, reason: str = "") -> Decision:
    """Open a decided question again; the choice is kept in the history."""
    _claim(decision, version)
    title = decision.chosen.title if decision.chosen else _("an option since removed")
    decision.status, decision.chosen, decision.decided_on = DecisionStatus.OPEN, None, None
    decision.save(update_fields=["status", "chosen", "decided_on"])
    _record(
        decision, [_("Reopened; the choice was %(option)s.") % {"option": _quoted(title)}], reason
    )
    return decision


def decision_delete(*, decision: Decision) -> None:
    decision.delete()
