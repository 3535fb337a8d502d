"""The compare page, roles side by side, target roles and the current role, as a person
uses them: plain forms, clear refusals, and query counts that ignore history."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import CurrentRole, Importance, TargetRole, TargetStatus
from assessments.tests.factories import AnswerFactory, InstrumentFactory, TakeFactory
from assessments.tests.factories_roles import (
    RoleFactory,
    RoleSkillFactory,
    SkillQuestionFactory,
    TargetRoleFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def instrument():
    return InstrumentFactory(slug="test-skills")


@pytest.fixture
def role(instrument):
    role = RoleFactory(title="Staff engineer", slug="test-staff-engineer")
    coaching = SkillQuestionFactory(instrument=instrument, prompt="Coaching")
    design = SkillQuestionFactory(instrument=instrument, prompt="System design")
    RoleSkillFactory(role=role, question=coaching, level=4)
    RoleSkillFactory(role=role, question=design, level=2, importance=Importance.HELPFUL)
    return role


def rate_all(user, role, instrument, level, *, days_ago=1):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    take = TakeFactory(user=user, instrument=instrument, completed_at=when)
    for skill in role.skills.all():
        AnswerFactory(take=take, question=skill.question, current_level=level, desired_level=5)
    return take


def compare_url(role):
    return reverse("assessments:role_compare", args=[role.slug])


# --- The compare page ---------------------------------------------------------------------


def test_the_compare_page_shows_the_match_the_chart_and_the_gaps(owner_client, owner, role):
    rate_all(owner, role, role.skills.first().question.instrument, 2)

    page = owner_client.get(compare_url(role))

    assert page.status_code == 200
    html = page.content.decode()
    # Coaching 2/4 core, design 2/2 helpful: (2 x 1/2 + 1) / 3 = 67 %
    assert page.context["comparison"].match == 67
    assert "67% match" in html
    assert "core skills count twice" in html
    assert 'class="skill-chart"' in html
    assert [s.name for s in page.context["comparison"].skills] == ["Coaching", "System design"]


def test_a_skill_without_an_answer_says_not_assessed_yet(owner_client, role):
    html = owner_client.get(compare_url(role)).content.decode()

    assert "not assessed yet" in html
    assert "You have not assessed 2 of these skills yet" in html


def test_an_unknown_or_hidden_role_is_a_404(owner_client, role):
    assert owner_client.get(reverse("assessments:role_compare", args=["nope"])).status_code == 404
    role.is_active = False
    role.save()
    assert owner_client.get(compare_url(role)).status_code == 404


@pytest.mark.parametrize("takes", [1, 50])
def test_the_compare_page_reads_the_same_queries_for_1_and_50_takes(
    takes, owner_client, owner, role, instrument, django_assert_num_queries
):
    for number in range(takes):
        rate_all(owner, role, instrument, 1 + number % 5, days_ago=number)
    # 1. session, 2. user, 3. the role with its track, 4. the role's skills with the latest
    # levels, 5. the person's target for the role (the actions slot)
    with django_assert_num_queries(5):
        page = owner_client.get(compare_url(role))
    assert page.status_code == 200


# --- Side by side -------------------------------------------------------------------------


def test_two_roles_side_by_side_have_a_row_per_skill_and_a_match_each(
    owner_client, role, instrument
):
    other = RoleFactory(title="Engineering manager", slug="test-engineering-manager")
    RoleSkillFactory(role=other, question=role.skills.get(level=4).question, level=5)
    RoleSkillFactory(
        role=other, question=SkillQuestionFactory(instrument=instrument, prompt="Hiring")
    )

    page = owner_client.get(
        reverse("assessments:roles_compare"), {"roles": [role.slug, other.slug]}
    )

    assert page.status_code == 200
    side = page.context["side"]
    assert [c.role for c in side.comparisons] == [role, other]
    rows = {name: cells for _key, name, cells in side.rows}
    assert set(rows) == {"Coaching", "System design", "Hiring"}
    assert rows["Hiring"][0] is None  # the staff engineer does not ask for it
    assert [cell.required for cell in rows["Coaching"]] == [4, 5]
    assert "not asked" in page.content.decode()


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        (["a", "b", "c", "d"], "Pick two or three different roles to compare."),
        (
            ["test-staff-engineer", "test-staff-engineer"],
            "Pick two or three different roles to compare.",
        ),
        (["test-staff-engineer", "no-such-role"], "We could not find this role: no-such-role."),
    ],
)
def test_a_wrong_pick_of_roles_is_a_400_with_a_clear_message(owner_client, role, slugs, message):
    page = owner_client.get(reverse("assessments:roles_compare"), {"roles": slugs})

    assert page.status_code == 400
    assert message in page.content.decode()


def test_side_by_side_without_a_pick_shows_the_form(owner_client, role):
    page = owner_client.get(reverse("assessments:roles_compare"))

    assert page.status_code == 200
    assert 'name="roles"' in page.content.decode()


def test_one_role_from_its_compare_page_starts_the_pick(owner_client, role):
    """The compare page links here with its role: picked, no error, asking for more."""
    compare = owner_client.get(reverse("assessments:role_compare", args=[role.slug]))
    link = f"{reverse('assessments:roles_compare')}?roles={role.slug}"
    assert link in compare.content.decode()

    page = owner_client.get(link)

    text = page.content.decode()
    assert page.status_code == 200
    assert f'<option value="{role.slug}" selected>' in text
    assert "Pick one or two more roles to set beside it." in text
    assert page.context["side"] is None


# --- Target roles -------------------------------------------------------------------------


def target_url(role):
    return reverse("assessments:target", args=[role.slug])


def test_pursuing_a_role_saves_it_and_moves_the_one_pursued_before_to_exploring(
    owner_client, owner, role
):
    before = TargetRoleFactory(user=owner, status=TargetStatus.PURSUING)

    response = owner_client.post(target_url(role), {"status": "pursuing"})

    assert response.status_code == 302
    assert TargetRole.objects.get(user=owner, role=role).status == TargetStatus.PURSUING
    before.refresh_from_db()
    assert before.status == TargetStatus.EXPLORING
    assert TargetRole.objects.for_user(owner).pursuing().count() == 1


def test_parking_and_removing_a_target(owner_client, owner, role):
    owner_client.post(target_url(role), {"status": "exploring"})
    owner_client.post(target_url(role), {"status": "parked"})
    assert TargetRole.objects.get(user=owner, role=role).status == TargetStatus.PARKED

    owner_client.post(target_url(role), {"status": "remove"})
    assert not TargetRole.objects.filter(user=owner).exists()


def test_an_unknown_status_is_refused_with_a_message_and_nothing_saved(owner_client, owner, role):
    page = owner_client.post(target_url(role), {"status": "stalking"})

    assert page.status_code == 422
    assert "Select a valid choice" in page.content.decode()
    assert not TargetRole.objects.filter(user=owner).exists()


def test_the_role_actions_show_the_current_status(owner_client, owner, role):
    TargetRoleFactory(user=owner, role=role, status=TargetStatus.PARKED)

    html = owner_client.get(compare_url(role)).content.decode()

    assert "In your roles: Parked." in html
    assert 'value="remove"' in html


def test_removing_a_target_from_my_roles(owner_client, owner, role):
    target = TargetRoleFactory(user=owner, role=role)

    response = owner_client.post(reverse("assessments:target_remove", args=[target.pk]))

    assert response.status_code == 302
    assert not TargetRole.objects.filter(pk=target.pk).exists()


def test_another_persons_target_is_a_404_and_stays(other_client, owner, role):
    target = TargetRoleFactory(user=owner, role=role)

    response = other_client.post(reverse("assessments:target_remove", args=[target.pk]))

    assert response.status_code == 404
    assert TargetRole.objects.filter(pk=target.pk).exists()


def test_my_roles_lists_targets_by_status_with_their_match(owner_client, owner, role, instrument):
    rate_all(owner, role, instrument, 4)
    TargetRoleFactory(user=owner, role=role, status=TargetStatus.PURSUING)
    TargetRoleFactory(user=owner, role=RoleFactory(title="Architect"), status=TargetStatus.PARKED)

    html = owner_client.get(reverse("assessments:explore")).content.decode()

    assert "My roles" in html
    assert html.index("Pursuing") < html.index("Staff engineer") < html.index("Parked")
    assert "100% match" in html
    assert "Architect" in html


# --- Current role -------------------------------------------------------------------------


def current_url():
    return reverse("assessments:current_role")


def test_naming_a_library_role_as_my_current_role(owner_client, owner, role):
    response = owner_client.post(current_url(), {"role": role.slug, "other_title": "ignored"})

    assert response.status_code == 302
    current = CurrentRole.objects.get(user=owner)
    assert (current.role, current.other_title) == (role, "")
    html = owner_client.get(reverse("assessments:explore")).content.decode()
    assert "Today you are: <strong>Staff engineer</strong>" in html


def test_another_role_in_my_own_words(owner_client, owner, role):
    owner_client.post(current_url(), {"role": role.slug})

    owner_client.post(current_url(), {"role": "other", "other_title": "Ship's cook"})

    current = CurrentRole.objects.get(user=owner)
    assert (current.role, current.other_title) == (None, "Ship's cook")
    assert owner_client.get(current_url()).context["form"].initial == {
        "role": "other",
        "other_title": "Ship's cook",
    }


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"role": "other", "other_title": "  "}, "other_title", "Say in a few words"),
        ({"role": "no-such-role"}, "role", "Select a valid choice"),
        ({"role": ""}, "role", "This field is required"),
    ],
)
def test_a_bad_current_role_is_refused_beside_the_field(
    owner_client, owner, role, data, field, message
):
    page = owner_client.post(current_url(), data)

    assert page.status_code == 422
    assert message in page.context["form"].errors[field][0]
    assert not CurrentRole.objects.filter(user=owner).exists()
