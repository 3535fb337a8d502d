"""The weekly email, in process: slots, the sweep, the chunk sender, the message itself."""

import datetime
from email.utils import parseaddr

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careerapp import reminders, services, tasks, weekly
from careerapp.models import DeliveryStatus, ReminderDelivery, User, Weekday
from careerapp.tests.factories import UserFactory
from goals.tests.factories import GoalFactory, TaskFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def travel(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Run a sweep and, as after a real commit, the chunk tasks it enqueues (eagerly)."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return tasks.sweep_weekly_emails()

    return run


def person(**fields):
    defaults = {
        "time_zone": "Europe/Berlin",
        "reminder_weekday": Weekday.MONDAY,
        "reminder_hour": 8,
    }
    user = UserFactory(**{**defaults, **fields})
    user.next_reminder_at = user.reminder_slot_after(timezone.now())
    user.save()
    return user


# --- Slots ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "weekday", "hour", "after", "expected_utc"),
    [
        # Berlin: clocks go forward on 28 March 2027 (02:00 -> 03:00).
        (
            "Europe/Berlin",
            6,
            8,
            datetime.datetime(2027, 3, 27, tzinfo=UTC),
            datetime.datetime(2027, 3, 28, 6, tzinfo=UTC),
        ),
        (
            "Europe/Berlin",
            6,
            8,
            datetime.datetime(2027, 3, 20, tzinfo=UTC),
            datetime.datetime(2027, 3, 21, 7, tzinfo=UTC),
        ),
        # An hour that does not exist that day lands just after the jump.
        (
            "Europe/Berlin",
            6,
            2,
            datetime.datetime(2027, 3, 27, tzinfo=UTC),
            datetime.datetime(2027, 3, 28, 1, tzinfo=UTC),
        ),
        # New York: back to standard time on 7 November 2027.
        (
            "America/New_York",
            0,
            9,
            datetime.datetime(2027, 11, 2, tzinfo=UTC),
            datetime.datetime(2027, 11, 8, 14, tzinfo=UTC),
        ),
        (
            "Asia/Tokyo",
            4,
            7,
            datetime.datetime(2027, 1, 1, tzinfo=UTC),
            datetime.datetime(
                2027, 1, 7, 22, tzinfo=UTC
            ),  # Friday 1 January 09:00 in Tokyo is past 07:00
        ),
        # Lord Howe Island moves by 30 minutes (UTC+10:30 -> +11) on 3 October 2027.
        (
            "Australia/Lord_Howe",
            0,
            8,
            datetime.datetime(2027, 10, 1, tzinfo=UTC),
            datetime.datetime(2027, 10, 3, 21, tzinfo=UTC),
        ),
        (
            "Australia/Lord_Howe",
            0,
            8,
            datetime.datetime(2027, 9, 24, tzinfo=UTC),
            datetime.datetime(2027, 9, 26, 21, 30, tzinfo=UTC),
        ),
    ],
)
def test_the_slot_is_the_chosen_local_hour_across_time_changes(
    zone, weekday, hour, after, expected_utc
):
    user = User(email="x@example.com", time_zone=zone, reminder_weekday=weekday, reminder_hour=hour)
    assert user.reminder_slot_after(after) == expected_utc


def test_no_slot_when_off_and_a_pause_moves_the_first_slot():
    user = User(email="x@example.com", time_zone="UTC", reminder_weekday=0, reminder_hour=8)
    monday = datetime.datetime(2027, 5, 3, 9, tzinfo=UTC)
    assert user.reminder_slot_after(monday) == datetime.datetime(2027, 5, 10, 8, tzinfo=UTC)
    user.reminders_paused_until = datetime.date(2027, 5, 20)
    assert user.reminder_slot_after(monday) == datetime.datetime(2027, 5, 24, 8, tzinfo=UTC)
    user.reminders_enabled = False
    assert user.reminder_slot_after(monday) is None


def test_changing_preferences_moves_the_slot(owner):
    with travel(datetime.datetime(2027, 5, 3, 9, tzinfo=UTC)):  # a Monday
        services.user_set_reminder_preferences(
            user=owner, enabled=True, weekday=Weekday.FRIDAY, hour=17
        )
    owner.refresh_from_db()
    assert owner.next_reminder_at == datetime.datetime(2027, 5, 7, 15, tzinfo=UTC)  # 17:00 Berlin


