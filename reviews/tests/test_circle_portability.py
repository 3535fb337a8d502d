"""The circle travels with the export: members and what each sees, comments, feedback and
conversations; no link's secret does."""

from __future__ import annotations

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client

from careerapp.demo import load_demo_content
from careerapp.portability import export_user_data, import_user_data
from careerapp.tests.factories import UserFactory
from reviews.access import link_token
from reviews.models import CircleMember, Comment, Conversation, FeedbackRequest

pytestmark = pytest.mark.django_db


def test_the_circle_goes_out_and_comes_back_without_its_links(owner):
    load_demo_content(owner)
    mentor = CircleMember.objects.for_user(owner).get(role="mentor")
    old_link = link_token(mentor)
    document = json.loads(json.dumps(export_user_data(owner), cls=DjangoJSONEncoder))
    text = json.dumps(document)
    for member in CircleMember.objects.for_user(owner):
        assert member.link_salt not in text
        assert member.token_hash not in text
        assert link_token(member) not in text

    newcomer = UserFactory(email="newcomer@example.com")
    import_user_data(user=newcomer, data=document)
    imported = CircleMember.objects.for_user(newcomer).get(role="mentor")
    assert imported.name == mentor.name
    assert set(imported.goals.values_list("title", flat=True)) == set(
        mentor.goals.values_list("title", flat=True)
    )
    assert link_token(imported) != old_link
    assert Client().get(f"/reviews/s/{link_token(imported)}/").status_code == 200
    for model in (Comment, FeedbackRequest, Conversation):
        assert model.objects.for_user(newcomer).count() == model.objects.for_user(owner).count()
    assert Comment.objects.for_user(newcomer).filter(parent__isnull=False).exists()
