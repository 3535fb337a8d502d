from django.urls import path

from goals import views
from goals.views import decisions, learning

app_name = "goals"

urlpatterns = [
    path("", views.goal_list, name="list"),
    path("archive/", views.goal_archive, name="archive"),
    path("new/", views.goal_create, name="create"),
    path("timeline/", views.goal_timeline, name="timeline"),
    path("templates/", views.template_list, name="templates"),
    path("templates/<slug:slug>/start/", views.template_start, name="template_start"),
    path("decisions/", decisions.decision_list, name="decisions"),
    path("decisions/new/", decisions.decision_create, name="decision_create"),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision"),
    path("decisions/<int:pk>/edit/", decisions.decision_edit, name="decision_edit"),
    path("decisions/<int:pk>/scores/", decisions.decision_scores, name="decision_scores"),
    path("decisions/<int:pk>/decide/", decisions.decision_decide, name="decision_decide"),
    path("decisions/<int:pk>/reopen/", decisions.decision_reopen, name="decision_reopen"),
    path("decisions/<int:pk>/delete/", decisions.decision_delete, name="decision_delete"),
    path("plan/<slug:slug>/", decisions.role_plan, name="role_plan"),
    path("learning/", learning.learning_list, name="learning_list"),
    path("learning/new/", learning.learning_add, name="learning_add"),
    path("learning/<int:pk>/", learning.learning_detail, name="learning_detail"),
    path("learning/<int:pk>/edit/", learning.learning_edit, name="learning_edit"),
    path("learning/<int:pk>/status/", learning.learning_status, name="learning_status"),
    path("learning/<int:pk>/delete/", learning.learning_delete, name="learning_delete"),
    path("<int:pk>/", views.goal_detail, name="detail"),
    path("<int:pk>/edit/", views.goal_edit, name="edit"),
    path("<int:pk>/status/", views.goal_status, name="status"),
    path("<int:pk>/progress/", views.goal_progress, name="progress"),
    path("<int:pk>/move/", views.goal_move, name="move"),
    path("<int:pk>/delete/", views.goal_delete, name="delete"),
    path("<int:pk>/tasks/", views.task_add, name="task_add"),
    path("<int:pk>/tasks/bulk/", views.task_bulk_add, name="task_bulk_add"),
    path("<int:pk>/tasks/<int:task_pk>/toggle/", views.task_toggle, name="task_toggle"),
    path("<int:pk>/tasks/<int:task_pk>/edit/", views.task_edit, name="task_edit"),
    path("<int:pk>/tasks/<int:task_pk>/delete/", views.task_delete, name="task_delete"),
    path("<int:pk>/tasks/<int:task_pk>/move/", views.task_move, name="task_move"),
]