# --- Sweep ---------------------------------------------------------------------------------


def test_the_sweep_claims_due_people_once_and_moves_their_slot(mailoutbox, sweep):
    with travel(datetime.datetime(2027, 5, 1, tzinfo=UTC)):
        due = person()
        later = person(reminder_weekday=Weekday.FRIDAY)
        TaskFactory(
            goal=GoalFactory(user=due), title="Overdue thing", due_date=datetime.date(2027, 4, 20)
        )
    with travel(datetime.datetime(2027, 5, 3, 6, 5, tzinfo=UTC)):  # Monday 08:05 Berlin
        first = sweep()
        second = sweep()
    assert first["claimed"] == 1
    assert second["claimed"] == 0
    delivery = ReminderDelivery.objects.get()
    assert (delivery.user, delivery.week, delivery.status) == (
        due,
        datetime.date(2027, 5, 3),
        DeliveryStatus.SENT,
    )
    assert [message.to for message in mailoutbox] == [[due.email]]
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.next_reminder_at == datetime.datetime(2027, 5, 10, 6, tzinfo=UTC)
    assert later.next_reminder_at == datetime.datetime(2027, 5, 7, 6, tzinfo=UTC)


def test_a_late_sweep_sends_once_for_the_missed_slot(mailoutbox, sweep):
    with travel(datetime.datetime(2027, 5, 1, tzinfo=UTC)):
        user = person(reminders_send_empty=True)
    # Beat was down from Monday 07:00 to 19:00 Berlin.
    with travel(datetime.datetime(2027, 5, 3, 17, tzinfo=UTC)):
        sweep()
    with travel(datetime.datetime(2027, 5, 3, 17, 5, tzinfo=UTC)):
        sweep()
    assert len(mailoutbox) == 1
    user.refresh_from_db()
    assert user.next_reminder_at == datetime.datetime(2027, 5, 10, 6, tzinfo=UTC)


def test_nothing_to_say_sends_nothing_unless_asked(mailoutbox, sweep):
    with travel(datetime.datetime(2027, 5, 1, tzinfo=UTC)):
        quiet = person()
        eager = person(reminders_send_empty=True)
    with travel(datetime.datetime(2027, 5, 3, 6, 1, tzinfo=UTC)):
        sweep()
    statuses = dict(ReminderDelivery.objects.values_list("user__email", "status"))
    assert statuses == {quiet.email: DeliveryStatus.SKIPPED, eager.email: DeliveryStatus.SENT}
    assert mailoutbox[0].subject == "Regular maintenance: all clear this week"


def test_changing_the_day_after_this_weeks_email_does_not_send_a_second(mailoutbox, sweep):
    with travel(datetime.datetime(2027, 5, 1, tzinfo=UTC)):
        user = person(reminders_send_empty=True)
    with travel(datetime.datetime(2027, 5, 3, 6, 1, tzinfo=UTC)):
        sweep()
        services.user_set_reminder_preferences(
            user=user, enabled=True, weekday=Weekday.FRIDAY, hour=8, send_empty=True
        )
    with travel(datetime.datetime(2027, 5, 7, 6, 1, tzinfo=UTC)):  # Friday of the same week
        sweep()
    with travel(datetime.datetime(2027, 5, 14, 6, 1, tzinfo=UTC)):  # the Friday after
        sweep()
    assert len(mailoutbox) == 2
    assert list(ReminderDelivery.objects.order_by("week").values_list("week", flat=True)) == [
        datetime.date(2027, 5, 3),
        datetime.date(2027, 5, 10),
    ]


