"""Page weight, pinned without a browser (issue #8).

`python -m benchmarks.page_weight` measures the real thing in Chromium against gunicorn.
These keep what a test client can see from drifting: pages and fragments are compressed
for browsers, static files are hashed, pre-compressed and cached for good, the signed-in
dashboard's first load and repeat view fit their budgets, and each htmx fragment stays a
small part of the page it updates. The person has the demo's content: a few goals with
steps, past check-ins and self-assessments, as someone a few months in would.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from benchmarks.page_weight import FIRST_LOAD_BUDGET, FRAGMENT_SHARE, REPEAT_VIEW_BUDGET
from careerapp.demo import load_demo_content
from careerapp.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
BROWSER = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}  # what Chromium sends
HTMX = {"HTTP_HX_REQUEST": "true", **BROWSER}
# Room for the HTTP/1.1 status line and headers of one response (CSP, the other security
# headers, the renewed CSRF cookie): about 700 bytes on a page, 470 on a static file.
HEADERS = 750


@pytest.fixture
def person():
    user = UserFactory()
    load_demo_content(user)
    return user


@pytest.fixture
def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def sent(response) -> int:
    """The body's bytes as they go on the wire (compressed when the response is)."""
    return len(response.content)


def compressed(response) -> int:
    """The body's size gzipped as Django's GZipMiddleware does (``compress_string``, zlib
    level 6), less its random anti-BREACH padding.

    The padding (0-100 bytes a response) would make a comparison near its limit pass or
    fail by chance; without it the share is the same on every run.
    """
    return len(gzip.compress(html_of(response).encode(), compresslevel=6, mtime=0))


def html_of(response) -> str:
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content).decode()
    return response.content.decode()


class _FormFields(HTMLParser):
    """What a browser submits for the form with ``data-hx-post``: the successful controls."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._textarea: str | None = None
        self._select: str | None = None
        self._select_value: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-hx-post" in attrs and not self.fields:
            self._in_form = True
        if not self._in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("radio", "checkbox") or "checked" in attrs:
                self.fields.append((name, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""
        elif tag == "select" and name:
            self._select, self._select_value = name, None
        elif (
            tag == "option"
            and self._select is not None
            and (self._select_value is None or "selected" in attrs)
        ):
            self._select_value = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea, self._text))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self.fields.append((self._select, self._select_value or ""))
            self._select = None


def htmx_form(html: str) -> dict[str, list[str]]:
    parser = _FormFields()
    parser.feed(html)
    assert parser.fields, "the page has no htmx form"
    data: dict[str, list[str]] = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    return data


# --- Compression of pages ------------------------------------------------------------


def test_pages_are_gzipped_for_browsers_and_the_repeat_view_fits_its_budget(signed_in):
    response = signed_in.get("/", **BROWSER)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "</html>" in html_of(response)
    # Coming back, only the page itself is downloaded: every static file is cached.
    assert sent(response) + HEADERS <= REPEAT_VIEW_BUDGET


def test_pages_are_sent_as_they_are_to_clients_that_do_not_ask_for_compression(signed_in):
    response = signed_in.get("/")

    assert "Content-Encoding" not in response
    assert response.content.rstrip().endswith(b"</html>")


# --- Static files --------------------------------------------------------------------


@pytest.fixture(scope="module")
def production_static_settings() -> dict:
    """The static-file settings and middleware as production computes them."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_", "SITE_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="careerapp.settings",
        DJANGO_ENV_FILE="",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="t3st-0nly-kq8Zr2VwLp9sXy4HbN6mJc1FgT5dRe7uAo0iK3nQwYzX",
        DJANGO_ALLOWED_HOSTS="careers.example.org",
        SITE_URL="https://careers.example.org",
    )
    script = (
        "import json; from django.conf import settings; print(json.dumps({"
        "name: getattr(settings, name) for name in dir(settings) "
        "if name.startswith('WHITENOISE_') or name in ('STORAGES', 'MIDDLEWARE')}))"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter with a fixed script
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_production_serves_static_files_hashed_compressed_and_cached_for_good(
    production_static_settings, person, tmp_path
):
    assert production_static_settings["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    with override_settings(STATIC_ROOT=tmp_path, **production_static_settings):
        # The admin's files and right-to-left Bootstrap are not on the dashboard; leaving
        # them out keeps this test under a second.
        call_command(
            "collectstatic", interactive=False, verbosity=0, ignore_patterns=["admin", "*rtl*"]
        )
        client = Client()  # its middleware (WhiteNoise reads STATIC_ROOT) is built now
        client.force_login(person)
        page = client.get("/", **BROWSER)
        urls = sorted(set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html_of(page))))

        assert urls, "the dashboard links no static files"
        first_load = sent(page) + HEADERS
        for url in urls:
            response = client.get(url, **BROWSER)
            assert response.status_code == 200, url
            assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), f"{url} has no content hash"
            assert response["Cache-Control"] == "max-age=315360000, public, immutable", url
            if url.endswith((".css", ".js", ".svg")):
                assert response["Content-Encoding"] == "gzip", url
            first_load += int(response["Content-Length"]) + HEADERS

    assert first_load <= FIRST_LOAD_BUDGET


# --- htmx fragments ------------------------------------------------------------------


def test_task_toggle_fragment_is_a_small_part_of_the_goal_page(signed_in):
    goals = html_of(signed_in.get("/goals/"))
    goal_url = re.search(r'href="(/goals/\d+/)"', goals).group(1)
    page = signed_in.get(goal_url, **BROWSER)
    form = re.search(
        r'data-hx-post="(/goals/\d+/tasks/\d+/toggle/)".*?name="done" value="([^"]*)"',
        html_of(page),
        re.DOTALL,
    )

    fragment = signed_in.post(form.group(1), {"done": form.group(2)}, **HTMX)

    assert fragment.status_code == 200
    assert 'data-hx-swap-oob="true"' in html_of(fragment)
    assert compressed(fragment) <= FRAGMENT_SHARE * compressed(page)


def test_checkin_autosave_fragment_is_a_small_part_of_the_checkin_page(signed_in):
    checkin_url = signed_in.post("/reviews/now/").url
    page = signed_in.get(checkin_url, **BROWSER)
    data = htmx_form(html_of(page)) | {"action": ["save"]}

    fragment = signed_in.post(checkin_url, data, **HTMX)

    assert fragment.status_code == 200
    assert "Draft saved at" in html_of(fragment)
    assert compressed(fragment) <= FRAGMENT_SHARE * compressed(page)


def test_assessment_autosave_fragment_is_a_small_part_of_the_take_page(signed_in):
    index = html_of(signed_in.get("/assessments/"))
    start = re.search(r'action="(/assessments/[\w-]+/start/)"', index).group(1)
    take_url = signed_in.post(start).url
    page = signed_in.get(take_url, **BROWSER)
    data = htmx_form(html_of(page)) | {"action": ["autosave"]}

    fragment = signed_in.post(take_url, data, **HTMX)

    assert fragment.status_code == 200
    assert "Saved at" in html_of(fragment)
    assert compressed(fragment) <= FRAGMENT_SHARE * compressed(page)
