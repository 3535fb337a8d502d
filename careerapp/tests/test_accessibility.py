"""Every page, signed in and out, scanned with axe-core in Chromium: WCAG 2.2 AA, no violations.

The scan runs axe-core as shipped in ``axe-playwright-python``. The page's Content Security
Policy forbids inline scripts, and Playwright injects axe as one, so the scanning context
bypasses the CSP (the CSP itself is tested in ``test_browser.py`` and ``test_settings.py``).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page

from assessments.models import Answer, InstrumentKind, PersonalSkill, Role, Take
from assessments.tests.factories_roles import demo_library
from careerapp.demo import load_demo_content
from careerapp.reminders import unsubscribe_token
from careerapp.tests.crawl import (
    circle_pages,
    conversation_pages,
    decision_pages,
    feedback_pages,
    learning_pages,
    parameterless_routes,
    win_pages,
)
from goals.models import Goal, Task
from reviews.models import CheckIn

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    # Passes and incomplete are only counted; asking for fewer details keeps the scan quick.
    "resultTypes": ["violations"],
}


def _scan(page: Page) -> dict:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(
            f"    {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"      {', '.join(targets[:8])}{' ...' if len(targets) > 8 else ''}"
        )
    return "\n".join(lines)


def _scan_all(page: Page, base: str, paths: list[str], label: str) -> None:
    """Scan each page once (pages that redirect to one already seen are not scanned twice)."""
    seen: dict[str, dict] = {}
    for path in paths:
        # Ask first: Chromium shows its own error page for a 405 with an empty body.
        probe = page.request.get(base + path)
        if probe.status == 405:
            continue  # POST-only: the page that carries its form is scanned instead
        if not probe.headers.get("content-type", "").startswith("text/html"):
            continue
        page.goto(base + path)
        # A page reached with another query string (login's ?next=) is the same page.
        landed = urlsplit(page.url).path
        if landed in seen:
            continue
        seen[landed] = _scan(page)

    # The summary is part of the test's report: it shows with `pytest -s`.
    print(f"\naxe-core, WCAG 2.2 AA, {label}:")  # noqa: T201
    for path, result in seen.items():
        # "Needs review" is what axe could not decide (text over a gradient, say): a hint
        # for a person to look, not a failure.
        review = sorted({item["id"] for item in result["incomplete"]})
        print(  # noqa: T201
            f"  {path:<40} {len(result['violations'])} violation(s), "
            f"{len(result['passes'])} rules passed, needs review: {', '.join(review) or '-'}"
        )
    failures = [
        f"  {path}\n{_describe(result['violations'])}"
        for path, result in seen.items()
        if result["violations"]
    ]
    assert not failures, "axe-core found violations:\n" + "\n".join(failures)


def _submit_form(page: Page, base: str, on: str, action: str) -> str:
    """Press the button of the form on ``on`` that posts to ``action``; the page it lands on."""
    page.goto(base + on)
    page.locator(f'form[action="{action}"] [type=submit]').first.click()
    page.wait_for_load_state()
    return page.url.removeprefix(base)


def _scan_context(browser: Browser, viewport: dict):
    return browser.new_context(bypass_csp=True, viewport=viewport)


# Phones get other layouts (the menu, stacked tables), so both widths are scanned.
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])


@VIEWPORTS
def test_every_signed_out_page_has_no_axe_violations(browser: Browser, live_url, owner, viewport):
    token_path = reverse("reminders_unsubscribe", args=[unsubscribe_token(owner)])
    _feedback, giver = feedback_pages(owner)  # the giver's page, thanks, answered, closed
    context = _scan_context(browser, viewport)
    page = context.new_page()
    label = f"signed out, {viewport['width']} px"
    _scan_all(page, live_url, [*parameterless_routes(), token_path, *giver], label)
    context.close()


@VIEWPORTS
def test_every_signed_in_page_has_no_axe_violations(
    sign_in, browser: Browser, live_url, owner, viewport
):
    current, pursued, exploring = demo_library()
    load_demo_content(owner)
    goal = Goal.objects.for_user(owner).filter(tasks__isnull=False).first()
    task = Task.objects.filter(goal=goal).first()
    takes = Take.objects.filter(user=owner, completed_at__isnull=False).order_by("-pk")
    # The latest take of each instrument: each kind draws its own chart.
    latest = {take.instrument_id: take for take in reversed(takes)}.values()
    take = takes.filter(instrument__kind=InstrumentKind.SKILLS).first()
    answer = Answer.objects.filter(take=take, key__startswith="q").first()
    skill = PersonalSkill.objects.filter(user=owner).first()
    quarter_of = CheckIn.objects.for_user(owner).order_by("period_start").first().period_start
    # The shipped role library: a role with a move out, its track and where it leads.
    role = Role.objects.active().filter(moves__isnull=False, skills__isnull=False).first()
    feedback, _giver = feedback_pages(owner)
    circle_owner, circle_links = circle_pages(owner)

    context = _scan_context(browser, viewport)
    page = context.new_page()
    sign_in(page, owner)
    # A take in progress and the current check-in exist once a person starts them.
    take_path = _submit_form(
        page,
        live_url,
        take.instrument.get_absolute_url(),
        reverse("assessments:start", args=[take.instrument.slug]),
    )
    checkin_path = _submit_form(page, live_url, reverse("reviews:index"), reverse("reviews:start"))
    assert re.fullmatch(r"/assessments/takes/\d+/", take_path), take_path
    assert re.fullmatch(r"/reviews/checkins/\d+/", checkin_path), checkin_path

    paths = [
        *parameterless_routes(),
        goal.get_absolute_url(),
        reverse("goals:edit", args=[goal.pk]),
        reverse("goals:delete", args=[goal.pk]),
        reverse("goals:task_edit", args=[goal.pk, task.pk]),
        take.instrument.get_absolute_url(),
        take_path,
        *(reverse("assessments:results", args=[each.pk]) for each in latest),
        *(reverse("assessments:compare", args=[each.instrument.slug]) for each in latest),
        reverse("assessments:skill", args=[answer.key]),
        reverse("assessments:skill", args=[f"p{skill.pk}"]),
        reverse("assessments:role", args=[pursued.slug]),
        reverse("assessments:role_compare", args=[pursued.slug]),
        f"{reverse('assessments:roles_compare')}?roles={current.slug}&roles={exploring.slug}",
        checkin_path,
        reverse("reviews:quarter", args=[quarter_of.year, (quarter_of.month - 1) // 3 + 1]),
        role.get_absolute_url(),
        role.track.get_absolute_url(),
        f"{reverse('assessments:paths')}?from={role.slug}",
        f"{reverse('assessments:paths')}?from=other",
        f"{reverse('assessments:explore')}?level=wizard",
        *decision_pages(owner),
        *learning_pages(owner),
        *feedback,
        *conversation_pages(owner),
        *win_pages(owner),
        *circle_owner,
        *circle_links,
        "/no-such-page/",
    ]
    _scan_all(page, live_url, paths, f"signed in with demo content, {viewport['width']} px")
    context.close()


def _focused(page: Page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const shadow = style.boxShadow;
            return {
                html: el.outerHTML.slice(0, 120),
                text: (el.innerText || el.getAttribute('aria-label') || '').trim(),
                isBody: el === document.body,
                inNav: !!el.closest('nav'),
                inMain: !!el.closest('main'),
                ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                    || (shadow !== 'none' && !shadow.startsWith('rgba(0, 0, 0, 0)')),
            };
        }"""
    )


