"""A reflection prompt's help text is a sentence or two, and the admin shows it whole."""

import re

import pytest
from django.urls import reverse

from reviews.models import ReflectionPrompt
from reviews.tests.test_admin import admin_client  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

HELP = (
    "Small things count. Name something you did, not only something that happened to you: "
    "the conversation you started, the review you finished, the help you asked for."
)


def test_the_help_text_is_edited_in_a_box_that_shows_it_whole(admin_client):  # noqa: F811
    prompt = ReflectionPrompt.objects.create(text="What went well?", help_text=HELP, order=1)

    response = admin_client.get(reverse("admin:reviews_reflectionprompt_change", args=[prompt.pk]))

    html = response.content.decode()
    # Each language's help text and question (modeltranslation's columns).
    for language in ("en", "fr", "es"):
        box = re.search(
            rf'<textarea name="help_text_{language}"([^>]*)>\s*(.*?)</textarea>', html, re.S
        )
        assert box, f"the {language} help text is a one-line input"
        assert 'rows="3"' in box.group(1)
        assert re.search(rf'<input type="text" name="text_{language}"[^>]*size="80"', html)
    english = re.search(r'<textarea name="help_text_en"[^>]*>\s*(.*?)</textarea>', html, re.S)
    assert english.group(1).strip() == HELP.replace("'", "&#x27;")
    assert "css/admin.css" in html  # its width and size
