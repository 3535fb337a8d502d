"""The circle in a real browser: invite a mentor, choose what they see, open their link in
a second browser (a phone, signed out), comment, answer it, end their access."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from goals.tests.factories import GoalFactory, TaskFactory
from reviews.tests.factories import CheckInFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
LINK = re.compile(r"https?://\S+/reviews/s/[0-9a-f]{48}/")


def _no_overflow(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width} px wide"


def test_invite_choose_comment_answer_and_revoke(
    sign_in, page: Page, browser: Browser, live_url, owner, mailoutbox, screenshot_dir, settings
):
    settings.SITE_URL = live_url
    goal = GoalFactory(user=owner, title="Lead a team of my own")
    TaskFactory(goal=goal, title="Run the guild session")
    GoalFactory(user=owner, title="A private goal")
    CheckInFactory(user=owner)
    page.set_viewport_size(DESKTOP)
    sign_in(page, owner)

    # Invite: the member sees nothing until chosen.
    page.get_by_role("link", name="Circle", exact=True).first.click()
    expect(page.get_by_role("heading", name="My circle")).to_be_visible()
    page.get_by_label("Name").fill("Ana Mentor")
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_label("Message").fill("Would you follow my leadership goal this year?")
    page.screenshot(path=screenshot_dir / "circle-invite-desktop.png", full_page=True)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Invitation on its way to Ana Mentor")).to_be_visible()
    (email,) = mailoutbox
    assert email.to == ["ana@example.org"]
    link = LINK.search(email.body).group(0)

    # Choose: one goal, check-ins without reflections.
    page.get_by_label("The goals I choose").check()
    page.get_by_label("Lead a team of my own").check()
    page.get_by_label("Progress and status only").check()
    page.get_by_role("button", name="Save what they see").click()
    expect(page.get_by_text("Saved. Ana Mentor sees exactly this now.")).to_be_visible()
    page.screenshot(path=screenshot_dir / "circle-member-desktop.png", full_page=True)
    _no_overflow(page)

    # The member, on a phone, signed out.
    phone = browser.new_context(viewport=PHONE)
    mentor = phone.new_page()
    mentor.goto(link)
    expect(mentor.get_by_role("link", name="Lead a team of my own")).to_be_visible()
    expect(mentor.get_by_text("A private goal")).to_have_count(0)
    mentor.screenshot(path=screenshot_dir / "circle-shared-home-phone.png", full_page=True)
    _no_overflow(mentor)
    mentor.get_by_role("link", name="Lead a team of my own").click()
    expect(mentor.get_by_text("Run the guild session")).to_be_visible()
    mentor.get_by_label("Your comment").fill("Leading the guild is the best rehearsal you have.")
    mentor.get_by_role("button", name="Add comment").click()
    expect(mentor.get_by_text("Leading the guild is the best rehearsal")).to_be_visible()
    mentor.screenshot(path=screenshot_dir / "circle-shared-goal-phone.png", full_page=True)
    _no_overflow(mentor)

    # The owner sees it on their goal's page and answers.
    page.goto(f"{live_url}{goal.get_absolute_url()}")
    expect(page.get_by_text("Leading the guild is the best rehearsal")).to_be_visible()
    page.get_by_text("Reply", exact=True).click()
    page.get_by_label("Your reply").fill("Agreed. I'll ask two attendees for feedback.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_text("Reply saved.")).to_be_visible()
    page.screenshot(path=screenshot_dir / "circle-owner-goal-desktop.png", full_page=True)
    mentor.reload()
    expect(mentor.get_by_text("I'll ask two attendees for feedback.")).to_be_visible()

    # The owner's preview shows exactly the same, without a comment form.
    page.goto(f"{live_url}/reviews/circle/")
    page.get_by_role("link", name="Ana Mentor").click()
    page.get_by_role("link", name=re.compile("See exactly what Ana Mentor sees")).click()
    expect(page.get_by_text("Preview: this is exactly what Ana Mentor sees")).to_be_visible()
    expect(page.get_by_text("A private goal")).to_have_count(0)
    page.screenshot(path=screenshot_dir / "circle-preview-desktop.png", full_page=True)

    # Ending access works at once: 410, nothing of the owner's shown.
    page.get_by_role("link", name="Back to choosing what they see").click()
    page.get_by_role("button", name="End access now").click()
    expect(page.get_by_text("Ana Mentor no longer sees anything of yours.")).to_be_visible()
    response = mentor.reload()
    assert response.status == 410
    expect(mentor.get_by_role("heading", name="No longer shared")).to_be_visible()
    expect(mentor.get_by_text("Lead a team of my own")).to_have_count(0)
    mentor.screenshot(path=screenshot_dir / "circle-revoked-phone.png", full_page=True)
    phone.close()
