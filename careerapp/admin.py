from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from careerapp import services
from careerapp.models import ReminderDelivery, User


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"])
        clash = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another account already uses this email address."))
        return email


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ("email",)
    list_display = (
        "email",
        "display_name",
        "time_zone",
        "reminders_enabled",
        "is_active",
        "is_staff",
        "date_joined",
        "last_login",
    )
    list_filter = ("is_active", "is_staff", "is_superuser", "reminders_enabled", "reminder_weekday")
    search_fields = ("email", "display_name")
    readonly_fields = (
        "date_joined",
        "last_login",
        "reminder_preferences_set_at",
        "next_reminder_at",
    )
    actions = ["send_weekly_email_now"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("display_name", "time_zone")}),
        (
            _("Weekly email"),
            {
                "fields": (
                    "reminders_enabled",
                    "reminder_weekday",
                    "reminder_hour",
                    "reminders_send_empty",
                    "reminders_paused_until",
                    "next_reminder_at",
                    "reminder_preferences_set_at",
                )
            },
        ),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )

    @admin.action(description=_("Send this week's email now"))
    def send_weekly_email_now(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        services.reminders_send_preview(user_ids=ids)
        self.message_user(
            request,
            ngettext(
                "This week's email is on its way to %(count)d person.",
                "This week's email is on its way to %(count)d people.",
                len(ids),
            )
            % {"count": len(ids)},
            messages.SUCCESS,
        )


@admin.register(ReminderDelivery)
class ReminderDeliveryAdmin(admin.ModelAdmin):
    """The weekly emails: when, to whom, and what happened. Never their content."""

    list_display = ("user", "week", "scheduled_for", "status", "attempts", "sent_at", "short_error")
    list_filter = ("status", "week")
    search_fields = ("user__email",)
    date_hierarchy = "week"
    list_select_related = ("user",)
    readonly_fields = [field.name for field in ReminderDelivery._meta.fields]
    actions = ["resend"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("last error"))
    def short_error(self, obj: ReminderDelivery) -> str:
        return obj.last_error[:80]

    @admin.action(description=_("Send again"), permissions=["view"])
    def resend(self, request, queryset):
        count = services.reminders_resend(delivery_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d email will be sent again.", "%(count)d emails will be sent again.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
