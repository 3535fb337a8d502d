"""A refused form, as a person meets it: logging learning with negative hours and an expiry
before its start, recording a win in the future, asking for a brag document that ends
before it starts. Each answers 422 with its message next to the field, keeps what was
typed, and has no axe-core violation (WCAG 2.2 AA) at phone and desktop width."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from assessments.tests.factories_roles import learning_kind
from careerapp.tests.axe import DESKTOP, PHONE, describe, scan, scan_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _submit_unchecked(page: Page, form: str) -> int:
    """Press the form's submit button with the browser's own checks off (``min`` and
    ``required`` would stop the post before the server could answer); the status."""
    page.locator(form).evaluate("form => { form.noValidate = true; }")
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.locator(f"{form} [type=submit]").first.click()
    page.wait_for_load_state()
    return answer.value.status


def _no_violations(page: Page, where: str) -> None:
    violations = scan(page)["violations"]
    assert not violations, f"{where}:\n{describe(violations)}"
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, where


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_refused_forms_explain_beside_the_field_keep_the_input_and_pass_axe(
    sign_in, browser: Browser, live_url, owner, viewport, screenshot_dir
):
    learning_kind("certification")
    context = scan_context(browser, viewport)
    page = context.new_page()
    sign_in(page, owner)
    width = viewport["width"]

    page.goto(f"{live_url}/goals/learning/new/")
    page.get_by_label("What you are learning").fill("Cloud architect exam")
    page.get_by_label("Kind").select_option(label="Certification")
    page.get_by_label("Hours").fill("-3")
    page.get_by_label("Started on").fill("2026-05-01")
    page.get_by_label("Expires").fill("2026-04-01")
    assert _submit_unchecked(page, "main form") == 422
    expect(page.locator("#id_hours_error")).to_contain_text("Hours cannot be negative.")
    expect(page.locator("#id_expires_on_error")).to_contain_text("cannot be before the start")
    expect(page.get_by_label("What you are learning")).to_have_value("Cloud architect exam")
    page.screenshot(path=screenshot_dir / f"refused-learning-{width}.png", full_page=True)
    _no_violations(page, "the learning form, refused")

    page.goto(f"{live_url}/reviews/wins/add/")
    page.get_by_label("What happened").fill("Shipped the billing flow")
    page.get_by_label("When").fill("2099-01-01")
    assert _submit_unchecked(page, "main form") == 422
    expect(page.locator("#id_happened_on_error")).to_contain_text("already happened")
    expect(page.get_by_label("What happened")).to_have_value("Shipped the billing flow")
    page.screenshot(path=screenshot_dir / f"refused-win-{width}.png", full_page=True)
    _no_violations(page, "the win form, refused")

    page.goto(f"{live_url}/reviews/brag/?start=2026-06-01&end=2026-01-01")
    expect(page.locator("#id_end-error")).to_contain_text("The end comes before the start")
    _no_violations(page, "the brag document, refused")
    context.close()
