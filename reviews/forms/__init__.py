"""Reviews' forms: ``checkins``, ``circle``, ``feedback``, ``conversations``, ``wins``."""

from reviews.forms.checkins import (
    CheckInPage,
    GoalReviewForm,
    MoodForm,
    NextStepForm,
    ReflectionForm,
    ScheduleForm,
)
from reviews.forms.circle import CommentForm, InviteForm, SharingForm
from reviews.forms.conversations import (
    ActionItemForm,
    ConversationForm,
    ConversationPage,
    PrepareForm,
)
from reviews.forms.feedback import FeedbackAnswerForm, FeedbackRequestForm
from reviews.forms.wins import BragRangeForm, WinFilterForm, WinForm

__all__ = [
    "CommentForm",
    "InviteForm",
    "SharingForm",
    "ActionItemForm",
    "ConversationForm",
    "ConversationPage",
    "PrepareForm",
    "CheckInPage",
    "FeedbackAnswerForm",
    "FeedbackRequestForm",
    "GoalReviewForm",
    "MoodForm",
    "NextStepForm",
    "ReflectionForm",
    "ScheduleForm",
    "BragRangeForm",
    "WinFilterForm",
    "WinForm",
]
