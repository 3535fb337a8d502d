"""Reviews' writes: ``checkins`` (rhythm and check-ins), ``circle`` (members, what they
see, comments), ``feedback`` (requests and answers), ``conversations`` (agenda, notes,
action items), ``wins`` (the wins journal)."""

from reviews.services.checkins import (
    CheckInData,
    GoalReviewData,
    NextStepData,
    checkin_open,
    checkin_save,
    schedule_set,
)
from reviews.services.circle import (
    SharingData,
    comment_add,
    comment_delete,
    comment_reply,
    comments_mark_emailed,
    member_invite,
    member_new_link,
    member_remove,
    member_renew,
    member_revoke,
    member_sharing_set,
)
from reviews.services.conversations import (
    ActionItemData,
    action_items_save,
    conversation_delete,
    conversation_prepare,
    conversation_save,
)
from reviews.services.feedback import (
    FeedbackAnswerData,
    feedback_answer_submit,
    feedback_request_create,
    feedback_request_withdraw,
)
from reviews.services.wins import WinData, win_create, win_delete, win_update

__all__ = [
    "SharingData",
    "comment_add",
    "comment_delete",
    "comment_reply",
    "comments_mark_emailed",
    "member_invite",
    "member_new_link",
    "member_remove",
    "member_renew",
    "member_revoke",
    "member_sharing_set",
    "ActionItemData",
    "action_items_save",
    "conversation_delete",
    "conversation_prepare",
    "conversation_save",
    "CheckInData",
    "FeedbackAnswerData",
    "GoalReviewData",
    "NextStepData",
    "checkin_open",
    "checkin_save",
    "feedback_answer_submit",
    "feedback_request_create",
    "feedback_request_withdraw",
    "schedule_set",
    "WinData",
    "win_create",
    "win_delete",
    "win_update",
]
