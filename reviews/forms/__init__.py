"""Reviews' forms: ``checkins``, ``circle``, ``feedback``, ``conversations``."""

from reviews.forms.checkins import (
    CheckInPage,
    GoalReviewForm,
    MoodForm,
    NextStepForm,
    ReflectionForm,
    ScheduleForm,
)

__all__ = [
    "CheckInPage",
    "GoalReviewForm",
    "MoodForm",
    "NextStepForm",
    "ReflectionForm",
    "ScheduleForm",
]
