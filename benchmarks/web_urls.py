"""The site's URLs plus three pages that only the web benchmark asks for.

- ``bench/empty/``: an empty response through the full middleware stack, signed out.
- ``bench/bare/``: the same view; ``benchmarks.web_wsgi`` sends it to a handler without
  middleware, so the pair measures what the middleware costs.
- ``bench/hello/``: the page frame a signed-in person gets on every page (session, user,
  navigation, ``base.html``) around one line, and nothing else.
"""

from functools import cache

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from careerapp.urls import urlpatterns as site_urlpatterns

HELLO = """{% extends "base.html" %}
{% block head_title %}Hello{% endblock head_title %}
{% block content %}<h1 class="h3">Hello, {{ user }}</h1>{% endblock content %}
"""


@login_not_required
def empty(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"")


@cache
def _hello_template():
    return engines["django"].from_string(HELLO)


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_hello_template().render({}, request))


urlpatterns = [
    *site_urlpatterns,
    path("bench/empty/", empty, name="bench_empty"),
    path("bench/bare/", empty, name="bench_bare"),
    path("bench/hello/", hello, name="bench_hello"),
]
