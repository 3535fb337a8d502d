"""Forms of my circle: inviting someone, choosing what they see, a comment."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Instrument, Take
from careerapp.concurrency import parse_version
from goals.models import Goal
from reviews.models import (
    CheckInSharing,
    CircleMember,
    CircleRole,
    Comment,
    ConversationCadence,
    GoalSharing,
    LinkLifetime,
)

BIGGEST_ID = 2**63 - 1  # the largest integer SQLite and PostgreSQL's bigint hold


class TickedRows(forms.ModelMultipleChoiceField):
    """Rows ticked by id; an id that is no number, or more than a database holds, is an
    invalid choice next to the field rather than a database error."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk)
            if not text.isdecimal() or len(text) > 19 or int(text) > BIGGEST_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class InviteForm(forms.ModelForm):
    class Meta:
        model = CircleMember
        fields = ["name", "email", "role", "label", "link_days", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.fields["link_days"].choices = LinkLifetime.choices
        self.fields["role"].choices = CircleRole.choices

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()  # EmailField has stripped and checked it
        if email == self.owner.email.lower():
            raise forms.ValidationError(_("That is your own address."))
        if CircleMember.objects.for_user(self.owner).filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Someone with this address is in your circle already."))
        return email


class SharingForm(forms.Form):
    """What one member sees. Nothing is checked by default."""

    goals_sharing = forms.ChoiceField(
        label=_("Goals"), choices=GoalSharing.choices, widget=forms.RadioSelect
    )
    goals = TickedRows(
        label=_("The goals to share"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("With “The goals I choose”: each with its steps and history."),
    )
    checkins_sharing = forms.ChoiceField(
        label=_("Check-ins"), choices=CheckInSharing.choices, widget=forms.RadioSelect
    )
    instruments = TickedRows(
        label=_("Results"),
        queryset=Instrument.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The latest results of each assessment you tick."),
    )
    share_quarters = forms.BooleanField(label=_("Quarterly summaries"), required=False)
    share_roles = forms.BooleanField(label=_("Target roles and my gaps"), required=False)
    share_decisions = forms.BooleanField(label=_("Decisions"), required=False)
    conversation_every = forms.ChoiceField(
        label=_("Career conversations"),
        choices=ConversationCadence.choices,
        help_text=_("Your weekly email reminds you when one is due."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    DATA_FIELDS = (
        "goals_sharing",
        "goals",
        "checkins_sharing",
        "instruments",
        "share_quarters",
        "share_roles",
        "share_decisions",
        "conversation_every",
    )

    @classmethod
    def refused(cls, data, *, member: CircleMember) -> SharingForm:
        """The choices just sent, against the row another tab saved meanwhile: shown again
        with the new version, so saving them once more is a deliberate overwrite."""
        data = data.copy()
        data["version"] = str(member.version)
        form = cls(data, member=member)
        form.is_valid()
        form.add_error(
            None,
            _(
                "These choices were changed in another tab since you opened this page, and "
                "yours were not saved. Check them below and save again to keep yours."
            ),
        )
        return form

    def __init__(self, *args, member: CircleMember, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "goals_sharing": member.goals_sharing,
                "goals": list(member.goals.all()),
                "checkins_sharing": member.checkins_sharing,
                "instruments": list(member.instruments.all()),
                "share_quarters": member.share_quarters,
                "share_roles": member.share_roles,
                "share_decisions": member.share_decisions,
                "conversation_every": member.conversation_every,
                "version": member.version,
            },
        )
        super().__init__(*args, **kwargs)
        owner = member.owner
        self.fields["goals"].queryset = Goal.objects.for_user(owner).order_by("title")
        taken = Take.objects.for_user(owner).completed().values("instrument")
        self.fields["instruments"].queryset = Instrument.objects.filter(pk__in=taken).order_by(
            "order", "pk"
        )
        if not self.fields["goals"].queryset.exists():
            self.fields["goals"].help_text = _("You have no goals yet.")
        if not self.fields["instruments"].queryset.exists():
            self.fields["instruments"].help_text = _(
                "Once you finish a self-assessment, its results can be shared here."
            )

    def clean(self):
        data = super().clean()
        if data.get("goals_sharing") == GoalSharing.CHOSEN and not data.get("goals"):
            if self.fields["goals"].queryset.exists():
                self.add_error("goals", _("Tick the goals to share, or choose “No goals”."))
            else:
                self.add_error("goals_sharing", _("You have no goals to choose from yet."))
        if data.get("goals_sharing") != GoalSharing.CHOSEN:
            data["goals"] = []
        return data

    def sent_version(self) -> int | None:
        return parse_version(self.data.get(self.add_prefix("version")))


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        labels = {"body": _("Your comment")}
        error_messages = {"body": {"required": _("Write something first.")}}

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something first."))
        return body
