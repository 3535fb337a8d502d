"""The Content-Security-Policy header: django-csp's, with a nonce where a page uses one."""

import pytest
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_site_uses_django_csps_middleware():
    assert "csp.middleware.CSPMiddleware" in settings.MIDDLEWARE


def _header(*, use_nonce: bool) -> tuple[str, str | None]:
    request = RequestFactory().get("/")
    middleware = CSPMiddleware(lambda request: HttpResponse())
    middleware.process_request(request)
    nonce = str(request.csp_nonce) if use_nonce else None  # as a template asking for it
    response = middleware.process_response(request, HttpResponse())
    return response["Content-Security-Policy"], nonce


def test_a_response_that_used_a_nonce_gets_the_policy_with_that_nonce():
    header, nonce = _header(use_nonce=True)
    assert header == build_policy(nonce=nonce)
    assert f"'nonce-{nonce}'" in header


def test_each_response_gets_its_own_nonce():
    assert _header(use_nonce=True)[0] != _header(use_nonce=True)[0]


def test_a_response_without_a_nonce_gets_the_plain_policy(anon_client):
    response = anon_client.get(reverse("healthz"))
    assert response["Content-Security-Policy"] == build_policy()
    assert "nonce-" not in response["Content-Security-Policy"]


def test_a_changed_setting_changes_the_header(anon_client):
    policy = {"DIRECTIVES": {"default-src": ["'none'"]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        assert anon_client.get(reverse("healthz"))["Content-Security-Policy"] == (
            "default-src 'none'"
        )
    assert anon_client.get(reverse("healthz"))["Content-Security-Policy"] == build_policy()


def test_a_views_own_policy_goes_through_django_csp():
    request = RequestFactory().get("/")
    middleware = CSPMiddleware(lambda request: response)
    response = HttpResponse()
    response._csp_update = {"img-src": ["https://images.example.com"]}
    middleware.process_request(request)
    header = middleware.process_response(request, response)["Content-Security-Policy"]
    assert "https://images.example.com" in header


def test_report_only_and_debug_leave_every_header_to_django_csp(anon_client):
    policy = {"DIRECTIVES": {"default-src": ["'self'"], "report-uri": ["/csp-report/"]}}
    with override_settings(CONTENT_SECURITY_POLICY_REPORT_ONLY=policy):
        response = anon_client.get(reverse("healthz"))
        assert response["Content-Security-Policy-Report-Only"] == (
            "default-src 'self'; report-uri /csp-report/"
        )
    with override_settings(DEBUG=True):
        assert anon_client.get(reverse("healthz"))["Content-Security-Policy"] == build_policy()
    response = anon_client.get(reverse("healthz"))
    assert response["Content-Security-Policy"] == build_policy()
    assert "Content-Security-Policy-Report-Only" not in response
