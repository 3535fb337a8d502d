"""Every signed-out page scanned with axe-core in Chromium (WCAG 2.2 AA, no violations),
and the keyboard's way through a page. The signed-in pages are scanned in
``test_accessibility_desktop.py`` (English) and ``test_accessibility_phone.py`` (French);
the scan itself is ``careerapp.tests.axe``."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page

from careerapp.demo import load_demo_content
from careerapp.reminders import unsubscribe_token
from careerapp.tests.axe import DESKTOP, PHONE, scan_all, scan_context
from careerapp.tests.crawl import (
    feedback_pages,
    parameterless_routes,
)
from goals.models import Goal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# Phones get other layouts (the menu, stacked tables), so both widths are scanned.
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])


@VIEWPORTS
def test_every_signed_out_page_has_no_axe_violations(browser: Browser, live_url, owner, viewport):
    token_path = reverse("reminders_unsubscribe", args=[unsubscribe_token(owner)])
    _feedback, giver = feedback_pages(owner)  # the giver's page, thanks, answered, closed
    context = scan_context(browser, viewport)
    page = context.new_page()
    label = f"signed out, {viewport['width']} px"
    scan_all(page, live_url, [*parameterless_routes(), token_path, *giver], label)
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
