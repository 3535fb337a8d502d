"""Sign-up, verification, login, logout, password and email flows (django-allauth)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from careerapp.models import User

pytestmark = pytest.mark.django_db

STRONG = "a-long-and-unusual-passphrase"


def _link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def signup(client, email="new@example.com", password=STRONG, **extra):
    data = {"email": email, "password1": password, "password2": password, **extra}
    return client.post(reverse("account_signup"), data)


def test_signup_creates_an_unverified_account_and_sends_a_confirmation(client, mailoutbox):
    response = signup(client, email="New.Person@Example.com", display_name="Nia")
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert user.email == "new.person@example.com"
    assert user.display_name == "Nia"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["new.person@example.com"]
    assert mailoutbox[0].subject.startswith("[Career Compass]")


def test_confirming_the_email_signs_the_person_in(client, mailoutbox):
    signup(client)
    confirm_url = _link(mailoutbox[0])
    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert EmailAddress.objects.get().verified
    assert client.get(reverse("home")).context["user"].is_authenticated


def _greeting(response) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, response.content.decode()[:500]
    return match.group(1).strip()


def test_confirming_in_the_same_browser_lands_on_a_first_welcome(client, mailoutbox):
    signup(client, display_name="Nia")
    response = client.post(_link(mailoutbox[0]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert [t.name for t in response.templates][0] == "careerapp/dashboard.html"
    assert response.context["user"].email == "new@example.com"
    assert _greeting(response) == "Welcome, Nia"
    # Still the first visit while this session lasts.
    assert _greeting(client.get(reverse("home"))) == "Welcome, Nia"


def test_a_later_sign_in_is_welcomed_back(client, mailoutbox):
    signup(client, display_name="Nia")
    client.post(_link(mailoutbox[0]))
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": "new@example.com", "password": STRONG})
    assert _greeting(client.get(reverse("home"))) == "Welcome back, Nia"


def test_confirming_in_another_browser_asks_to_sign_in_then_welcomes(client, mailoutbox):
    signup(client)
    other_browser = type(client)()  # no cookies of the first
    response = other_browser.post(_link(mailoutbox[0]))
    assert response.status_code == 302
    assert response.url == reverse("account_login")
    assert EmailAddress.objects.get().verified
    assert not other_browser.get(reverse("home")).context["user"].is_authenticated
    other_browser.post(reverse("account_login"), {"login": "new@example.com", "password": STRONG})
    # No name was given at sign-up: the greeting does without one.
    assert _greeting(other_browser.get(reverse("home"))) == "Welcome"


def test_sign_up_and_settings_agree_that_the_name_is_optional(client, mailoutbox):
    response = signup(client)
    assert response.status_code == 302
    client.post(_link(mailoutbox[0]))
    user = User.objects.get()
    assert user.display_name == ""
    saved = client.post(
        reverse("account_profile_update"), {"display_name": "", "time_zone": "Europe/Paris"}
    )
    assert saved.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.time_zone) == ("", "Europe/Paris")


def test_unverified_account_cannot_sign_in_before_confirming(client, mailoutbox):
    signup(client)
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "new@example.com", "password": STRONG}
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert not client.get(reverse("home")).context["user"].is_authenticated


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "not-an-email", "password1": STRONG, "password2": STRONG}, "email"),
        (
            {"email": "ok@example.com", "password1": "password", "password2": "password"},
            "password1",
        ),
        (
            {"email": "ok@example.com", "password1": "1234567890123", "password2": "1234567890123"},
            "password1",
        ),
        ({"email": "ok@example.com", "password1": STRONG, "password2": STRONG + "x"}, "password2"),
        ({"email": "", "password1": STRONG, "password2": STRONG}, "email"),
    ],
)
def test_bad_signup_input_is_refused_beside_the_field(client, data, field):
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 422
    assert response.context["form"].errors[field]
    assert User.objects.count() == 0


def test_duplicate_email_in_any_case_makes_no_account_and_tells_the_owner(
    client, owner, mailoutbox
):
    # Whether someone has an account here is private: the page answers as for a new
    # address, and the owner of the address is told by email instead.
    response = signup(client, email="OWNER@example.com")
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.count() == 1
    assert [message.to for message in mailoutbox] == [[owner.email]]
    assert "already" in mailoutbox[0].body.lower()


def test_login_with_wrong_password_gives_one_generic_message(client, owner):
    response = client.post(reverse("account_login"), {"login": owner.email, "password": "wrong"})
    assert response.status_code == 422
    errors = response.context["form"].non_field_errors()
    assert errors == ["The email address and/or password you specified are not correct."]
    unknown = client.post(
        reverse("account_login"), {"login": "nobody@example.com", "password": "x"}
    )
    assert unknown.context["form"].non_field_errors() == errors


def test_login_is_case_insensitive_and_logout_needs_post(client, owner):
    response = client.post(
        reverse("account_login"), {"login": "Owner@Example.COM", "password": STRONG}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == owner
    # A GET only asks for confirmation; it does not sign out.
    assert client.get(reverse("account_logout")).status_code == 200
    assert client.get(reverse("home")).context["user"] == owner
    client.post(reverse("account_logout"))
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_repeated_failed_logins_lock_that_account_only(client, owner, other_user):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": owner.email, "password": "wrong"})
    locked = client.post(reverse("account_login"), {"login": owner.email, "password": STRONG})
    assert locked.status_code == 422
    assert "Too many failed login attempts" in str(locked.context["form"].non_field_errors())
    other = client.post(reverse("account_login"), {"login": other_user.email, "password": STRONG})
    assert other.status_code == 302


def test_password_reset_answers_the_same_for_unknown_emails(client, owner, mailoutbox):
    known = client.post(reverse("account_reset_password"), {"email": owner.email})
    unknown = client.post(reverse("account_reset_password"), {"email": "ghost@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert [message.to for message in mailoutbox if "new password" in message.subject] == [
        [owner.email]
    ]


def test_password_reset_link_works_once(client, owner, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": owner.email})
    link = _link(mailoutbox[-1])
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "another-long-unusual-passphrase"
    response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(new)
    again = client.get(link, follow=True)
    assert again.context["token_fail"]


def test_password_change_needs_the_old_password(owner_client, owner):
    url = reverse("account_change_password")
    new = "another-long-unusual-passphrase"
    wrong = owner_client.post(url, {"oldpassword": "nope", "password1": new, "password2": new})
    assert wrong.status_code == 422
    assert wrong.context["form"].errors["oldpassword"]
    right = owner_client.post(url, {"oldpassword": STRONG, "password1": new, "password2": new})
    assert right.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(new)


def test_email_change_is_confirmed_by_the_new_address(owner_client, owner, mailoutbox):
    response = owner_client.post(
        reverse("account_email"), {"action_add": "", "email": "olivia@new.example"}
    )
    assert response.status_code == 302
    assert mailoutbox[-1].to == ["olivia@new.example"]
    owner_client.post(_link(mailoutbox[-1]))
    owner.refresh_from_db()
    assert owner.email == "olivia@new.example"


def test_allauth_pages_use_our_layout_and_crispy_forms(client):
    body = client.get(reverse("account_login")).content.decode()
    assert 'class="skip-link' in body
    assert "entrance-card" in body
    assert "form-control" in body  # crispy bootstrap5 widgets
    assert 'class="btn btn-primary"' in body  # our allauth button element
    assert "/static/vendor/bootstrap/css/bootstrap.min.css" in body
