"""A person takes the shipped culture check like any other instrument: page by page, to
results that are theirs alone, with the written answer shown to them and nobody else."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.content import INSTRUMENTS
from assessments.models import Instrument, QuestionType, Take

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture():
    return Instrument.objects.get(slug="culture")


def take_it(client, culture) -> Take:
    client.post(reverse("assessments:start", args=[culture.slug]))
    take = Take.objects.get(instrument=culture)
    sections = list(dict.fromkeys(culture.questions.active().values_list("section", flat=True)))
    url = reverse("assessments:take", args=[take.pk])
    for number, section in enumerate(sections, start=1):
        answers = {}
        for question in culture.questions.active().filter(section=section):
            if question.type == QuestionType.RATING:
                answers[question.key] = str(1 + question.order // 10 % 5)
            else:
                answers[question.key] = "Post the open roles before they are filled."
        action = "complete" if number == len(sections) else "next"
        response = client.post(url, {"page": str(number), "action": action, **answers})
        assert response.status_code == 302, response.content.decode()[:2000]
    take.refresh_from_db()
    return take


def test_the_list_offers_all_eight_instruments_with_the_culture_check_last(owner_client):
    response = owner_client.get(reverse("assessments:index"))

    offered = [instrument.slug for instrument in response.context["instruments"]]
    assert offered == [spec["slug"] for spec in sorted(INSTRUMENTS, key=lambda s: s["order"])]
    assert offered[-1] == "culture"
    assert "Career culture health check" in response.content.decode()


def test_taking_the_culture_check_page_by_page_ends_on_its_results(owner_client, culture):
    take = take_it(owner_client, culture)

    assert take.is_completed
    assert take.answers.filter(type=QuestionType.RATING).count() == 15
    results = owner_client.get(reverse("assessments:results", args=[take.pk]))
    text = results.content.decode()
    assert results.status_code == 200
    assert "How you rated each statement" in text
    assert "How safe does it feel to talk openly about your ambitions?" in text
    assert "Post the open roles before they are filled." in text  # their own words, to them


def test_another_person_cannot_see_someone_elses_culture_results(owner_client, culture, other_user):
    take = take_it(owner_client, culture)
    owner_client.force_login(other_user)

    response = owner_client.get(reverse("assessments:results", args=[take.pk]))

    assert response.status_code == 404


def test_the_dashboard_asks_for_a_retake_six_months_on(owner_client, culture):
    take = take_it(owner_client, culture)
    home = reverse("home")
    assert "Career culture health check" not in owner_client.get(home).content.decode()

    Take.objects.filter(pk=take.pk).update(completed_at=timezone.now() - timedelta(days=181))

    text = owner_client.get(home).content.decode()
    assert "Time for a retake" in text
    assert "Career culture health check" in text
