from django.urls import path

from reviews import report_views, views

app_name = "reviews"

urlpatterns = [
    path("", views.index, name="index"),
    path("rhythm/", views.schedule_update, name="schedule"),
    path("now/", views.checkin_start, name="start"),
    path("checkins/<int:pk>/", views.checkin, name="checkin"),
    path("history/", report_views.history, name="history"),
    path("quarters/", report_views.quarter_current, name="quarter_current"),
    path("quarters/<int:year>/<int:quarter>/", report_views.quarter, name="quarter"),
]
