"""Rate limits of the pages a secret link opens without an account (a feedback request, a
circle member's link), by client address, with django-ratelimit; the calendar feed's, by
its address (``address_limited``).

A view is decorated with ``limit_shared_link`` and answers ``too_many_requests(request)``
when ``request.limited``: a guessed or leaked link cannot be hammered, and a person who
opens the page a few times is never refused. django_ratelimit stays out of
INSTALLED_APPS: its system check rejects the LocMemCache that development runs on, and
the decorator needs nothing else of it.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit


def shared_link_rate(group: str, request: HttpRequest) -> str:
    # Read on each request, so a test (or a settings override) changes it at once.
    return settings.SHARED_LINK_RATE


def limit_shared_link(view):
    """Count every request to ``view`` (GET and POST alike) per client address; set
    ``request.limited`` once over ``settings.SHARED_LINK_RATE``, without refusing."""
    return ratelimit(key="ip", rate=shared_link_rate, method=ratelimit.ALL, block=False)(view)


def link_limited(request: HttpRequest, group: str = "shared-link") -> bool:
    """The same count for views that serve a secret link and signed-in people alike: only
    the link's requests are counted, and True once over ``settings.SHARED_LINK_RATE``."""
    return is_ratelimited(
        request, group=group, key="ip", rate=shared_link_rate, method=ALL, increment=True
    )


def address_limited(request: HttpRequest, address: str, group: str = "calendar-feed") -> bool:
    """The same count per secret address (``address``: the token's hash, never the token)
    instead of per client: a calendar service fetches many people's feeds from a few
    shared machines, so counting by client would refuse everyone behind it. True once one
    address is fetched more than ``settings.SHARED_LINK_RATE``."""
    return is_ratelimited(
        request,
        group=group,
        key=lambda _group, _request: address,
        rate=shared_link_rate,
        method=ALL,
        increment=True,
    )


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return render(request, "429.html", status=429)


def client_ip(request: HttpRequest) -> str:
    """Behind one proxy (DJANGO_BEHIND_PROXY): the address it appended to
    X-Forwarded-For, which a client cannot forge; else the connection's address."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    last = forwarded.rsplit(",", 1)[-1].strip()
    return last or request.META["REMOTE_ADDR"]
