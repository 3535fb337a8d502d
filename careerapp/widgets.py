"""Form widgets the apps share."""

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker, with the value in the ISO form it expects."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
