"""The loader of the shipped role library (``assessments.content.roles``), which data
migrations run.

What must stay true (as for the instruments, ``assessments.content``):
- No model imports: the loader takes the model classes, so migrations can pass historical
  ones.
- Loading is idempotent and cheap to repeat: a second run writes nothing, and it reads the
  existing rows in a handful of queries, so tests may reload after every flush.
- Identity: a track and a role are their slug; a required skill is (role, skill question);
  a move is (from role, to role); a learning suggestion is its skill and its position in
  the list (order = position * ORDER_STEP). A skill key resolves through ``SKILL_KEYS`` to
  the skills instrument's question at order position * ORDER_STEP.
- Shipped words belong to the content: a reload restores a track's name and summary, a
  role's track, title, level, summary, responsibilities and experience, a required skill's
  level and importance, a move's months, a suggestion's title, kind and link, a learning
  kind's name and whether it expires. What the admins decide - whether a track, role,
  suggestion or kind is shown, where it sorts, whether a role is open here and whom to
  ask - is set only when the row is created.
- A learning kind is its slug. Migrations from before kinds were rows (0005) pass no
  ``LearningKind``: the suggestions then keep the kind's slug in their own column.
- Nothing is deleted: an admin's own roles, skills and moves stay beside the shipped ones.
  Shipped content is retired by a migration that sets ``is_active`` to False.
- Content that names an unknown skill key, level, importance or role fails loudly
  (``LibraryContentError``) before anything is written.
"""

from __future__ import annotations

from assessments.content import ORDER_STEP, TRANSLATIONS
from assessments.content.abilities import SKILLS
from assessments.content.roles import KINDS, LEARNING, TRACKS
from assessments.content.skills import SKILL_KEYS
from careerapp.content import in_source_language, save_if_changed, translated

SKILLS_SLUG = SKILLS["slug"]
IMPORTANCES = ("core", "helpful")


class LibraryContentError(ValueError):
    """The shipped role library names something that does not exist."""


@in_source_language
def load_roles(
    Track,
    Role,
    RoleSkill,
    RoleMove,
    LearningSuggestion,
    Question,
    Instrument,
    *,
    LearningKind=None,
    tracks: list[dict] | None = None,
    learning: dict[str, list[dict]] | None = None,
    skill_keys: dict[str, int] | None = None,
    kinds: list[dict] | None = None,
) -> int:
    """Create or update the shipped learning kinds, tracks, roles, skills, moves and
    suggestions; return the rows written. ``tracks``, ``learning``, ``skill_keys`` and
    ``kinds`` default to the shipped content (tests pass their own)."""
    tracks = TRACKS if tracks is None else tracks
    learning = LEARNING if learning is None else learning
    skill_keys = SKILL_KEYS if skill_keys is None else skill_keys
    kinds = KINDS if kinds is None else kinds
    questions = _skill_questions(Question, Instrument, skill_keys)
    known_kinds = None
    if LearningKind is not None:
        known_kinds = {k["slug"] for k in kinds} | set(
            LearningKind.objects.values_list("slug", flat=True)
        )
    _check(Role, tracks, learning, questions, known_kinds)

    written = 0
    kind_rows = None
    if LearningKind is not None:
        kind_rows, written = load_kinds(LearningKind, kinds=kinds)
    existing_tracks = {track.slug: track for track in Track.objects.all()}
    existing_roles = {role.slug: role for role in Role.objects.all()}
    for track_position, track_spec in enumerate(tracks, start=1):
        track, count = _load_track(Track, existing_tracks, track_spec, track_position)
        written += count
        for role_position, role_spec in enumerate(track_spec["roles"], start=1):
            role, count = _load_role(Role, existing_roles, track, role_spec, role_position)
            existing_roles[role.slug] = role
            written += count
    written += _load_skills(RoleSkill, tracks, existing_roles, questions)
    written += _load_moves(RoleMove, tracks, existing_roles)
    written += _load_learning(LearningSuggestion, learning, questions, kind_rows)
    return written


@in_source_language
def load_kinds(LearningKind, *, kinds: list[dict] | None = None) -> tuple[dict, int]:
    """Create or update the shipped learning kinds; return every kind by slug (the admins'
    own too) and the rows written."""
    kinds = KINDS if kinds is None else kinds
    existing = {kind.slug: kind for kind in LearningKind.objects.all()}
    written = 0
    for position, spec in enumerate(kinds, start=1):
        values = translated(
            LearningKind, {"name": spec["name"], "expires": spec["expires"]}, TRANSLATIONS
        )
        kind = existing.get(spec["slug"])
        if kind is None:
            existing[spec["slug"]] = LearningKind.objects.create(
                slug=spec["slug"], order=position * ORDER_STEP, is_active=True, **values
            )
            written += 1
        else:
            written += save_if_changed(kind, values)
    return existing, written


def _skill_questions(Question, Instrument, skill_keys: dict[str, int]) -> dict[str, object]:
    """Each skill key's question; a key whose question is missing fails loudly."""
    instrument = Instrument.objects.filter(slug=SKILLS_SLUG).first()
    if instrument is None:
        raise LibraryContentError(f"the skills instrument ({SKILLS_SLUG!r}) is not loaded")
    by_order: dict[int, object] = {}
    for question in Question.objects.filter(instrument=instrument).order_by("order", "pk"):
        by_order.setdefault(question.order, question)
    found, missing = {}, []
    for key, position in skill_keys.items():
        question = by_order.get(position * ORDER_STEP)
        if question is None:
            missing.append(f"{key} (question {position})")
        else:
            found[key] = question
    if missing:
        raise LibraryContentError(f"skill questions not loaded: {', '.join(missing)}")
    return found


