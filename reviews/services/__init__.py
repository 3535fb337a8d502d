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

__all__ = [
    "CheckInData",
    "GoalReviewData",
    "NextStepData",
    "checkin_open",
    "checkin_save",
    "schedule_set",
]
