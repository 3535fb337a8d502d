"""Pages are gzipped by Django's GZipMiddleware, with its anti-BREACH padding."""

import gzip
import os

import pytest
from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.middleware.gzip import GZipMiddleware
from django.test import RequestFactory
from django.urls import reverse

PAGE = b"<p>" + b"A line of a page that repeats, as pages do. " * 200 + b"</p>"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}


def through(response, **headers):
    request = RequestFactory().get("/", **headers)
    return GZipMiddleware(lambda request: response).process_response(request, response)


def test_the_site_compresses_with_djangos_middleware():
    assert "django.middleware.gzip.GZipMiddleware" in settings.MIDDLEWARE


@pytest.mark.django_db
def test_a_page_of_the_site_is_gzipped_for_a_browser_that_asks(anon_client):
    response = anon_client.get(reverse("account_login"), **GZIP)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"</html>" in gzip.decompress(response.content)


def test_a_page_is_gzipped_for_a_browser_that_asks():
    response = through(HttpResponse(PAGE), **GZIP)

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == PAGE
    assert response["Content-Length"] == str(len(response.content))


def test_the_same_page_compresses_to_varying_lengths_against_breach():
    bodies = [through(HttpResponse(PAGE), **GZIP).content for _ in range(30)]

    assert all(gzip.decompress(body) == PAGE for body in bodies)
    assert len({len(body) for body in bodies}) > 1  # the padding varies (BREACH)


def test_what_django_leaves_alone_stays_alone():
    short = through(HttpResponse(b"<p>Short</p>"), **GZIP)
    assert "Content-Encoding" not in short

    not_asked = through(HttpResponse(PAGE))
    assert "Content-Encoding" not in not_asked
    assert not_asked.content == PAGE
    assert "Accept-Encoding" in not_asked["Vary"]

    encoded = HttpResponse(PAGE, headers={"Content-Encoding": "br"})
    assert through(encoded, **GZIP).content == PAGE

    noise = os.urandom(4000)  # does not get smaller: sent as it is
    assert through(HttpResponse(noise), **GZIP).content == noise


def test_a_strong_etag_becomes_weak_and_a_weak_one_stays():
    strong = through(HttpResponse(PAGE, headers={"ETag": '"v1"'}), **GZIP)
    weak = through(HttpResponse(PAGE, headers={"ETag": 'W/"v1"'}), **GZIP)

    assert strong["ETag"] == 'W/"v1"'
    assert weak["ETag"] == 'W/"v1"'


def test_a_streaming_response_is_compressed_too():
    response = through(StreamingHttpResponse(iter([PAGE, PAGE])), **GZIP)

    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(response.streaming_content)) == PAGE + PAGE
