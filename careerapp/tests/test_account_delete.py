"""Deleting an account removes everything of that person, in every model, and nothing else."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse

from assessments.demo import DEMO_CURRENT_ROLE, DEMO_EXPLORING_ROLE, DEMO_PURSUED_ROLE
from assessments.tests.factories_roles import RoleFactory
from careerapp.demo import load_demo_content
from careerapp.models import User

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"careerapp", "goals", "assessments", "reviews"}


def _user_foreign_keys():
    """Every (model, field) in the project that points at the user model."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.OneToOneField)
                and field.related_model is user_model
            ):
                yield model, field


def _owned_models() -> set[str]:
    """Labels of the project's own (not auto-created) models that point at a user."""
    return {
        f"{model._meta.label}.{field.name}"
        for model, field in _user_foreign_keys()
        if model._meta.app_label in PROJECT_APPS and not model._meta.auto_created
    }


def _rows_of(user) -> dict[str, int]:
    return {
        f"{model._meta.label}.{field.name}": model._default_manager.filter(
            **{field.name: user.pk}
        ).count()
        for model, field in _user_foreign_keys()
    }


def test_the_check_covers_every_model_that_points_at_a_user():
    labels = {f"{model._meta.label}.{field.name}" for model, field in _user_foreign_keys()}
    # The walk finds third-party models too; new project models join by themselves.
    assert "account.EmailAddress.user" in labels
    assert "admin.LogEntry.user" in labels


def test_deleting_with_the_right_password_removes_every_row_of_that_person(
    owner_client, owner, other_user, password, mailoutbox
):
    for slug in (DEMO_CURRENT_ROLE, DEMO_PURSUED_ROLE, DEMO_EXPLORING_ROLE):
        RoleFactory(slug=slug)  # the demo's roles, until the shipped library has them
    load_demo_content(owner)
    load_demo_content(other_user)
    before_owner = _rows_of(owner)
    before_other = _rows_of(other_user)
    # Every project model that belongs to a person has demo rows, so the check is not empty.
    for label in _owned_models():
        assert before_owner[label] > 0, f"the demo content has no {label} rows; add some"

    response = owner_client.post(reverse("account_delete"), {"password": password, "confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=owner.pk).exists()
    leftovers = {label: count for label, count in _rows_of(owner).items() if count}
    assert leftovers == {}
    assert _rows_of(other_user) == before_other
    assert sum(before_owner.values()) > 0
    # The old session no longer works.
    assert owner_client.get(reverse("account_settings")).status_code == 302


def test_wrong_password_deletes_nothing(owner_client, owner, password):
    response = owner_client.post(reverse("account_delete"), {"password": "guess", "confirm": "on"})
    assert response.status_code == 422
    assert "That password is not right" in response.context["form"].errors["password"][0]
    assert User.objects.filter(pk=owner.pk).exists()


def test_the_confirmation_box_must_be_ticked(owner_client, owner, password):
    response = owner_client.post(reverse("account_delete"), {"password": password})
    assert response.status_code == 422
    assert response.context["form"].errors["confirm"]
    assert User.objects.filter(pk=owner.pk).exists()


def test_delete_page_explains_what_goes(owner_client):
    response = owner_client.get(reverse("account_delete"))
    assert response.status_code == 200
    assert "cannot be undone" in response.content.decode()
