import datetime

import pytest
import time_machine
from django.urls import reverse

from goals.content import GOAL_TEMPLATES, load_goal_templates, shipped_slugs, unload_goal_templates
from goals.models import (
    Category,
    ChangeKind,
    Goal,
    GoalTemplate,
    GoalTemplateTask,
    Horizon,
)
from goals.tests.factories import GoalFactory, GoalTemplateFactory

pytestmark = pytest.mark.django_db

FROZEN = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def _snapshot() -> tuple[list, list]:
    return (
        list(GoalTemplate.objects.order_by("pk").values()),
        list(GoalTemplateTask.objects.order_by("pk").values()),
    )


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


# --- The shipped content -------------------------------------------------------------


def test_migrations_leave_the_shipped_templates_offered():
    offered = GoalTemplate.objects.active()
    assert offered.count() >= 8
    assert set(shipped_slugs()) <= set(offered.values_list("slug", flat=True))


def test_every_shipped_template_has_five_to_eight_steps_within_its_duration():
    for template in GoalTemplate.objects.filter(slug__in=shipped_slugs()).prefetch_related("tasks"):
        offsets = [task.offset_days for task in template.tasks.all()]
        assert 5 <= len(offsets) <= 8, template.slug
        assert all(0 < offset <= template.duration_days for offset in offsets), template.slug
        assert offsets == sorted(offsets), f"{template.slug}: steps out of date order"
        assert any(task.is_milestone for task in template.tasks.all()), template.slug


def test_shipped_content_covers_the_promised_goals_with_unique_slugs():
    slugs = shipped_slugs()
    assert len(slugs) == len(set(slugs)) >= 10
    for promised in (
        "earn-a-certification",
        "prepare-for-promotion",
        "step-into-leadership",
        "build-an-internal-network",
        "raise-your-visibility",
        "change-career-field",
        "give-useful-feedback",
        "find-a-mentor",
    ):
        assert promised in slugs


def test_shipped_content_fits_the_model_fields():
    for spec in GOAL_TEMPLATES:
        assert len(spec["title"]) <= _max_length(GoalTemplate, "title")
        assert len(spec["slug"]) <= _max_length(GoalTemplate, "slug")
        assert len(spec["summary"]) <= _max_length(GoalTemplate, "summary")
        assert spec["category"] in Category.values
        assert spec["horizon"] in Horizon.values
        assert spec["why"].strip()
        for step in spec["tasks"]:
            assert len(step["title"]) <= _max_length(GoalTemplateTask, "title")


def test_loading_again_writes_nothing():
    before = _snapshot()
    assert load_goal_templates(GoalTemplate, GoalTemplateTask) == 0
    assert _snapshot() == before


def test_loading_restores_shipped_text_but_keeps_the_admins_offering_choices():
    template = GoalTemplate.objects.get(slug="find-a-mentor")
    GoalTemplate.objects.filter(pk=template.pk).update(
        summary="Edited by hand", is_active=False, order=999
    )
    template.tasks.order_by("order").first().delete()
    GoalTemplateTask.objects.create(template=template, title="A stray step", offset_days=3)

    assert load_goal_templates(GoalTemplate, GoalTemplateTask) > 0

    template.refresh_from_db()
    spec = next(spec for spec in GOAL_TEMPLATES if spec["slug"] == "find-a-mentor")
    assert template.summary == spec["summary"]
    assert list(template.tasks.values_list("title", flat=True)) == [
        step["title"] for step in spec["tasks"]
    ]
    assert (template.is_active, template.order) == (False, 999)


def test_unloading_removes_only_shipped_templates_and_keeps_goals_made_from_them(owner):
    own = GoalTemplateFactory(slug="made-by-an-admin")
    goal = GoalFactory(user=owner, template=GoalTemplate.objects.get(slug="find-a-mentor"))

    unload_goal_templates(GoalTemplate)

    assert not GoalTemplate.objects.filter(slug__in=shipped_slugs()).exists()
    assert GoalTemplate.objects.filter(pk=own.pk).exists()
    goal.refresh_from_db()
    assert goal.template is None


# --- Starting a goal from a template ------------------------------------------------


def test_starting_from_a_template_creates_the_goal_with_steps_dated_from_today(owner_client, owner):
    template = GoalTemplate.objects.get(slug="earn-a-certification")
    start = FROZEN.date()

    with time_machine.travel(FROZEN, tick=False):
        response = owner_client.post(reverse("goals:template_start", args=[template.slug]))

    goal = Goal.objects.for_user(owner).get()
    assert response.status_code == 302
    assert response["Location"] == goal.get_absolute_url()
    assert goal.title == template.title
    assert goal.why == template.why
    assert goal.template == template
    assert goal.target_date == start + datetime.timedelta(days=template.duration_days)
    expected = [
        (step.title, start + datetime.timedelta(days=step.offset_days), step.is_milestone)
        for step in template.tasks.all()
    ]
    assert list(goal.tasks.values_list("title", "due_date", "is_milestone")) == expected
    assert list(goal.changes.values_list("kind", flat=True)) == [ChangeKind.CREATED]


def test_an_inactive_template_cannot_be_started(owner_client, owner):
    template = GoalTemplateFactory(is_active=False)
    response = owner_client.post(reverse("goals:template_start", args=[template.slug]))
    assert response.status_code == 404
    assert not Goal.objects.for_user(owner).exists()


def test_starting_a_template_needs_a_post(owner_client, owner):
    response = owner_client.get(reverse("goals:template_start", args=["earn-a-certification"]))
    assert response.status_code == 405
    assert not Goal.objects.for_user(owner).exists()
