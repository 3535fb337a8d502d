"""Forms for career conversations: choosing whom to prepare one with, and the
conversation's page (its agenda, dates and notes, and its action items), which saves as
one form and carries the conversation's version (``careerapp.concurrency``)."""

from __future__ import annotations

import copy
import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from careerapp import concurrency
from careerapp.widgets import DateInput
from goals.models import Goal
from reviews.models import ActionItem, CircleMember, Conversation
from reviews.services.conversations import CONVERSATION_FIELDS, ActionItemData

NEW_ROWS = 3  # blank action rows on the page
ITEM_PREFIX = re.compile(r"^action-(\d+)-text$")
NEW_PREFIX = re.compile(r"^new-(\d+)-")
ITEM_FIELDS = ("text", "goal", "due_date", "done")
MAX_NEW_ROWS = 20  # a refusal may move rows removed meanwhile into new ones


class PrepareForm(forms.Form):
    member = forms.TypedChoiceField(
        label=_("With"),
        coerce=int,
        error_messages={"invalid_choice": _("Choose someone in your circle.")},
    )

    def __init__(self, *args, members: list[CircleMember], **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {member.pk: member for member in members}
        self.fields["member"].choices = [("", _("Choose a person…"))] + [
            (member.pk, member.name) for member in members
        ]

    def clean_member(self) -> CircleMember:
        return self.members[self.cleaned_data["member"]]


class ConversationForm(forms.ModelForm):
    class Meta:
        model = Conversation
        fields = list(CONVERSATION_FIELDS)
        widgets = {
            "agenda": forms.Textarea(attrs={"rows": 14}),
            "notes": forms.Textarea(attrs={"rows": 8}),
            "planned_for": DateInput(),
            "held_on": DateInput(),
        }
        help_texts = {
            "agenda": _("Plain text: a line per point. Edit it freely; it is yours."),
            "notes": _("What you talked about, for you. Never shared."),
            "held_on": _("Once it has happened. The next agenda starts from here."),
        }

    def __init__(self, *args, today: datetime.date, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_held_on(self) -> datetime.date | None:
        held = self.cleaned_data["held_on"]
        if held and held > self.today:
            raise forms.ValidationError(
                _(
                    "A conversation cannot have happened later than today; set the planned "
                    "date instead."
                ),
                code="future",
            )
        return held


class ActionItemForm(forms.Form):
    text = forms.CharField(label=_("Action"), max_length=200, required=False)
    goal = forms.TypedChoiceField(
        label=_("Step on the goal"),
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Choose one of your goals, or none.")},
    )
    due_date = forms.DateField(label=_("Due"), required=False, widget=DateInput())
    done = forms.BooleanField(label=_("Done"), required=False)
    remove = forms.BooleanField(label=_("Remove"), required=False)

    def __init__(self, *args, goals: list[Goal], item: ActionItem | None = None, **kwargs):
        self.item = item
        self.goals = {goal.pk: goal for goal in goals}
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [("", _("No goal"))] + [(g.pk, g.title) for g in goals]
        if item is None:
            del self.fields["remove"]

    def clean(self):
        cleaned = super().clean()
        removing = cleaned.get("remove")
        if not cleaned.get("text", "").strip() and not removing:
            if self.item is not None:
                self.add_error("text", _("Write the action, or tick Remove."))
            elif cleaned.get("goal") or cleaned.get("due_date") or cleaned.get("done"):
                self.add_error("text", _("Write the action this goal or date is for."))
        return cleaned

    @property
    def is_blank(self) -> bool:
        return self.item is None and not self.cleaned_data.get("text", "").strip()

    def row_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ITEM_FIELDS]


def _item_initial(item: ActionItem) -> dict:
    return {
        "text": item.text,
        "goal": item.goal_id,
        "due_date": item.due_date,
        "done": item.is_done,
    }


class ConversationPage:
    """The conversation's form and one form per action item (prefix ``action-<id>``),
    plus blank rows to add some (``new-<n>``), validated and saved together."""

    def __init__(
        self,
        data=None,
        *,
        conversation: Conversation,
        items: list[ActionItem],
        goals: list[Goal],
        today: datetime.date,
    ):
        self.data = data
        self.conversation = conversation
        self.version = conversation.version
        self.non_field_errors: list[str] = []
        # A copy: validating a bound ModelForm writes its values onto the instance.
        self.form = ConversationForm(data, instance=copy.copy(conversation), today=today)
        self.item_forms = [
            ActionItemForm(
                data,
                prefix=f"action-{item.pk}",
                goals=goals,
                item=item,
                initial=_item_initial(item),
            )
            for item in items
        ]
        self.new_forms = [
            ActionItemForm(data, prefix=f"new-{n}", goals=goals)
            for n in range(self._new_rows(data))
        ]

    @staticmethod
    def _new_rows(data) -> int:
        sent = {int(m.group(1)) for key in (data or {}) if (m := NEW_PREFIX.match(key))}
        return min(MAX_NEW_ROWS, max([NEW_ROWS, *(n + 1 for n in sent)]))

    def action_forms(self) -> list[ActionItemForm]:
        return [*self.item_forms, *self.new_forms]

    def is_valid(self) -> bool:
        return all([self.form.is_valid(), *(f.is_valid() for f in self.action_forms())])

    # --- What to write -------------------------------------------------------------

    def changes(self) -> dict:
        """The conversation's fields the person changed on this page."""
        changed = concurrency.changed_by_person(self._own_fields(), self._loaded())
        return {bf.name: self.form.cleaned_data[bf.name] for bf in changed}

    def action_data(self) -> list[ActionItemData]:
        rows = []
        for form in self.item_forms:
            changed = concurrency.changed_by_person(form.row_fields(), self._loaded())
            if changed or form.cleaned_data["remove"]:
                rows.append(_row_data(form, frozenset(bf.name for bf in changed)))
        rows += [_row_data(form) for form in self.new_forms if not form.is_blank]
        return rows

    def needs_saving(self) -> bool:
        stale = self.base_version() not in (None, self.version)
        return stale or bool(self.changes()) or bool(self.action_data())

    # --- Concurrent edits: one version and one snapshot for the whole page ------------

    def _own_fields(self) -> list[forms.BoundField]:
        return [self.form[name] for name in CONVERSATION_FIELDS]

    def row_fields(self) -> list[forms.BoundField]:
        return [*self._own_fields(), *(bf for f in self.item_forms for bf in f.row_fields())]

    def snapshot(self) -> str:
        return concurrency.snapshot(self.row_fields())

    def _sent(self, name: str) -> str | None:
        return None if self.data is None else self.data.get(name)

    def _loaded(self) -> dict[str, str] | None:
        return concurrency.parse_snapshot(self._sent(concurrency.LOADED_FIELD))

    def version_value(self):
        return self.version if self.data is None else self._sent(concurrency.VERSION_FIELD)

    def loaded_value(self) -> str:
        return self.snapshot() if self.data is None else self._sent(concurrency.LOADED_FIELD) or ""

    def base_version(self) -> int | None:
        sent = concurrency.parse_version(self._sent(concurrency.VERSION_FIELD))
        if self.removed_meanwhile():
            return sent  # rows this page sent are gone: never saved over silently
        return concurrency.base_version(
            sent=sent,
            current=self.version,
            bound_fields=self.row_fields(),
            loaded=self._loaded(),
        )

    def removed_meanwhile(self) -> list[tuple[str, dict]]:
        """Rows sent for action items that no longer exist (removed in another tab): their
        prefix and typed values."""
        known = {item.item.pk for item in self.item_forms}
        gone = sorted(int(m.group(1)) for key in (self.data or {}) if (m := ITEM_PREFIX.match(key)))
        return [
            (f"action-{pk}", {n: self.data.get(f"action-{pk}-{n}", "") for n in ITEM_FIELDS})
            for pk in gone
            if pk not in known
        ]

    def rebased_data(self):
        """For the refusal of a stale save: what the person typed, the current values
        elsewhere, the current version and snapshot; rows typed for items removed
        meanwhile come back as new rows, so nothing typed is lost."""
        changed = concurrency.changed_by_person(self.row_fields(), self._loaded())
        typed = {bf.html_name for bf in changed}
        data = concurrency.rebase_data(
            self.data,
            prefix_version=concurrency.VERSION_FIELD,
            prefix_loaded=concurrency.LOADED_FIELD,
            version=self.version,
            loaded=self.snapshot(),
            untouched=[bf for bf in self.row_fields() if bf.html_name not in typed],
        )
        free = [
            f.prefix for f in self.new_forms if not (f.data.get(f.add_prefix("text")) or "").strip()
        ]
        next_row = len(self.new_forms)
        for _prefix, values in self.removed_meanwhile():
            if values.get("text", "").strip() == "" and not free:
                continue
            if free:
                prefix = free.pop(0)
            else:
                prefix, next_row = f"new-{next_row}", next_row + 1
            for name, value in values.items():
                if value:
                    data[f"{prefix}-{name}"] = value
        return data

    def conflict_messages(self) -> list[str]:
        names = {}
        for form in self.item_forms:
            for bf in form.row_fields():
                names[bf.html_name] = f"{form.item.text}: {bf.label}"
        changed = concurrency.changed_meanwhile(self.row_fields(), self._loaded())
        lines = concurrency.conflict_messages(
            changed, labels=lambda bf: names.get(bf.html_name, bf.label)
        )
        for _prefix, values in self.removed_meanwhile():
            lines.append(
                str(
                    _("“%(text)s” was removed in another tab; it is below as a new action.")
                    % {"text": values.get("text", "")}
                )
            )
        return lines


def _row_data(form: ActionItemForm, changed: frozenset[str] = frozenset()) -> ActionItemData:
    cleaned = form.cleaned_data
    goal_pk = cleaned.get("goal")
    return ActionItemData(
        text=cleaned["text"].strip(),
        goal=form.goals.get(goal_pk) if goal_pk else None,
        due_date=cleaned.get("due_date"),
        done=bool(cleaned.get("done")),
        item=form.item,
        remove=bool(cleaned.get("remove")),
        changed=changed if form.item is not None else frozenset(ITEM_FIELDS),
    )
