"""The account journey in a real browser (Debian's Chromium through Playwright)."""

import re

import pytest
from playwright.sync_api import Page, expect

from careerapp.models import User

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "a-long-and-unusual-passphrase"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def _confirmation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", message.body).group(1)


def test_sign_up_confirm_set_time_zone_sign_out_and_back_in(
    sign_in, page: Page, live_url, mailoutbox, screenshot_dir
):
    page.set_viewport_size(DESKTOP)
    page.goto(live_url)
    page.get_by_role("link", name="Create your free account").click()

    page.get_by_label("Email").fill("rowan@example.com")
    page.get_by_label("Your name").fill("Rowan")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()

    assert len(mailoutbox) == 1
    page.goto(live_url + _confirmation_path(mailoutbox[0]))
    page.get_by_role("button", name="Confirm").click()
    # Confirmed in the same browser: signed in, and this first visit is a welcome.
    expect(page.get_by_role("heading", name="Welcome, Rowan")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^0 of \d+ done$"))).to_be_visible()

    page.get_by_role("link", name="Set your time zone", exact=True).click()
    page.get_by_label("Time zone").fill("Asia/Kolkata")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    assert User.objects.get(email="rowan@example.com").time_zone == "Asia/Kolkata"

    page.get_by_label("Day of the week").select_option(label="Thursday")
    page.get_by_label("Time of day").select_option(label="07:00")
    page.get_by_role("button", name="Save email preferences").click()
    expect(page.get_by_text("Your weekly email preferences are saved.")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Create your free account")).to_be_visible()

    sign_in(page, "Rowan@Example.com")
    expect(page.get_by_role("heading", name="Welcome back, Rowan")).to_be_visible()
    page.screenshot(path=screenshot_dir / "dashboard-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=screenshot_dir / "dashboard-phone.png", full_page=True)


def test_a_bad_time_zone_is_explained_beside_the_field(sign_in, page: Page, live_url, owner):
    page.set_viewport_size(PHONE)
    sign_in(page, owner)
    page.goto(f"{live_url}/settings/")
    page.get_by_label("Display name").fill("Liv")
    page.get_by_label("Time zone").fill("Moon/Tranquility")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("“Moon/Tranquility” is not a time zone we know.")).to_be_visible()
    # What the person typed is still there to correct.
    expect(page.get_by_label("Display name")).to_have_value("Liv")
    owner.refresh_from_db()
    assert owner.display_name == "Olivia"


def test_everything_works_without_javascript(sign_in, browser, live_url, owner, screenshot_dir):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    sign_in(page, owner)
    expect(page.get_by_role("heading", name="Welcome back, Olivia")).to_be_visible()
    # The phone menu is a <details> disclosure: it opens without any script.
    page.get_by_text("Menu").click()
    page.get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", name="Profile and weekly email")).to_be_visible()
    page.get_by_label("Time zone").fill("America/Sao_Paulo")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    page.screenshot(path=screenshot_dir / "settings-phone-nojs.png", full_page=True)
    page.get_by_text("Menu").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Create your free account")).to_be_visible()
    context.close()


def test_landing_page_at_phone_and_desktop_width(page: Page, live_url, screenshot_dir):
    for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        page.goto(live_url)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Look after your career")
        # Nothing spills sideways on a phone.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= size["width"]
        page.screenshot(path=screenshot_dir / f"landing-{name}.png", full_page=True)


def test_pages_raise_no_csp_violations_or_script_errors(sign_in, page: Page, live_url, owner):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    sign_in(page, owner)
    for path in (
        "/",
        "/settings/",
        "/settings/delete/",
        "/accounts/email/",
        "/accounts/password/change/",
    ):
        page.goto(live_url + path)
    assert problems == []
