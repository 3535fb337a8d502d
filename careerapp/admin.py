from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from modeltranslation.translator import translator

from careerapp import content, services
from careerapp.models import ReminderDelivery, User


@login_not_required
def admin_login(request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
    """The admin has no sign-in form of its own: everyone comes through the site's.

    One door to guard: allauth's page carries the lockout after failed attempts
    (ACCOUNT_RATE_LIMITS), which Django's admin login does not have.
    """
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    next_url = next_url or reverse("admin:index")
    if not request.user.is_authenticated:
        return redirect_to_login(next_url, login_url=reverse("account_login"))
    if request.user.is_active and request.user.is_staff:
        return redirect(next_url)
    # Signed in, but not an admin: say so, instead of sending them round in a loop.
    return render(request, "careerapp/admin_refused.html", status=403)


# Replaces the admin's own login view (the URL name admin:login stays).
admin.site.login = admin_login


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


# --- Shipped content in several languages (django-modeltranslation) -------------------


def _translated_fields(model) -> list[str]:
    return list(translator.get_options_for_model(model).fields)


def _missing_languages(obj) -> list[str]:
    """The languages (names) in which some text of ``obj`` that has an English version
    has none of its own and reads in English."""
    fields = _translated_fields(type(obj))
    return [
        str(name)
        for code, name in settings.LANGUAGES
        if code != content.SOURCE_LANGUAGE
        and any(
            getattr(obj, f"{field}_{content.SOURCE_LANGUAGE}")
            and not getattr(obj, f"{field}_{code}")
            for field in fields
        )
    ]


class MissingTranslationFilter(admin.SimpleListFilter):
    """The rows with a text not translated into a language yet (read in English there)."""

    title = _("translation missing")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [
            (code, name) for code, name in settings.LANGUAGES if code in content.other_languages()
        ]

    def queryset(self, request, queryset):
        code = self.value()
        if code not in dict(settings.LANGUAGES) or code == content.SOURCE_LANGUAGE:
            return queryset
        missing = Q()
        for field in _translated_fields(queryset.model):
            source = f"{field}_{content.SOURCE_LANGUAGE}"
            missing |= (
                Q(**{f"{source}__isnull": False})
                & ~Q(**{source: ""})
                & (Q(**{f"{field}_{code}__isnull": True}) | Q(**{f"{field}_{code}": ""}))
            )
        return queryset.filter(missing)


class SideBySide:
    """``name_en, name_fr, name_es`` (which modeltranslation lists one under the other) on
    one row of the form, so an admin translates with the English beside them."""

    class Media:
        css = {"all": ["css/admin-translations.css"]}

    def get_fieldsets(self, request, obj=None):
        return [
            (name, {**options, "fields": self._side_by_side(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def _side_by_side(self, fields) -> list:
        languages = [code for code, _name in settings.LANGUAGES]
        translated = set(_translated_fields(self.model))
        rows, seen = [], set()
        for field in fields:
            if isinstance(field, str):
                base, _sep, code = field.rpartition("_")
                if base in translated and code in languages:
                    if base not in seen:
                        seen.add(base)
                        rows.append(tuple(f"{base}_{code}" for code in languages))
                    continue
            rows.append(field)
        return rows


class TranslatedStackedInline(SideBySide, TranslationStackedInline):
    """An inline of shipped content in several languages, each text's on one row."""


class TranslatedContentAdmin(SideBySide, TranslationAdmin):
    """An admin of shipped content kept in several languages: each text's English, French
    and Spanish on one row, side by side; a column and a filter for what is not
    translated yet (it reads in English meanwhile)."""

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translations_missing")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingTranslationFilter)

    @admin.display(description=_("translation missing"))
    def translations_missing(self, obj) -> str:
        return ", ".join(_missing_languages(obj)) or "—"
