from django.urls import path

from goals import views

app_name = "goals"

urlpatterns = [
    path("", views.goal_list, name="list"),
    path("archive/", views.goal_archive, name="archive"),
    path("new/", views.goal_create, name="create"),
    path("timeline/", views.goal_timeline, name="timeline"),
    path("templates/", views.template_list, name="templates"),
    path("templates/<slug:slug>/start/", views.template_start, name="template_start"),
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
