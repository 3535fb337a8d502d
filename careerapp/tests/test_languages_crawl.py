"""Signed in as a French and as a Spanish person, every page reachable from the dashboard
speaks their language: no sentence of the English catalogue, and no shipped content
(questions, roles, prompts) left in English, on any page; dates and numbers in the
language's form, and the SVG charts' numbers still with their dot.

The crawl is the CSP crawl's (careerapp.tests.crawl), over the demo account's content.
The demo's own words (goal titles, notes, answers) are the person's and stay English.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.urls import reverse

from careerapp.demo import load_demo_content
from careerapp.portability import export_user_data
from careerapp.tests.crawl import (
    conversation_pages,
    crawl,
    decision_pages,
    feedback_pages,
    learning_pages,
    win_pages,
)
from reviews.access import link_token
from reviews.demo.circle import MENTOR_EMAIL
from reviews.models import CircleMember

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
MAX_PAGES = 300
MAX_PER_ROUTE = 6
# Attributes a person reads or hears (a screen reader says the label and the title).
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
# Shipped content the person's own records copy and keep as written (a goal made from a
# template keeps the template's words as the person's own): not looked for.
OWN_COPIES = ("goals",)


class _Text(HTMLParser):
    """The words of a page a person reads: text outside scripts, and read attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.svg_numbers: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template"}:
            self._skip += 1
        attributes = dict(attrs)
        self.parts += [attributes[name] for name in READ_ATTRIBUTES if attributes.get(name)]
        if tag in {"rect", "circle", "line", "polyline", "polygon", "path", "text", "svg"}:
            self.svg_numbers += [
                f"<{tag} {name}={value!r}>"
                for name, value in attrs
                if name
                in {
                    "x",
                    "y",
                    "x1",
                    "x2",
                    "y1",
                    "y2",
                    "cx",
                    "cy",
                    "r",
                    "width",
                    "height",
                    "points",
                    "d",
                    "viewBox",
                }
                and value
                and re.search(r"\d,\d", value)
                and name not in {"points", "d"}
            ]

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def _english_catalogue_sentences(language: str) -> set[str]:
    """The English of every translated interface string that is a phrase (three words or
    more) without placeholders, and that the language does not write the same way."""
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    return {
        entry.msgid
        for entry in catalogue
        if entry.translated()
        and not entry.msgid_plural
        and "%" not in entry.msgid
        and "{" not in entry.msgid
        and len(entry.msgid.split()) >= 3
        and entry.msgstr.strip() != entry.msgid.strip()
    }


def _english_content(language: str) -> set[str]:
    """Shipped content in English (four words or more) whose translation differs."""
    english = set()
    for app in ("assessments", "reviews"):
        path = ROOT / app / "content" / "translations" / f"{language}.json"
        table = json.loads(path.read_text(encoding="utf-8"))
        english |= {
            source
            for source, translated in table.items()
            if len(source.split()) >= 4 and translated.strip() != source.strip()
        }
    return english


def _own_words(owner) -> str:
    """Everything the person wrote and keeps (their export), but the question wordings
    their answers kept: those must read in the person's language."""
    kept_copies = {"prompt_text", "prompt"}

    def walk(node):
        if isinstance(node, dict):
            return [
                text
                for key, value in node.items()
                if key not in kept_copies
                for text in walk(value)
            ]
        if isinstance(node, list):
            return [text for item in node for text in walk(item)]
        return [node] if isinstance(node, str) else []

    return "\n".join(" ".join(text.split()) for text in walk(export_user_data(owner)))


def _found(sentences: set[str], text: str) -> list[str]:
    return sorted(
        sentence
        for sentence in sentences
        if " ".join(sentence.split()) in text
        and re.search(rf"(?<![\w]){re.escape(' '.join(sentence.split()))}(?![\w])", text)
    )


@pytest.mark.slow
@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_page_speaks_the_persons_language(owner_client, owner, language):
    owner.language = language
    owner.save(update_fields=["language"])
    load_demo_content(owner)
    mentor = CircleMember.objects.for_user(owner).get(email=MENTOR_EMAIL)
    feedback, giver = feedback_pages(owner)
    starts = [
        "/",
        *decision_pages(owner),
        *learning_pages(owner),
        *win_pages(owner),
        *feedback,
        *giver[:2],
        *conversation_pages(owner),
        reverse("reviews:link:home", args=[link_token(mentor)]),
    ]
    own = _own_words(owner)
    interface = {s for s in _english_catalogue_sentences(language) if s not in own}
    content = {s for s in _english_content(language) if s not in own}
    crawled, problems = [], []
    for path, response in crawl(
        owner_client, starts, max_per_route=MAX_PER_ROUTE, max_pages=MAX_PAGES
    ):
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        crawled.append(path)
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, path
        assert response["Content-Language"] == language, path
        page = _Text()
        page.feed(html)
        text = page.text()
        problems += [f"{path}: English interface text: {s!r}" for s in _found(interface, text)]
        problems += [f"{path}: English content: {s!r}" for s in _found(content, text)]
        problems += [f"{path}: a chart number with a comma: {n}" for n in page.svg_numbers]

    print(f"{language}: crawled {len(crawled)} pages")  # noqa: T201
    assert len(crawled) >= 60, crawled
    for section in ("/goals/", "/assessments/", "/reviews/", "/settings/"):
        assert any(path.startswith(section) for path in crawled), section
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])
