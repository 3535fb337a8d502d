"""The owner's feedback pages: asking refuses bad input next to its field, another
person's request is a 404 that changes nothing, and each page's query count is pinned."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Instrument
from assessments.tests.factories import AnswerFactory, TakeFactory
from reviews.models import CircleMember, FeedbackPromptSet, FeedbackRequest
from reviews.queries.feedback import STRENGTHS_SLUG
from reviews.tests.factories_feedback import FeedbackRequestFactory, answer, shipped_set, strengths

pytestmark = pytest.mark.django_db

CREATE = "reviews:feedback_create"


def _ask(client, **fields):
    data = {"name": "", "email": "", "prompt_set": shipped_set().pk, "message": "", **fields}
    return client.post(reverse(CREATE), data)


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            {},
            {
                "name": ["Type their name, or choose someone from your circle."],
                "email": ["Type their email address, or choose someone from your circle."],
            },
        ),
        (
            {"name": "Grace", "email": "grace at example"},
            {"email": ["Enter a valid email address."]},
        ),
        (
            {"name": "Grace", "email": "grace@example.com", "prompt_set": "999999"},
            {"prompt_set": ["Choose one of the question sets offered."]},
        ),
        (
            {"name": "Grace", "email": "grace@example.com", "prompt_set": ""},
            {"prompt_set": ["Choose the questions to ask."]},
        ),
        (
            {"name": "Grace", "email": "grace@example.com", "member": "999999"},
            {"member": ["Select a valid choice. That choice is not one of the available choices."]},
        ),
    ],
    ids=["no-one", "bad-email", "unknown-set", "no-set", "unknown-member"],
)
def test_bad_input_is_refused_next_to_its_field_keeping_what_was_typed(
    owner_client, fields, errors, mailoutbox
):
    response = _ask(owner_client, message="Why I am asking you in particular", **fields)
    assert response.status_code == 422
    assert response.context["form"].errors == errors
    html = response.content.decode()
    assert "Why I am asking you in particular" in html
    for messages in errors.values():
        for message in messages:
            assert message.replace("'", "&#x27;") in html
    assert not FeedbackRequest.objects.exists()
    assert mailoutbox == []


def test_a_set_the_admins_stopped_offering_cannot_be_chosen(owner_client):
    FeedbackPromptSet.objects.filter(pk=shipped_set().pk).update(is_active=False)
    response = _ask(owner_client, name="Grace", email="grace@example.com")
    assert response.status_code == 422
    assert response.context["form"].errors == {
        "prompt_set": ["Choose one of the question sets offered."]
    }


def test_another_persons_circle_member_cannot_be_asked(owner_client, other_user):
    theirs = CircleMember.objects.create(
        owner=other_user,
        name="Their mentor",
        email="mentor@example.com",
        link_salt="s",
        token_hash="h",
        expires_at="2099-01-01T00:00:00Z",
    )
    response = _ask(owner_client, member=theirs.pk)
    assert response.status_code == 422
    assert "member" in response.context["form"].errors
    assert "Their mentor" not in owner_client.get(reverse(CREATE)).content.decode()
    assert not FeedbackRequest.objects.exists()


def test_the_form_offers_the_shipped_sets(owner_client):
    html = owner_client.get(reverse(CREATE)).content.decode()
    for prompt_set in FeedbackPromptSet.objects.all():
        assert prompt_set.name in html
    assert "30 days" in html


# --- Ownership -------------------------------------------------------------------------


@pytest.fixture
def theirs(other_user):
    return answer(FeedbackRequestFactory(owner=other_user), text="For Oscar's eyes only")


def test_another_persons_request_is_a_404(owner_client, theirs):
    response = owner_client.get(reverse("reviews:feedback_detail", args=[theirs.pk]))
    assert response.status_code == 404
    assert "For Oscar" not in response.content.decode()


def test_withdrawing_another_persons_request_is_a_404_and_changes_nothing(other_user, owner_client):
    theirs = FeedbackRequestFactory(owner=other_user)
    before = list(FeedbackRequest.objects.values())
    response = owner_client.post(reverse("reviews:feedback_withdraw", args=[theirs.pk]))
    assert response.status_code == 404
    assert list(FeedbackRequest.objects.values()) == before


def test_my_pages_list_only_my_requests_and_picks(owner_client, owner, theirs):
    answer(FeedbackRequestFactory(owner=owner, name="Mine"), picks=strengths(1))
    listing = owner_client.get(reverse("reviews:feedback_list"))
    assert [feedback.name for feedback in listing.context["requests"]] == ["Mine"]
    seen = owner_client.get(reverse("reviews:feedback_strengths")).context["rows"]
    assert sum(row.count for row in seen) == 1
    assert all(theirs.name not in row.pickers for row in seen)


def test_a_visitor_is_sent_to_sign_in(owner):
    feedback = FeedbackRequestFactory(owner=owner)
    for url in (
        reverse("reviews:feedback_list"),
        reverse("reviews:feedback_detail", args=[feedback.pk]),
        reverse("reviews:feedback_strengths"),
    ):
        assert Client().get(url).status_code == 302


# --- Query counts: the same for 1 request as for 30 ------------------------------------


@pytest.mark.parametrize("count", [1, 30])
def test_the_list_reads_a_fixed_number_of_queries(
    owner_client, owner, count, django_assert_num_queries
):
    for _ in range(count):
        FeedbackRequestFactory(owner=owner)
    # 1 session, 2 user, 3 the requests with their prompt sets
    with django_assert_num_queries(3):
        response = owner_client.get(reverse("reviews:feedback_list"))
    assert len(response.context["requests"]) == count


@pytest.mark.parametrize("picks", [1, 3])
def test_a_request_page_reads_a_fixed_number_of_queries(
    owner_client, owner, picks, django_assert_num_queries
):
    feedback = answer(FeedbackRequestFactory(owner=owner), picks=strengths(picks))
    # 1 session, 2 user, 3 the request with its set, 4 its answers, 5 their picks
    with django_assert_num_queries(5):
        response = owner_client.get(feedback.get_absolute_url())
    assert response.status_code == 200


def test_the_givers_page_reads_a_fixed_number_of_queries(owner, django_assert_num_queries):
    feedback = FeedbackRequestFactory(owner=owner)
    url = reverse("reviews:feedback_give", args=[feedback.link_token()])
    # 1 the request with its owner and set, 2 its questions, 3 the strengths list
    # (no session: the giver has none; the rate limit counts in the cache)
    with django_assert_num_queries(3):
        assert Client().get(url).status_code == 200


@pytest.mark.parametrize("requests", [1, 12])
def test_how_others_see_me_reads_a_fixed_number_of_queries(
    owner_client, owner, requests, django_assert_num_queries
):
    take = TakeFactory(user=owner, instrument=Instrument.objects.get(slug=STRENGTHS_SLUG))
    for question in strengths(4):
        AnswerFactory(take=take, question=question, rating=3)
    for number in range(requests):
        answer(FeedbackRequestFactory(owner=owner), picks=strengths(number % 3 + 1))
    # 1 session, 2 user, 3 the strengths list, 4 my latest take's ratings, 5 the picks
    with django_assert_num_queries(5):
        response = owner_client.get(reverse("reviews:feedback_strengths"))
    assert response.status_code == 200
