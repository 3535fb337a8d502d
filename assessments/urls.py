from django.urls import path, re_path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.index, name="index"),
    # Before "<slug:slug>/": an instrument may not take the slug "explore".
    path("explore/", views.explore, name="explore"),
    path("explore/tracks/<slug:slug>/", views.track, name="track"),
    path("explore/roles/<slug:slug>/", views.role, name="role"),
    path("explore/paths/", views.paths, name="paths"),
    path("takes/<int:pk>/", views.take, name="take"),
    path("takes/<int:pk>/discard/", views.take_discard, name="take_discard"),
    path("takes/<int:pk>/results/", views.results, name="results"),
    # Keys are q<question id> or p<own skill id>; the strict pattern keeps "skills/start/"
    # free for an instrument whose slug is "skills".
    re_path(r"^skills/(?P<key>[qp]\d+)/$", views.skill_detail, name="skill"),
    re_path(
        r"^skills/(?P<key>p\d+)/remove/$", views.personal_skill_remove, name="personal_skill_remove"
    ),
    # Me and the roles.
    path("explore/compare/", views.roles_compare, name="roles_compare"),
    path("explore/current-role/", views.current_role, name="current_role"),
    path("explore/roles/<slug:slug>/compare/", views.role_compare, name="role_compare"),
    path("explore/roles/<slug:slug>/target/", views.target, name="target"),
    path("explore/targets/<int:pk>/remove/", views.target_remove, name="target_remove"),
    path("<slug:slug>/", views.instrument, name="instrument"),
    path("<slug:slug>/start/", views.take_start, name="start"),
    path("<slug:slug>/compare/", views.compare, name="compare"),
    path("<slug:slug>/skills/", views.personal_skill_add, name="personal_skill_add"),
]
