"""The Explore pages: the library with search and filters, a track, a role, the paths."""

import pytest
from django.urls import reverse

from assessments.models import CurrentRole, Role
from assessments.tests.factories_roles import (
    LearningSuggestionFactory,
    RoleFactory,
    RoleMoveFactory,
    RoleSkillFactory,
    TrackFactory,
    skill_question,
)

pytestmark = pytest.mark.django_db

EXPLORE = reverse("assessments:explore")
PATHS = reverse("assessments:paths")


@pytest.fixture
def library():
    """Care: nurse -> charge nurse -> ward manager; a move across to People: trainer."""
    care = TrackFactory(name="Care", slug="care", summary="Looking after people.")
    people = TrackFactory(name="People", slug="people")
    roles = {
        "manager": RoleFactory(
            track=care, slug="ward-manager", title="Ward manager", level="manager"
        ),
        "nurse": RoleFactory(
            track=care, slug="nurse", title="Nurse", level="mid", summary="Cares for patients."
        ),
        "charge": RoleFactory(
            track=care,
            slug="charge",
            title="Charge nurse",
            level="lead",
            is_open=True,
            open_contact="Ana in HR",
            open_url="https://example.com/jobs/7",
        ),
        "trainer": RoleFactory(track=people, slug="trainer", title="Clinical trainer"),
        "hidden": RoleFactory(track=care, slug="hidden", title="Hidden role", is_active=False),
    }
    RoleMoveFactory(from_role=roles["nurse"], to_role=roles["charge"], typical_months=30)
    RoleMoveFactory(from_role=roles["charge"], to_role=roles["manager"], typical_months=24)
    RoleMoveFactory(from_role=roles["charge"], to_role=roles["nurse"], typical_months=1)
    RoleMoveFactory(from_role=roles["nurse"], to_role=roles["trainer"], typical_months=12)
    RoleMoveFactory(from_role=roles["trainer"], to_role=roles["manager"], typical_months=6)
    RoleMoveFactory(from_role=roles["nurse"], to_role=roles["hidden"], typical_months=2)
    RoleSkillFactory(role=roles["charge"], question=skill_question("leading"), level=3)
    RoleSkillFactory(
        role=roles["charge"], question=skill_question("writing"), level=4, importance="helpful"
    )
    RoleSkillFactory(role=roles["charge"], question=skill_question("listening"), level=2)
    LearningSuggestionFactory(
        question=skill_question("leading"), title="Lead a huddle", url="https://example.com/h"
    )
    LearningSuggestionFactory(question=skill_question("leading"), title="Retired", is_active=False)
    return roles


def _slugs(response) -> list[str]:
    return [role.slug for group in response.context["groups"] for role in group.roles]


def test_signing_in_is_required(client, library):
    for url in (EXPLORE, PATHS, library["nurse"].get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_menu_has_explore_active_on_its_pages(owner_client, library):
    for url in (EXPLORE, PATHS, library["nurse"].get_absolute_url()):
        items = owner_client.get(url).context["nav_items"]
        assert [item["label"] for item in items if item["active"]] == ["Explore"]
    items = owner_client.get(reverse("assessments:index")).context["nav_items"]
    assert [item["label"] for item in items if item["active"]] == ["Assessments"]


def test_explore_lists_tracks_with_their_shown_roles_in_level_order(owner_client, library):
    response = owner_client.get(EXPLORE)
    assert response.status_code == 200
    groups = {
        group.track.slug: [r.slug for r in group.roles] for group in response.context["groups"]
    }
    assert groups["care"] == ["nurse", "charge", "ward-manager"]
    assert groups["people"] == ["trainer"]
    assert "Hidden role" not in response.text
    assert 'aria-current="page"' in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "CHARGE"}, ["charge"]),
        ({"q": "patients"}, ["nurse"]),
        ({"q": "people"}, ["trainer"]),
        ({"track": "people"}, ["trainer"]),
        ({"level": "lead"}, ["charge"]),
        ({"open": "on"}, ["charge"]),
        ({"q": "nurse", "track": "care", "level": "mid"}, ["nurse"]),
    ],
    ids=["title", "summary", "track name", "track", "level", "open", "combined"],
)
def test_explore_searches_and_filters(owner_client, library, query, expected):
    response = owner_client.get(EXPLORE, query)
    assert response.status_code == 200
    assert [slug for slug in _slugs(response) if slug in {r.slug for r in library.values()}] == (
        expected
    )


def test_nothing_found_says_so(owner_client, library):
    response = owner_client.get(EXPLORE, {"q": "astronaut"})
    assert response.context["groups"] == []
    assert "No role matches these filters" in response.text


@pytest.mark.parametrize(
    ("query", "field"),
    [({"track": "nowhere"}, "track"), ({"level": "wizard"}, "level"), ({"q": "x" * 101}, "q")],
)
def test_an_unknown_filter_value_is_a_400_with_a_message_and_the_others_still_apply(
    owner_client, library, query, field
):
    response = owner_client.get(EXPLORE, {**query, "open": "on"})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert "invalid-feedback" in response.text
    assert "charge" in _slugs(response)
    assert "nurse" not in _slugs(response)


