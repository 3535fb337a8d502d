from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from careerapp import views

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("language/", views.language_set, name="language_set"),
    path("settings/", views.account_settings, name="account_settings"),
    path("settings/profile/", views.profile_update, name="account_profile_update"),
    path("settings/reminders/", views.reminders_update, name="account_reminders_update"),
    path("settings/delete/", views.account_delete, name="account_delete"),
    path("settings/data/export/", views.data_export, name="account_data_export"),
    path("settings/data/import/", views.data_import, name="account_data_import"),
    path("settings/reminders/pause/", views.reminders_pause, name="reminders_pause"),
    path("settings/reminders/preview/", views.reminders_preview, name="reminders_preview"),
    path("settings/calendar/on/", views.calendar_feed_create, name="calendar_feed_create"),
    path("settings/calendar/new/", views.calendar_feed_renew, name="calendar_feed_renew"),
    path("settings/calendar/off/", views.calendar_feed_revoke, name="calendar_feed_revoke"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path(
        "email/unsubscribe/<str:token>/", views.reminders_unsubscribe, name="reminders_unsubscribe"
    ),
    path("accounts/", include("allauth.urls")),
    path("goals/", include("goals.urls")),
    path("assessments/", include("assessments.urls")),
    path("reviews/", include("reviews.urls")),
    path("admin/", admin.site.urls),
]
