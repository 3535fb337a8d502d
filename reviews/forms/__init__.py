"""Reviews' forms: ``checkins``, ``circle``, ``feedback``, ``conversations``."""

from reviews.forms.checkins import (
    CheckInPage,
    GoalReviewForm,
    MoodForm,
    NextStepForm,
    ReflectionForm,
    ScheduleForm,
)
from reviews.forms.circle import CommentForm, InviteForm, SharingForm

__all__ = [
    "CommentForm",
    "InviteForm",
    "SharingForm",
    "CheckInPage",
    "GoalReviewForm",
    "MoodForm",
    "NextStepForm",
    "ReflectionForm",
    "ScheduleForm",
]
