"""The role library's admin: tracks, roles, the matrix, duplicating, learning suggestions."""

import pytest
from django.urls import reverse

from assessments.models import LearningKind, LearningSuggestion, Role, RoleMove, RoleSkill
from assessments.tests.factories_roles import (
    LearningKindFactory,
    LearningSuggestionFactory,
    RoleFactory,
    RoleMoveFactory,
    RoleSkillFactory,
    TrackFactory,
    learning_kind,
    skill_question,
)
from goals.models import LearningItem
from goals.tests.factories import LearningItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def track():
    track = TrackFactory(name="Care")
    nurse = RoleFactory(track=track, title="Nurse", slug="nurse", level="mid", order=1)
    charge = RoleFactory(track=track, title="Charge nurse", slug="charge", level="lead", order=2)
    RoleSkillFactory(role=nurse, question=skill_question("listening"), level=4)
    RoleSkillFactory(role=charge, question=skill_question("leading"), level=3)
    RoleSkillFactory(
        role=charge, question=skill_question("listening"), level=2, importance="helpful"
    )
    RoleMoveFactory(from_role=nurse, to_role=charge, typical_months=30)
    return track


@pytest.mark.parametrize(
    "name",
    [
        "admin:assessments_track_changelist",
        "admin:assessments_track_add",
        "admin:assessments_role_changelist",
        "admin:assessments_role_add",
        "admin:assessments_learningsuggestion_changelist",
        "admin:assessments_learningsuggestion_add",
    ],
)
def test_the_library_admin_pages_open(admin_client, track, name):
    LearningSuggestionFactory()
    assert admin_client.get(reverse(name)).status_code == 200


def test_a_tracks_page_lists_its_roles_and_links_the_matrix(admin_client, track):
    response = admin_client.get(reverse("admin:assessments_track_change", args=[track.pk]))
    assert response.status_code == 200
    assert "Charge nurse" in response.text
    assert reverse("admin:assessments_track_matrix", args=[track.pk]) in response.text
    assert track.get_absolute_url() in response.text


def test_a_roles_page_has_skills_and_moves_inline_and_links_its_public_page(admin_client, track):
    nurse = Role.objects.get(slug="nurse")
    response = admin_client.get(reverse("admin:assessments_role_change", args=[nurse.pk]))
    assert response.status_code == 200
    assert "skills-0-question" in response.text
    assert "moves-0-to_role" in response.text
    assert nurse.get_absolute_url() in response.text
    assert "See it as people do" in response.text


def test_the_role_list_filters_by_track_level_and_open(admin_client, track):
    other = RoleFactory(title="Accountant", level="senior", is_open=True)
    url = reverse("admin:assessments_role_changelist")
    by_track = admin_client.get(url, {"track__id__exact": track.pk}).context["cl"].result_list
    assert {role.slug for role in by_track} == {"nurse", "charge"}
    by_level = admin_client.get(url, {"level__exact": "senior"}).context["cl"].result_list
    assert other in by_level
    assert not by_level.filter(track=track).exists()
    open_here = admin_client.get(url, {"is_open__exact": "1"}).context["cl"].result_list
    assert list(open_here.filter(pk__in=[other.pk, *track.roles.values_list("pk", flat=True)])) == [
        other
    ]
    found = admin_client.get(url, {"q": "charge"}).context["cl"].result_list
    assert [role.slug for role in found] == ["charge"]


def test_the_matrix_shows_roles_in_level_order_and_each_skills_level(admin_client, track):
    response = admin_client.get(reverse("admin:assessments_track_matrix", args=[track.pk]))
    assert response.status_code == 200
    assert [role.slug for role in response.context["roles"]] == ["nurse", "charge"]
    rows = {row.question.pk: row.cells for row in response.context["rows"]}
    listening = rows[skill_question("listening").pk]
    assert [(cell.level, cell.importance) for cell in listening] == [(4, "core"), (2, "helpful")]
    assert rows[skill_question("leading").pk][0] is None
    assert "<strong" in response.text


def test_the_matrix_of_an_unknown_track_redirects_to_the_admin(admin_client):
    response = admin_client.get(reverse("admin:assessments_track_matrix", args=[999999]))
    assert response.status_code == 302