@pytest.mark.slow
def test_sixty_weeks_in_four_time_zones_one_email_a_week_at_the_local_hour(mailoutbox, sweep):
    start = datetime.datetime(2026, 12, 28, tzinfo=UTC)
    zones = {"Europe/Berlin": 8, "America/New_York": 7, "Asia/Tokyo": 9, "Australia/Lord_Howe": 6}
    with travel(start):
        people = {
            zone: person(
                time_zone=zone,
                reminder_hour=hour,
                reminder_weekday=Weekday.TUESDAY,
                reminders_send_empty=True,
            )
            for zone, hour in zones.items()
        }
    moment = start
    end = start + datetime.timedelta(weeks=60)
    while moment < end:  # a sweep every hour for sixty weeks, as a slow beat would run
        with travel(moment):
            sweep()
        moment += datetime.timedelta(hours=1)
    by_person = {}
    for delivery in ReminderDelivery.objects.select_related("user"):
        by_person.setdefault(delivery.user.time_zone, []).append(delivery)
    for zone, user in people.items():
        rows = by_person[zone]
        assert len(rows) == 60, zone
        assert len({row.week for row in rows}) == 60, zone
        for row in rows:
            local = row.sent_at.astimezone(user.zone)
            assert local.weekday() == Weekday.TUESDAY, (zone, local)
            assert local.hour == zones[zone], (zone, local)
    assert len(mailoutbox) == 240


# --- The message ---------------------------------------------------------------------------


@pytest.fixture
def busy_person():
    with travel(datetime.datetime(2027, 5, 1, tzinfo=UTC)):
        user = person(display_name="Mia")
        goal = GoalFactory(user=user, title="Get certified")
        TaskFactory(goal=goal, title="Book the <exam>", due_date=datetime.date(2027, 4, 28))
        TaskFactory(goal=goal, title="Practice test", due_date=datetime.date(2027, 5, 6))
        TaskFactory(goal=goal, title="Read chapter 2", done_at=timezone.now())
    return user


def test_the_email_has_both_parts_links_and_one_click_unsubscribe(
    busy_person, mailoutbox, settings, sweep
):
    settings.SITE_URL = "https://careers.example.org"
    with travel(datetime.datetime(2027, 5, 3, 6, 2, tzinfo=UTC)):
        sweep()
    message = mailoutbox[0]
    assert message.subject == "Regular maintenance: 1 overdue step, 1 due this week"
    assert parseaddr(message.from_email)[1] == "noreply@localhost"
    text = message.body
    html = message.alternatives[0].content
    assert "Hello Mia," in text
    assert "Book the <exam>" in text
    assert "Book the &lt;exam&gt;" in html
    assert "Practice test" in text
    assert "https://careers.example.org/goals/" in text
    assert 'href="https://careers.example.org/goals/' in html
    assert "Last week you ticked off 1 step. Well done." in text
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://careers.example.org/email/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "https://careers.example.org/settings/#reminders" in text


def _unsubscribe_path(user):
    return reverse("reminders_unsubscribe", args=[reminders.unsubscribe_token(user)])


