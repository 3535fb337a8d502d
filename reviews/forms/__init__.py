"""Reviews' forms: ``checkins``, ``circle``, ``feedback``, ``conversations``."""

from reviews.forms.checkins import (
    CheckInPage,
    GoalReviewForm,
    MoodForm,
    NextStepForm,
    ReflectionForm,
    ScheduleForm,
)
from reviews.forms.conversations import (
    ActionItemForm,
    ConversationForm,
    ConversationPage,
    PrepareForm,
)

__all__ = [
    "ActionItemForm",
    "ConversationForm",
    "ConversationPage",
    "PrepareForm",
    "CheckInPage",
    "GoalReviewForm",
    "MoodForm",
    "NextStepForm",
    "ReflectionForm",
    "ScheduleForm",
]