def test_duplicating_a_role_copies_its_skills_and_moves_hidden_and_closed(admin_client, track):
    nurse = Role.objects.get(slug="nurse")
    Role.objects.filter(pk=nurse.pk).update(is_open=True, open_contact="Ana")
    response = admin_client.post(
        reverse("admin:assessments_role_changelist"),
        {"action": "duplicate_roles", "_selected_action": [nurse.pk]},
        follow=True,
    )
    assert response.status_code == 200
    copy = Role.objects.get(slug="nurse-copy")
    assert copy.title == "Nurse (copy)"
    assert (copy.is_active, copy.is_open, copy.open_contact) == (False, False, "")
    assert list(copy.skills.values_list("question_id", "level")) == list(
        nurse.skills.values_list("question_id", "level")
    )
    assert list(copy.moves.values_list("to_role__slug", "typical_months")) == [("charge", 30)]
    assert "Made 1 copy" in response.text
    again = admin_client.post(
        reverse("admin:assessments_role_changelist"),
        {"action": "duplicate_roles", "_selected_action": [nurse.pk]},
    )
    assert again.status_code == 302
    assert Role.objects.filter(slug="nurse-copy-2").exists()


def test_an_admin_adds_a_required_skill_and_a_move_inline(admin_client, track):
    nurse = Role.objects.get(slug="nurse")
    charge = Role.objects.get(slug="charge")
    skill = RoleSkill.objects.get(role=nurse)
    move = RoleMove.objects.get(from_role=nurse)
    data = {
        "track": track.pk,
        "title_en": "Nurse",
        "title_fr": "",
        "title_es": "",
        "slug": "nurse",
        "level": "mid",
        "order": 1,
        "summary_en": "Cares.",
        "summary_fr": "",
        "summary_es": "",
        "responsibilities_en": "",
        "responsibilities_fr": "",
        "responsibilities_es": "",
        "experience_en": "",
        "experience_fr": "",
        "experience_es": "",
        "open_contact": "",
        "open_url": "",
        "is_active": "on",
        "skills-TOTAL_FORMS": "2",
        "skills-INITIAL_FORMS": "1",
        "skills-0-id": skill.pk,
        "skills-0-role": nurse.pk,
        "skills-0-question": skill.question_id,
        "skills-0-level": 4,
        "skills-0-importance": "core",
        "skills-1-role": nurse.pk,
        "skills-1-question": skill_question("writing").pk,
        "skills-1-level": 2,
        "skills-1-importance": "helpful",
        "moves-TOTAL_FORMS": "1",
        "moves-INITIAL_FORMS": "1",
        "moves-0-id": move.pk,
        "moves-0-from_role": nurse.pk,
        "moves-0-to_role": charge.pk,
        "moves-0-typical_months": 24,
    }
    response = admin_client.post(reverse("admin:assessments_role_change", args=[nurse.pk]), data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert nurse.skills.count() == 2
    assert RoleMove.objects.get(from_role=nurse).typical_months == 24


def test_learning_suggestions_filter_by_kind(admin_client):
    book = LearningSuggestionFactory(kind=learning_kind("book"), title="A book")
    LearningSuggestionFactory(kind=learning_kind("course"), title="A course")
    url = reverse("admin:assessments_learningsuggestion_changelist")
    listed = admin_client.get(url, {"kind__id__exact": book.kind_id}).context["cl"].result_list
    assert book in listed
    assert not listed.exclude(kind__slug="book").exists()


def _suggestion_form(skill, kind, **values) -> dict:
    return {
        "question": skill.pk,
        "title_en": "Crucial Conversations",
        "title_fr": "",
        "title_es": "",
        "kind": kind.pk,
        "url": "example.com/crucial",
        "order": 3,
        "is_active": "on",
        **values,
    }


def test_an_admin_adds_and_then_edits_a_learning_suggestion(admin_client):
    listening, feedback = skill_question("listening"), skill_question("feedback")
    shipped = LearningSuggestion.objects.count()
    response = admin_client.post(
        reverse("admin:assessments_learningsuggestion_add"),
        _suggestion_form(listening, learning_kind("book")),
    )
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    suggestion = LearningSuggestion.objects.get(title="Crucial Conversations")
    assert (suggestion.question, suggestion.kind.slug, suggestion.url, suggestion.order) == (
        listening,
        "book",
        "https://example.com/crucial",  # typed without a scheme: taken as https
        3,
    )
    assert suggestion.is_active

    url = reverse("admin:assessments_learningsuggestion_change", args=[suggestion.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        _suggestion_form(
            feedback,
            learning_kind("course"),
            title_en="Crucial Conversations, the course",
            title_fr="Conversations cruciales",
            url="https://example.com/course",
            is_active="",
        ),
    )
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    suggestion.refresh_from_db()
    assert (suggestion.question, suggestion.kind.slug, suggestion.url) == (
        feedback,
        "course",
        "https://example.com/course",
    )
    assert (suggestion.title_en, suggestion.title_fr) == (
        "Crucial Conversations, the course",
        "Conversations cruciales",
    )
    assert not suggestion.is_active
    assert LearningSuggestion.objects.count() == shipped + 1


def test_a_learning_suggestion_needs_a_skill_and_a_title(admin_client):
    response = admin_client.post(
        reverse("admin:assessments_learningsuggestion_add"),
        _suggestion_form(
            skill_question("listening"), learning_kind("book"), question="", title_en=""
        ),
    )
    assert response.status_code == 422  # a form sent back with errors (careerapp.middleware)
    assert set(response.context["adminform"].form.errors) >= {"question", "title_en"}
    assert not LearningSuggestion.objects.filter(title="Crucial Conversations").exists()


def test_tracks_list_counts_their_roles(admin_client, track):
    response = admin_client.get(reverse("admin:assessments_track_changelist"))
    row = response.context["cl"].result_list.get(pk=track.pk)
    assert row.role_count == 2


# --- Learning kinds ------------------------------------------------------------------------


def test_shipped_learning_kinds_are_listed_in_order(admin_client):
    response = admin_client.get(reverse("admin:assessments_learningkind_changelist"))
    slugs = [kind.slug for kind in response.context["cl"].result_list]
    assert slugs[:3] == ["course", "certification", "book"]
    assert {"conference", "mentoring", "practice", "article", "community"} <= set(slugs)
    assert LearningKind.objects.get(slug="certification").expires


def test_admin_adds_a_learning_kind(admin_client):
    url = reverse("admin:assessments_learningkind_add")
    response = admin_client.post(
        url,
        {
            "name_en": "Podcast",
            "name_fr": "",
            "name_es": "",
            "slug": "podcast",
            "order": 5,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert LearningKind.objects.get(slug="podcast").name == "Podcast"


def test_deleting_a_kind_in_use_is_refused_with_a_count(admin_client):
    kind = LearningKindFactory(name="Podcast")
    LearningSuggestionFactory(kind=kind)
    # Two people's logs and a second item of one of them: three items, no title shown.
    LearningItemFactory.create_batch(2, kind=kind, title="Someone's private listening")
    LearningItemFactory(kind=kind, user=LearningItem.objects.first().user)
    url = reverse("admin:assessments_learningkind_delete", args=[kind.pk])
    response = admin_client.get(url)
    page = response.content.decode()
    assert (
        "is used by 1 learning suggestion and 3 logged learning items, so it cannot be "
        "deleted." in page
    )
    assert "Someone" not in page
    response = admin_client.post(url, {"post": "yes"})
    assert LearningKind.objects.filter(pk=kind.pk).exists()
    assert LearningItem.objects.filter(kind=kind).count() == 3


def test_a_kind_only_people_logged_is_refused_with_their_count(admin_client):
    kind = LearningKindFactory(name="Podcast")
    LearningItemFactory(kind=kind)
    url = reverse("admin:assessments_learningkind_delete", args=[kind.pk])
    page = admin_client.get(url).content.decode()
    assert "is used by 0 learning suggestions and 1 logged learning item" in page
    admin_client.post(url, {"post": "yes"})
    assert LearningKind.objects.filter(pk=kind.pk).exists()


def test_an_unused_kind_can_be_deleted(admin_client):
    kind = LearningKindFactory(name="Podcast")
    url = reverse("admin:assessments_learningkind_delete", args=[kind.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not LearningKind.objects.filter(pk=kind.pk).exists()
