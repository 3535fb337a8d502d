"""Every page a signed-in person with the demo's content can reach, at 1280 px in English,
scanned with axe-core in Chromium: WCAG 2.2 AA, no violations (``careerapp.tests.axe``).
The phone's scan is in French: ``test_accessibility_phone.py``."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from careerapp.tests.axe import DESKTOP, scan_all, scan_context, signed_in_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_signed_in_page_has_no_axe_violations(sign_in, browser: Browser, live_url, owner):
    context = scan_context(browser, DESKTOP)
    page = context.new_page()
    sign_in(page, owner)
    paths = signed_in_paths(page, live_url, owner)
    scan_all(page, live_url, paths, "signed in with demo content, English, 1280 px")
    context.close()
