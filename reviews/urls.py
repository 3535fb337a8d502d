from django.urls import path

from reviews.views import checkins as views
from reviews.views import feedback

app_name = "reviews"

urlpatterns = [
    path("", views.index, name="index"),
    path("rhythm/", views.schedule_update, name="schedule"),
    path("now/", views.checkin_start, name="start"),
    path("checkins/<int:pk>/", views.checkin, name="checkin"),
    path("history/", views.history, name="history"),
    path("quarters/", views.quarter_current, name="quarter_current"),
    path("quarters/<int:year>/<int:quarter>/", views.quarter, name="quarter"),
    path("feedback/", feedback.feedback_list, name="feedback_list"),
    path("feedback/new/", feedback.feedback_create, name="feedback_create"),
    path("feedback/strengths/", feedback.feedback_strengths, name="feedback_strengths"),
    path("feedback/<int:pk>/", feedback.feedback_detail, name="feedback_detail"),
    path("feedback/<int:pk>/withdraw/", feedback.feedback_withdraw, name="feedback_withdraw"),
    path("f/thanks/", feedback.feedback_thanks, name="feedback_thanks"),
    path("f/<str:token>/", feedback.feedback_give, name="feedback_give"),
]
