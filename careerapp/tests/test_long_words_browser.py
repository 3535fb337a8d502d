"""A person who writes a 200-character word (a URL, a German compound, a pasted hash) in a
goal title, a step, a skill name, a check-in note or a reflection still gets phone pages
that fit the phone: no page scrolls sideways at 375 px, except the timeline chart inside
its own scroller. The person reads the app in Spanish, whose words run longer than
English's (French's are checked at 375 px by ``test_accessibility_phone.py``).

Every page reachable from the dashboard is visited (a crawl over the demo account's
content with the long words written in), plus the take and check-in in progress.
"""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import Browser

from assessments.models import Answer, PersonalSkill, QuestionType
from careerapp.demo import load_demo_content
from careerapp.tests.axe import OVERFLOWING, PHONE
from careerapp.tests.crawl import crawl, person_starts
from goals.models import Goal, GoalChange, Task
from reviews.models import CheckIn, CheckInStatus, GoalReview, NextStep, Reflection

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# No space, no hyphen: nothing where a browser would break the line by itself.
LONG = ("Donaudampfschifffahrtsgesellschaftskapitaenswitwe" * 5)[:200]
# Pages of one route differ only in their content: two of each are enough.
MAX_PER_ROUTE = 2


def _write_long_words(owner) -> Goal:
    """The long word in every kind of text a person writes, on the demo account."""
    goal = Goal.objects.for_user(owner).active().filter(tasks__isnull=False).first()
    Goal.objects.filter(pk=goal.pk).update(title=LONG, why=f"{LONG} {LONG}")
    Task.objects.filter(pk=goal.tasks.first().pk).update(title=LONG, notes=LONG)
    GoalChange.objects.filter(goal__user=owner).update(reason=LONG)
    skill = PersonalSkill.objects.filter(user=owner).first()
    short = LONG[: PersonalSkill._meta.get_field("name").max_length]
    PersonalSkill.objects.filter(pk=skill.pk).update(name=short)
    Answer.objects.filter(personal_skill=skill).update(prompt=short)
    Answer.objects.filter(take__user=owner, type=QuestionType.TEXT).update(text=LONG)
    GoalReview.objects.filter(checkin__user=owner, goal=goal).update(goal_title=LONG)
    GoalReview.objects.filter(checkin__user=owner).update(note=LONG, correction_reason=LONG)
    Reflection.objects.filter(checkin__user=owner).update(answer=LONG)
    NextStep.objects.filter(checkin__user=owner).update(title=LONG)
    assert CheckIn.objects.for_user(owner).filter(status=CheckInStatus.SUBMITTED).exists()
    return goal


def _reachable_pages(client: Client, starts: list[str]) -> list[str]:
    """Every HTML page reachable by links from ``starts``, a few of each route."""
    return [
        path
        for path, response in crawl(client, starts, max_per_route=MAX_PER_ROUTE)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html")
    ]


def test_no_page_of_a_person_with_long_words_scrolls_sideways_on_a_phone(
    sign_in, browser: Browser, live_url, owner
):
    owner.language = "es"
    owner.save(update_fields=["language"])
    load_demo_content(owner)
    goal = _write_long_words(owner)
    client = Client()
    client.force_login(owner)
    pages = _reachable_pages(client, person_starts(client, owner, goal))

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    sign_in(page, owner)
    too_wide = []
    for path in pages:
        page.goto(live_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            culprits = page.evaluate(OVERFLOWING, PHONE["width"])
            too_wide.append(f"{path}: {width} px\n      " + "\n      ".join(culprits))
    assert page.locator("html").get_attribute("lang") == "es"
    context.close()

    print(f"\n{len(pages)} pages checked at {PHONE['width']} px:", *pages)  # noqa: T201
    long_pages = [path for path in pages if path.startswith(("/goals/", "/assessments/"))]
    assert len(pages) >= 30, pages
    assert any(path.startswith("/reviews/") for path in pages), pages
    assert long_pages, pages
    assert not too_wide, f"{len(too_wide)} of {len(pages)} pages scroll sideways:\n" + "\n".join(
        too_wide
    )
