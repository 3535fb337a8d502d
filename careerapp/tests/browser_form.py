"""What a browser would send back for a rendered form, for view tests of edit forms."""

from __future__ import annotations

from django import forms

from careerapp.concurrency import raw_value


def sent_by_browser(bound_fields, **changes) -> dict[str, str]:
    """The rendered values of ``bound_fields`` (hidden ones included) with ``changes``
    (by field name as sent) on top; an unticked checkbox is not sent, as in a browser."""
    data = {}
    for bf in bound_fields:
        value = bf.value()
        if isinstance(bf.field.widget, forms.CheckboxInput):
            if value:
                data[bf.html_name] = "on"
            continue
        data[bf.html_name] = raw_value(value)
    data.update(changes)
    return data
