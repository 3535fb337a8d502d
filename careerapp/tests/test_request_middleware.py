"""The site's own request middleware: time zones, sign-in required, and what a visitor's
request to a public page leaves alone."""

import pytest
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone

from careerapp.tests.factories import UserFactory
from careerapp.urls import urlpatterns as site_urlpatterns

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def zone_name(request):
    return HttpResponse(timezone.get_current_timezone_name())


@login_not_required  # marks the function itself: a view of its own, not zone_name
def public_zone_name(request):
    return zone_name(request)


urlpatterns = [
    *site_urlpatterns,
    path("test/zone/", zone_name),
    path("test/public-zone/", public_zone_name),
]


@pytest.fixture
def tokyo(client):
    client.force_login(UserFactory(time_zone="Asia/Tokyo"))
    return client


def test_a_signed_in_person_gets_their_own_time_zone_on_every_page(tokyo):
    assert tokyo.get("/test/zone/").content == b"Asia/Tokyo"
    assert tokyo.get("/test/public-zone/").content == b"Asia/Tokyo"
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE  # nothing left active


def test_a_visitor_gets_the_sites_time_zone_whatever_a_previous_request_left(anon_client):
    timezone.activate("Asia/Tokyo")  # as a careless earlier request on this thread might
    try:
        assert anon_client.get("/test/public-zone/").content == settings.TIME_ZONE.encode()
    finally:
        timezone.deactivate()


def test_a_visitor_is_still_sent_to_sign_in_from_a_page_that_needs_it(anon_client):
    response = anon_client.get("/test/zone/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/test/zone/"


def test_a_visitors_request_to_a_public_page_costs_no_query_and_sets_no_cookie(
    anon_client, django_assert_num_queries
):
    # Django's LoginRequiredMiddleware asks who is signed in before it asks the view, so
    # the response varies by cookie; without a session cookie that answer needs no query,
    # and nothing is stored: no cookie is set.
    with django_assert_num_queries(0):
        response = anon_client.get("/test/public-zone/")
    assert response.status_code == 200
    assert response.wsgi_request.session.modified is False
    assert not response.cookies


def test_a_signed_in_persons_public_page_still_knows_them(tokyo):
    response = tokyo.get("/test/public-zone/")
    assert response.wsgi_request.user.is_authenticated
    assert "Cookie" in response["Vary"]


SIGNED_IN_PAGES = ["/", "/settings/", "/goals/", "/assessments/", "/reviews/", "/test/zone/"]


@pytest.mark.parametrize("url", [*SIGNED_IN_PAGES, "/test/public-zone/"])
def test_every_page_answered_to_a_signed_in_person_is_private(tokyo, url):
    response = tokyo.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"].split(", ")


def test_a_page_that_is_never_cached_stays_so_for_a_signed_in_person(tokyo):
    response = tokyo.get(reverse("account_data_export"))
    cache_control = set(response["Cache-Control"].split(", "))
    assert {"private", "no-cache", "no-store", "must-revalidate", "max-age=0"} <= cache_control


def test_the_answer_to_signing_in_is_private(client, owner, password):
    # allauth's own never_cache: the person was not signed in when the request came.
    response = client.post(reverse("account_login"), {"login": owner.email, "password": password})
    assert response.status_code == 302
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("url", ["/", "/test/public-zone/"])
def test_a_visitors_public_page_keeps_its_caching(anon_client, url):
    # Nothing added for a visitor: a public page stays as cacheable as its view made it.
    response = anon_client.get(url)
    assert response.status_code == 200
    assert not response.has_header("Cache-Control")
