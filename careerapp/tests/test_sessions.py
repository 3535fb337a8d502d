"""Sessions and sign-in limits: what a stolen or left-behind cookie, or a guesser, can do.

test_accounts.py already covers the per-account lock from one address and the single use
of a password reset link; these tests add the rest.
"""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.test import Client
from django.urls import reverse

from careerapp.models import User
from careerapp.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

COOKIE = settings.SESSION_COOKIE_NAME
PRIVATE = "account_settings"
HERE, ELSEWHERE = "203.0.113.10", "198.51.100.20"
TOO_MANY = "Too many failed login attempts"


def _limit(action: str, per: str) -> int:
    """How many attempts ACCOUNT_RATE_LIMITS allows for ``action`` per ``per`` (ip/key)."""
    for rule in settings.ACCOUNT_RATE_LIMITS[action].split(","):
        amount, _period, kind = rule.split("/")
        if kind == per:
            return int(amount)
    raise AssertionError(f"no per-{per} limit for {action}")


def _sign_in(client: Client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _with_cookie(session_key: str) -> Client:
    """A fresh browser that presents someone's copied session cookie."""
    client = Client()
    client.cookies[COOKIE] = session_key
    return client


def _is_sent_to_sign_in(client: Client) -> bool:
    url = reverse(PRIVATE)
    response = client.get(url)
    return (
        response.status_code == 302 and response["Location"] == redirect_to_login(url)["Location"]
    )


def test_signing_in_gives_a_new_session_key_and_drops_the_old_one(client, owner, password):
    # A session that exists before sign-in, as one planted by an attacker would.
    session = client.session
    session["before_sign_in"] = True
    session.save()
    planted = client.cookies[COOKIE].value

    response = _sign_in(client, owner.email, password)

    assert response.status_code == 302
    assert client.cookies[COOKIE].value != planted
    assert not import_module(settings.SESSION_ENGINE).SessionStore().exists(planted)
    assert _is_sent_to_sign_in(_with_cookie(planted))
    assert client.get(reverse(PRIVATE)).status_code == 200


def test_a_session_cookie_copied_before_logout_no_longer_works(client, owner, password):
    _sign_in(client, owner.email, password)
    copied = client.cookies[COOKIE].value
    assert _with_cookie(copied).get(reverse(PRIVATE)).status_code == 200

    client.post(reverse("account_logout"))

    assert _is_sent_to_sign_in(_with_cookie(copied))


def test_after_account_deletion_no_old_cookie_works_on_any_device(client, owner, password):
    _sign_in(client, owner.email, password)
    this_device = client.cookies[COOKIE].value
    laptop = Client()
    _sign_in(laptop, owner.email, password)
    other_device = laptop.cookies[COOKIE].value
    assert other_device != this_device

    response = client.post(reverse("account_delete"), {"password": password, "confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=owner.pk).exists()
    assert _is_sent_to_sign_in(_with_cookie(this_device))
    assert _is_sent_to_sign_in(_with_cookie(other_device))


def test_a_locked_account_stays_locked_from_another_address(owner, other_user, password):
    guesser = Client(REMOTE_ADDR=HERE)
    for _ in range(_limit("login_failed", "key")):
        assert _sign_in(guesser, owner.email, "wrong").status_code == 422

    owner_elsewhere = _sign_in(Client(REMOTE_ADDR=ELSEWHERE), owner.email, password)

    assert owner_elsewhere.status_code == 422
    assert TOO_MANY in str(owner_elsewhere.context["form"].non_field_errors())
    assert _sign_in(Client(REMOTE_ADDR=ELSEWHERE), other_user.email, password).status_code == 302


def test_failed_logins_from_one_address_lock_out_others_there_only_at_the_address_limit(
    owner, other_user, password
):
    per_address, per_account = _limit("login_failed", "ip"), _limit("login_failed", "key")
    assert per_account < per_address, "the test spreads guesses so no account is locked"
    late, colleague = UserFactory(password=password), UserFactory(password=password)
    shared = Client(REMOTE_ADDR=HERE)  # e.g. an office behind one address
    guessed = [owner.email] * (per_account - 1) + [other_user.email] * (per_account - 1)
    guessed += ["nobody@example.com"] * (per_address - 1 - len(guessed))
    assert len(guessed) == per_address - 1
    for email in guessed:
        assert _sign_in(shared, email, "wrong").status_code == 422

    # Below the address's limit, someone else there signs in; success costs no attempt.
    assert _sign_in(Client(REMOTE_ADDR=HERE), colleague.email, password).status_code == 302
    assert _sign_in(shared, "nobody@example.com", "wrong").status_code == 422

    # Now the address has used its failures: even the right password is refused there ...
    refused = _sign_in(Client(REMOTE_ADDR=HERE), late.email, password)
    assert refused.status_code == 422
    assert TOO_MANY in str(refused.context["form"].non_field_errors())
    # ... but not from anywhere else, and the accounts guessed at are not locked.
    assert _sign_in(Client(REMOTE_ADDR=ELSEWHERE), late.email, password).status_code == 302
    assert _sign_in(Client(REMOTE_ADDR=ELSEWHERE), owner.email, password).status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_address_limit(owner, password):
    # No proxy is trusted by default, so the header is the client's word and is ignored.
    for number in range(_limit("login_failed", "ip")):
        Client(REMOTE_ADDR=HERE, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}").post(
            reverse("account_login"), {"login": f"guess{number}@example.com", "password": "x"}
        )

    response = _sign_in(
        Client(REMOTE_ADDR=HERE, HTTP_X_FORWARDED_FOR="192.0.2.200"), owner.email, password
    )

    assert response.status_code == 422
    assert TOO_MANY in str(response.context["form"].non_field_errors())
