"""Admins manage reflection prompts, and see check-ins only as counts and dates."""

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from careerapp.models import User
from goals.tests.factories import GoalFactory
from reviews.content import load_reflection_prompts, prompt_text
from reviews.models import (
    CheckIn,
    GoalReview,
    NextStep,
    PromptScope,
    Reflection,
    ReflectionPrompt,
    Schedule,
)
from reviews.tests.factories import CheckInFactory, GoalReviewFactory

pytestmark = pytest.mark.django_db

PROMPTS = "admin:reviews_reflectionprompt_changelist"
CHECKINS = "admin:reviews_checkin_changelist"

# Private words and scores that must never reach an admin's screen.
NOTE = "My manager keeps taking credit for the migration"
ANSWER = "I am thinking about leaving in the spring"
CORRECTION = "Burnt out after the launch, pushing this back"


@pytest.fixture
def admin_client(client, password):
    client.force_login(User.objects.create_superuser("admin@example.com", password))
    return client


@pytest.fixture
def prompts():
    load_reflection_prompts(ReflectionPrompt)


@pytest.fixture
def private_checkin(owner, prompts):
    checkin = CheckInFactory(user=owner, satisfaction=1, energy=2)
    goal = GoalFactory(user=owner, title="Lead the platform team")
    GoalReviewFactory(checkin=checkin, goal=goal, note=NOTE, correction_reason=CORRECTION)
    GoalReviewFactory(checkin=checkin, goal=GoalFactory(user=owner), note="Fine.")
    prompt = ReflectionPrompt.objects.get(text=prompt_text("avoiding"))
    Reflection.objects.create(
        checkin=checkin, prompt=prompt, prompt_text=prompt.text, answer=ANSWER
    )
    return checkin


def _main(response) -> str:
    """The page's own content, without the admin's navigation sidebar."""
    html = response.content.decode()
    return html.split('id="content-main"', 1)[1].split('id="footer"', 1)[0]


def _assert_nothing_private(html: str) -> None:
    for secret in (NOTE, ANSWER, CORRECTION, "Lead the platform team", prompt_text("avoiding")):
        assert secret not in html
    for label in ("satisfaction", "energy", "note", "reflection", "answer"):
        assert label not in html.lower()


# --- Reflection prompts ----------------------------------------------------------------


def test_prompt_changelist_lists_the_shipped_prompts_with_scope_and_order(admin_client, prompts):
    response = admin_client.get(reverse(PROMPTS))

    assert response.status_code == 200
    html = response.content.decode()
    assert "What are you avoiding?" in html
    assert "Quarterly check-ins only" in html
    assert 'name="form-0-order"' in html  # editable on the list page
    assert 'name="form-0-is_active"' in html


def test_prompt_changelist_filters_by_scope_and_searches_the_text(admin_client, prompts):
    quarterly = admin_client.get(reverse(PROMPTS), {"scope__exact": PromptScope.QUARTERLY})
    assert "Looking back over the quarter" in quarterly.content.decode()
    assert "What are you avoiding?" not in quarterly.content.decode()

    found = admin_client.get(reverse(PROMPTS), {"q": "avoiding"})
    assert list(found.context["cl"].result_list) == [
        ReflectionPrompt.objects.get(text=prompt_text("avoiding"))
    ]


def test_admin_edits_a_prompt(admin_client, prompts):
    prompt = ReflectionPrompt.objects.get(text=prompt_text("proud"))

    response = admin_client.post(
        reverse("admin:reviews_reflectionprompt_change", args=[prompt.pk]),
        {
            "text_en": "What are you quietly proud of?",
            "text_fr": "",
            "text_es": "",
            "help_text_en": "Nobody has to have noticed.",
            "help_text_fr": "",
            "help_text_es": "",
            "scope": PromptScope.EVERY,
            "order": "55",
        },
    )

    assert response.status_code == 302
    prompt.refresh_from_db()
    assert prompt.text == "What are you quietly proud of?"
    assert prompt.order == 55
    assert not prompt.is_active  # the box was left unticked


# --- Check-ins: counts and dates only ----------------------------------------------------


def test_checkin_changelist_shows_people_dates_and_goal_counts(admin_client, private_checkin):
    response = admin_client.get(reverse(CHECKINS))

    assert response.status_code == 200
    html = response.content.decode()
    assert "owner@example.com" in html
    assert "Jan. 1, 2027" in html
    assert "Jan. 31, 2027" in html
    [row] = response.context["cl"].result_list
    assert row.goals_reviewed == 2
    assert 'class="field-goals_reviewed">2<' in html


def test_checkin_changelist_never_shows_notes_reflections_or_scores(admin_client, private_checkin):
    response = admin_client.get(reverse(CHECKINS))
    _assert_nothing_private(_main(response))
    for secret in (NOTE, ANSWER, CORRECTION):
        assert secret not in response.content.decode()


def test_checkin_detail_is_read_only_and_never_shows_private_text(admin_client, private_checkin):
    response = admin_client.get(reverse("admin:reviews_checkin_change", args=[private_checkin.pk]))

    assert response.status_code == 200
    html = _main(response)
    assert "owner@example.com" in html
    assert "Goals reviewed" in html
    assert 'name="_save"' not in html
    assert html.count("<input") == 1  # the CSRF token, and no field to edit
    _assert_nothing_private(html)


def test_checkins_cannot_be_filtered_by_satisfaction_or_energy(admin_client, private_checkin):
    for lookup in ("satisfaction", "satisfaction__lte", "energy__exact"):
        response = admin_client.get(reverse(CHECKINS), {lookup: "1"})
        assert response.status_code == 400, lookup


def test_checkins_cannot_be_searched_or_filtered_by_their_notes(admin_client, private_checkin):
    searched = admin_client.get(reverse(CHECKINS), {"q": "credit"})
    assert list(searched.context["cl"].result_list) == []
    filtered = admin_client.get(reverse(CHECKINS), {"goal_reviews__note__icontains": "credit"})
    assert filtered.status_code == 400


def test_checkins_cannot_be_added_changed_or_deleted(admin_client, private_checkin):
    url = reverse("admin:reviews_checkin_change", args=[private_checkin.pk])
    delete_url = reverse("admin:reviews_checkin_delete", args=[private_checkin.pk])
    assert admin_client.get(reverse("admin:reviews_checkin_add")).status_code == 403
    assert admin_client.post(url, {"status": "draft"}).status_code == 403
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 403
    # No bulk actions either: the list offers none, and a forged one does nothing.
    assert 'name="action"' not in admin_client.get(reverse(CHECKINS)).content.decode()
    admin_client.post(
        reverse(CHECKINS),
        {"action": "delete_selected", "_selected_action": [private_checkin.pk], "post": "yes"},
    )

    private_checkin.refresh_from_db()
    assert private_checkin.status == "submitted"
    assert str(private_checkin.period_start) == "2027-01-01"
    assert CheckIn.objects.filter(pk=private_checkin.pk).exists()


def test_private_parts_of_a_check_in_are_not_registered():
    for model in (GoalReview, Reflection, NextStep, Schedule):
        assert not admin.site.is_registered(model), model.__name__
    with pytest.raises(NoReverseMatch):
        reverse("admin:reviews_goalreview_changelist")
    with pytest.raises(NoReverseMatch):
        reverse("admin:reviews_reflection_changelist")
