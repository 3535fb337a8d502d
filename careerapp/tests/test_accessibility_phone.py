"""Every page a signed-in French person with the demo's content can reach, at 375 px:
axe-core finds no WCAG 2.2 AA violation, and no page scrolls sideways with French's
longer words (``careerapp.tests.axe``). The desktop's scan is in English
(``test_accessibility_desktop.py``); the long-words crawl runs at 375 px in Spanish."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from careerapp.tests.axe import PHONE, scan_all, scan_context, signed_in_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_signed_in_french_page_has_no_axe_violations_and_fits_a_phone(
    sign_in, browser: Browser, live_url, owner
):
    owner.language = "fr"
    owner.save(update_fields=["language"])
    context = scan_context(browser, PHONE)
    page = context.new_page()
    sign_in(page, owner)
    paths = signed_in_paths(page, live_url, owner)
    assert page.locator("html").get_attribute("lang") == "fr"
    too_wide: list[str] = []
    scan_all(page, live_url, paths, "signed in, French, 375 px", too_wide=too_wide)
    context.close()
    assert not too_wide, f"{len(too_wide)} French pages scroll sideways:\n" + "\n".join(too_wide)
