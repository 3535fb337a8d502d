from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from careerapp.models import User
from careerapp.tests.factories import UserFactory
from careerapp.timezones import canonical_zone_name, offered_zone_names, validate_time_zone

pytestmark = pytest.mark.django_db


def test_email_is_stored_lowercased_and_trimmed():
    user = User.objects.create_user(" Mixed.Case@Example.COM ", "a-long-and-unusual-passphrase")
    assert user.email == "mixed.case@example.com"


def test_email_is_unique_whatever_its_case():
    UserFactory(email="sam@example.com")
    # Even a write that bypasses the manager cannot create a case-variant duplicate.
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="SAM@example.com")])


def test_login_lookup_ignores_case():
    user = UserFactory(email="sam@example.com")
    assert User.objects.get_by_natural_key("Sam@Example.com") == user


def test_superuser_has_admin_rights():
    admin = User.objects.create_superuser("boss@example.com", "a-long-and-unusual-passphrase")
    assert admin.is_staff
    assert admin.is_superuser


def test_zone_defaults_to_utc_until_chosen():
    assert UserFactory(time_zone="").zone == ZoneInfo("UTC")
    assert UserFactory(time_zone="Asia/Tokyo").zone == ZoneInfo("Asia/Tokyo")


def test_short_name_falls_back_to_the_email_local_part():
    assert UserFactory(email="jo@example.com", display_name="").get_short_name() == "jo"
    assert UserFactory(display_name="Jo").get_short_name() == "Jo"


def test_reminder_hour_above_23_is_refused_by_the_database():
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=user.pk).update(reminder_hour=24)


def test_unknown_time_zone_fails_validation():
    with pytest.raises(ValidationError):
        validate_time_zone("Mars/Olympus_Mons")
    validate_time_zone("Australia/Lord_Howe")


def test_zone_names_are_matched_forgivingly():
    assert canonical_zone_name("europe/berlin") == "Europe/Berlin"
    assert canonical_zone_name(" America/New York ") == "America/New_York"
    assert canonical_zone_name("Atlantis/Capital") is None


def test_offered_zones_are_sorted_and_skip_legacy_aliases():
    zones = offered_zone_names()
    assert zones[0] == "UTC"
    assert "Europe/Berlin" in zones
    assert "US/Eastern" not in zones
    assert list(zones[1:]) == sorted(zones[1:])
