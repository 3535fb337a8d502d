"""Links to many objects of one route."""

from __future__ import annotations

from django.urls import reverse


class PkUrl:
    """``reverse(name, args=[pk])`` for many pks at the cost of one ``reverse``: a panel
    or a list links each of its rows, and reversing each costs more than the row."""

    PLACEHOLDER = 2147483647  # a number the route's fixed parts do not contain

    def __init__(self, name: str) -> None:
        self.prefix, _number, self.suffix = reverse(name, args=[self.PLACEHOLDER]).partition(
            str(self.PLACEHOLDER)
        )

    def __call__(self, pk: int) -> str:
        return f"{self.prefix}{int(pk)}{self.suffix}"