def _check(
    Role, tracks: list[dict], learning: dict, questions: dict, kinds: set[str] | None
) -> None:
    """Every name the content uses exists; otherwise nothing is written."""
    levels = {value for value, _label in Role._meta.get_field("level").choices}
    slugs = {role["slug"] for track in tracks for role in track["roles"]}
    known_roles = slugs | set(Role.objects.values_list("slug", flat=True))
    problems = [
        f"unknown skill key {key!r} in LEARNING" for key in learning if key not in questions
    ]
    if kinds is not None:
        problems += [
            f"unknown learning kind {spec['kind']!r} for skill key {key!r}"
            for key, specs in learning.items()
            for spec in specs
            if spec["kind"] not in kinds
        ]
    for track in tracks:
        for role in track["roles"]:
            where = f"role {role['slug']!r}"
            if role["level"] not in levels:
                problems.append(f"{where}: unknown level {role['level']!r}")
            for key, level, importance in role["skills"]:
                if key not in questions:
                    problems.append(f"{where}: unknown skill key {key!r}")
                if not 1 <= level <= 5:
                    problems.append(f"{where}: skill {key!r} level {level} is not 1-5")
                if importance not in IMPORTANCES:
                    problems.append(f"{where}: skill {key!r} importance {importance!r}")
            for to_slug, _months in role["moves"]:
                if to_slug not in known_roles or to_slug == role["slug"]:
                    problems.append(f"{where}: a move to unknown role {to_slug!r}")
    if problems:
        raise LibraryContentError("; ".join(problems))


def _load_track(Track, existing: dict, spec: dict, position: int) -> tuple[object, int]:
    values = translated(Track, {"name": spec["name"], "summary": spec["summary"]}, TRANSLATIONS)
    track = existing.get(spec["slug"])
    if track is None:
        track = Track.objects.create(
            slug=spec["slug"], order=position * ORDER_STEP, is_active=True, **values
        )
        return track, 1
    return track, save_if_changed(track, values)


def _load_role(Role, existing: dict, track, spec: dict, position: int) -> tuple[object, int]:
    values = {
        "track_id": track.pk,
        "title": spec["title"],
        "level": spec["level"],
        "summary": spec["summary"],
        "responsibilities": "\n".join(spec["responsibilities"]),
        "experience": spec["experience"],
    }
    values = translated(Role, values, TRANSLATIONS)
    role = existing.get(spec["slug"])
    if role is None:
        role = Role.objects.create(
            slug=spec["slug"], order=position * ORDER_STEP, is_active=True, is_open=False, **values
        )
        return role, 1
    return role, save_if_changed(role, values)


def _load_skills(RoleSkill, tracks: list[dict], roles: dict, questions: dict) -> int:
    existing = {(rs.role_id, rs.question_id): rs for rs in RoleSkill.objects.all()}
    written = 0
    for track in tracks:
        for spec in track["roles"]:
            role = roles[spec["slug"]]
            for key, level, importance in spec["skills"]:
                question = questions[key]
                values = {"level": level, "importance": importance}
                row = existing.get((role.pk, question.pk))
                if row is None:
                    RoleSkill.objects.create(role=role, question=question, **values)
                    written += 1
                else:
                    written += save_if_changed(row, values)
    return written


def _load_moves(RoleMove, tracks: list[dict], roles: dict) -> int:
    """``roles`` holds every role, the admins' own too: a move may lead to one of theirs."""
    existing = {(move.from_role_id, move.to_role_id): move for move in RoleMove.objects.all()}
    written = 0
    for track in tracks:
        for spec in track["roles"]:
            from_role = roles[spec["slug"]]
            for to_slug, months in spec["moves"]:
                to_role = roles[to_slug]
                row = existing.get((from_role.pk, to_role.pk))
                if row is None:
                    RoleMove.objects.create(
                        from_role=from_role, to_role=to_role, typical_months=months
                    )
                    written += 1
                else:
                    written += save_if_changed(row, {"typical_months": months})
    return written


def _load_learning(LearningSuggestion, learning: dict, questions: dict, kinds: dict | None) -> int:
    existing: dict[tuple[int, int], object] = {}
    for row in LearningSuggestion.objects.order_by("pk"):
        existing.setdefault((row.question_id, row.order), row)
    written = 0
    for key, suggestions in learning.items():
        question = questions[key]
        for position, spec in enumerate(suggestions, start=1):
            order = position * ORDER_STEP
            values = {"title": spec["title"], "url": spec["url"]}
            if kinds is None:
                values["kind"] = spec["kind"]  # the slug, in the column it had before
            else:
                values["kind_id"] = kinds[spec["kind"]].pk
            values = translated(LearningSuggestion, values, TRANSLATIONS)
            row = existing.get((question.pk, order))
            if row is None:
                LearningSuggestion.objects.create(
                    question=question, order=order, is_active=True, **values
                )
                written += 1
            else:
                written += save_if_changed(row, values)
    return written
