"""Admins manage the feedback prompt sets and see, per set, counts only: no giver, no
answer, and no page for requests or answers at all."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from careerapp.models import User
from reviews.models import FeedbackAnswer, FeedbackPrompt, FeedbackPromptSet, FeedbackRequest
from reviews.tests.factories_feedback import FeedbackRequestFactory, answer, shipped_set, strengths

pytestmark = pytest.mark.django_db

SECRET_ANSWER = "Olivia talks over people in meetings"
GIVER = "Confidential Carla"


@pytest.fixture
def admin_client(password):
    client = Client()
    client.force_login(User.objects.create_superuser("admin@example.com", password))
    return client


@pytest.fixture
def answered(owner):
    """Two answered requests and a waiting one with the general set."""
    for _ in range(2):
        answer(
            FeedbackRequestFactory(owner=owner, name=GIVER, email="carla@example.com"),
            text=SECRET_ANSWER,
            picks=strengths(2),
        )
    FeedbackRequestFactory(owner=owner, name=GIVER)
    return shipped_set()


def test_requests_and_answers_have_no_admin():
    assert FeedbackRequest not in admin.site._registry
    assert FeedbackAnswer not in admin.site._registry
    assert FeedbackPrompt not in admin.site._registry  # only inline, under its set
    for name in ("feedbackrequest", "feedbackanswer"):
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:reviews_{name}_changelist")


def test_the_list_shows_requests_sent_and_answered_per_set(admin_client, answered):
    url = reverse("admin:reviews_feedbackpromptset_changelist")
    response = admin_client.get(url)
    rows = {row.pk: row for row in response.context["cl"].result_list}
    assert (rows[answered.pk].requests_sent, rows[answered.pk].requests_answered) == (3, 2)
    assert (rows[shipped_set("after-a-project").pk].requests_sent, 0) == (0, 0)
    html = response.content.decode()
    assert SECRET_ANSWER not in html
    assert GIVER not in html


def test_the_lists_query_count_does_not_grow_with_the_sets(admin_client, answered):
    url = reverse("admin:reviews_feedbackpromptset_changelist")
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for number in range(5):
        FeedbackPromptSet.objects.create(name=f"Extra {number}", slug=f"extra-{number}")
    with CaptureQueriesContext(connection) as more:
        admin_client.get(url)
    assert len(more) == len(few)


def test_a_sets_page_shows_its_questions_and_no_answer(admin_client, answered):
    response = admin_client.get(
        reverse("admin:reviews_feedbackpromptset_change", args=[answered.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "What should I keep doing?" in html
    assert SECRET_ANSWER not in html
    assert GIVER not in html
    assert "carla@example.com" not in html


def test_deleting_a_used_set_is_refused_with_a_count_not_names(admin_client, answered):
    url = reverse("admin:reviews_feedbackpromptset_delete", args=[answered.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "was used for 3 feedback requests, so it cannot be deleted" in html
    assert GIVER not in html

    refused = admin_client.post(url, {"post": "yes"})
    assert refused.status_code == 200
    assert FeedbackPromptSet.objects.filter(pk=answered.pk).exists()
    assert FeedbackAnswer.objects.filter(request__prompt_set=answered).count() == 6


def test_deleting_used_sets_in_bulk_is_refused_the_same_way(admin_client, answered):
    unused = shipped_set("after-a-project")
    response = admin_client.post(
        reverse("admin:reviews_feedbackpromptset_changelist"),
        {"action": "delete_selected", "_selected_action": [answered.pk, unused.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert "cannot be deleted" in response.content.decode()
    assert FeedbackPromptSet.objects.filter(pk__in=[answered.pk, unused.pk]).count() == 2


def test_an_unused_set_can_be_deleted(admin_client):
    unused = shipped_set("after-a-project")
    response = admin_client.post(
        reverse("admin:reviews_feedbackpromptset_delete", args=[unused.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not FeedbackPromptSet.objects.filter(pk=unused.pk).exists()
