"""Asking for feedback (the owner's form) and giving it (the giver's form, no account)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from assessments.models import Question
from reviews.models import CircleMember, FeedbackPrompt, FeedbackPromptKind, FeedbackPromptSet
from reviews.services import FeedbackAnswerData


class FeedbackRequestForm(forms.Form):
    """Someone of my circle, or a name and an address; a prompt set; a few words."""

    member = forms.ModelChoiceField(
        label=_("Someone in your circle"),
        queryset=CircleMember.objects.none(),
        required=False,
        empty_label=_("Someone else: type their name and email below"),
    )
    name = forms.CharField(label=_("Their name"), max_length=120, required=False)
    email = forms.EmailField(label=_("Their email"), required=False)
    prompt_set = forms.ModelChoiceField(
        label=_("Questions"),
        queryset=FeedbackPromptSet.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the questions to ask."),
            "invalid_choice": _("Choose one of the question sets offered."),
        },
    )
    message = forms.CharField(
        label=_("A few words of your own (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Shown in the email and above the questions, for example why you are asking now."
        ),
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = CircleMember.objects.for_user(owner).filter(
            revoked_at__isnull=True
        )
        self.fields["prompt_set"].queryset = FeedbackPromptSet.objects.active()

    def clean(self) -> dict:
        cleaned = super().clean()
        member = cleaned.get("member")
        if member is not None:
            cleaned["name"], cleaned["email"] = member.name, member.email
            return cleaned
        if not cleaned.get("name") and "name" not in self.errors:
            self.add_error("name", _("Type their name, or choose someone from your circle."))
        if not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email", _("Type their email address, or choose someone from your circle.")
            )
        return cleaned


class FeedbackAnswerForm(forms.Form):
    """One field per question of the request's set: a text box, or checkboxes over the
    strengths list with at most the question's ``max_picks``. Any question may be skipped,
    not all of them."""

    def __init__(
        self, *args, prompts: list[FeedbackPrompt], strengths: list[Question], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.prompts = prompts
        choices = [(question.pk, question.prompt) for question in strengths]
        for prompt in prompts:
            if prompt.kind == FeedbackPromptKind.STRENGTHS:
                field = forms.TypedMultipleChoiceField(
                    coerce=int,
                    choices=choices,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    error_messages={"invalid_choice": _("Pick from the statements listed.")},
                )
            else:
                field = forms.CharField(
                    required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
                )
            field.label, field.help_text = prompt.text, prompt.help_text
            self.fields[self.field_name(prompt)] = field

    @staticmethod
    def field_name(prompt: FeedbackPrompt) -> str:
        return f"prompt_{prompt.pk}"

    def clean(self) -> dict:
        cleaned = super().clean()
        for prompt in self.prompts:
            name = self.field_name(prompt)
            if prompt.kind != FeedbackPromptKind.STRENGTHS or name not in cleaned:
                continue
            # A statement ticked twice (a crafted request) counts once.
            picks = cleaned[name] = list(dict.fromkeys(cleaned[name]))
            if len(picks) > prompt.max_picks:
                message = ngettext(
                    "Pick at most %(count)d statement.",
                    "Pick at most %(count)d statements.",
                    prompt.max_picks,
                ) % {"count": prompt.max_picks}
                self.add_error(name, message)
        if not self.errors and not any(cleaned.get(self.field_name(p)) for p in self.prompts):
            raise forms.ValidationError(
                _("Answer at least one question before sending."), code="empty"
            )
        return cleaned

    def answers(self) -> list[FeedbackAnswerData]:
        answers = []
        for prompt in self.prompts:
            value = self.cleaned_data.get(self.field_name(prompt))
            if prompt.kind == FeedbackPromptKind.STRENGTHS:
                answers.append(FeedbackAnswerData(prompt=prompt, picks=tuple(value or ())))
            else:
                answers.append(FeedbackAnswerData(prompt=prompt, text=value or ""))
        return answers
