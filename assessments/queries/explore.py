"""What the Explore pages read: the library's tracks and roles, a role's page and the paths
between roles.

Each page runs a fixed number of queries however large the library is: rows arrive in one
query per kind, and the paths are walked in Python over the moves read once.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

from django.db.models import Q
from django.shortcuts import get_object_or_404

from assessments.models import (
    SKILL_LEVELS,
    CurrentRole,
    Importance,
    LearningSuggestion,
    Role,
    RoleMove,
    RoleSkill,
    Track,
)
from careerapp.content import ordered_as_read

# How many moves the paths page follows from (and back into) a role.
MAX_MOVES = 3


@dataclass
class TrackRoles:
    track: Track
    roles: list[Role] = field(default_factory=list)


def library(*, q: str = "", track: Track | None = None, level: str = "", open_only=False):
    """The active roles matching the filters, grouped by track in the tracks' order (1 query)."""
    roles = Role.objects.active().select_related("track").in_level_order()
    if q:
        roles = roles.filter(
            Q(title__icontains=q) | Q(summary__icontains=q) | Q(track__name__icontains=q)
        )
    if track is not None:
        roles = roles.filter(track=track)
    if level:
        roles = roles.filter(level=level)
    if open_only:
        roles = roles.open_here()
    groups: dict[int, TrackRoles] = {}
    for role in roles:
        groups.setdefault(role.track_id, TrackRoles(role.track)).roles.append(role)
    return list(groups.values())


def track_page(slug: str) -> dict:
    """A track, its roles in level order, and the moves from them (3 queries)."""
    track = get_object_or_404(Track.objects.active(), slug=slug)
    roles = list(Role.objects.active().filter(track=track).in_level_order())
    moves = (
        _active_moves()
        .filter(from_role__track=track)
        .select_related("from_role", "to_role__track")
        .order_by("from_role__order", "typical_months", ordered_as_read("to_role__title"))
    )
    by_role: dict[int, list[RoleMove]] = defaultdict(list)
    for move in moves:
        by_role[move.from_role_id].append(move)
    for role in roles:
        role.moves_out = by_role.get(role.pk, [])
    return {"track": track, "roles": roles}


def role_page(slug: str) -> dict:
    """A role with its skills (core first), moves out and in, and learning (5 queries)."""
    role = get_object_or_404(Role.objects.active().select_related("track"), slug=slug)
    skills = list(
        RoleSkill.objects.filter(role=role, question__is_active=True)
        .select_related("question")
        .order_by("importance", "-level", "question__order")
    )
    for skill in skills:
        skill.level_name, skill.level_words = SKILL_LEVELS[skill.level]
        skill.is_core = skill.importance == Importance.CORE
    suggestions: dict[int, list[LearningSuggestion]] = defaultdict(list)
    learning = (
        LearningSuggestion.objects.active()
        .filter(question_id__in=[skill.question_id for skill in skills])
        .select_related("kind")
    )
    for suggestion in learning:
        suggestions[suggestion.question_id].append(suggestion)
    moves = _active_moves().select_related("to_role__track", "from_role__track")
    return {
        "role": role,
        "skills": skills,
        "learning": [
            (s, suggestions[s.question_id]) for s in skills if s.question_id in suggestions
        ],
        "moves_out": list(
            moves.filter(from_role=role).order_by(
                "typical_months", ordered_as_read("to_role__title")
            )
        ),
        "moves_in": list(
            moves.filter(to_role=role).order_by(
                "typical_months", ordered_as_read("from_role__title")
            )
        ),
    }


@dataclass
class Path:
    """A role reached in ``len(via) + 1`` moves, the roles passed on the way, the months."""

    role: Role
    via: list[Role]
    months: int


def paths_page(user, chosen: str | None) -> dict:
    """Where a role leads and what leads into it (3 queries: roles, moves, current role).

    ``chosen`` is a role's slug, "other", or None for the person's current role.
    """
    in_order = list(Role.objects.active().select_related("track").in_level_order())
    roles = {role.pk: role for role in in_order}
    current = CurrentRole.objects.filter(user=user).select_related("role").first()
    if chosen is None and current is not None:
        chosen = current.role.slug if current.role_id in roles else "other"
    start = next((role for role in roles.values() if role.slug == chosen), None)
    forward: dict[int, list[tuple[int, int]]] = defaultdict(list)
    backward: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for from_id, to_id, months in _active_moves().values_list(
        "from_role_id", "to_role_id", "typical_months"
    ):
        forward[from_id].append((to_id, months))
        backward[to_id].append((from_id, months))
    context = {
        "roles": in_order,
        "start": start,
        "chosen": chosen,
        "current": current,
        "max_moves": MAX_MOVES,
    }
    if start is not None:
        context["leads_to"] = _by_moves(_walk(start.pk, forward, roles))
        arrivals = _walk(start.pk, backward, roles)
        for path in arrivals:
            path.via.reverse()  # walked backwards; read in the order the moves are made
        context["comes_from"] = _by_moves(arrivals)
    elif chosen == "other":
        # No role of the library: where people usually come in.
        context["entry_roles"] = [
            role for role in in_order if role.pk not in backward and role.pk in forward
        ]
    return context


def _walk(start: int, graph: dict, roles: dict[int, Role]) -> list[Path]:
    """Breadth-first from ``start``: each role once, at its fewest moves and, among those,
    its fewest months; never back through a role already on the way."""
    best: dict[int, tuple[int, int, list[int]]] = {start: (0, 0, [])}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        steps, months, via = best[here]
        if steps == MAX_MOVES:
            continue
        for there, more in sorted(graph.get(here, []), key=lambda edge: edge[1]):
            if there not in roles:
                continue
            candidate = (steps + 1, months + more, [*via, here] if here != start else [])
            known = best.get(there)
            if known is None:
                best[there] = candidate
                queue.append(there)
            elif known[0] == candidate[0] and candidate[1] < known[1]:
                best[there] = candidate
    return sorted(
        (
            Path(roles[pk], [roles[v] for v in via], months)
            for pk, (steps, months, via) in best.items()
            if pk != start
        ),
        key=lambda path: (len(path.via), path.months, path.role.title),
    )


def _by_moves(paths: list[Path]) -> list[tuple[int, list[Path]]]:
    grouped: dict[int, list[Path]] = defaultdict(list)
    for path in paths:
        grouped[len(path.via) + 1].append(path)
    return sorted(grouped.items())


def _active_moves():
    return RoleMove.objects.filter(
        from_role__in=Role.objects.active(), to_role__in=Role.objects.active()
    )


@dataclass
class MatrixRow:
    question: object
    cells: list[RoleSkill | None]


def track_matrix(track: Track) -> dict:
    """The admin's matrix of a track: a row per skill any of its roles asks for (in the
    questionnaire's order), a column per role in level order, hidden ones too (2 queries)."""
    roles = list(Role.objects.filter(track=track).in_level_order())
    column = {role.pk: index for index, role in enumerate(roles)}
    rows: dict[int, MatrixRow] = {}
    skills = (
        RoleSkill.objects.filter(role__track=track)
        .select_related("question")
        .order_by("question__order", "question_id")
    )
    for skill in skills:
        row = rows.setdefault(skill.question_id, MatrixRow(skill.question, [None] * len(roles)))
        row.cells[column[skill.role_id]] = skill
    return {"roles": roles, "rows": list(rows.values())}