def test_a_track_page_shows_its_roles_in_order_and_moves_from_them(owner_client, library):
    response = owner_client.get(reverse("assessments:track", args=["care"]))
    assert response.status_code == 200
    roles = response.context["roles"]
    assert [role.slug for role in roles] == ["nurse", "charge", "ward-manager"]
    nurse_moves = [(m.to_role.slug, m.typical_months) for m in roles[0].moves_out]
    assert nurse_moves == [("trainer", 12), ("charge", 30)]
    assert "in People" in response.text
    assert "about 30 months" in response.text


def test_a_role_page_shows_what_it_asks_for_core_first(owner_client, library):
    response = owner_client.get(library["charge"].get_absolute_url())
    assert response.status_code == 200
    skills = [(s.question.pk, s.importance) for s in response.context["skills"]]
    assert skills == [
        (skill_question("leading").pk, "core"),
        (skill_question("listening").pk, "core"),
        (skill_question("writing").pk, "helpful"),
    ]
    text = response.text
    assert "3 · Capable" in text
    assert "I do it on my own, reliably." in text
    assert "Lead a huddle" in text
    assert 'href="https://example.com/h"' in text
    assert "Retired" not in text
    assert "Talk to Ana in HR." in text
    assert 'href="https://example.com/jobs/7"' in text
    assert [m.to_role.slug for m in response.context["moves_out"]] == ["nurse", "ward-manager"]
    assert [m.from_role.slug for m in response.context["moves_in"]] == ["nurse"]
    # The compare and target blocks: the full comparison, the paths, the target buttons.
    assert f"{PATHS}?from=charge" in text
    assert reverse("assessments:role_compare", args=["charge"]) in text
    assert reverse("assessments:target", args=["charge"]) in text


def test_a_role_page_lists_responsibilities_and_experience(owner_client, library):
    response = owner_client.get(library["nurse"].get_absolute_url())
    assert "<li>Do the work</li>" in response.text
    assert "A few years." in response.text
    assert "Open in our organisation" not in response.text
    assert "Hidden role" not in response.text


@pytest.mark.parametrize("kind", ["track", "role"])
def test_an_unknown_or_hidden_slug_is_a_404(owner_client, library, kind):
    assert owner_client.get(reverse(f"assessments:{kind}", args=["nothing"])).status_code == 404
    if kind == "role":
        assert owner_client.get(library["hidden"].get_absolute_url()).status_code == 404
    else:
        TrackFactory(slug="gone", is_active=False)
        assert owner_client.get(reverse("assessments:track", args=["gone"])).status_code == 404


def test_a_role_of_a_hidden_track_is_a_404(owner_client, library):
    library["trainer"].track.__class__.objects.filter(slug="people").update(is_active=False)
    assert owner_client.get(library["trainer"].get_absolute_url()).status_code == 404


def _paths(response, key) -> dict[int, list[tuple[str, list[str], int]]]:
    return {
        moves: [(p.role.slug, [v.slug for v in p.via], p.months) for p in paths]
        for moves, paths in response.context[key]
    }


def test_paths_lead_breadth_first_up_to_three_moves_without_cycles(owner_client, library):
    response = owner_client.get(PATHS, {"from": "nurse"})
    assert response.status_code == 200
    assert _paths(response, "leads_to") == {
        1: [("trainer", [], 12), ("charge", [], 30)],
        # Through the trainer is quicker than through the charge nurse (54 months).
        2: [("ward-manager", ["trainer"], 18)],
    }
    assert _paths(response, "comes_from") == {1: [("charge", [], 1)]}
    assert "about 18 months" in response.text
    assert "hidden" not in str(_paths(response, "leads_to"))


def test_paths_start_from_the_current_role_by_default(owner_client, owner, library):
    response = owner_client.get(PATHS)
    assert response.context["start"] is None
    assert "Choose a role" in response.text
    CurrentRole.objects.create(user=owner, role=library["charge"])
    response = owner_client.get(PATHS)
    assert response.context["start"] == library["charge"]
    assert "Starting from your current role." in response.text


def test_paths_for_a_role_not_in_the_library_show_where_people_start(owner_client, owner, library):
    CurrentRole.objects.create(user=owner, other_title="Astronaut")
    response = owner_client.get(PATHS)
    assert response.context["chosen"] == "other"
    # The trainer leads on and only the nurse leads in; the nurse is reached back from the
    # charge nurse, so only roles nothing leads into count.
    assert not set(response.context["entry_roles"]) & set(library.values())
    Role.objects.filter(pk=library["charge"].pk).update(is_active=False)
    response = owner_client.get(PATHS, {"from": "other"})
    ours = [role for role in response.context["entry_roles"] if role in library.values()]
    assert ours == [library["nurse"]]
    assert "Where people often start" in response.text


@pytest.mark.parametrize("value", ["nowhere", "hidden", "<script>"])
def test_paths_from_an_unknown_role_is_a_400_with_a_message(owner_client, library, value):
    response = owner_client.get(PATHS, {"from": value})
    assert response.status_code == 400
    assert response.context["form"].errors["from"]
    assert "invalid-feedback" in response.text
    assert "leads_to" not in response.context
