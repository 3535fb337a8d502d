"""Reviews' writes: ``checkins`` (rhythm and check-ins), ``circle`` (members, what they
see, comments), ``feedback`` (requests and answers), ``conversations`` (agenda, notes,
action items)."""

from reviews.services.checkins import (
    CheckInData,
    GoalReviewData,
    NextStepData,
    checkin_open,
    checkin_save,
    schedule_set,
)
from reviews.services.conversations import (
    ActionItemData,
    action_items_save,
    conversation_delete,
    conversation_prepare,
    conversation_save,
)

__all__ = [
    "ActionItemData",
    "action_items_save",
    "conversation_delete",
    "conversation_prepare",
    "conversation_save",
    "CheckInData",
    "GoalReviewData",
    "NextStepData",
    "checkin_open",
    "checkin_save",
    "schedule_set",
]
