"""Every route needs a signed-in person, except an explicit, reasoned list of public ones."""

import re

import pytest
from django.contrib.auth.views import redirect_to_login
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

SHARED_PAGES = ("home", "section", "item", "checkin", "quarter", "comment_add")

# Public on purpose. Each entry: url name -> why a visitor may see it.
PUBLIC = {
    "home": "the landing page for visitors (the dashboard once signed in)",
    "healthz": "load balancers and monitors probe it without an account",
    "language_set": "the footer's language switcher: a visitor chooses the language too",
    "account_login": "signing in",
    "account_signup": "creating an account",
    "account_reset_password": "asking for a reset link",
    "account_reset_password_done": "the page after asking for a reset link",
    "account_reset_password_from_key": "the link in the reset email",
    "account_reset_password_from_key_done": "the page after a reset",
    "account_confirm_email": "the link in the verification email",
    "account_email_verification_sent": "the page after signing up",
    "account_inactive": "tells a disabled account why it cannot sign in",
    "account_logout": "signing out must work whatever the session's state",
    "account_login_code_confirm": "allauth's login-by-code step (not enabled)",
    "account_confirm_login_code": "allauth's login-by-code step (not enabled)",
    "account_request_login_code": "allauth's login-by-code step (not enabled)",
    "account_reauthenticate": "allauth decides itself",
    "reminders_unsubscribe": "one-click unsubscribe (RFC 8058): a signed token, no login",
    "calendar_feed": "a calendar app fetches the private feed without a session: the secret "
    "address is the credential (only its hash is stored)",
    **{
        f"reviews:link:{name}": "a circle member's secret link: the link is the credential"
        for name in SHARED_PAGES
    },
    # The same views serve "Shared with me" and the owner's preview: they check the
    # signed-in person themselves and answer a visitor 404 (reviews' access matrix).
    **{f"reviews:account:{name}": "shared with me: checked in the view" for name in SHARED_PAGES},
    **{
        f"reviews:preview:{name}": "the owner's preview: checked in the view"
        for name in SHARED_PAGES
    },
    "reviews:feedback_give": "the giver of feedback has no account: the secret link is the key",
    "reviews:feedback_thanks": "the giver's thank-you page, after answering without an account",
}


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), namespace, entry


REGEX_SAMPLES = ("1", "q1", "p1", "sample")


def _sample_path(route: str) -> str:
    """A concrete path for a route pattern, with made-up values for its parameters."""

    def sample(match: re.Match) -> str:
        pattern = re.compile(match.group(1))
        return next((value for value in REGEX_SAMPLES if pattern.fullmatch(value)), "sample")

    path = route.replace("^", "").replace("$", "").replace("\\Z", "")
    path = re.sub(r"\(\?P<\w+>([^)]*)\)", sample, path)
    path = re.sub(r"<int:\w+>", "1", path)
    path = re.sub(r"<uuid:\w+>", "00000000-0000-0000-0000-000000000001", path)
    path = re.sub(r"<(?:\w+:)?\w+>", "sample", path)
    path = path.replace("\\", "")
    return "/" + path.replace("(?:", "").replace(")?", "").replace("?", "")


def all_routes():
    return list(_walk(get_resolver().url_patterns))


def test_public_views_are_exactly_the_allow_list():
    public = set()
    for _route, namespace, pattern in all_routes():
        name = f"{namespace}{pattern.name}" if pattern.name else None
        if namespace.startswith("admin:") or name is None:
            continue
        if getattr(pattern.callback, "login_required", True) is False:
            public.add(name)
    unexpected = public - set(PUBLIC)
    assert unexpected == set(), f"public without a reason in PUBLIC: {sorted(unexpected)}"
    assert {"home", "healthz", "account_login", "account_signup"} <= public


@pytest.mark.parametrize(
    ("route", "name"),
    [
        (route, f"{namespace}{pattern.name}")
        for route, namespace, pattern in all_routes()
        if getattr(pattern.callback, "login_required", True) is not False
    ],
)
def test_every_other_route_sends_a_visitor_to_sign_in(anon_client, route, name):
    path = _sample_path(route)
    response = anon_client.get(path)
    assert response.status_code in {301, 302}, (name, path, response.status_code)
    location = response["Location"]
    to_site_login = redirect_to_login(path)["Location"]
    if name.startswith("admin:"):
        # The admin's own pages may send a visitor to its login page instead.
        assert location == to_site_login or location.startswith(reverse("admin:login")), location
    else:
        assert location == to_site_login, (name, location)
