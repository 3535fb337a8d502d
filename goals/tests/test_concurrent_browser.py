"""Two tabs of one person in a real browser must not undo each other (issue 13, item 6)."""

import datetime
import re

import pytest
import time_machine
from playwright.sync_api import Page, expect

from goals.models import Goal
from goals.tests.factories import GoalFactory
from reviews.models import CheckIn, GoalReview

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _post_status(page: Page, click) -> int:
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        click()
    return answer.value.status


def test_an_older_tab_changing_the_title_is_refused_instead_of_putting_the_date_back(
    sign_in, page: Page, live_url, owner
):
    with time_machine.travel(datetime.datetime(2027, 1, 10, 10, tzinfo=datetime.UTC), tick=True):
        goal = GoalFactory(
            user=owner, title="Lead the platform migration", target_date=datetime.date(2027, 3, 31)
        )
        sign_in(page, owner)
        edit_url = f"{live_url}/goals/{goal.pk}/edit/"
        older = page.context.new_page()  # the same person, the same session: a second tab
        older.goto(edit_url)

        page.goto(edit_url)
        page.get_by_label("Target date").fill("2027-05-31")
        page.get_by_role("button", name="Save changes").click()
        expect(page.get_by_text("Rescheduled from 31 March 2027 to 31 May 2027.")).to_be_visible()

        older.get_by_label("Your goal").fill("Lead the cloud migration")
        status = _post_status(older, older.get_by_role("button", name="Save changes").click)

        assert status == 409
        expect(
            older.get_by_text(
                "Target date is now 31 May 2027 (changed in another tab or by another device)."
            )
        ).to_be_visible()
        expect(older.get_by_label("Your goal")).to_have_value("Lead the cloud migration")
        expect(older.get_by_label("Target date")).to_have_value("2027-05-31")
        goal.refresh_from_db()
        assert (goal.title, goal.target_date) == (
            "Lead the platform migration",
            datetime.date(2027, 5, 31),
        )
        assert "Rescheduled from 31 May 2027 to 31 March 2027." not in [
            change.sentence() for change in goal.changes.all()
        ]

        # Having seen the new date, the person saves again: their title, the new date.
        older.get_by_role("button", name="Save changes").click()
        expect(
            older.get_by_role("heading", level=1, name="Lead the cloud migration")
        ).to_be_visible()
        expect(older.get_by_text("Rescheduled from 31 May 2027 to 31 March 2027.")).to_have_count(0)
        goal.refresh_from_db()
        assert goal.target_date == datetime.date(2027, 5, 31)


def test_check_in_autosaves_go_on_in_one_tab_and_an_older_tab_is_refused(
    sign_in, page: Page, live_url, owner
):
    with time_machine.travel(datetime.datetime(2027, 2, 10, 10, tzinfo=datetime.UTC), tick=True):
        goal = GoalFactory(user=owner, title="Lead the platform migration")
        sign_in(page, owner)
        page.goto(f"{live_url}/reviews/")
        page.get_by_role("button", name=re.compile("Check in now|Continue your check-in")).click()
        checkin_url = page.url
        older = page.context.new_page()
        older.goto(checkin_url)
        status = page.locator("#checkin-status")

        # Two autosaves in a row from one tab: the second uses the version the first
        # returned, so it is not taken for a stale save.
        page.locator(f"textarea[name='goal-{goal.pk}-note']").fill("Halfway there")
        page.locator(f"textarea[name='goal-{goal.pk}-note']").blur()
        expect(status).to_contain_text("Draft saved at")
        page.locator("input[name='energy'][value='4']").check()
        expect(page.locator("#checkin-version")).to_have_value("2")
        expect(status).to_contain_text("Draft saved at")
        checkin = CheckIn.objects.get()
        assert (checkin.energy, checkin.version) == (4, 2)

        # The older tab's autosave is refused in place and writes nothing.
        older.locator("input[name='satisfaction'][value='2']").check()
        expect(older.locator("#checkin-status")).to_contain_text(
            "Not saved: this check-in changed in another tab"
        )
        checkin.refresh_from_db()
        assert (checkin.satisfaction, checkin.version) == (None, 2)

        # Save draft shows what changed, keeps what was typed; saving again keeps both.
        status_code = _post_status(older, older.get_by_role("button", name="Save draft").click)
        assert status_code == 409
        expect(older.get_by_text("How is your energy? is now 4")).to_be_visible()
        expect(older.locator("input[name='satisfaction'][value='2']")).to_be_checked()
        expect(older.locator("input[name='energy'][value='4']")).to_be_checked()
        older.get_by_role("button", name="Save draft").click()
        expect(older.get_by_text("Draft saved. Come back any time")).to_be_visible()
        checkin.refresh_from_db()
        assert (checkin.satisfaction, checkin.energy) == (2, 4)
        assert GoalReview.objects.get(goal=goal).note == "Halfway there"
        assert Goal.objects.count() == 1
