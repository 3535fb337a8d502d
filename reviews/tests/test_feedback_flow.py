"""Feedback requests from asking to reading the answers: the owner's pages and the whole
journey through the giver's link, with the email in between."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Instrument, Question
from assessments.tests.factories import AnswerFactory, TakeFactory
from careerapp.sharing import asides_for
from reviews.models import FeedbackRequest, FeedbackStatus
from reviews.queries.feedback import STRENGTHS_SLUG, strengths_aside
from reviews.tests.factories_feedback import FeedbackRequestFactory, answer, shipped_set, strengths

pytestmark = pytest.mark.django_db


def _link_in(message) -> str:
    return re.search(r"http://testserver(/reviews/f/[0-9a-f]{48}/)", message.body).group(1)


@pytest.fixture(autouse=True)
def _links_to_the_test_server(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def giver():
    """Someone without an account, in a browser of their own."""
    return Client()


def test_the_whole_journey_from_asking_to_reading_the_answers(
    owner_client, owner, giver, mailoutbox
):
    general = shipped_set()
    response = owner_client.post(
        reverse("reviews:feedback_create"),
        {
            "name": "Grace Hopper",
            "email": "grace@example.com",
            "prompt_set": general.pk,
            "message": "You saw the whole migration.",
        },
    )
    feedback = FeedbackRequest.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == feedback.get_absolute_url()

    # The email went out after the commit, once, with the link and the expiry.
    [email] = mailoutbox
    assert email.to == ["grace@example.com"]
    assert "Olivia would value your feedback" in email.subject
    assert "You saw the whole migration." in email.body
    assert feedback.expires_at.strftime("%Y") in email.body
    link = _link_in(email)
    feedback.refresh_from_db()
    assert feedback.sent_at is not None
    assert feedback.status() == FeedbackStatus.WAITING

    # The giver, signed out, sees the owner's name, the message and the questions.
    page = giver.get(link)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Feedback for Olivia" in html
    assert "You saw the whole migration." in html
    for prompt in general.prompts.all():
        assert prompt.text in html
    picked = strengths(2)
    prompts = {prompt.kind: prompt for prompt in general.prompts.all()}
    data = {f"prompt_{p.pk}": "Keep pairing with the new people." for p in general.prompts.all()}
    data[f"prompt_{prompts['strengths'].pk}"] = [str(q.pk) for q in picked]

    sent = giver.post(link, data)

    assert sent.status_code == 302
    assert sent["Location"] == reverse("reviews:feedback_thanks")
    assert "Thank you for your feedback" in giver.get(sent["Location"]).content.decode()
    again = giver.get(link)
    assert again.status_code == 410
    assert "Already answered, thank you" in again.content.decode()

    # The owner reads the attributed answers; picks by the strengths' words.
    detail = owner_client.get(feedback.get_absolute_url())
    html = detail.content.decode()
    assert "Feedback from Grace Hopper" in html
    assert "Keep pairing with the new people." in html
    for question in picked:
        assert question.prompt in html.replace("&#x27;", "'")
    assert "Answered" in owner_client.get(reverse("reviews:feedback_list")).content.decode()
    strengths_page = owner_client.get(reverse("reviews:feedback_strengths")).content.decode()
    assert "Grace Hopper" in strengths_page


def test_asking_someone_of_the_circle_takes_their_name_and_address(owner_client, owner):
    from reviews.models import CircleMember

    member = CircleMember.objects.create(
        owner=owner,
        name="Ada Lovelace",
        email="ada@example.com",
        link_salt="salt-ada",
        token_hash="hash-ada",
        expires_at="2099-01-01T00:00:00Z",
    )
    response = owner_client.post(
        reverse("reviews:feedback_create"),
        {"member": member.pk, "prompt_set": shipped_set().pk, "name": "", "email": ""},
    )
    assert response.status_code == 302
    feedback = FeedbackRequest.objects.get(owner=owner)
    assert (feedback.member, feedback.name, feedback.email) == (
        member,
        "Ada Lovelace",
        "ada@example.com",
    )


def test_the_list_shows_each_status(owner_client, owner):
    waiting = FeedbackRequestFactory(owner=owner, name="Waiting Wanda")
    answered = answer(FeedbackRequestFactory(owner=owner, name="Answered Arthur"))
    FeedbackRequestFactory(owner=owner, name="Withdrawn Will", withdrawn_at=waiting.created_at)
    FeedbackRequestFactory(
        owner=owner, name="Expired Eve", created_at=waiting.created_at.replace(year=2020)
    )
    FeedbackRequestFactory(owner=owner, name="Reminded Rita", reminded_at=waiting.created_at)

    html = owner_client.get(reverse("reviews:feedback_list")).content.decode()

    for name, status in [
        ("Waiting Wanda", "Waiting"),
        ("Answered Arthur", "Answered"),
        ("Withdrawn Will", "Withdrawn"),
        ("Expired Eve", "Expired"),
        ("Reminded Rita", "Reminded"),
    ]:
        item = html.split(name, 1)[1].split("</li>", 1)[0]
        assert f">{status}</span>" in item, (name, item)
    assert answered.status() == FeedbackStatus.ANSWERED


def test_withdrawing_ends_the_link(owner_client, owner, giver):
    feedback = FeedbackRequestFactory(owner=owner)
    response = owner_client.post(reverse("reviews:feedback_withdraw", args=[feedback.pk]))
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status() == FeedbackStatus.WITHDRAWN
    gone = giver.get(reverse("reviews:feedback_give", args=[feedback.link_token()]))
    assert gone.status_code == 410
    assert "no longer open" in gone.content.decode()


def test_an_answered_request_cannot_be_withdrawn(owner_client, owner):
    feedback = answer(FeedbackRequestFactory(owner=owner))
    response = owner_client.post(
        reverse("reviews:feedback_withdraw", args=[feedback.pk]), follow=True
    )
    assert "already answered or withdrawn" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.withdrawn_at is None
    assert feedback.answers.count() == 3


# --- How others see me ---------------------------------------------------------------


def _strengths_take(user, ratings: dict[Question, int]):
    take = TakeFactory(user=user, instrument=Instrument.objects.get(slug=STRENGTHS_SLUG))
    for question, rating in ratings.items():
        AnswerFactory(take=take, question=question, rating=rating)
    return take


def test_how_others_see_me_sets_my_ratings_beside_who_picked_each(owner_client, owner):
    first, second, third = strengths(3)
    _strengths_take(owner, {first: 2, second: 5})
    answer(FeedbackRequestFactory(owner=owner, name="Grace"), picks=[first, second])
    answer(FeedbackRequestFactory(owner=owner, name="Alan"), picks=[first])
    FeedbackRequestFactory(owner=owner, name="Unanswered Una")

    response = owner_client.get(reverse("reviews:feedback_strengths"))

    rows = {row.question: row for row in response.context["rows"]}
    assert (rows[first].own_rating, rows[first].pickers) == (2, ["Grace", "Alan"])
    assert (rows[second].own_rating, rows[second].pickers) == (5, ["Grace"])
    assert (rows[third].own_rating, rows[third].pickers) == (None, [])
    assert "Unanswered Una" not in response.content.decode()


def test_the_aside_shows_the_most_picked_strengths_beside_my_strengths_results(owner, other_user):
    first, second = strengths(2)
    take = _strengths_take(owner, {first: 4})
    answer(FeedbackRequestFactory(owner=owner), picks=[first, second])
    answer(FeedbackRequestFactory(owner=owner), picks=[second])
    answer(FeedbackRequestFactory(owner=other_user), picks=[first])

    [aside] = [a for a in asides_for(owner, take) if "feedback" in a.template]

    assert [(row["question_id"], row["count"]) for row in aside.context["top"]] == [
        (second.pk, 2),
        (first.pk, 1),
    ]
    assert strengths_aside(other_user, take) is None  # not their take


def test_the_aside_costs_no_query_for_another_instrument(owner, django_assert_num_queries):
    take = TakeFactory(user=owner)  # an instrument of its own, loaded with the take
    take = type(take).objects.select_related("instrument").get(pk=take.pk)
    with django_assert_num_queries(0):
        assert strengths_aside(owner, take) is None
