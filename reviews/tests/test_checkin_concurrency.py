"""Two tabs of one check-in must not undo each other (issue 13, item 6): the page carries
the check-in's version; a save from an older version is refused (409) with what changed
meanwhile, keeping what the person typed; each autosave hands the tab its new version."""

import datetime
import html
import re

import pytest
import time_machine
from django.urls import reverse

from careerapp.tests.browser_form import sent_by_browser
from goals.tests.factories import GoalFactory
from reviews.cadence import Cadence
from reviews.models import CheckIn, GoalReview, Schedule

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def page_client(client, owner):
    Schedule.objects.create(user=owner, cadence=Cadence.MONTHLY, anchor=D(2027, 1, 1))
    with time_machine.travel(datetime.datetime(2027, 2, 10, 12, tzinfo=datetime.UTC), tick=False):
        client.force_login(owner)
        yield client


@pytest.fixture
def goal(owner):
    return GoalFactory(user=owner, title="Lead the migration")


@pytest.fixture
def checkin(page_client, goal):
    page_client.post(reverse("reviews:start"))
    return CheckIn.objects.get()


def _tab(client, checkin, **changes) -> dict[str, str]:
    """Open the check-in page (a tab): what it would send with ``changes``."""
    response = client.get(checkin.get_absolute_url())
    assert response.status_code == 200
    page = response.context["page"]
    return sent_by_browser(
        page.row_fields(),
        **{
            "version": str(page.version_value()),
            "loaded": page.loaded_value(),
            "action": "save",
            **changes,
        },
    )


def test_a_draft_saved_from_an_older_tab_does_not_overwrite_a_newer_one(page_client, checkin, goal):
    older = _tab(page_client, checkin, energy="4")
    newer = _tab(page_client, checkin, **{f"goal-{goal.pk}-note": "Halfway there"})
    assert page_client.post(checkin.get_absolute_url(), newer).status_code == 302

    response = page_client.post(checkin.get_absolute_url(), older)

    assert response.status_code == 409
    body = html.unescape(response.content.decode())
    assert (
        "Lead the migration: A short note is now “Halfway there” "
        "(changed in another tab or by another device)" in body
    )
    checkin.refresh_from_db()
    assert checkin.energy is None
    assert GoalReview.objects.get().note == "Halfway there"
    page = response.context["page"]
    assert page.mood["energy"].value() == "4"  # what the person typed
    assert page.goal_forms[0]["note"].value() == "Halfway there"  # untouched: as it is now
    assert page.version_value() == str(checkin.version)

    again = page_client.post(
        checkin.get_absolute_url(),
        sent_by_browser(
            page.row_fields(),
            version=page.version_value(),
            loaded=page.loaded_value(),
            action="save",
        ),
    )
    assert again.status_code == 302
    checkin.refresh_from_db()
    assert checkin.energy == 4
    assert GoalReview.objects.get().note == "Halfway there"


def _autosave(client, checkin, data):
    return client.post(checkin.get_absolute_url(), data, HTTP_HX_REQUEST="true")


def _hidden(response, name: str) -> str:
    match = re.search(
        rf'name="{name}" id="checkin-{name}" value="([^"]*)"', response.content.decode()
    )
    assert match, f"the autosave answer carries no new {name}"
    return html.unescape(match.group(1))


def test_autosaves_of_one_tab_carry_on_with_the_version_each_answer_returns(
    page_client, checkin, goal
):
    data = _tab(page_client, checkin, energy="4")
    first = _autosave(page_client, checkin, data)
    assert first.status_code == 200
    assert first.content.decode().startswith("Draft saved at")

    data.update(
        {
            "version": _hidden(first, "version"),
            "loaded": _hidden(first, "loaded"),
            f"goal-{goal.pk}-note": "Halfway there",
        }
    )
    second = _autosave(page_client, checkin, data)

    assert second.status_code == 200
    checkin.refresh_from_db()
    assert (checkin.energy, checkin.version) == (4, 2)
    assert GoalReview.objects.get().note == "Halfway there"


def test_an_autosave_from_an_older_tab_is_refused_and_writes_nothing(page_client, checkin, goal):
    older = _tab(page_client, checkin, satisfaction="2")
    assert (
        _autosave(page_client, checkin, _tab(page_client, checkin, energy="5")).status_code == 200
    )

    response = _autosave(page_client, checkin, older)

    assert response.status_code == 409
    assert "Not saved: this check-in changed in another tab" in response.content.decode()
    assert 'id="checkin-version"' not in response.content.decode()  # the tab stays stale
    checkin.refresh_from_db()
    assert (checkin.satisfaction, checkin.energy, checkin.version) == (None, 5, 1)


