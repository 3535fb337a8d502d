"""The giver's page, opened by a secret link without an account: what each state of a
request answers, the answers saved once, the rate limit, and the token kept out of the
database and the logs."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import FeedbackAnswer, FeedbackPromptKind, FeedbackRequest
from reviews.tests.factories_feedback import FeedbackRequestFactory, answer, shipped_set, strengths

pytestmark = pytest.mark.django_db


@pytest.fixture
def giver():
    return Client()


@pytest.fixture
def feedback(owner):
    return FeedbackRequestFactory(
        owner=owner, message="Olivia's private note about the reorganisation"
    )


def _url(feedback: FeedbackRequest) -> str:
    return reverse("reviews:feedback_give", args=[feedback.link_token()])


def _form(feedback: FeedbackRequest, *, picks=(), text="Keep asking quiet people first.") -> dict:
    data = {}
    for prompt in feedback.prompt_set.prompts.all():
        if prompt.kind == FeedbackPromptKind.STRENGTHS:
            data[f"prompt_{prompt.pk}"] = [str(question.pk) for question in picks]
        else:
            data[f"prompt_{prompt.pk}"] = text
    return data


def _shows_nothing_of_the_owner(response) -> None:
    html = response.content.decode()
    for private in ("Olivia", "owner@example.com", "private note", "What should I keep doing?"):
        assert private not in html, private


def test_the_page_works_signed_out_and_is_not_cached(giver, feedback):
    response = giver.get(_url(feedback))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.content.decode()


@pytest.mark.parametrize(
    "token",
    ["0" * 48, "not-a-token", "f" * 47, "A" * 48],
)
def test_a_link_that_names_no_request_is_a_404(giver, feedback, token):
    assert giver.get(reverse("reviews:feedback_give", args=[token])).status_code == 404


def test_a_link_of_a_closed_account_is_a_404(giver, feedback, owner):
    owner.is_active = False
    owner.save()
    assert giver.get(_url(feedback)).status_code == 404


@pytest.mark.parametrize(
    "change",
    [
        {"withdrawn_at": timezone.now},
        {"expires_at": lambda: timezone.now() - datetime.timedelta(seconds=1)},
    ],
    ids=["withdrawn", "expired"],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_withdrawn_or_expired_request_is_gone_and_shows_nothing_of_the_owner(
    giver, feedback, change, method
):
    FeedbackRequest.objects.filter(pk=feedback.pk).update(
        **{field: value() for field, value in change.items()}
    )
    response = getattr(giver, method)(_url(feedback), _form(feedback))
    assert response.status_code == 410
    assert "This request is no longer open" in response.content.decode()
    _shows_nothing_of_the_owner(response)
    assert not FeedbackAnswer.objects.exists()


def test_an_answered_request_thanks_and_takes_no_second_answers(giver, feedback):
    answer(feedback, text="First answers.")
    response = giver.post(_url(feedback), _form(feedback, text="Second answers."))
    assert response.status_code == 410
    assert "Already answered, thank you" in response.content.decode()
    _shows_nothing_of_the_owner(response)
    assert list(FeedbackAnswer.objects.exclude(text="").values_list("text", flat=True)) == [
        "First answers.",
        "First answers.",
    ]


def test_a_submission_that_loses_the_race_gets_the_already_answered_page(
    giver, feedback, monkeypatch
):
    # The other tab's answers land between this tab's page and its claim of the request.
    from reviews import queries

    real = queries.feedback.giver_page

    def page_then_other_tab(token):
        page = real(token)
        answer(FeedbackRequest.objects.get(pk=feedback.pk), text="The other tab.")
        return page

    monkeypatch.setattr(queries.feedback, "giver_page", page_then_other_tab)
    response = giver.post(_url(feedback), _form(feedback, text="This tab."))

    assert response.status_code == 410
    assert "Already answered, thank you" in response.content.decode()
    assert set(FeedbackAnswer.objects.exclude(text="").values_list("text", flat=True)) == {
        "The other tab."
    }


@pytest.mark.django_db(transaction=True)
def test_two_tabs_submitting_at_once_save_one_set_of_answers(owner, postgres):
    feedback = FeedbackRequestFactory(owner=owner)
    url, barrier, statuses = _url(feedback), threading.Barrier(2), []

    def submit(text: str) -> None:
        barrier.wait()
        try:
            statuses.append(Client().post(url, _form(feedback, text=text)).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(text,)) for text in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [302, 410]
    texts = set(FeedbackAnswer.objects.exclude(text="").values_list("text", flat=True))
    assert texts in ({"one"}, {"two"})
    assert FeedbackAnswer.objects.count() == 3


# --- Bad input -------------------------------------------------------------------------


def _strengths_field(feedback) -> str:
    return f"prompt_{feedback.prompt_set.prompts.get(kind=FeedbackPromptKind.STRENGTHS).pk}"


def test_too_many_picks_is_refused_next_to_the_question_keeping_what_was_typed(giver, feedback):
    data = _form(feedback, picks=strengths(4), text="Words I would hate to type twice.")
    response = giver.post(_url(feedback), data)
    assert response.status_code == 422
    assert response.context["form"].errors[_strengths_field(feedback)] == [
        "Pick at most 3 statements."
    ]
    assert "Words I would hate to type twice." in response.content.decode()
    assert not FeedbackAnswer.objects.exists()
    assert FeedbackRequest.objects.get(pk=feedback.pk).answered_at is None


def test_a_pick_outside_the_strengths_list_is_refused(giver, feedback):
    data = _form(feedback)
    data[_strengths_field(feedback)] = ["999999999"]
    response = giver.post(_url(feedback), data)
    assert response.status_code == 422
    assert response.context["form"].errors[_strengths_field(feedback)] == [
        "Pick from the statements listed."
    ]


def test_nothing_answered_at_all_is_refused(giver, feedback):
    response = giver.post(_url(feedback), _form(feedback, text="  "))
    assert response.status_code == 422
    assert "Answer at least one question before sending." in response.content.decode()
    assert not FeedbackAnswer.objects.exists()


def test_a_statement_ticked_twice_counts_once(giver, feedback):
    first = strengths(1)[0]
    data = _form(feedback)
    data[_strengths_field(feedback)] = [str(first.pk), str(first.pk)]
    assert giver.post(_url(feedback), data).status_code == 302
    [picked] = FeedbackAnswer.objects.filter(picks__isnull=False).values_list("picks", flat=True)
    assert picked == first.pk


# --- Rate limit ------------------------------------------------------------------------


def test_the_page_is_rate_limited_per_address_for_get_and_post(giver, feedback, settings):
    settings.SHARED_LINK_RATE = "3/m"
    url = _url(feedback)
    assert [giver.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = giver.post(url, _form(feedback))
    assert refused.status_code == 429
    assert "Please wait a moment" in refused.content.decode()
    assert giver.get(url).status_code == 429
    assert not FeedbackAnswer.objects.exists()
    # Another address is counted on its own.
    assert giver.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_unknown_links_count_against_the_limit_too(giver, settings):
    settings.SHARED_LINK_RATE = "2/m"
    url = reverse("reviews:feedback_give", args=["0" * 48])
    assert [giver.get(url).status_code for _ in range(3)] == [404, 404, 429]


# --- The token is kept nowhere ---------------------------------------------------------


def test_no_raw_token_in_the_requests_table(owner_client, owner, giver):
    for name in ("Grace", "Alan"):
        owner_client.post(
            reverse("reviews:feedback_create"),
            {"name": name, "email": f"{name.lower()}@example.com", "prompt_set": shipped_set().pk},
        )
    requests = list(FeedbackRequest.objects.all())
    assert len(requests) == 2
    answer(requests[0])
    tokens = [feedback.link_token() for feedback in requests]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM reviews_feedbackrequest")  # every column of every row
        rows = cursor.fetchall()
    assert len(rows) == 2
    for row in rows:
        for value in row:
            for token in tokens:
                assert token not in str(value)
    # The link still opens the page: the token is derived, the hash looks it up.
    assert giver.get(_url(requests[1])).status_code == 200


def test_the_token_never_reaches_a_log_line(giver, feedback, caplog, settings):
    token = feedback.link_token()
    settings.SHARED_LINK_RATE = "4/m"
    unknown = "0" * 48
    giver.get(_url(feedback))
    giver.post(_url(feedback), {})  # 422
    giver.get(reverse("reviews:feedback_give", args=[unknown]))  # 404
    FeedbackRequest.objects.filter(pk=feedback.pk).update(withdrawn_at=timezone.now())
    giver.get(_url(feedback))  # 410
    giver.get(_url(feedback))  # 429

    assert caplog.records, "nothing was logged; the test would prove nothing"
    assert "/reviews/f/[redacted]/" in caplog.text
    assert token not in caplog.text
    assert unknown not in caplog.text
    for record in caplog.records:
        assert token not in record.getMessage()
