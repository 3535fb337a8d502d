"""My circle: inviting, what a member sees through each way in, the link's life, comments
and the weekly summary of them."""

from __future__ import annotations

import datetime
import logging

import pytest
import time_machine
from allauth.account.models import EmailAddress
from celery.exceptions import Retry
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careerapp.tests.factories import UserFactory
from careerapp.tests.weekly_harness import send_twice_by_worker
from goals.tests.factories import GoalFactory
from reviews import reminders, services
from reviews.access import link_token
from reviews.emails import circle_invitation_send
from reviews.models import CheckInSharing, CircleMember, Comment
from reviews.tasks import send_circle_invitation
from reviews.tests.factories import CheckInFactory, CircleMemberFactory, CommentFactory

pytestmark = pytest.mark.django_db


def _link(member, name="home", *args) -> str:
    return reverse(f"reviews:link:{name}", args=[link_token(member), *args])


@pytest.fixture
def member(owner):
    return CircleMemberFactory(owner=owner, name="Ana Mentor", email="ana@example.org")


@pytest.fixture
def shared_checkin(owner, member):
    member.checkins_sharing = CheckInSharing.PROGRESS
    member.save()
    return CheckInFactory(user=owner)


def test_an_invitation_creates_a_member_who_sees_nothing_and_emails_the_link_once(
    owner_client, owner, mailoutbox
):
    response = owner_client.post(
        reverse("reviews:circle_invite"),
        {
            "name": "Ana",
            "email": "Ana@Example.org",
            "role": "mentor",
            "link_days": "30",
            "message": "Would you be my mentor this year?",
        },
    )
    member = CircleMember.objects.get()
    assert response.status_code == 302
    assert response["Location"] == member.get_absolute_url()
    assert member.email == "ana@example.org"
    assert not member.shares_anything
    assert member.expires_at - timezone.now() > datetime.timedelta(days=29)
    (message,) = mailoutbox
    assert message.to == ["ana@example.org"]
    assert _link(member) in message.body
    assert "Would you be my mentor" in message.body
    # The task run again (a retry, a second worker) sends nothing more.
    assert circle_invitation_send(member_id=member.pk) is False
    assert len(mailoutbox) == 1
    home = Client().get(_link(member))
    assert home.status_code == 200
    assert "has not shared anything with you yet" in home.content.decode()


def test_no_raw_token_is_stored_in_the_table(member):
    token = link_token(member)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM reviews_circlemember")
        rows = cursor.fetchall()
    assert rows
    assert all(token not in str(value) for row in rows for value in row)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "email": "ana@example.org"}, "name"),
        ({"name": "Ana", "email": "not an address"}, "email"),
        ({"name": "Ana", "email": "owner@example.com"}, "email"),
        ({"name": "Ana", "email": "ana@example.org", "link_days": "45"}, "link_days"),
    ],
)
def test_bad_invitations_are_refused_next_to_the_field(owner_client, data, field, mailoutbox):
    response = owner_client.post(
        reverse("reviews:circle_invite"), {"role": "mentor", "link_days": "90", **data}
    )
    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert not CircleMember.objects.exists()
    assert not mailoutbox


def test_the_same_address_twice_is_refused(owner_client, member):
    response = owner_client.post(
        reverse("reviews:circle_invite"),
        {"name": "Ana again", "email": "ANA@example.org", "role": "peer", "link_days": "90"},
    )
    assert response.status_code == 422
    assert "in your circle already" in response.content.decode()


def test_a_shared_check_in_shows_progress_but_reflections_only_when_chosen(
    owner, member, shared_checkin
):
    review = shared_checkin.goal_reviews.create(
        goal_title="Lead a project", progress=40, status="at_risk", note="Private worry"
    )
    shared_checkin.reflections.create(prompt_text="What went well?", answer="Shipped the pilot")
    client = Client()
    page = client.get(_link(member, "checkin", shared_checkin.pk)).content.decode()
    assert "Lead a project" in page
    assert "40%" in page
    assert review.note not in page
    assert "Shipped the pilot" not in page
    member.checkins_sharing = CheckInSharing.REFLECTIONS
    member.save()
    page = client.get(_link(member, "checkin", shared_checkin.pk)).content.decode()
    assert "Private worry" in page
    assert "Shipped the pilot" in page


