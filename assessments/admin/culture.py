"""The admins' view of a career culture check: anonymous totals per question, on a page and
as a CSV download, for a period they choose.

What must stay true: both show numbers only when ``MIN_PEOPLE`` people or more completed
the check in the period (``assessments.queries.culture``), never one person's answers,
never who answered and never a written answer. Only an instrument of the culture kind has
totals; every other instrument's answers are people's own, and a 404 here.
"""

from __future__ import annotations

import csv

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments import queries
from assessments.admin.forms import CulturePeriodForm
from assessments.models import LEVELS, Instrument, InstrumentKind

DOWNLOAD_REFUSED = gettext_lazy(
    "No download: fewer than %(min)d people completed this check in the period, so there "
    "are no totals to give without risking someone's anonymity."
)
WRONG_PERIOD = gettext_lazy("No download: the period is not valid. Correct the dates first.")


class CultureTotalsMixin:
    """For the Instrument admin: the totals page, its CSV, and the links to them."""

    def culture_urls(self) -> list:
        name = f"{self.opts.app_label}_{self.opts.model_name}_culture"
        page = self.admin_site.admin_view(self.culture_view)
        download = self.admin_site.admin_view(self.culture_csv_view)
        return [
            path("<path:object_id>/culture/csv/", download, name=f"{name}_csv"),
            path("<path:object_id>/culture/", page, name=name),
        ]

    @admin.display(description=gettext_lazy("anonymous totals"))
    def culture_link(self, instrument: Instrument) -> str:
        template = "admin/assessments/instrument/includes/_culture_link.html"
        return render_to_string(template, {"instrument": instrument})

    def _culture_instrument(self, request: HttpRequest, object_id: str) -> Instrument:
        # The permission first: without it, nobody learns which instruments exist.
        if not self.has_view_permission(request):
            raise PermissionDenied
        instrument = self.get_object(request, unquote(object_id))
        if instrument is None or instrument.kind != InstrumentKind.CULTURE:
            raise Http404
        return instrument

    def culture_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        instrument = self._culture_instrument(request, object_id)
        form = CulturePeriodForm.from_query(request.GET)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": instrument,
            "title": _("Anonymous totals: %(name)s") % {"name": instrument.name},
            "form": form,
            "totals": queries.culture_totals(instrument, form.period) if form.period else None,
            "min_people": queries.MIN_PEOPLE,
            "levels": LEVELS,
        }
        return TemplateResponse(request, "admin/assessments/instrument/culture.html", context)

    def culture_csv_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        instrument = self._culture_instrument(request, object_id)
        form = CulturePeriodForm.from_query(request.GET)
        totals = queries.culture_totals(instrument, form.period) if form.period else None
        if totals is None or not totals.enough:
            # Refused, back on the page for the same period, which says why.
            refusal = WRONG_PERIOD if totals is None else DOWNLOAD_REFUSED
            self.message_user(request, refusal % {"min": queries.MIN_PEOPLE}, messages.ERROR)
            name = f"admin:{self.opts.app_label}_{self.opts.model_name}_culture"
            page = reverse(name, args=[instrument.pk])
            query = request.GET.urlencode()
            return HttpResponseRedirect(f"{page}?{query}" if query else page)
        period = totals.period
        filename = f"{instrument.slug}-{period.start:%Y-%m-%d}-to-{period.end:%Y-%m-%d}.csv"
        response = HttpResponse(
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
        csv.writer(response).writerows(csv_rows(totals))
        return response


def csv_rows(totals: queries.CultureTotals) -> list[list]:
    """The page's table, one row per question; blanks where the page shows no number."""
    header = [_("Section"), _("Question"), _("Type"), _("Answers"), _("Mean")]
    rows = [header + [str(level) for level in LEVELS]]
    for line in totals.questions:
        question = line.question
        mean = "" if line.mean is None else f"{line.mean:.2f}"
        counts = list(line.counts) or [""] * len(LEVELS)
        rows.append(
            [question.section, question.prompt, question.get_type_display(), line.answered, mean]
            + counts
        )
    return rows
