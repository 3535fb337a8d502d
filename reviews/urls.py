from django.urls import path

from reviews.views import checkins as views
from reviews.views import conversations

app_name = "reviews"

urlpatterns = [
    path("", views.index, name="index"),
    path("rhythm/", views.schedule_update, name="schedule"),
    path("now/", views.checkin_start, name="start"),
    path("checkins/<int:pk>/", views.checkin, name="checkin"),
    path("history/", views.history, name="history"),
    path("quarters/", views.quarter_current, name="quarter_current"),
    path("quarters/<int:year>/<int:quarter>/", views.quarter, name="quarter"),
    path("conversations/", conversations.conversation_list, name="conversations"),
    path(
        "conversations/prepare/",
        conversations.conversation_prepare,
        name="conversation_prepare",
    ),
    path("conversations/<int:pk>/", conversations.conversation, name="conversation"),
    path(
        "conversations/<int:pk>/print/",
        conversations.conversation_print,
        name="conversation_print",
    ),
    path(
        "conversations/<int:pk>/delete/",
        conversations.conversation_delete,
        name="conversation_delete",
    ),
]
