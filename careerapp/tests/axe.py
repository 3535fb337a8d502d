"""axe-core in Chromium, shared by the accessibility tests: a scan of one page, of a list of
pages, and the list of every page a signed-in person with the demo's content can reach.

The scan runs axe-core as shipped in ``axe-playwright-python``. The page's Content Security
Policy forbids inline scripts, and Playwright injects axe as one, so the scanning context
bypasses the CSP (the CSP itself is tested in ``test_browser.py`` and ``test_settings.py``).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
from django.urls import reverse
from playwright.sync_api import Browser, Page

from assessments.models import Answer, InstrumentKind, PersonalSkill, Role, Take
from assessments.tests.factories_roles import demo_library
from careerapp.demo import load_demo_content
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
# What sticks out past the right edge, for a failure message: the element, its width and
# the start of its text. The timeline scrolls inside its own frame, so it is left out.
OVERFLOWING = """width => Array.from(document.querySelectorAll("body *"))
  .filter(el => el.getBoundingClientRect().right > width + 1)
  .filter(el => !el.closest(".timeline-scroll"))
  .filter(el => !Array.from(el.children).some(c => c.getBoundingClientRect().right > width + 1))
  .slice(0, 4)
  .map(el => `<${el.tagName.toLowerCase()} class="${el.className.baseVal ?? el.className}">`
    + ` ${Math.round(el.getBoundingClientRect().right)} px: `
    + (el.textContent || "").trim().slice(0, 40))"""


def scan(page: Page) -> dict:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(
            f"    {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"      {', '.join(targets[:8])}{' ...' if len(targets) > 8 else ''}"
        )
    return "\n".join(lines)


def scan_all(
    page: Page, base: str, paths: list[str], label: str, *, too_wide: list[str] | None = None
) -> None:
    """Scan each page once (pages that redirect to one already seen are not scanned twice).

    ``too_wide``: a list to note each page that scrolls sideways at the page's width."""
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
        seen[landed] = scan(page)
        if (
            too_wide is not None
            and (width := page.evaluate("document.documentElement.scrollWidth"))
            > page.viewport_size["width"]
        ):
            culprits = page.evaluate(OVERFLOWING, page.viewport_size["width"])
            too_wide.append(f"{landed}: {width} px\n      " + "\n      ".join(culprits))

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
        f"  {path}\n{describe(result['violations'])}"
        for path, result in seen.items()
        if result["violations"]
    ]
    assert not failures, "axe-core found violations:\n" + "\n".join(failures)


def submit_form(page: Page, base: str, on: str, action: str) -> str:
    """Press the button of the form on ``on`` that posts to ``action``; the page it lands on."""
    page.goto(base + on)
    page.locator(f'form[action="{action}"] [type=submit]').first.click()
    page.wait_for_load_state()
    return page.url.removeprefix(base)


def scan_context(browser: Browser, viewport: dict):
    return browser.new_context(bypass_csp=True, viewport=viewport)


def signed_in_paths(page: Page, live_url: str, owner) -> list[str]:
    """Load the demo's content for ``owner`` (signed in on ``page``), start a take and a
    check-in as a person would, and return every page to scan."""
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

    # A take in progress and the current check-in exist once a person starts them.
    take_path = submit_form(
        page,
        live_url,
        take.instrument.get_absolute_url(),
        reverse("assessments:start", args=[take.instrument.slug]),
    )
    checkin_path = submit_form(page, live_url, reverse("reviews:index"), reverse("reviews:start"))
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
    return paths
