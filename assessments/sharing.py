"""What the assessments app offers a person's circle (``careerapp.sharing``): the results
of an instrument and the target roles, listed and shown read-only.

Each function reads only the owner's rows (``for_user``), so an id from a link that is
not the owner's is a 404; each reads a fixed number of queries however many takes,
answers or roles there are (pinned in ``assessments/tests/test_sharing.py``).
"""

from __future__ import annotations

from collections.abc import Collection

from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from assessments import charts, queries
from assessments.models import Instrument, Take, TargetRole
from careerapp.sharing import Shareable, SharedItem, SharedPage


def result_items(owner, pks: Collection[int] | None) -> list[SharedItem]:
    """One item per instrument ``pks`` names (None: all) that the owner has completed,
    with the day of the latest take: one query."""
    instruments = Instrument.objects.with_last_completed(owner).filter(
        last_completed_at__isnull=False
    )
    if pks is not None:
        instruments = instruments.filter(pk__in=pks)
    return [
        SharedItem(instrument.pk, instrument.name, _taken_on(instrument.last_completed_at))
        for instrument in instruments
    ]


def _taken_on(moment) -> str:
    return _("Taken on %(date)s") % {
        "date": date_format(charts.local_date(moment), gettext("j F Y"))
    }


def result_page(owner, instrument_pk: int | None) -> SharedPage:
    """The latest completed take of the instrument, read-only: skills, strengths, gaps,
    every answer and what changed since the take before (three queries)."""
    if instrument_pk is None:
        raise Http404
    take = (
        Take.objects.for_user(owner)
        .completed()
        .filter(instrument_id=instrument_pk)
        .select_related("instrument")
        .latest_first()
        .first()
    )
    if take is None:
        raise Http404
    return SharedPage(
        "assessments/includes/_shared_results.html",
        queries.take_results(take),
        take.instrument.name,
        target=take,
    )


def role_items(owner, pks: Collection[int] | None) -> list[SharedItem]:
    """The target roles as one item, when there are any: one query."""
    count = TargetRole.objects.for_user(owner).offered().count()
    if not count:
        return []
    detail = ngettext("%(count)s role", "%(count)s roles", count) % {"count": count}
    return [SharedItem(None, _("Target roles"), detail)]


def role_page(owner, pk: int | None) -> SharedPage:
    """The target roles by status, each measured against the owner's latest levels, read-only
    (two queries; one without targets)."""
    if pk is not None:
        raise Http404
    context = {"groups": queries.target_groups(owner)}
    return SharedPage("assessments/includes/_shared_roles.html", context, _("Target roles"))


RESULTS = Shareable(
    key="results",
    label=gettext_lazy("Results"),
    items=result_items,
    page=result_page,
    order=20,
)
ROLES = Shareable(
    key="roles",
    label=gettext_lazy("Target roles"),
    items=role_items,
    page=role_page,
    order=30,
)
