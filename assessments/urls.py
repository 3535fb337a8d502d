from django.urls import path

from assessments import result_views, views

app_name = "assessments"

urlpatterns = [
    path("", views.index, name="index"),
    path("takes/<int:pk>/", views.take, name="take"),
    path("takes/<int:pk>/discard/", views.take_discard, name="take_discard"),
    path("takes/<int:pk>/results/", result_views.results, name="results"),
    path("skills/<str:key>/", result_views.skill_detail, name="skill"),
    path("skills/<str:key>/remove/", views.personal_skill_remove, name="personal_skill_remove"),
    path("<slug:slug>/", views.instrument, name="instrument"),
    path("<slug:slug>/start/", views.take_start, name="start"),
    path("<slug:slug>/compare/", result_views.compare, name="compare"),
    path("<slug:slug>/skills/", views.personal_skill_add, name="personal_skill_add"),
]