@VIEWPORTS
def test_keyboard_reaches_skip_link_then_navigation_with_visible_focus(
    sign_in, page: Page, live_url, owner, viewport
):
    load_demo_content(owner)
    goal = Goal.objects.for_user(owner).filter(tasks__isnull=False).first()
    # Bootstrap drops its transitions then, so a focus ring is read at its final style.
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size(viewport)
    sign_in(page, owner)
    for path in ("/", goal.get_absolute_url()):
        page.goto(live_url + path)
        page.keyboard.press("Tab")
        stops = [_focused(page)]
        assert stops[0]["text"] == "Skip to main content", (path, stops[0])
        page.keyboard.press("Tab")
        stops.append(_focused(page))
        assert stops[1]["inNav"], (path, stops[1])
        while len(stops) < 300:  # every stop on the page, until focus leaves the document
            page.keyboard.press("Tab")
            if (stop := _focused(page))["isBody"]:
                break
            stops.append(stop)
        assert any(stop["inMain"] for stop in stops), path
        hidden = [stop["html"] for stop in stops if not stop["ring"]]
        assert not hidden, f"{path}: focus is not visible on {hidden}"

        # The skip link moves focus past the navigation, into the page's main content.
        page.goto(live_url + path)
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert _focused(page)["inMain"], path
