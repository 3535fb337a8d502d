"""The goals app's models, one module each with its QuerySet: ``goal``, ``task``,
``change`` (a goal's history), ``template`` (goal templates), ``decision``, ``learning``
(the learning log); ``choices`` holds the
vocabularies and ``dates`` the day boundaries their queries share."""

from goals.models.change import GoalChange, GoalChangeQuerySet
from goals.models.choices import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    STATUS_TRANSITIONS,
    TITLE_MAX_LENGTH,
    Category,
    ChangeKind,
    Horizon,
    Status,
)
from goals.models.dates import done_in_q, local_midnight
from goals.models.decision import (
    MAX_CRITERIA,
    MAX_OPTIONS,
    MIN_OPTIONS,
    Decision,
    DecisionChange,
    DecisionCriterion,
    DecisionOption,
    DecisionQuerySet,
    DecisionScore,
    DecisionStatus,
)
from goals.models.goal import Goal, GoalQuerySet
from goals.models.learning import (
    EXPIRING_DAYS,
    LearningItem,
    LearningItemQuerySet,
    LearningStatus,
)
from goals.models.task import Task, TaskQuerySet
from goals.models.template import GoalTemplate, GoalTemplateQuerySet, GoalTemplateTask

__all__ = [
    "MAX_CRITERIA",
    "MAX_OPTIONS",
    "MIN_OPTIONS",
    "CLOSED_STATUSES",
    "EXPIRING_DAYS",
    "OPEN_STATUSES",
    "STATUS_TRANSITIONS",
    "TITLE_MAX_LENGTH",
    "Category",
    "ChangeKind",
    "Decision",
    "DecisionChange",
    "DecisionCriterion",
    "DecisionOption",
    "DecisionQuerySet",
    "DecisionScore",
    "DecisionStatus",
    "Goal",
    "GoalChange",
    "GoalChangeQuerySet",
    "GoalQuerySet",
    "GoalTemplate",
    "GoalTemplateQuerySet",
    "GoalTemplateTask",
    "Horizon",
    "LearningItem",
    "LearningItemQuerySet",
    "LearningStatus",
    "Status",
    "Task",
    "TaskQuerySet",
    "done_in_q",
    "local_midnight",
]
