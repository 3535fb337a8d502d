"""Taking the skills instrument in a real browser, retaking it, and an admin's edit."""

import re

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Answer, Instrument, Take, TakeStatus
from careerapp.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-and-unusual-passphrase"


def answer_every_skill(page: Page, current: str, desired: str) -> None:
    """Fill each page of skills and move on until the results appear."""
    while True:
        for question in page.locator("fieldset.question").all():
            question.locator(f"input[name$='_current'][value='{current}']").check()
            question.locator(f"input[name$='_desired'][value='{desired}']").check()
        finish = page.get_by_role("button", name="Finish and see results")
        if finish.count():
            finish.click()
            return
        page.get_by_role("button", name="Next page").click()


def test_take_see_the_chart_retake_and_see_what_changed(
    sign_in, page: Page, live_url, owner, screenshot_dir
):
    skills = Instrument.objects.get(slug="skills")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, owner)
    page.goto(f"{live_url}/assessments/skills/")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", level=1, name=skills.name)).to_be_visible()
    answer_every_skill(page, current="2", desired="4")
    expect(page.get_by_text("Done. Your answers are saved as a dated snapshot.")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("skills", re.I)).first).to_be_visible()
    first = Take.objects.get(user=owner, status=TakeStatus.COMPLETED)
    assert first.answers.count() == skills.questions.filter(is_active=True).count()

    # A retake starts from the last answers; raise every current level by one.
    page.goto(f"{live_url}/assessments/skills/")
    page.get_by_role("button", name=re.compile("^Retake")).click()
    first_question = page.locator("fieldset.question").first
    expect(first_question.locator("input[name$='_current'][value='2']")).to_be_checked()
    answer_every_skill(page, current="3", desired="4")
    expect(page.get_by_role("heading", name="What changed since last time")).to_be_visible()
    expect(page.get_by_text("+1").first).to_be_visible()
    page.screenshot(path=screenshot_dir / "assessments-retake-desktop.png", full_page=True)
    page.set_viewport_size({"width": 375, "height": 812})
    page.screenshot(path=screenshot_dir / "assessments-retake-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_an_admin_edit_shows_in_the_next_take_and_leaves_past_results_alone(
    sign_in, page: Page, browser, live_url, owner
):
    skills = Instrument.objects.get(slug="skills")
    question = skills.questions.filter(is_active=True).order_by("order").first()
    old_prompt = question.prompt
    sign_in(page, owner)
    page.goto(f"{live_url}/assessments/skills/")
    page.get_by_role("button", name="Start").click()
    answer_every_skill(page, current="3", desired="5")
    take = Take.objects.get(user=owner, status=TakeStatus.COMPLETED)

    User.objects.create_superuser("admin@example.com", PASSWORD)
    admin = browser.new_context().new_page()
    admin.goto(f"{live_url}/admin/login/?next=/admin/assessments/question/{question.pk}/change/")
    # The admin's login sends everyone through the site's sign-in page.
    admin.get_by_label("Email").fill("admin@example.com")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Sign In").click()
    admin.get_by_label("Prompt [en]").fill(
        "Depth in your chosen craft"
    )  # French, Spanish beside it
    admin.get_by_role("button", name="Save", exact=True).click()
    expect(admin.get_by_text("was changed successfully")).to_be_visible()

    page.goto(f"{live_url}/assessments/takes/{take.pk}/results/")
    expect(page.get_by_role("link", name=old_prompt).first).to_be_visible()
    assert Answer.objects.get(take=take, question=question).prompt == old_prompt
    page.goto(f"{live_url}/assessments/skills/")
    page.get_by_role("button", name=re.compile("^Retake")).click()
    expect(page.get_by_text("Depth in your chosen craft")).to_be_visible()
