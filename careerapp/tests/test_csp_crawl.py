"""Every page a signed-in person can reach keeps the Content Security Policy and headers.

A breadth-first crawl from the dashboard, over the demo account's content, follows every
same-origin link and checks each HTML page: the policy allows no inline code, framing is
refused, and nothing in the markup relies on inline scripts, styles or event handlers.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from careerapp.demo import load_demo_content
from careerapp.tests.crawl import (
    conversation_pages,
    crawl,
    decision_pages,
    feedback_pages,
    learning_pages,
    win_pages,
)
from careerapp.tests.test_settings import run_manage
from reviews.access import link_token
from reviews.demo.circle import MENTOR_EMAIL
from reviews.models import CircleMember

pytestmark = pytest.mark.django_db

MAX_PAGES = 300
# Pages of one route differ only in their content; a few of each are enough, and the
# quarter reports would otherwise walk back through the years one link at a time.
MAX_PER_ROUTE = 10
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class _Page(HTMLParser):
    """Whatever in one page the policy would block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").lower()
        if tag == "script" and not attributes.get("src") and kind not in DATA_SCRIPT_TYPES:
            self.problems.append(f"inline <script> {attributes}")
        if tag == "style":
            self.problems.append("a <style> element")
        if "style" in attributes:
            self.problems.append(f'style="{attributes["style"]}" on <{tag}>')
        handlers = [name for name in attributes if name.startswith("on")]
        if handlers:
            self.problems.append(f"event handler attributes {handlers} on <{tag}>")


def _check_headers(path: str, response) -> list[str]:
    problems = []
    csp = response.get("Content-Security-Policy", "")
    if not csp:
        problems.append("no Content-Security-Policy header")
    for unsafe in ("unsafe-inline", "unsafe-eval"):
        if unsafe in csp:
            problems.append(f"the policy allows {unsafe}: {csp}")
    if "frame-ancestors 'none'" not in csp:
        problems.append(f"the policy lets other sites frame the page: {csp}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if not response.get("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    return [f"{path}: {problem}" for problem in problems]


def test_every_page_reachable_from_the_dashboard_keeps_the_policy(owner_client, owner):
    load_demo_content(owner)
    decisions = decision_pages(owner)
    learning = learning_pages(owner)
    feedback, giver = feedback_pages(owner)
    # The giver's pages that answer 200 (the closed ones answer 410: test_html_valid.py).
    conversations = conversation_pages(owner)
    # The mentor's secret link: nothing links to it but the invitation email.
    mentor = CircleMember.objects.for_user(owner).get(email=MENTOR_EMAIL)
    shared = reverse("reviews:link:home", args=[link_token(mentor)])
    wins = win_pages(owner)[:-1]  # the last, a refused brag document, answers 422
    starts = ["/", *decisions, *learning, *wins, *feedback, *giver[:2], *conversations, shared]
    crawled, post_only, problems = [], [], []
    for path, response in crawl(
        owner_client, starts, max_per_route=MAX_PER_ROUTE, max_pages=MAX_PAGES
    ):
        if response.status_code == 405:
            post_only.append(path)
            continue
        crawled.append(path)
        if response.status_code not in {301, 302, 303}:
            assert response.status_code == 200, f"a link to {path} answers {response.status_code}"
        if response.get("Content-Type", "").startswith("text/html"):
            problems += _check_headers(path, response)
            page = _Page()
            page.feed(response.content.decode())
            problems += [f"{path}: {problem}" for problem in page.problems]

    print(f"crawled {len(crawled)} pages; {len(post_only)} links were POST-only")  # noqa: T201
    assert not problems, "\n".join(problems)
    assert len(crawled) >= 20, crawled  # the demo account links to far more than this
    explore = (
        "/assessments/explore/tracks/",
        "/assessments/explore/roles/",
        "/assessments/explore/paths/",
    )
    for section in ("/goals/", "/assessments/", "/reviews/", "/settings/", *explore):
        assert any(path.startswith(section) for path in crawled), section
    assert set(decisions) <= set(crawled)
    assert set(learning) <= set(crawled)
    assert set(wins) <= set(crawled)
    assert any(path.startswith(reverse("reviews:brag_markdown")) for path in crawled)
    assert {*feedback, *giver[:2]} <= set(crawled)
    assert set(conversations) <= set(crawled)
    # The owner's preview of each member and the mentor's link, with what they share.
    for part in ("/reviews/circle/", "/reviews/s/", "/preview/goals/", "/preview/checkins/"):
        assert any(part in path for path in crawled), part


# Runs in production settings; a sqlite file stands in for PostgreSQL, and no Redis is
# needed. It prints the headers of a real request and the cookies a session and a CSRF
# token get, as JSON on its last line.
PRODUCTION_PROBE = """
import json
from django.core.management import call_command
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client, RequestFactory

call_command("migrate", "sessions", verbosity=0)


def view(request):
    request.session["probe"] = 1
    get_token(request)
    return HttpResponse("ok")


host = "careers.example.org"
request = RequestFactory().get("/", secure=True, HTTP_HOST=host)
cookies = SessionMiddleware(CsrfViewMiddleware(view))(request).cookies
plain = Client().get("/healthz", HTTP_HOST=host)
secure = Client().get("/healthz", secure=True, HTTP_HOST=host)
print(json.dumps({
    "plain": {"status": plain.status_code, "location": plain.get("Location")},
    "headers": dict(secure.headers),
    "cookies": {
        name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"])}
        for name, morsel in cookies.items()
    },
}))
"""


def test_production_sends_hsts_and_secure_http_only_cookies(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        PRODUCTION_PROBE,
        extra_env={"DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}"},
        drop=("REDIS_URL",),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])

    assert probe["plain"]["status"] == 301  # plain HTTP is sent to HTTPS
    assert probe["plain"]["location"].startswith("https://careers.example.org/")
    headers = probe["headers"]
    hsts = headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts
    assert "preload" in hsts
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    for name in ("sessionid", "csrftoken"):
        assert probe["cookies"][name] == {"secure": True, "httponly": True}, (name, probe)
