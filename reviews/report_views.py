"""History, trends and the quarterly summary. (Being written.)"""

from django.http import Http404


def history(request):
    raise Http404


def quarter_current(request):
    raise Http404


def quarter(request, year, quarter):
    raise Http404
