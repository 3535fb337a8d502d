"""The circle's access matrix: every shared page and comment endpoint, reached every way
(secret link, "Shared with me", the owner's preview), by everyone who might try.

Who may: the member whose scope holds the thing (by link, or signed in with the member's
verified address) and the owner in the preview (read only). Everyone else gets a 404 (an
unknown link, a member without that scope, another signed-in person, a visitor) or a 410
(the member's access was revoked or has expired), and nothing in the database changes.
The routes come from the resolver: a new shared route fails
``test_every_shared_route_is_in_the_matrix`` until it is added here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.tests.factories import AnswerFactory, QuestionFactory, TakeFactory
from assessments.tests.factories_roles import TargetRoleFactory
from careerapp.tests.factories import UserFactory
from careerapp.tests.test_urls import all_routes
from goals.tests.decision_factories import decision_with
from goals.tests.factories import GoalFactory
from reviews.access import link_token
from reviews.models import CheckInSharing, GoalSharing
from reviews.tests.factories import CheckInFactory, CircleMemberFactory

pytestmark = pytest.mark.django_db

WAYS = ("link", "account", "preview")


@dataclass
class World:
    owner: object
    member: object  # sees everything below
    bare: object  # the owner's other member, who sees nothing
    revoked: object
    expired: object
    things: dict


def _member(owner, email: str, **fields):
    member = CircleMemberFactory(
        owner=owner,
        email=email,
        goals_sharing=GoalSharing.CHOSEN,
        checkins_sharing=CheckInSharing.REFLECTIONS,
        share_quarters=True,
        share_roles=True,
        share_decisions=True,
        **fields,
    )
    return member


@pytest.fixture
def world(owner) -> World:
    goal = GoalFactory(user=owner, title="Shared goal")
    take = TakeFactory(user=owner)
    AnswerFactory(take=take, question=QuestionFactory(instrument=take.instrument), rating=3)
    checkin = CheckInFactory(user=owner)
    decision, _options, _criteria = decision_with(owner)
    TargetRoleFactory(user=owner)
    now = timezone.now()
    members = {}
    for key, email, extra in (
        ("member", "member@example.org", {}),
        ("revoked", "revoked@example.org", {"revoked_at": now}),
        ("expired", "expired@example.org", {"expires_at": now - datetime.timedelta(days=1)}),
    ):
        members[key] = _member(owner, email, **extra)
        members[key].goals.add(goal)
        members[key].instruments.add(take.instrument)
    bare = CircleMemberFactory(owner=owner, email="bare@example.org")
    for email in (
        "member@example.org",
        "revoked@example.org",
        "expired@example.org",
        "bare@example.org",
    ):
        UserFactory(email=email)
    things = {
        "goal": goal,
        "take": take,
        "checkin": checkin,
        "decision": decision,
        "instrument": take.instrument,
    }
    return World(owner, members["member"], bare, members["revoked"], members["expired"], things)


# Route name (without its way in) -> (method, the arguments after the way's key).
CASES = {
    "home": [("GET", lambda t: [])],
    "section": [("GET", lambda t: ["roles"])],
    "item": [
        ("GET", lambda t: ["goals", t["goal"].pk]),
        ("GET", lambda t: ["results", t["instrument"].pk]),
        ("GET", lambda t: ["decisions", t["decision"].pk]),
    ],
    "checkin": [("GET", lambda t: [t["checkin"].pk])],
    "quarter": [("GET", lambda t: [2027, 1])],
    "comment_add": [
        ("POST", lambda t: ["goal", t["goal"].pk]),
        ("POST", lambda t: ["checkin", t["checkin"].pk]),
        ("POST", lambda t: ["take", t["take"].pk]),
    ],
}


def test_every_shared_route_is_in_the_matrix():
    shared = {
        pattern.name
        for _route, namespace, pattern in all_routes()
        if namespace in {f"reviews:{way}:" for way in WAYS}
    }
    assert shared == set(CASES)


def _key(way: str, member) -> str:
    return link_token(member) if way == "link" else str(member.pk)


def _client(way: str, signed_in) -> Client:
    client = Client()
    if signed_in is not None:
        client.force_login(signed_in)
    return client


def _snapshot() -> dict:
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for app in ("goals", "assessments", "reviews")
        for model in apps.get_app_config(app).get_models()
    }


def _request(client: Client, method: str, url: str):
    if method == "GET":
        return client.get(url)
    return client.post(url, {"body": "A comment from the matrix"})


def _viewers(world: World, way: str):
    """(label, member the URL names, who is signed in, expected GET, expected POST)."""
    User = apps.get_model("careerapp", "User")  # noqa: N806
    by_email = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    stranger = User.objects.filter(email="stranger@example.net").first() or UserFactory(
        email="stranger@example.net"
    )
    member_account = by_email["member@example.org"] if way == "account" else None
    yield (
        "member in scope",
        world.member,
        member_account if way == "account" else (world.owner if way == "preview" else None),
        200,
        (404 if way == "preview" else 302),
    )
    yield (
        "member without the scope",
        world.bare,
        (
            by_email["bare@example.org"]
            if way == "account"
            else world.owner
            if way == "preview"
            else None
        ),
        "home-only",
        404,
    )
    gone = 200 if way == "preview" else 410
    gone_post = 404 if way == "preview" else 410
    for label, member in (("revoked", world.revoked), ("expired", world.expired)):
        signed = (
            by_email[member.email]
            if way == "account"
            else (world.owner if way == "preview" else None)
        )
        yield label, member, signed, gone, gone_post
    if way != "link":
        yield "another signed-in person", world.member, stranger, 404, 404
        yield "a visitor", world.member, None, 404, 404


@pytest.mark.parametrize("way", WAYS)
def test_the_access_matrix(world, way):
    checked = 0
    viewers = list(_viewers(world, way))
    for label, member, signed_in, expect_get, expect_post in viewers:
        client = _client(way, signed_in)
        for name, cases in CASES.items():
            for method, args in cases:
                url = reverse(
                    f"reviews:{way}:{name}", args=[_key(way, member), *args(world.things)]
                )
                before = _snapshot()
                response = _request(client, method, url)
                expected = expect_post if method == "POST" else expect_get
                if expected == "home-only":
                    expected = 200 if name == "home" else 404
                assert response.status_code == expected, f"{label} {method} {url} ({way})"
                if response.status_code != 302:
                    assert _snapshot() == before, f"{label} {method} {url} changed the database"
                if response.status_code in {404, 410}:
                    assert "Shared goal" not in response.content.decode(), f"{label} {url}"
                checked += 1
    # link: 4 viewers; account and preview: 6 (a stranger and a visitor too); 10 cases each
    assert checked == len(viewers) * 10 == (40 if way == "link" else 60)


def test_an_unknown_link_is_a_404_on_every_route(world):
    client = Client()
    for name, cases in CASES.items():
        for method, args in cases:
            url = reverse(f"reviews:link:{name}", args=["f" * 48, *args(world.things)])
            assert _request(client, method, url).status_code == 404, url
