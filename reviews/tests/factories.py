import datetime

import factory
from django.utils import timezone

from careerapp import tokens
from careerapp.tests.factories import UserFactory
from reviews.cadence import Cadence
from reviews.models import (
    CheckIn,
    CheckInStatus,
    CircleMember,
    CircleRole,
    Comment,
    GoalReview,
    ReflectionPrompt,
)
from reviews.models.circle import LINK_PURPOSE


class ReflectionPromptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReflectionPrompt

    text = factory.Sequence(lambda n: f"Prompt {n}?")
    order = factory.Sequence(int)


class CheckInFactory(factory.django.DjangoModelFactory):
    """A submitted monthly check-in for January 2027 unless told otherwise."""

    class Meta:
        model = CheckIn

    user = factory.SubFactory(UserFactory)
    period_start = datetime.date(2027, 1, 1)
    period_end = datetime.date(2027, 1, 31)
    cadence = Cadence.MONTHLY
    status = CheckInStatus.SUBMITTED
    satisfaction = 3
    energy = 3
    submitted_at = factory.LazyAttribute(
        lambda c: datetime.datetime.combine(c.period_end, datetime.time(18), tzinfo=datetime.UTC)
    )


class GoalReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalReview

    checkin = factory.SubFactory(CheckInFactory)
    goal_title = factory.LazyAttribute(lambda r: r.goal.title if r.goal else "A goal")
    progress = 50
    status = "on_track"


def month_checkin(user, start: datetime.date, **fields) -> CheckIn:
    """A check-in for the calendar month that starts on ``start``."""
    year, month = divmod(start.year * 12 + start.month, 12)
    end = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return CheckInFactory(user=user, period_start=start, period_end=end, **fields)


class CircleMemberFactory(factory.django.DjangoModelFactory):
    """A mentor in ``owner``'s circle whose link works for 90 days and who sees nothing."""

    class Meta:
        model = CircleMember

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Mentor {n}")
    email = factory.Sequence(lambda n: f"mentor{n}@example.org")
    role = CircleRole.MENTOR
    link_days = 90
    link_salt = factory.LazyFunction(tokens.new_salt)
    token_hash = factory.LazyAttribute(
        lambda o: tokens.token_hash(tokens.token_for(o.link_salt, purpose=LINK_PURPOSE))
    )
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=90))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    member = factory.SubFactory(CircleMemberFactory)
    owner = factory.LazyAttribute(lambda o: o.member.owner)
    author_name = factory.LazyAttribute(lambda o: o.member.name)
    body = "Good progress. What would make the next step smaller?"
