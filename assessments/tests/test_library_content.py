"""The role library's loader: by slug, repeatable, admins' choices kept, bad content refused."""

from __future__ import annotations

import pytest

from assessments.content import ORDER_STEP
from assessments.content.library import LibraryContentError, load_roles
from assessments.content.roles import LEARNING, TRACKS
from assessments.content.skills import SKILL_KEYS
from assessments.models import (
    Instrument,
    LearningKind,
    LearningSuggestion,
    Question,
    Role,
    RoleMove,
    RoleSkill,
    Track,
)

pytestmark = pytest.mark.django_db

MODELS = (Track, Role, RoleSkill, RoleMove, LearningSuggestion, Question, Instrument)


def _sample() -> dict:
    """A small library of its own, so these tests do not depend on the shipped data."""
    return {
        "tracks": [
            {
                "slug": "sample-care",
                "name": "Care",
                "summary": "Looking after people.",
                "roles": [
                    {
                        "slug": "sample-nurse",
                        "title": "Nurse",
                        "level": "mid",
                        "summary": "Cares for patients.",
                        "responsibilities": ["Assess patients", "Plan care"],
                        "experience": "Two years.",
                        "skills": [("craft", 3, "core"), ("listening", 4, "helpful")],
                        "moves": [("sample-charge-nurse", 30)],
                    },
                    {
                        "slug": "sample-charge-nurse",
                        "title": "Charge nurse",
                        "level": "lead",
                        "summary": "Runs a ward's shift.",
                        "responsibilities": ["Lead the shift"],
                        "experience": "Five years.",
                        "skills": [("leading", 3, "core")],
                        "moves": [],
                    },
                ],
            }
        ],
        "learning": {
            "listening": [
                {"title": "Listen first", "kind": "book", "url": "https://example.com/listen"},
                {"title": "Reflective listening", "kind": "practice", "url": ""},
            ]
        },
        "skill_keys": SKILL_KEYS,
    }


def _load(**content) -> int:
    return load_roles(*MODELS, LearningKind=LearningKind, **(_sample() | content))


def _skill(key: str) -> Question:
    return Question.objects.get(instrument__slug="skills", order=SKILL_KEYS[key] * ORDER_STEP)


def _snapshot() -> list[list[dict]]:
    return [list(model.objects.order_by("pk").values()) for model in MODELS[:5]]


def test_the_migration_loads_the_shipped_library():
    shipped = [role["slug"] for track in TRACKS for role in track["roles"]]
    assert set(Role.objects.filter(slug__in=shipped).values_list("slug", flat=True)) == set(shipped)
    for key in LEARNING:
        assert LearningSuggestion.objects.filter(question=_skill(key)).exists()


def test_loading_creates_tracks_roles_skills_moves_and_suggestions():
    assert _load() > 0
    nurse = Role.objects.get(slug="sample-nurse")
    assert nurse.track.name == "Care"
    assert nurse.responsibility_list == ["Assess patients", "Plan care"]
    assert (nurse.is_active, nurse.is_open) == (True, False)
    skills = {(rs.question_id, rs.level, rs.importance) for rs in nurse.skills.all()}
    assert skills == {(_skill("craft").pk, 3, "core"), (_skill("listening").pk, 4, "helpful")}
    move = RoleMove.objects.get(from_role=nurse)
    assert (move.to_role.slug, move.typical_months) == ("sample-charge-nurse", 30)
    suggestions = LearningSuggestion.objects.filter(question=_skill("listening")).order_by("order")
    assert [(s.title, s.order) for s in suggestions] == [
        ("Listen first", ORDER_STEP),
        ("Reflective listening", 2 * ORDER_STEP),
    ]


def test_a_second_load_writes_nothing():
    _load()
    before = _snapshot()
    assert _load() == 0
    assert _snapshot() == before


