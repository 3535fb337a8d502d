import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from careerapp.models import User
from goals.models import Category, Goal, GoalChange, GoalTemplate, Horizon, Task
from goals.tests.factories import GoalTemplateFactory, GoalTemplateTaskFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:goals_goaltemplate_changelist"


@pytest.fixture
def admin_client(client, password):
    client.force_login(User.objects.create_superuser("admin@example.com", password))
    return client


def _inline_management(prefix: str, total: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _new_template_data(**overrides) -> dict:
    data = {
        "title_en": "Learn to mentor others",
        "title_fr": "",
        "title_es": "",
        "slug": "learn-to-mentor-others",
        "summary_en": "Become the mentor you would have wanted.",
        "summary_fr": "",
        "summary_es": "",
        "why_en": "Teaching is the best way to learn.",
        "why_fr": "",
        "why_es": "",
        "category": Category.SKILL,
        "horizon": Horizon.SHORT,
        "duration_days": "90",
        "is_active": "on",
        "order": "5",
        **_inline_management("tasks", 2),
        "tasks-0-title_en": "Offer to mentor a new joiner",
        "tasks-0-title_fr": "",
        "tasks-0-title_es": "",
        "tasks-0-offset_days": "14",
        "tasks-0-order": "10",
        "tasks-0-notes_en": "",
        "tasks-0-notes_fr": "",
        "tasks-0-notes_es": "",
        "tasks-1-title_en": "Look back on what I learnt",
        "tasks-1-title_fr": "",
        "tasks-1-title_es": "",
        "tasks-1-offset_days": "90",
        "tasks-1-is_milestone": "on",
        "tasks-1-order": "20",
        "tasks-1-notes_en": "Write it down for the next mentor.",
        "tasks-1-notes_fr": "",
        "tasks-1-notes_es": "",
    }
    data.update(overrides)
    return data


def test_changelist_shows_templates_with_their_step_counts(admin_client):
    template = GoalTemplateFactory(title="Counted template")
    GoalTemplateTaskFactory.create_batch(3, template=template)

    response = admin_client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    row = next(each for each in response.context["cl"].result_list if each.pk == template.pk)
    assert row.task_count == 3
    assert "Counted template" in response.content.decode()


def test_search_finds_templates_by_title_and_step(admin_client):
    wanted = GoalTemplateFactory(title="Speak at a conference")
    GoalTemplateTaskFactory(template=wanted, title="Submit a proposal to the call for papers")
    GoalTemplateFactory(title="Something unrelated")

    by_title = admin_client.get(reverse(CHANGELIST), {"q": "conference"})
    by_step = admin_client.get(reverse(CHANGELIST), {"q": "call for papers"})

    assert list(by_title.context["cl"].result_list) == [wanted]
    assert list(by_step.context["cl"].result_list) == [wanted]


def test_change_page_shows_a_shipped_templates_steps_inline(admin_client):
    template = GoalTemplate.objects.get(slug="earn-a-certification")

    response = admin_client.get(reverse("admin:goals_goaltemplate_change", args=[template.pk]))

    assert response.status_code == 200
    inline = response.context["inline_admin_formsets"][0]
    assert [form.instance.title for form in inline.formset.initial_forms] == list(
        template.tasks.values_list("title", flat=True)
    )


def test_admin_adds_a_template_with_its_steps(admin_client):
    response = admin_client.post(reverse("admin:goals_goaltemplate_add"), _new_template_data())

    assert response.status_code == 302
    template = GoalTemplate.objects.get(slug="learn-to-mentor-others")
    assert template.is_active
    assert list(template.tasks.values_list("title", "offset_days", "is_milestone", "notes")) == [
        ("Offer to mentor a new joiner", 14, False, ""),
        ("Look back on what I learnt", 90, True, "Write it down for the next mentor."),
    ]


def test_admin_refuses_a_step_after_the_templates_target(admin_client):
    data = _new_template_data(**{"tasks-1-offset_days": "120"})

    response = admin_client.post(reverse("admin:goals_goaltemplate_add"), data)

    assert response.status_code == 422
    assert "This step falls after the target (day 90)." in response.content.decode()
    assert not GoalTemplate.objects.filter(slug="learn-to-mentor-others").exists()


def test_duplicate_action_copies_steps_and_keeps_the_copy_unoffered(admin_client):
    original = GoalTemplateFactory(slug="find-a-coach", title="Find a coach")
    GoalTemplateTaskFactory(template=original, title="Ask around", offset_days=7, order=10)
    GoalTemplateTaskFactory(
        template=original, title="First session", offset_days=30, order=20, is_milestone=True
    )

    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "duplicate_templates", "_selected_action": [original.pk]},
        follow=True,
    )

    copy = GoalTemplate.objects.get(slug="find-a-coach-copy")
    assert copy.title == "Find a coach (copy)"
    assert not copy.is_active
    assert (copy.summary, copy.duration_days) == (original.summary, original.duration_days)
    steps = ("title", "offset_days", "order", "is_milestone")
    assert list(copy.tasks.values_list(*steps)) == list(original.tasks.values_list(*steps))
    assert original.tasks.count() == 2  # the original keeps its own steps
    assert "Made 1 copy." in response.content.decode()


def test_duplicating_twice_gives_each_copy_its_own_slug(admin_client):
    original = GoalTemplateFactory(slug="find-a-coach")
    for _ in range(2):
        admin_client.post(
            reverse(CHANGELIST),
            {"action": "duplicate_templates", "_selected_action": [original.pk]},
        )

    assert set(
        GoalTemplate.objects.filter(slug__startswith="find-a-coach-").values_list("slug", flat=True)
    ) == {"find-a-coach-copy", "find-a-coach-copy-2"}


def test_a_persons_goals_tasks_and_history_are_not_in_the_admin(admin_client):
    for model in (Goal, Task, GoalChange):
        assert not admin.site.is_registered(model)
    with pytest.raises(NoReverseMatch):
        reverse("admin:goals_goal_changelist")
    index = admin_client.get(reverse("admin:app_list", args=["goals"]))
    assert [each["object_name"] for each in index.context["app_list"][0]["models"]] == [
        "GoalTemplate"
    ]
