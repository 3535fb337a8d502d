from django.urls import path

from reviews.views import checkins as views

app_name = "reviews"

urlpatterns = [
    path("", views.index, name="index"),
    path("rhythm/", views.schedule_update, name="schedule"),
    path("now/", views.checkin_start, name="start"),
    path("checkins/<int:pk>/", views.checkin, name="checkin"),
    path("history/", views.history, name="history"),
    path("quarters/", views.quarter_current, name="quarter_current"),
    path("quarters/<int:year>/<int:quarter>/", views.quarter, name="quarter"),
]