def test_what_is_not_shared_is_a_404(owner, member):
    checkin = CheckInFactory(user=owner)
    assert Client().get(_link(member, "checkin", checkin.pk)).status_code == 404
    assert Client().get(_link(member, "quarter", 2027, 1)).status_code == 404
    assert Client().get(_link(member, "item", "goals", 1)).status_code == 404


def test_another_persons_check_in_is_a_404_even_when_check_ins_are_shared(
    member, shared_checkin, other_user
):
    theirs = CheckInFactory(user=other_user)
    assert Client().get(_link(member, "checkin", theirs.pk)).status_code == 404


def test_revoking_answers_410_at_once_and_shows_nothing_of_the_owner(
    owner_client, owner, member, shared_checkin
):
    url = _link(member, "checkin", shared_checkin.pk)
    assert Client().get(url).status_code == 200
    owner_client.post(reverse("reviews:circle_revoke", args=[member.pk]))
    for path in (_link(member), url):
        response = Client().get(path)
        assert response.status_code == 410
        assert owner.display_name not in response.content.decode()
    comment = Client().post(
        _link(member, "comment_add", "checkin", shared_checkin.pk), {"body": "Hello?"}
    )
    assert comment.status_code == 410
    assert not Comment.objects.exists()


def test_an_expired_link_answers_410_and_renewing_opens_it_again(owner, member):
    with time_machine.travel(timezone.now() + datetime.timedelta(days=91)):
        assert Client().get(_link(member)).status_code == 410
        owner_client = Client()
        owner_client.force_login(owner)
        owner_client.post(reverse("reviews:circle_renew", args=[member.pk]))
        assert Client().get(_link(member)).status_code == 200


def test_a_new_link_ends_the_old_one_and_restores_revoked_access(owner_client, member, mailoutbox):
    old = _link(member)
    services.member_revoke(member=member)
    owner_client.post(reverse("reviews:circle_new_link", args=[member.pk]))
    member.refresh_from_db()
    assert Client().get(old).status_code == 404
    assert Client().get(_link(member)).status_code == 200
    assert [m.to for m in mailoutbox] == [["ana@example.org"]]


def test_an_unknown_or_malformed_link_is_a_404():
    assert Client().get(reverse("reviews:link:home", args=["0" * 48])).status_code == 404
    assert Client().get(reverse("reviews:link:home", args=["nope"])).status_code == 404


def test_deleting_the_account_ends_every_link(owner, member):
    url = _link(member)
    owner.delete()
    assert Client().get(url).status_code == 404
    assert not CircleMember.objects.exists()


