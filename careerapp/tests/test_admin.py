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
