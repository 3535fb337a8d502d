from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerapp import tokens
from careerapp.timezones import validate_time_zone, zone


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def normalize_email(self, email: str | None) -> str:  # type: ignore[override]
        # Email is the login and is unique whatever its case, so it is stored lowercased.
        return (email or "").strip().lower()

    def get_by_natural_key(self, email: str) -> User:
        # Lowercased, as the unique index on Lower("email") is (iexact would be UPPER).
        return self.alias(email_lower=Lower("email")).get(email_lower=email.lower())

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        user = self.create_user(email, password, **extra)
        # Admins sign in through the site's sign-in page like everyone (one door, one
        # lockout); the address typed at the console counts as confirmed.
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("How the app greets you. A first name is plenty."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Dates, due days and your weekly email follow this zone."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The app, its emails and the shipped content speak this language."),
    )
    reminders_enabled = models.BooleanField(_("send me the weekly email"), default=True)
    reminder_weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    reminder_hour = models.PositiveSmallIntegerField(
        _("hour"), default=8, validators=[MaxValueValidator(23)]
    )
    reminders_send_empty = models.BooleanField(
        _("send it even when nothing needs attention"),
        default=False,
        help_text=_("Otherwise a week with nothing to say sends no email."),
    )
    reminders_paused_until = models.DateField(
        _("paused until"),
        null=True,
        blank=True,
        help_text=_("No weekly email before this day, e.g. during a holiday."),
    )
    # The next weekly slot, in UTC. The sweep claims people whose slot has come.
    next_reminder_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    reminder_preferences_set_at = models.DateTimeField(
        _("reminder preferences chosen at"), null=True, blank=True, editable=False
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Can sign in to the admin site."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Unticking this stops the person signing in without deleting their data."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        indexes = [
            # The sweep's people without a slot yet (new accounts, imports). Everyone with
            # the weekly email off has none either: without this, each sweep would walk
            # the slot index over all of them (benchmarks/README.md, a crowded server).
            models.Index(
                fields=["id"],
                condition=models.Q(
                    next_reminder_at__isnull=True, reminders_enabled=True, is_active=True
                ),
                name="careerapp_user_unscheduled",
            )
        ]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="careerapp_user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(reminder_hour__lte=23), name="careerapp_user_reminder_hour_range"
            ),
            models.CheckConstraint(
                condition=models.Q(reminder_weekday__lte=6),
                name="careerapp_user_reminder_weekday_range",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = type(self).objects.normalize_email(self.email)

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@", 1)[0]

    @property
    def zone(self) -> ZoneInfo:
        return zone(self.time_zone)

    @property
    def has_profile(self) -> bool:
        # The name is optional; the time zone is what dates and the weekly email need.
        return bool(self.time_zone)

    @property
    def has_reminder_preferences(self) -> bool:
        return self.reminder_preferences_set_at is not None

    def local_now(self):
        return timezone.now().astimezone(self.zone)

    def reminder_slot_after(self, moment: datetime.datetime) -> datetime.datetime | None:
        """The first weekly slot (weekday and hour, local time) strictly after ``moment``.

        Computed on the local calendar, so it stays at the chosen hour across daylight-saving
        changes, including 30-minute ones (Lord Howe Island). A slot whose local hour does not
        exist that day (clocks jump forward) falls just after the jump. None when the weekly
        email is off. A pause moves the first slot to the pause's last day or later.
        """
        if not self.reminders_enabled:
            return None
        zone = self.zone
        local = moment.astimezone(zone)
        start_day = local.date()
        if self.reminders_paused_until and self.reminders_paused_until > start_day:
            start_day = self.reminders_paused_until
        days_ahead = (self.reminder_weekday - start_day.weekday()) % 7
        day = start_day + datetime.timedelta(days=days_ahead)
        while True:
            slot = datetime.datetime.combine(day, datetime.time(self.reminder_hour), tzinfo=zone)
            # Normalise through UTC: a non-existent local time moves past the gap.
            slot = slot.astimezone(datetime.UTC)
            if slot > moment:
                return slot
            day += datetime.timedelta(days=7)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Nothing to say")
    FAILED = "failed", _("Failed")


class ReminderDeliveryQuerySet(models.QuerySet):
    def for_user(self, user) -> ReminderDeliveryQuerySet:
        return self.filter(user=user)

    def stale(
        self, *, now: datetime.datetime, lease: datetime.timedelta
    ) -> ReminderDeliveryQuerySet:
        """Deliveries the sweep should hand to a worker: never enqueued, or enqueued or
        claimed a lease ago without an outcome (broker lost the task, worker killed). A row
        waiting for a retry counts as enqueued at its retry time, so the sweep leaves it
        alone until its backoff has passed (and its own retried task had a lease to run)."""
        before = now - lease
        waited = models.Q(retry_at__isnull=True) | models.Q(retry_at__lte=now)
        return self.filter(
            models.Q(status=DeliveryStatus.PENDING)
            & (models.Q(enqueued_at__isnull=True) | models.Q(enqueued_at__lt=before))
            & waited
            | models.Q(status=DeliveryStatus.SENDING, claimed_at__lt=before)
        )

    def claimable(
        self, *, now: datetime.datetime, lease: datetime.timedelta
    ) -> ReminderDeliveryQuerySet:
        """Rows a worker may take now: pending and past any retry delay, or sending under a
        lease that has run out (the worker that claimed them was killed)."""
        return self.filter(
            models.Q(status=DeliveryStatus.PENDING)
            & (models.Q(retry_at__isnull=True) | models.Q(retry_at__lte=now))
            | models.Q(status=DeliveryStatus.SENDING, claimed_at__lt=now - lease)
        )


class ReminderDelivery(models.Model):
    """One person's weekly email for one week. The unique (user, week) row is the claim
    that makes "exactly one per week" hold whatever the workers, broker or mail do."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reminder_deliveries")
    week = models.DateField(_("week of"), help_text=_("Monday of the person's local week."))
    scheduled_for = models.DateTimeField(_("slot"))
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    enqueued_at = models.DateTimeField(_("enqueued"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed by a worker"), null=True, blank=True)
    retry_at = models.DateTimeField(
        _("next try"),
        null=True,
        blank=True,
        help_text=_("Set when the mail server asked to try later; nobody sends it before then."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = ReminderDeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("weekly email")
        verbose_name_plural = _("weekly emails")
        ordering = ["-week", "user_id"]
        constraints = [
            models.UniqueConstraint("user", "week", name="careerapp_delivery_one_per_week")
        ]
        indexes = [models.Index(fields=["status", "enqueued_at"])]

    def __str__(self) -> str:
        return f"{self.user} {self.week} {self.status}"


# A feed's token opens nothing else (careerapp.tokens: ``purpose``).
FEED_PURPOSE = "calendar"


class CalendarFeedQuerySet(models.QuerySet):
    def for_user(self, user) -> CalendarFeedQuerySet:
        return self.filter(user=user)

    def for_token(self, token: str) -> CalendarFeedQuerySet:
        """The feed whose address holds ``token``: none for a malformed, replaced or
        turned-off one. Looked up by the token's hash; the token is never stored."""
        if not tokens.looks_like_token(token):
            return self.none()
        return self.filter(token_hash=tokens.token_hash(token))


class CalendarFeed(models.Model):
    """A person's private calendar address. Turned off, the row is gone; a new address is
    a new salt, so the old token matches no row at once."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar_feed")
    salt = models.CharField(max_length=64, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user} calendar"

    def token(self) -> str:
        """The address's token (derived from the salt, never stored)."""
        return tokens.token_for(self.salt, purpose=FEED_PURPOSE)
