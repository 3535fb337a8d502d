import pytest
from django.urls import reverse

from careerapp import services
from careerapp.models import CalendarFeed, User, Weekday

pytestmark = pytest.mark.django_db


def test_settings_page_shows_both_forms(owner_client):
    response = owner_client.get(reverse("account_settings"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'action="/settings/profile/"' in body
    assert 'action="/settings/reminders/"' in body
    # The time zone is a searchable text box with every zone as a suggestion.
    assert 'list="id_time_zone-choices"' in body
    assert '<option value="Australia/Lord_Howe">' in body


def test_profile_saves_name_and_canonical_time_zone(owner_client, owner):
    response = owner_client.post(
        reverse("account_profile_update"),
        {"display_name": "  Liv ", "time_zone": "america/new york"},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.display_name == "Liv"
    assert owner.time_zone == "America/New_York"


def test_unknown_time_zone_is_refused_beside_the_field_and_nothing_changes(owner_client, owner):
    response = owner_client.post(
        reverse("account_profile_update"), {"display_name": "Changed", "time_zone": "Mars/Base"}
    )
    assert response.status_code == 422
    form = response.context["profile_form"]
    assert "is not a time zone we know" in form.errors["time_zone"][0]
    # What was typed is kept in the form, the header still shows the saved profile.
    assert form["display_name"].value() == "Changed"
    owner.refresh_from_db()
    assert owner.display_name == "Olivia"
    assert owner.time_zone == "Europe/Berlin"


def test_the_name_is_optional_here_as_at_sign_up(owner_client, owner):
    # Sign-up asks for the name as optional; settings must not then insist on one.
    response = owner_client.post(
        reverse("account_profile_update"), {"display_name": "   ", "time_zone": "UTC"}
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.display_name == ""
    assert owner.time_zone == "UTC"
    assert owner.has_profile
    page = owner_client.get(reverse("home")).content.decode()
    assert "Welcome back</h1>" in page
    assert "Welcome back, " not in page
    settings_page = owner_client.get(reverse("account_settings"))
    assert not settings_page.context["profile_form"].fields["display_name"].required


def test_reminder_preferences_are_saved_and_marked_chosen(owner_client, owner):
    assert not owner.has_reminder_preferences
    response = owner_client.post(
        reverse("account_reminders_update"),
        {"reminders_enabled": "on", "reminder_weekday": "4", "reminder_hour": "17"},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.reminders_enabled, owner.reminder_weekday, owner.reminder_hour) == (
        True,
        Weekday.FRIDAY,
        17,
    )
    assert owner.has_reminder_preferences


def test_turning_the_email_off_is_a_choice_too(owner_client, owner):
    owner_client.post(
        reverse("account_reminders_update"), {"reminder_weekday": "0", "reminder_hour": "8"}
    )
    owner.refresh_from_db()
    assert owner.reminders_enabled is False
    assert owner.has_reminder_preferences


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("reminder_hour", {"reminder_weekday": "0", "reminder_hour": "24"}),
        ("reminder_hour", {"reminder_weekday": "0", "reminder_hour": "eight"}),
        ("reminder_weekday", {"reminder_weekday": "9", "reminder_hour": "8"}),
        ("reminder_weekday", {"reminder_hour": "8"}),
    ],
)
def test_tampered_reminder_values_are_refused(owner_client, owner, field, data):
    response = owner_client.post(reverse("account_reminders_update"), data)
    assert response.status_code == 422
    assert response.context["reminder_form"].errors[field]
    owner.refresh_from_db()
    assert owner.reminder_preferences_set_at is None
    assert owner.reminder_hour == 8


def test_get_on_a_post_only_settings_url_goes_back_to_the_page(owner_client):
    response = owner_client.get(reverse("account_profile_update"))
    assert response.status_code == 302
    assert response.url == reverse("account_settings")


def test_dates_render_in_the_persons_time_zone(owner_client, owner):
    owner.time_zone = "Pacific/Kiritimati"  # UTC+14: a different calendar day most of the time
    owner.save()
    response = owner_client.get(reverse("home"))
    from django.utils import timezone

    local_day = timezone.now().astimezone(owner.zone).strftime("%-d %B %Y")
    assert local_day in response.content.decode()


def test_a_person_cannot_touch_another_persons_settings(other_client, owner, other_user):
    other_client.post(
        reverse("account_profile_update"), {"display_name": "Hacker", "time_zone": "UTC"}
    )
    owner.refresh_from_db()
    other_user.refresh_from_db()
    assert owner.display_name == "Olivia"
    assert other_user.display_name == "Hacker"
    assert User.objects.count() == 2


# --- The calendar feed ------------------------------------------------------------------


def _calendar(client) -> str:
    return client.get(reverse("account_settings")).content.decode()


def test_the_calendar_feed_is_off_until_turned_on(owner_client, owner):
    page = _calendar(owner_client)
    assert 'action="/settings/calendar/on/"' in page
    assert "webcal://" not in page

    response = owner_client.post(reverse("calendar_feed_create"))

    assert response.status_code == 302
    assert response.url == "/settings/#calendar"
    feed = CalendarFeed.objects.get(user=owner)
    page = _calendar(owner_client)
    assert f'value="http://127.0.0.1:8000/calendar/{feed.token()}.ics" readonly' in page
    assert f'href="webcal://127.0.0.1:8000/calendar/{feed.token()}.ics"' in page
    assert 'action="/settings/calendar/new/"' in page
    assert 'action="/settings/calendar/off/"' in page


def test_a_new_address_asks_for_confirmation_first(owner_client, owner):
    feed = services.feed_create(user=owner)

    response = owner_client.post(reverse("calendar_feed_renew"))

    assert response.status_code == 422
    assert "Tick the box to confirm" in response.content.decode()
    assert CalendarFeed.objects.get(user=owner).token() == feed.token()


def test_asking_for_a_new_address_while_the_feed_is_off_says_so(owner_client, owner):
    response = owner_client.post(reverse("calendar_feed_renew"))

    assert response.status_code == 422
    assert "The calendar feed is off: turn it on to get an address." in response.content.decode()
    assert not CalendarFeed.objects.filter(user=owner).exists()


def test_a_new_address_replaces_the_old_one(owner_client, owner):
    old = services.feed_create(user=owner).token()

    response = owner_client.post(reverse("calendar_feed_renew"), {"confirm": "on"})

    assert response.status_code == 302
    new = CalendarFeed.objects.get(user=owner).token()
    assert new != old
    assert new in _calendar(owner_client)
    assert old not in _calendar(owner_client)


def test_turning_the_calendar_feed_off_removes_its_address(owner_client, owner):
    services.feed_create(user=owner)
    response = owner_client.post(reverse("calendar_feed_revoke"))
    assert response.status_code == 302
    assert not CalendarFeed.objects.filter(user=owner).exists()
    assert 'action="/settings/calendar/on/"' in _calendar(owner_client)


@pytest.mark.parametrize(
    ("route", "data"),
    [
        ("calendar_feed_create", {}),
        ("calendar_feed_renew", {"confirm": "on"}),
        ("calendar_feed_revoke", {}),
    ],
)
def test_the_calendar_actions_touch_only_the_signed_in_persons_feed(
    other_client, owner, other_user, route, data
):
    mine = services.feed_create(user=owner)
    other_client.post(reverse(route), data)
    # There is no id in the URL: the signed-in person can only reach their own feed.
    assert CalendarFeed.objects.get(user=owner).token_hash == mine.token_hash
    assert CalendarFeed.objects.filter(user=other_user).exists() == (
        route != "calendar_feed_revoke"
    )


@pytest.mark.parametrize(
    "route", ["calendar_feed_create", "calendar_feed_renew", "calendar_feed_revoke"]
)
def test_the_calendar_actions_take_only_a_post(owner_client, owner, route):
    assert owner_client.get(reverse(route)).status_code == 405
    assert not CalendarFeed.objects.filter(user=owner).exists()
