"""The goals app's forms: ``goals`` (goals, steps, filters) and ``decisions``."""

from goals.forms.goals import (
    SORTS,
    ZOOM_CHOICES,
    GoalFilterForm,
    GoalForm,
    GoalProgressForm,
    GoalStatusForm,
    LenientFilterForm,
    MoveForm,
    TaskBulkForm,
    TaskDoneForm,
    TaskForm,
    TimelineFilterForm,
)
from goals.forms.learning import LearningFilterForm, LearningItemForm, LearningStatusForm

__all__ = [
    "LearningFilterForm",
    "LearningItemForm",
    "LearningStatusForm",
    "GoalFilterForm",
    "GoalForm",
    "GoalProgressForm",
    "GoalStatusForm",
    "LenientFilterForm",
    "MoveForm",
    "SORTS",
    "TaskBulkForm",
    "TaskDoneForm",
    "TaskForm",
    "TimelineFilterForm",
    "ZOOM_CHOICES",
]
