"""Browsing the shipped role library in a real browser, on a phone and a desktop: the menu,
the search, a role's page, its paths (junior data analyst -> data analyst -> senior data
analyst: 18 + 24 months), a track; axe-core finds nothing on the way."""

import pytest
from playwright.sync_api import Page, expect

from careerapp.tests.axe import describe, scan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = pytest.mark.parametrize(
    "viewport",
    [{"width": 375, "height": 812}, {"width": 1280, "height": 900}],
    ids=["phone", "desktop"],
)


def _no_axe_violations(page: Page) -> None:
    violations = scan(page)["violations"]
    assert not violations, f"{page.url}\n{describe(violations)}"


def _fits(page: Page, viewport: dict) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@VIEWPORTS
def test_browse_search_open_a_role_and_follow_its_paths(
    sign_in, browser, live_url, owner, viewport, screenshot_dir
):
    # axe is injected as an inline script, which the page's policy forbids.
    page = browser.new_context(bypass_csp=True, viewport=viewport).new_page()
    sign_in(page, owner)
    if viewport["width"] < 992:
        page.get_by_text("Menu").click()
    page.get_by_role("link", name="Explore", exact=True).filter(visible=True).click()
    expect(page.get_by_role("heading", level=1, name="Explore roles and paths")).to_be_visible()
    expect(page.locator('nav a[aria-current="page"]').first).to_have_text("Explore")
    _no_axe_violations(page)
    _fits(page, viewport)

    page.get_by_label("Search", exact=True).fill("analyst")
    page.get_by_role("button", name="Show roles").click()
    expect(page.get_by_role("link", name="Senior data analyst")).to_be_visible()
    expect(page.get_by_role("link", name="Data scientist")).to_have_count(0)

    page.get_by_role("link", name="Senior data analyst").click()
    expect(page.get_by_role("heading", level=1, name="Senior data analyst")).to_be_visible()
    expect(page.get_by_role("heading", name="Skills it asks for")).to_be_visible()
    _no_axe_violations(page)
    _fits(page, viewport)
    page.screenshot(path=screenshot_dir / f"explore-role-{viewport['width']}.png", full_page=True)

    page.get_by_role("link", name="Paths from this role").click()
    expect(page.get_by_role("heading", name="Where it leads")).to_be_visible()
    leads = page.get_by_role("region", name="Where it leads")
    expect(leads.get_by_role("link", name="Analytics manager").first).to_be_visible()
    page.get_by_label("Starting from").select_option("junior-data-analyst")
    page.get_by_role("button", name="Show paths").click()
    expect(page.get_by_text("In 2 moves")).to_be_visible()
    expect(page.get_by_text("(Data and analytics) · about 42 months")).to_be_visible()
    _no_axe_violations(page)
    _fits(page, viewport)

    page.get_by_role("main").get_by_role("link", name="Explore", exact=True).click()
    # Unfiltered, the tracks are folded: a phone sees eleven lines; opening one shows its roles.
    track = page.locator("details.track-group").filter(has_text="Data and analytics").first
    expect(track.get_by_role("link", name="Senior data analyst")).to_be_hidden()
    track.locator("summary").click()
    expect(track.get_by_role("link", name="Senior data analyst")).to_be_visible()
    _fits(page, viewport)
    page.screenshot(path=screenshot_dir / f"explore-list-{viewport['width']}.png", full_page=True)
    track.get_by_role("link", name="More about Data and analytics").click()
    expect(page.get_by_role("heading", level=1, name="Data and analytics")).to_be_visible()
    _no_axe_violations(page)
    _fits(page, viewport)
