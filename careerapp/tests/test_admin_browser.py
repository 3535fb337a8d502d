"""The admin on a 1280 px screen: every change list, add page and change page fits, and an
inline's Delete column is on screen (it was cut off on the instrument's questions)."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse
from playwright.sync_api import Browser, expect

from careerapp.demo import load_demo_content
from careerapp.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-and-unusual-passphrase"
DESKTOP = {"width": 1280, "height": 900}


def _admin_pages() -> list[str]:
    """The change list and add page of every registered model, and the change page of its
    first row (the one with inlines, where the Delete column lives)."""
    pages = []
    for model, model_admin in admin.site._registry.items():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(reverse(f"{name}_changelist"))
        if model_admin.has_add_permission(_request()):
            pages.append(reverse(f"{name}_add"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages.append(reverse(f"{name}_change", args=[first.pk]))
    return pages


def _request():
    class _Request:
        user = User.objects.get(email="admin@example.com")

    return _Request()


def test_admin_pages_fit_1280_px_with_the_inline_delete_column_on_screen(
    browser: Browser, live_url, owner, screenshot_dir
):
    load_demo_content(owner)
    User.objects.create_superuser("admin@example.com", PASSWORD)
    pages = _admin_pages()
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{live_url}/admin/login/")
    # The admin's login sends everyone through the site's sign-in page.
    page.get_by_label("Email").fill("admin@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.locator("#site-name")).to_be_visible()

    too_wide, delete_columns = [], 0
    for path in pages:
        page.goto(live_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > DESKTOP["width"]:
            too_wide.append(f"{path}: {width} px")
            name = path.strip("/").replace("/", "-")
            page.screenshot(path=screenshot_dir / f"admin-too-wide-{name}.png", full_page=True)
        for box in page.locator("td.delete input[type=checkbox]").all():
            delete_columns += 1
            right = box.evaluate("el => el.getBoundingClientRect().right")
            if right > DESKTOP["width"]:
                too_wide.append(f"{path}: a Delete checkbox at {right:.0f} px")
                break
    context.close()

    print(f"\n{len(pages)} admin pages checked at 1280 px")  # noqa: T201
    assert delete_columns, "no inline with a Delete column was checked"
    assert len(pages) >= 12, pages
    assert not too_wide, "\n".join(too_wide)


def test_each_text_is_translated_with_its_english_and_other_language_beside_it(
    browser: Browser, live_url
):
    from goals.models import GoalTemplate

    User.objects.create_superuser("admin@example.com", PASSWORD)
    template = GoalTemplate.objects.order_by("pk").first()
    page = browser.new_context(viewport=DESKTOP).new_page()
    page.goto(f"{live_url}/admin/login/")
    page.get_by_label("Email").fill("admin@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto(live_url + reverse("admin:goals_goaltemplate_change", args=[template.pk]))

    # The template's own texts and its steps' (a stacked inline): one line, three columns.
    for name in ("title", "why", "tasks-0-title", "tasks-0-notes"):
        boxes = [
            page.locator(f'[name="{name}_{code}"]').bounding_box() for code in ["en", "fr", "es"]
        ]
        assert len({round(box["y"]) for box in boxes}) == 1, (name, boxes)
        assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"], (name, boxes)
        assert boxes[2]["x"] + boxes[2]["width"] <= DESKTOP["width"], (name, boxes)
    assert page.locator('[name="title_fr"]').input_value() == template.title_fr