def test_shared_pages_are_rate_limited_by_address(settings, member):
    settings.SHARED_LINK_RATE = "3/m"
    client = Client()
    statuses = [client.get(_link(member)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_the_token_never_reaches_a_log_line(member, caplog):
    caplog.set_level(logging.DEBUG)
    Client().get(_link(member))
    Client().get(_link(member, "checkin", 999))
    assert link_token(member) not in caplog.text


def test_shared_pages_are_not_cached_indexed_or_referred(member):
    response = Client().get(_link(member))
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "same-origin"
    assert "noindex" in response["X-Robots-Tag"]


# --- Shared with me and the preview -----------------------------------------------------


def test_shared_with_me_lists_owners_who_invited_a_verified_address(owner, member):
    viewer = UserFactory(email="ana@example.org")
    client = Client()
    client.force_login(viewer)
    page = client.get(reverse("reviews:shared_with_me")).content.decode()
    assert owner.display_name in page
    assert client.get(reverse("reviews:account:home", args=[member.pk])).status_code == 200
    services.member_revoke(member=member)
    assert owner.display_name not in client.get(reverse("reviews:shared_with_me")).content.decode()
    assert client.get(reverse("reviews:account:home", args=[member.pk])).status_code == 410


def test_an_unverified_address_sees_nothing(owner, member):
    viewer = UserFactory(email="someone@example.net")
    EmailAddress.objects.create(user=viewer, email="ana@example.org", verified=False)
    client = Client()
    client.force_login(viewer)
    assert owner.display_name not in client.get(reverse("reviews:shared_with_me")).content.decode()
    assert client.get(reverse("reviews:account:home", args=[member.pk])).status_code == 404


def test_the_preview_is_the_owners_alone_and_cannot_comment(owner_client, member, shared_checkin):
    url = reverse("reviews:preview:checkin", args=[member.pk, shared_checkin.pk])
    page = owner_client.get(url)
    assert page.status_code == 200
    assert "Preview: this is exactly what Ana Mentor sees" in (page.content.decode())
    assert "Add comment" not in page.content.decode()
    post = owner_client.post(
        reverse("reviews:preview:comment_add", args=[member.pk, "checkin", shared_checkin.pk]),
        {"body": "Talking to myself"},
    )
    assert post.status_code == 404
    assert not Comment.objects.exists()


def test_another_person_cannot_preview_or_manage_my_member(other_client, member):
    for name in ("circle_member", "preview:home"):
        assert other_client.get(reverse(f"reviews:{name}", args=[member.pk])).status_code == 404
    for name in ("circle_revoke", "circle_renew", "circle_new_link", "circle_remove"):
        assert other_client.post(reverse(f"reviews:{name}", args=[member.pk])).status_code == 404
    member.refresh_from_db()
    assert member.revoked_at is None


# --- Choosing what a member sees -----------------------------------------------------------


def _sharing(member, **changes):
    data = {
        "goals_sharing": "none",
        "checkins_sharing": "none",
        "conversation_every": "none",
        "version": str(member.version),
    }
    data.update(changes)
    return data


def test_choosing_check_ins_shows_them_on_the_next_page_view(owner_client, member, owner):
    checkin = CheckInFactory(user=owner)
    url = _link(member, "checkin", checkin.pk)
    assert Client().get(url).status_code == 404
    response = owner_client.post(
        reverse("reviews:circle_sharing", args=[member.pk]),
        _sharing(member, checkins_sharing="progress", share_quarters="on"),
    )
    assert response.status_code == 302
    assert Client().get(url).status_code == 200
    assert Client().get(_link(member, "quarter", 2027, 1)).status_code == 200


def test_chosen_goals_need_at_least_one_goal(owner_client, owner, member):
    url = reverse("reviews:circle_sharing", args=[member.pk])
    response = owner_client.post(url, _sharing(member, goals_sharing="chosen"))
    assert response.status_code == 422
    assert "You have no goals to choose from yet" in response.content.decode()
    GoalFactory(user=owner)
    response = owner_client.post(url, _sharing(member, goals_sharing="chosen"))
    assert response.status_code == 422
    assert "Tick the goals to share" in response.content.decode()


def test_another_persons_goal_cannot_be_chosen(owner_client, member, other_user):
    theirs = GoalFactory(user=other_user)
    response = owner_client.post(
        reverse("reviews:circle_sharing", args=[member.pk]),
        _sharing(member, goals_sharing="chosen", goals=[theirs.pk]),
    )
    assert response.status_code == 422
    assert not member.goals.exists()


def test_two_tabs_choosing_at_once_keep_the_first_save_and_show_the_second_again(
    owner_client, member
):
    loaded = _sharing(member)
    first = owner_client.post(
        reverse("reviews:circle_sharing", args=[member.pk]), {**loaded, "share_roles": "on"}
    )
    assert first.status_code == 302
    second = owner_client.post(
        reverse("reviews:circle_sharing", args=[member.pk]),
        {**loaded, "share_decisions": "on"},
    )
    assert second.status_code == 409
    assert "changed in another tab" in second.content.decode()
    member.refresh_from_db()
    assert member.share_roles
    assert not member.share_decisions
    # The refused form carries the new version: saving it again is deliberate, and wins.
    again = owner_client.post(
        reverse("reviews:circle_sharing", args=[member.pk]),
        {**loaded, "share_decisions": "on", "version": str(member.version)},
    )
    assert again.status_code == 302
    member.refresh_from_db()
    assert member.share_decisions
    assert not member.share_roles


# --- Comments -------------------------------------------------------------------------------


def test_a_member_comments_the_owner_replies_and_each_sees_the_thread(
    owner_client, owner, member, shared_checkin
):
    client = Client()
    response = client.post(
        _link(member, "comment_add", "checkin", shared_checkin.pk), {"body": "Nice month!"}
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.member == member
    assert comment.checkin == shared_checkin
    own_page = owner_client.get(shared_checkin.get_absolute_url()).content.decode()
    assert "Nice month!" in own_page
    assert "Ana Mentor" in own_page
    owner_client.post(
        reverse("reviews:comment_reply", args=[comment.pk]),
        {f"reply-{comment.pk}-body": "Thank you, Ana"},
    )
    page = client.get(_link(member, "checkin", shared_checkin.pk)).content.decode()
    assert "Nice month!" in page
    assert "Thank you, Ana" in page


def test_a_member_does_not_see_another_members_comments(owner, member, shared_checkin):
    peer = CircleMemberFactory(owner=owner, name="Pete", checkins_sharing="progress")
    CommentFactory(member=peer, checkin=shared_checkin, body="Pete's private note")
    page = Client().get(_link(member, "checkin", shared_checkin.pk)).content.decode()
    assert "Pete's private note" not in page


def test_an_empty_comment_is_refused_next_to_the_field(member, shared_checkin):
    response = Client().post(
        _link(member, "comment_add", "checkin", shared_checkin.pk), {"body": "   "}
    )
    assert response.status_code == 422
    assert "Write something first" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_on_something_not_shared_is_a_404(owner, member):
    checkin = CheckInFactory(user=owner)
    response = Client().post(_link(member, "comment_add", "checkin", checkin.pk), {"body": "Hi"})
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_the_owner_deletes_any_comment_on_their_things_but_not_anothers(
    owner_client, other_user, member, shared_checkin
):
    comment = CommentFactory(member=member, checkin=shared_checkin)
    other_client = Client()
    other_client.force_login(other_user)
    assert (
        other_client.post(reverse("reviews:comment_delete", args=[comment.pk])).status_code == 404
    )
    assert Comment.objects.filter(pk=comment.pk).exists()
    response = owner_client.post(reverse("reviews:comment_delete", args=[comment.pk]))
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_removing_a_member_keeps_their_comments_under_their_name(
    owner_client, member, shared_checkin
):
    CommentFactory(member=member, checkin=shared_checkin)
    owner_client.post(reverse("reviews:circle_remove", args=[member.pk]))
    comment = Comment.objects.get()
    assert comment.member is None
    assert comment.author_name == "Ana Mentor"


def test_the_weekly_email_sums_up_new_comments_once(owner, member, shared_checkin):
    CommentFactory(member=member, checkin=shared_checkin)
    CommentFactory(member=member, checkin=shared_checkin)
    today = {owner.pk: timezone.localdate()}
    (section,) = reminders.comment_sections([owner], today)[owner.pk]
    assert [item.text for item in section.items] == ["Ana Mentor left 2 comments"]
    reminders.comments_emailed([owner.pk], timezone.now())
    assert reminders.comment_sections([owner], today) == {}


# --- Query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("comments", [1, 100])
def test_a_shared_check_in_costs_the_same_with_1_or_100_comments(
    django_assert_num_queries, member, shared_checkin, comments
):
    CommentFactory.create_batch(comments, member=member, checkin=shared_checkin)
    client = Client()
    url = _link(member, "checkin", shared_checkin.pk)
    client.get(url)
    # 1 member and owner by the link's hash, 2 chosen instruments, 3 the check-in,
    # 4 its goal reviews, 5 the comments the member sees
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("people", [1, 50])
def test_shared_with_me_costs_the_same_with_1_or_50_people(django_assert_num_queries, people):
    viewer = UserFactory(email="mentor@example.org")
    for _ in range(people):
        CircleMemberFactory(email="mentor@example.org")
    client = Client()
    client.force_login(viewer)
    client.get(reverse("reviews:shared_with_me"))
    # 1 session, 2 user, 3 the verified addresses, 4 the members with their owners
    with django_assert_num_queries(4):
        page = client.get(reverse("reviews:shared_with_me"))
    assert page.content.decode().count("Shared until") == people


# --- The invitation through a real SMTP server ----------------------------------------------


@pytest.fixture
def smtp_settings(settings, smtp_sink):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return smtp_sink


def test_an_invitation_the_server_defers_is_retried_then_sent_once(smtp_settings, member):
    smtp_settings.replies = ["451 4.3.0 Try again later"]
    with pytest.raises(Retry):
        send_circle_invitation.delay(member.pk)
    member.refresh_from_db()
    assert member.invite_sent_at is None
    assert smtp_settings.messages == []
    send_circle_invitation.delay(member.pk)  # the retry
    send_circle_invitation.delay(member.pk)  # and a duplicate delivery of it
    (message,) = smtp_settings.messages
    assert message["To"] == "ana@example.org"
    assert link_token(member) in message.get_body(("plain",)).get_content()
    member.refresh_from_db()
    assert member.invite_sent_at is not None


def test_an_invitation_refused_for_good_is_logged_without_the_address(
    smtp_settings, member, caplog
):
    smtp_settings.rcpt_replies = ["550 5.1.1 No such mailbox"]
    assert send_circle_invitation.delay(member.pk).get() is False
    ours = " ".join(r.getMessage() for r in caplog.records if r.name == "reviews.tasks")
    assert "refused for good" in ours
    assert "ana@example.org" not in ours


def test_no_invitation_goes_to_a_revoked_member(smtp_settings, member):
    services.member_revoke(member=member)
    assert send_circle_invitation.delay(member.pk).get() is False
    assert smtp_settings.messages == []


@pytest.mark.parametrize("comments", [1, 100])
def test_a_shared_goal_costs_the_same_with_1_or_100_comments(
    django_assert_num_queries, owner, member, comments
):
    goal = GoalFactory(user=owner, title="Lead a team")
    member.goals_sharing = "chosen"
    member.save()
    member.goals.add(goal)
    CommentFactory.create_batch(comments, member=member, goal=goal)
    client = Client()
    url = _link(member, "item", "goals", goal.pk)
    client.get(url)
    # 1 member and owner by the link's hash, 2 the chosen goals, 3 chosen instruments,
    # 4 the goal with its step counts, 5 its steps, 6 its history, 7 the comments
    with django_assert_num_queries(7):
        page = client.get(url)
    assert page.content.decode().count("comment-body") == comments


@pytest.mark.services
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_invitation_once_though_enqueued_twice(
    postgres, redis_server, smtp_sink, owner
):
    member = CircleMemberFactory(owner=owner, email="worker@example.org")
    send_twice_by_worker(
        send_circle_invitation,
        member.pk,
        sent=lambda: CircleMember.objects.filter(
            pk=member.pk, invite_sent_at__isnull=False
        ).exists(),
        redis_url=redis_server.url,
        smtp_port=smtp_sink.port,
        what="the invitation",
    )
    assert [message["To"] for message in smtp_sink.messages] == ["worker@example.org"]
    body = smtp_sink.messages[0].get_body(("plain",)).get_content()
    assert f"/reviews/s/{link_token(member)}/" in body