def test_a_reload_keeps_the_admins_choices_and_restores_the_shipped_words():
    _load()
    nurse = Role.objects.get(slug="sample-nurse")
    Role.objects.filter(pk=nurse.pk).update(
        title="Renamed",
        summary="Edited",
        is_active=False,
        is_open=True,
        open_contact="Ana in HR",
        open_url="https://example.com/jobs/1",
        order=99,
    )
    Track.objects.filter(slug="sample-care").update(name="Renamed", is_active=False, order=7)
    RoleSkill.objects.filter(role=nurse, question=_skill("craft")).update(level=5)
    RoleMove.objects.filter(from_role=nurse).update(typical_months=3)
    LearningSuggestion.objects.filter(title="Listen first").update(title="X", is_active=False)

    # One row each: the role, the track, the skill, the move, the suggestion.
    assert _load() == 5
    nurse.refresh_from_db()
    assert (nurse.title, nurse.summary) == ("Nurse", "Cares for patients.")
    assert (nurse.is_active, nurse.is_open, nurse.order) == (False, True, 99)
    assert (nurse.open_contact, nurse.open_url) == ("Ana in HR", "https://example.com/jobs/1")
    track = Track.objects.get(slug="sample-care")
    assert (track.name, track.is_active, track.order) == ("Care", False, 7)
    assert RoleSkill.objects.get(role=nurse, question=_skill("craft")).level == 3
    assert RoleMove.objects.get(from_role=nurse).typical_months == 30
    suggestion = LearningSuggestion.objects.get(question=_skill("listening"), order=ORDER_STEP)
    assert (suggestion.title, suggestion.is_active) == ("Listen first", False)


def test_a_reload_keeps_what_the_admins_added():
    _load()
    nurse = Role.objects.get(slug="sample-nurse")
    own = Role.objects.create(
        track=nurse.track, slug="own-role", title="Own", level="mid", summary="Theirs."
    )
    RoleSkill.objects.create(role=nurse, question=_skill("writing"), level=2)
    RoleMove.objects.create(from_role=nurse, to_role=own, typical_months=6)
    assert _load() == 0
    assert nurse.skills.count() == 3
    assert nurse.moves.count() == 2


def test_a_move_may_lead_to_a_role_an_admin_made():
    _load()
    charge = Role.objects.get(slug="sample-charge-nurse")
    Role.objects.create(track=charge.track, slug="own-role", title="Own", level="mid", summary=".")
    tracks = _sample()["tracks"]
    tracks[0]["roles"][1]["moves"] = [("own-role", 12)]
    assert _load(tracks=tracks) == 1
    assert charge.moves.get().to_role.slug == "own-role"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda role: role["skills"].append(("juggling", 3, "core")), "unknown skill key"),
        (lambda role: role["skills"].append(("writing", 6, "core")), "is not 1-5"),
        (lambda role: role["skills"].append(("writing", 2, "vital")), "importance"),
        (lambda role: role.update(level="wizard"), "unknown level"),
        (lambda role: role["moves"].append(("nowhere", 12)), "unknown role"),
    ],
    ids=["skill key", "level", "importance", "role level", "move"],
)
def test_bad_content_is_refused_loudly_before_anything_is_written(change, message):
    tracks = _sample()["tracks"]
    change(tracks[0]["roles"][0])
    with pytest.raises(LibraryContentError, match=message):
        _load(tracks=tracks)
    assert not Track.objects.filter(slug="sample-care").exists()


def test_a_learning_suggestion_for_an_unknown_skill_is_refused():
    with pytest.raises(LibraryContentError, match="'juggling' in LEARNING"):
        _load(learning={"juggling": [{"title": "Balls", "kind": "practice", "url": ""}]})


def test_a_learning_suggestion_of_an_unknown_kind_is_refused():
    with pytest.raises(LibraryContentError, match="unknown learning kind 'juggling'"):
        _load(learning={"listening": [{"title": "Balls", "kind": "juggling", "url": ""}]})


def test_learning_kinds_reload_their_words_but_keep_the_admins_order():
    kind = LearningKind.objects.get(slug="book")
    kind.name, kind.order, kind.is_active = "Books!", 999, False
    kind.save()
    _load()
    kind.refresh_from_db()
    assert (kind.name, kind.order, kind.is_active) == ("Book", 999, False)


def test_a_skill_key_whose_question_is_missing_is_refused():
    with pytest.raises(LibraryContentError, match="skill questions not loaded: extra"):
        _load(skill_keys={**SKILL_KEYS, "extra": 999})


def test_shipped_skill_keys_point_at_skill_questions():
    for key in SKILL_KEYS:
        assert _skill(key).type == "skill", key