def test_a_draft_save_that_changes_nothing_writes_nothing(page_client, checkin):
    updated_at = checkin.updated_at
    response = _autosave(page_client, checkin, _tab(page_client, checkin))
    assert response.status_code == 200
    checkin.refresh_from_db()
    assert (checkin.version, checkin.updated_at) == (0, updated_at)
    assert not GoalReview.objects.exists()


def test_a_stale_submit_is_refused_and_applies_no_course_correction(page_client, checkin, goal):
    target = goal.target_date
    older = _tab(
        page_client,
        checkin,
        satisfaction="3",
        energy="3",
        action="submit",
        **{f"goal-{goal.pk}-status": "on_track", f"goal-{goal.pk}-new_target_date": "2027-09-30"},
    )
    assert (
        page_client.post(
            checkin.get_absolute_url(), _tab(page_client, checkin, energy="1")
        ).status_code
        == 302
    )

    response = page_client.post(checkin.get_absolute_url(), older)

    assert response.status_code == 409
    checkin.refresh_from_db()
    goal.refresh_from_db()
    assert not checkin.is_submitted
    assert goal.target_date == target


def test_submit_while_the_same_tabs_autosave_was_in_flight_is_saved_not_refused(
    page_client, checkin, goal
):
    # The tab autosaves a note, and the person presses Submit before the autosave's answer
    # (with the new version) reaches the page: Submit carries the old version and the
    # same note. Nothing changed meanwhile but what Submit sends again, so it goes through.
    answers = {
        "satisfaction": "4",
        "energy": "3",
        f"goal-{goal.pk}-status": "on_track",
        f"goal-{goal.pk}-note": "Halfway there",
    }
    autosave = _tab(page_client, checkin, **answers)
    submit = {**autosave, "action": "submit"}
    answer = page_client.post(checkin.get_absolute_url(), autosave, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200

    response = page_client.post(checkin.get_absolute_url(), submit)

    assert response.status_code == 302
    checkin.refresh_from_db()
    assert checkin.submitted_at is not None
    assert GoalReview.objects.get().note == "Halfway there"


def test_submit_whose_claim_loses_to_its_own_autosave_committing_is_saved_not_refused(
    page_client, checkin, goal, monkeypatch
):
    # The race CI caught in a real browser: the autosave is still in its transaction
    # when Submit reads the check-in (same version), then commits before Submit's claim,
    # so the claim fails. Judged again against the check-in as it is now, Submit agrees
    # with it and goes through.
    from reviews import services
    from reviews.views import checkins as views

    answers = {
        "satisfaction": "4",
        "energy": "3",
        f"goal-{goal.pk}-status": "on_track",
        f"goal-{goal.pk}-note": "Halfway there",
    }
    autosave = _tab(page_client, checkin, **answers)
    submit = {**autosave, "action": "submit"}
    real_save, calls = services.checkin_save, []

    def autosave_commits_first(**kwargs):
        if not calls:
            real_save(**{**kwargs, "submit": False})  # the autosave, same version, same values
        calls.append(kwargs["version"])
        return real_save(**kwargs)

    monkeypatch.setattr(views.services, "checkin_save", autosave_commits_first)

    response = page_client.post(checkin.get_absolute_url(), submit)

    assert response.status_code == 302
    assert calls == [checkin.version, checkin.version + 1]  # refused once, then saved
    checkin.refresh_from_db()
    assert checkin.submitted_at is not None
    assert GoalReview.objects.get().note == "Halfway there"


def test_a_claim_lost_to_a_different_value_is_still_refused(
    page_client, checkin, goal, monkeypatch
):
    from reviews import services
    from reviews.views import checkins as views

    mine = _tab(page_client, checkin, **{f"goal-{goal.pk}-note": "Mine"})
    real_save, calls = services.checkin_save, []

    def other_tab_commits_first(**kwargs):
        if not calls:
            other = GoalReview.objects.get_or_create(checkin=kwargs["checkin"], goal=goal)[0]
            other.note = "Theirs"
            other.save()
            CheckIn.objects.filter(pk=checkin.pk).update(version=checkin.version + 1)
        calls.append(kwargs["version"])
        return real_save(**kwargs)

    monkeypatch.setattr(views.services, "checkin_save", other_tab_commits_first)

    response = page_client.post(checkin.get_absolute_url(), mine)

    assert response.status_code == 409
    assert calls == [checkin.version]  # judged again, it disagrees: not tried a second time
    assert GoalReview.objects.get().note == "Theirs"
    assert "Theirs" in html.unescape(response.content.decode())


def test_a_different_value_from_the_same_old_version_is_still_refused(page_client, checkin, goal):
    first = _tab(page_client, checkin, **{f"goal-{goal.pk}-note": "Halfway there"})
    second = {**first, f"goal-{goal.pk}-note": "Nearly done"}
    assert page_client.post(checkin.get_absolute_url(), first).status_code == 302

    assert page_client.post(checkin.get_absolute_url(), second).status_code == 409
    assert GoalReview.objects.get().note == "Halfway there"
