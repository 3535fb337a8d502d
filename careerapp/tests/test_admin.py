import pytest
from django.urls import reverse

from careerapp.models import User
from careerapp.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, password):
    admin = User.objects.create_superuser("admin@example.com", password)
    client.force_login(admin)
    return client


def test_user_list_searches_by_email_and_name(admin_client):
    UserFactory(email="findme@example.com", display_name="Ada")
    UserFactory(email="other@example.com", display_name="Grace")
    response = admin_client.get(reverse("admin:careerapp_user_changelist"), {"q": "ada"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list.values_list("email", flat=True)) == [
        "findme@example.com"
    ]


def test_user_list_filters_by_reminder_preference(admin_client):
    UserFactory(email="on@example.com", reminders_enabled=True)
    UserFactory(email="off@example.com", reminders_enabled=False)
    response = admin_client.get(
        reverse("admin:careerapp_user_changelist"), {"reminders_enabled__exact": "0"}
    )
    assert [user.email for user in response.context["cl"].result_list] == ["off@example.com"]


def test_admin_can_add_a_person_by_email(admin_client):
    response = admin_client.post(
        reverse("admin:careerapp_user_add"),
        {
            "email": "Added@Example.com",
            "usable_password": "true",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="added@example.com").exists()


def test_admin_change_refuses_an_email_that_differs_only_in_case(admin_client):
    UserFactory(email="taken@example.com")
    person = UserFactory(email="person@example.com")
    url = reverse("admin:careerapp_user_change", args=[person.pk])
    page = admin_client.get(url)
    data = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if value is not None and key not in {"groups", "user_permissions", "last_login"}
    }
    data.update(email="TAKEN@example.com", date_joined_0="2026-01-01", date_joined_1="10:00:00")
    response = admin_client.post(url, data)
    assert response.status_code == 422
    assert "Another account already uses this email address." in response.content.decode()
    person.refresh_from_db()
    assert person.email == "person@example.com"


# --- One door: the admin signs in through the site's sign-in page ---------------------


def test_admin_login_sends_everyone_to_the_site_sign_in_keeping_next(client):
    response = client.get(reverse("admin:login"), {"next": "/admin/careerapp/user/"})
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/admin/careerapp/user/"
    # A foreign "next" is dropped, not followed.
    response = client.get(reverse("admin:login"), {"next": "https://evil.example/"})
    assert response.url == f"{reverse('account_login')}?next=/admin/"


def test_admin_login_form_no_longer_accepts_a_password(client, password):
    staff = UserFactory(is_staff=True, is_superuser=True)
    response = client.post(
        reverse("admin:login"), {"username": staff.email, "password": password, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert client.get(reverse("admin:index")).status_code == 302


def test_many_wrong_passwords_then_the_right_one_does_not_open_the_admin(client, password):
    staff = UserFactory(is_staff=True, is_superuser=True)
    door = client.get(reverse("admin:login"), follow=True).redirect_chain[-1][0]
    for _ in range(25):
        client.post(door, {"login": staff.email, "password": "not-the-password"})
    response = client.post(door, {"login": staff.email, "password": password})
    assert response.status_code in {422, 429}
    if response.status_code == 422:
        errors = str(response.context["form"].non_field_errors())
        assert "Too many failed login attempts" in errors
    assert client.get(reverse("admin:index")).status_code == 302


def test_staff_signing_in_through_the_site_reaches_the_admin_and_can_sign_out(client, password):
    staff = UserFactory(is_staff=True, is_superuser=True)
    door = client.get(reverse("admin:index"), follow=True).redirect_chain[-1][0]
    assert door.startswith(reverse("account_login"))
    response = client.post(door, {"login": staff.email, "password": password}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert response.status_code == 200
    assert client.post(reverse("admin:logout")).status_code == 200
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_a_superuser_made_at_the_console_can_sign_in_without_confirming(client, password):
    User.objects.create_superuser("Boss@Example.com", password)
    response = client.post(
        f"{reverse('account_login')}?next=/admin/",
        {"login": "boss@example.com", "password": password},
    )
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_a_signed_in_person_who_is_not_staff_is_told_the_admin_is_not_for_them(owner_client):
    response = owner_client.get(reverse("admin:index"), follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1
    assert "This part is for the site" in response.content.decode()
