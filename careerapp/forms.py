from typing import Any

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from careerapp.models import User
from careerapp.portability import load_document
from careerapp.timezones import canonical_zone_name, offered_zone_names


class SignupExtraForm(forms.Form):
    """Fields that allauth's sign-up form gains (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        required=False,
        help_text=_("Optional. How the app greets you; you can add or change it later."),
    )

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        # The language the sign-up page spoke: the footer's choice or the browser's.
        user.language = translation.get_language() or user.language
        user.save(update_fields=["display_name", "language"])


class TimeZoneInput(forms.TextInput):
    """A text box with the IANA zones as suggestions: searchable by typing, no JS needed."""

    template_name = "careerapp/widgets/time_zone.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["zones"] = offered_zone_names()
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs']['id']}-choices"
        return context


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "time_zone", "language"]
        widgets = {
            "time_zone": TimeZoneInput(
                attrs={"autocomplete": "off", "placeholder": _("Start typing, e.g. Europe/Berlin")}
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The name is optional here as at sign-up; the greeting does without one.
        self.fields["display_name"].required = False
        self.fields["display_name"].help_text = _("Optional. How the app greets you.")
        self.fields["time_zone"].required = True
        # A page from before the language came sends none: the language stays as it is.
        self.fields["language"].required = False

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or self.instance.language

    def clean_display_name(self) -> str:
        return self.cleaned_data["display_name"].strip()

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"]
        name = canonical_zone_name(value)
        if name is None:
            raise forms.ValidationError(
                _(
                    "“%(value)s” is not a time zone we know. Pick one from the list, such as "
                    "Europe/Berlin or America/New_York."
                ),
                code="unknown_time_zone",
                params={"value": value},
            )
        return name


HOUR_CHOICES = [(hour, f"{hour:02d}:00") for hour in range(24)]


class ReminderPreferencesForm(forms.ModelForm):
    reminder_hour = forms.TypedChoiceField(
        label=_("Time of day"),
        choices=HOUR_CHOICES,
        coerce=int,
        help_text=_("Your local time. The email arrives within a few minutes of the hour."),
    )

    class Meta:
        model = User
        fields = ["reminders_enabled", "reminder_weekday", "reminder_hour", "reminders_send_empty"]
        labels = {"reminder_weekday": _("Day of the week")}


PAUSE_WEEKS = (1, 2, 3, 4, 6, 8)


def pause_choices() -> list[tuple[int, str]]:
    """Built when a form is shown, in the language of the page (at import it would be
    the worker's English)."""
    return [(0, translation.gettext("Resume now"))] + [
        (weeks, translation.ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks})
        for weeks in PAUSE_WEEKS
    ]


class PauseForm(forms.Form):
    weeks = forms.TypedChoiceField(
        label=_("Pause the weekly email for"), choices=pause_choices, coerce=int
    )


class CalendarRenewForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that the current address stops working at once."),
        error_messages={
            "required": _("Tick the box to confirm: calendars using the old address stop updating.")
        },
    )


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my goals, assessments and check-ins are deleted for good."),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That password is not right. Your account has not been deleted."),
                code="wrong_password",
            )
        return password


class DataImportForm(forms.Form):
    file = forms.FileField(
        label=_("Export file"),
        help_text=_("The .json file from “Download my data”."),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self) -> Any:
        # The parsed document, not the upload: the view hands it straight to the import.
        return load_document(self.cleaned_data["file"])
