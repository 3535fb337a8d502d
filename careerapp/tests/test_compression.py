"""Pages are gzipped at level 1 with Django's checks, headers and anti-BREACH padding."""

import gzip
import os

from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from careerapp.middleware import GZipMiddleware, gzip_page

PAGE = b"<p>" + b"A line of a page that repeats, as pages do. " * 200 + b"</p>"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}


def through(response, **headers):
    request = RequestFactory().get("/", **headers)
    return GZipMiddleware(lambda request: response).process_response(request, response)


def test_a_page_is_gzipped_for_a_browser_that_asks():
    response = through(HttpResponse(PAGE), **GZIP)

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == PAGE
    assert response["Content-Length"] == str(len(response.content))
    level_1 = gzip.compress(PAGE, compresslevel=1, mtime=0)
    assert response.content.endswith(level_1[10:])  # not Django's level 6


def test_the_page_is_compressed_at_level_1_behind_a_random_length_file_name():
    level_1 = gzip.compress(PAGE, compresslevel=1, mtime=0)
    bodies = [gzip_page(PAGE, level=1, max_random_bytes=100) for _ in range(30)]

    for body in bodies:
        name_end = body.index(b"\x00", 10)
        assert body[3] == gzip.FNAME
        assert set(body[10:name_end]) <= {ord("a")}
        assert body[name_end + 1 :] == level_1[10:]
    assert len({len(body) for body in bodies}) > 1  # the padding varies (BREACH)
    assert len(level_1) < len(gzip.compress(PAGE, compresslevel=0))


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


def test_a_streaming_response_goes_through_djangos_compression():
    response = through(StreamingHttpResponse(iter([PAGE, PAGE])), **GZIP)

    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(response.streaming_content)) == PAGE + PAGE