def test_one_click_unsubscribe_posts_without_cookies(owner):
    client = Client(enforce_csrf_checks=True)
    response = client.post(_unsubscribe_path(owner), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.reminders_enabled is False
    assert owner.next_reminder_at is None


def test_opening_the_unsubscribe_link_only_asks(owner):
    response = Client().get(_unsubscribe_path(owner))
    assert response.status_code == 200
    assert "Stop the weekly email?" in response.content.decode()
    owner.refresh_from_db()
    assert owner.reminders_enabled is True


@pytest.mark.parametrize("tamper", ["x", "flip"])
def test_a_forged_or_altered_token_is_refused(owner, other_user, tamper):
    token = reminders.unsubscribe_token(owner)
    forged = (
        token + "x"
        if tamper == "x"
        else token.replace(token[5], "A" if token[5] != "A" else "B", 1)
    )
    response = Client().post(reverse("reminders_unsubscribe", args=[forged]))
    assert response.status_code == 400
    owner.refresh_from_db()
    assert owner.reminders_enabled is True


def test_send_me_this_weeks_email_now(owner_client, owner, mailoutbox):
    response = owner_client.post(reverse("reminders_preview"))
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "You asked to see this week's email now" in mailoutbox[0].body
    assert not ReminderDelivery.objects.exists()


def test_pausing_and_resuming(owner_client, owner):
    today = owner.local_now().date()
    owner_client.post(reverse("reminders_pause"), {"weeks": "3"})
    owner.refresh_from_db()
    assert owner.reminders_paused_until == today + datetime.timedelta(weeks=3)
    assert owner.next_reminder_at.astimezone(owner.zone).date() >= owner.reminders_paused_until
    owner_client.post(reverse("reminders_pause"), {"weeks": "0"})
    owner.refresh_from_db()
    assert owner.reminders_paused_until is None
    assert owner.next_reminder_at <= timezone.now() + datetime.timedelta(days=7)
    bad = owner_client.post(reverse("reminders_pause"), {"weeks": "52"}, follow=True)
    assert "Choose how long to pause" in bad.content.decode()


@pytest.mark.parametrize("size", [1, 40])
def test_a_chunk_costs_fixed_queries_plus_one_committed_record_per_email(
    size, django_assert_num_queries, mailoutbox
):
    with travel(datetime.datetime(2027, 5, 1, tzinfo=UTC)):
        people = [person(reminders_send_empty=True) for _ in range(size)]
        for user in people:
            TaskFactory(goal=GoalFactory(user=user), due_date=datetime.date(2027, 4, 1))
    with travel(datetime.datetime(2027, 5, 3, 6, 1, tzinfo=UTC)):
        weekly.reminders_claim_due(now=timezone.now())
        ids = list(ReminderDelivery.objects.values_list("pk", flat=True))
        with django_assert_num_queries(QUERIES_PER_CHUNK + size):
            result = weekly.reminders_send_chunk(delivery_ids=ids)
    assert len(result.sent) == size
    assert len(mailoutbox) == size


# Per chunk, whatever its size: savepoint, claim the rows with their people (FOR UPDATE
# SKIP LOCKED), mark them sending, release; goals: open dated tasks, quiet goals, steps
# done last week, certifications expiring within 60 days; assessments: active
# instruments, latest takes, pursued roles whose gap is due (none here; two more queries
# when there are); check-ins: schedules, recent check-ins; career conversations: circle
# members with a rhythm, with their last held and latest planned conversation; the
# circle's comments not yet in an email. Then, per email the server accepts, one UPDATE
# that records it before the next goes out (the database, not Redis, is the record of
# what was sent).
QUERIES_PER_CHUNK = 15


@pytest.fixture
def admin_client(client, password):
    client.force_login(User.objects.create_superuser("admin@example.com", password))
    return client


def test_admins_see_deliveries_and_can_send_one_again(admin_client, mailoutbox, sweep):
    with travel(datetime.datetime(2027, 5, 1, tzinfo=UTC)):
        person(reminders_send_empty=True)
    with travel(datetime.datetime(2027, 5, 3, 6, 1, tzinfo=UTC)):
        sweep()
    delivery = ReminderDelivery.objects.get()
    page = admin_client.get(reverse("admin:careerapp_reminderdelivery_changelist"))
    assert page.status_code == 200
    assert "Sent" in page.content.decode()
    admin_client.post(
        reverse("admin:careerapp_reminderdelivery_changelist"),
        {"action": "resend", "_selected_action": [delivery.pk]},
    )
    assert len(mailoutbox) == 2
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT


def test_admins_can_send_this_weeks_email_to_selected_people(
    admin_client, owner, other_user, mailoutbox
):
    admin_client.post(
        reverse("admin:careerapp_user_changelist"),
        {"action": "send_weekly_email_now", "_selected_action": [owner.pk, other_user.pk]},
    )
    assert sorted(message.to[0] for message in mailoutbox) == [other_user.email, owner.email]


def test_a_person_without_a_name_is_greeted_without_their_address(mailoutbox, sweep):
    # The name is optional: the email says "Hello," rather than the part before the @.
    with travel(datetime.datetime(2027, 5, 1, tzinfo=UTC)):
        person(email="quiet.one@example.com", display_name="", reminders_send_empty=True)
    with travel(datetime.datetime(2027, 5, 3, 6, 1, tzinfo=UTC)):
        sweep()
    message = mailoutbox[0]
    assert message.body.startswith("Hello,\n")
    assert "quiet.one," not in message.body
    assert "Hello,</h1>" in message.alternatives[0].content
