from django.urls import include, path

from reviews.views import checkins as views
from reviews.views import circle, conversations, feedback, shared, wins

app_name = "reviews"

# What a circle member sees, under three prefixes (reviews.access): their secret link
# ("link"), "Shared with me" when signed in ("account"), and the owner's preview of it
# ("preview"). The same views serve all three; the prefix names the viewer.
shared_patterns = [
    path("", shared.home, name="home"),
    path("checkins/<int:pk>/", shared.checkin, name="checkin"),
    path("quarters/<int:year>/<int:quarter>/", shared.quarter, name="quarter"),
    path("comments/<slug:kind>/<int:pk>/", shared.comment_add, name="comment_add"),
    path("<slug:key>/", shared.page, name="section"),
    path("<slug:key>/<int:pk>/", shared.page, name="item"),
]

urlpatterns = [
    path("", views.index, name="index"),
    path("rhythm/", views.schedule_update, name="schedule"),
    path("now/", views.checkin_start, name="start"),
    path("checkins/<int:pk>/", views.checkin, name="checkin"),
    path("history/", views.history, name="history"),
    path("quarters/", views.quarter_current, name="quarter_current"),
    path("quarters/<int:year>/<int:quarter>/", views.quarter, name="quarter"),
    # My circle
    path("circle/", circle.circle_index, name="circle"),
    path("circle/invite/", circle.member_invite, name="circle_invite"),
    path("circle/<int:pk>/", circle.member_detail, name="circle_member"),
    path("circle/<int:pk>/sharing/", circle.member_sharing, name="circle_sharing"),
    path("circle/<int:pk>/renew/", circle.member_renew, name="circle_renew"),
    path("circle/<int:pk>/new-link/", circle.member_new_link, name="circle_new_link"),
    path("circle/<int:pk>/revoke/", circle.member_revoke, name="circle_revoke"),
    path("circle/<int:pk>/remove/", circle.member_remove, name="circle_remove"),
    path("comments/<int:pk>/reply/", circle.comment_reply, name="comment_reply"),
    path("comments/<int:pk>/delete/", circle.comment_delete, name="comment_delete"),
    path("circle/<str:preview>/preview/", include((shared_patterns, "preview"))),
    # Shared with me
    path("shared-with-me/", shared.with_me, name="shared_with_me"),
    path("shared-with-me/<str:member>/", include((shared_patterns, "account"))),
    path("s/<str:link>/", include((shared_patterns, "link"))),
    path("feedback/", feedback.feedback_list, name="feedback_list"),
    path("feedback/new/", feedback.feedback_create, name="feedback_create"),
    path("feedback/strengths/", feedback.feedback_strengths, name="feedback_strengths"),
    path("feedback/<int:pk>/", feedback.feedback_detail, name="feedback_detail"),
    path("feedback/<int:pk>/withdraw/", feedback.feedback_withdraw, name="feedback_withdraw"),
    path("f/thanks/", feedback.feedback_thanks, name="feedback_thanks"),
    path("f/<str:token>/", feedback.feedback_give, name="feedback_give"),
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
    # The wins journal and the brag document
    path("wins/", wins.win_list, name="win_list"),
    path("wins/add/", wins.win_add, name="win_add"),
    path("wins/<int:pk>/", wins.win_edit, name="win_edit"),
    path("wins/<int:pk>/delete/", wins.win_delete, name="win_delete"),
    path("brag/", wins.brag, name="brag"),
    path("brag/markdown/", wins.brag_markdown, name="brag_markdown"),
]
