"""Results, comparisons and skill pages. (Being written; see assessments/views.py for taking.)"""

from django.http import Http404


def results(request, pk):
    raise Http404


def compare(request, slug):
    raise Http404


def skill_detail(request, key):
    raise Http404
