"""Export and import carry the current role and the target roles, by role slug."""

import json

import pytest
from django.core.exceptions import ValidationError

from assessments.models import CurrentRole, TargetRole, TargetStatus
from assessments.services import current_role_set
from assessments.tests.factories_roles import RoleFactory, TargetRoleFactory
from careerapp.portability import export_user_data, import_user_data
from careerapp.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles():
    return [RoleFactory(slug=slug) for slug in ("tech-lead", "architect", "manager")]


def roundtrip(document):
    newcomer = UserFactory()
    import_user_data(user=newcomer, data=json.loads(json.dumps(document)))
    return newcomer


def test_current_role_and_targets_come_back_the_same(owner, roles):
    current_role_set(user=owner, role=roles[0])
    TargetRoleFactory(user=owner, role=roles[1], status=TargetStatus.PURSUING, note="In 2 years")
    TargetRoleFactory(user=owner, role=roles[2], status=TargetStatus.PARKED)
    first = export_user_data(owner)

    newcomer = roundtrip(first)

    part = first["assessments"]
    assert part["current_role"]["role"] == "tech-lead"
    assert [t["role"] for t in part["target_roles"]] == ["architect", "manager"]
    second = export_user_data(newcomer)["assessments"]
    assert second["current_role"] == part["current_role"]
    assert second["target_roles"] == json.loads(json.dumps(part["target_roles"]))
    assert TargetRole.objects.for_user(newcomer).pursuing().get().role == roles[1]


def test_a_current_role_in_own_words_comes_back(owner, roles):
    current_role_set(user=owner, role=None, other_title="Lighthouse keeper")

    newcomer = roundtrip(export_user_data(owner))

    current = CurrentRole.objects.get(user=newcomer)
    assert (current.role, current.other_title) == (None, "Lighthouse keeper")


def test_a_file_from_before_roles_existed_still_imports(owner, roles):
    document = export_user_data(owner)
    del document["assessments"]["current_role"], document["assessments"]["target_roles"]

    newcomer = roundtrip(document)

    assert not TargetRole.objects.filter(user=newcomer).exists()


def test_an_unknown_role_slug_is_refused_naming_its_place_and_nothing_is_kept(owner, roles):
    TargetRoleFactory(user=owner, role=roles[1])
    document = json.loads(json.dumps(export_user_data(owner)))
    document["assessments"]["target_roles"][0]["role"] = "astronaut"
    newcomer = UserFactory()

    with pytest.raises(ValidationError) as refused:
        import_user_data(user=newcomer, data=document)

    assert "assessments.target_roles[0].role" in str(refused.value)
    assert "names a role this site's library does not have" in str(refused.value)
    assert not TargetRole.objects.filter(user=newcomer).exists()


def test_two_pursued_roles_in_a_file_are_refused(owner, roles):
    TargetRoleFactory(user=owner, role=roles[1], status=TargetStatus.PURSUING)
    TargetRoleFactory(user=owner, role=roles[2])
    document = json.loads(json.dumps(export_user_data(owner)))
    document["assessments"]["target_roles"][1]["status"] = "pursuing"

    with pytest.raises(ValidationError) as refused:
        import_user_data(user=UserFactory(), data=document)

    assert "assessments.target_roles[1].status" in str(refused.value)


def test_an_account_with_a_target_counts_as_not_empty(owner, roles):
    TargetRoleFactory(user=owner, role=roles[0])

    with pytest.raises(ValidationError, match="Import only works into an empty account"):
        import_user_data(user=owner, data=export_user_data(owner))
