"""Choosing skills in another app's form (a learning item, a win): the skill questions as
checkboxes under their section's heading, in the order the self-assessment asks them, so
forty skills read as a handful of short lists."""

from __future__ import annotations

from itertools import groupby

from django import forms
from django.forms.models import ModelChoiceIterator


class BySection(ModelChoiceIterator):
    """(heading, [(value, label), ...]) per section: a form widget shows each group under
    its heading. One query, as a plain list of choices would be."""

    def __iter__(self):
        questions = self.queryset.select_related("instrument").order_by(
            "instrument__order", "instrument_id", "order", "pk"
        )
        for _key, group in groupby(questions, key=lambda q: (q.instrument_id, q.section)):
            group = list(group)
            heading = group[0].section or group[0].instrument.name
            yield heading, [self.choice(question) for question in group]


class SkillChoices(forms.ModelMultipleChoiceField):
    """Skill questions as checkboxes, grouped by section (``BySection``)."""

    iterator = BySection
    widget = forms.CheckboxSelectMultiple
