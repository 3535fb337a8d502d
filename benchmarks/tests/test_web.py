"""The web benchmark's own parts: wrk's report, the verdicts, the bench views, the seed."""

from __future__ import annotations

import http.server
import io
import shutil
import socket
import threading

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse

from benchmarks import web, web_pages, web_report, web_seed, wrk
from benchmarks.web_report import PairResult
from benchmarks.wrk import Run, WrkError

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:40000/
  1 threads and 4 connections
  Latency Distribution
     50%    2.14ms
     99%   38.63ms
  3312 requests in 2.04s, 1.62MB read
Requests/sec:   1622.96
WRK_JSON {"requests": 3312, "duration_us": 2040722, "bytes": 1702368, "non200": 0, \
"last_non200": 0, "errors": {"connect": 0, "read": 0, "write": 0, "status": 0, \
"timeout": 0}, "latency_us": {"mean": 3568.0, "max": 72655, "p50": 2138, "p90": 5507, \
"p99": 38630}}
"""


def _run(**changes) -> Run:
    values = dict(
        requests=100, seconds=2.0, non200=0, last_non200=0, socket_errors=0, p50_ms=5, p99_ms=9
    )
    return Run(**{**values, **changes})


# --- wrk's report ---------------------------------------------------------------------------


def test_parse_wrk_reads_rate_and_latency_from_the_json_line():
    run = wrk.parse_wrk(WRK_OUTPUT)
    assert run.requests == 3312
    assert run.rate == pytest.approx(1622.96, abs=0.01)
    assert (run.p50_ms, run.p99_ms) == (2.138, 38.63)
    assert (run.non200, run.socket_errors) == (0, 0)


def test_parse_wrk_without_the_json_line_fails_with_the_output():
    with pytest.raises(WrkError, match="no WRK_JSON line"):
        wrk.parse_wrk("Running 5s test @ http://127.0.0.1:40000/\n")


def test_a_redirect_fails_the_run_and_says_the_cookie_did_not_sign_in():
    with pytest.raises(WrkError, match="the session cookie did not sign in"):
        wrk.check(_run(non200=40, last_non200=302), "/goals/ (large)")


def test_socket_errors_and_empty_runs_fail():
    with pytest.raises(WrkError, match="socket errors"):
        wrk.check(_run(socket_errors=3), "/")
    with pytest.raises(WrkError, match="no request completed"):
        wrk.check(_run(requests=0), "/")
    wrk.check(_run(), "/")  # a clean run passes


class _Handler(http.server.BaseHTTPRequestHandler):
    cookies: list[str] = []
    encodings: list[str] = []

    def do_GET(self):
        self.cookies.append(self.headers.get("Cookie", ""))
        self.encodings.append(self.headers.get("Accept-Encoding", ""))
        if self.path == "/ok":
            self.send_response(200)
        else:
            self.send_response(302)
            self.send_header("Location", "/accounts/login/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_wrk_report_lua_counts_non_200_responses_and_sends_cookie_and_encoding(wrk_binary):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        ok = wrk.wrk(f"{base}/ok", "sessionid=abc; csrftoken=def", connections=1, seconds=1)
        redirected = wrk.wrk(f"{base}/elsewhere", "", connections=1, seconds=1)
    finally:
        server.shutdown()
        server.server_close()
    assert ok.requests > 0
    assert ok.non200 == 0
    assert "sessionid=abc; csrftoken=def" in _Handler.cookies
    assert "gzip" in _Handler.encodings[0]
    assert redirected.non200 == redirected.requests > 0
    assert redirected.last_non200 == 302


@pytest.mark.parametrize("with_ss", [True, False])
def test_open_connections_counts_clients_until_they_are_closed(monkeypatch, with_ss):
    if not with_ss:
        monkeypatch.setattr(web.shutil, "which", lambda name: None)  # the /proc/net/tcp path
    elif shutil.which("ss") is None:
        pytest.skip("needs iproute2's ss")
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        assert web.open_connections(port) == 0
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _address = listener.accept()
        assert web.open_connections(port) == 1
        client.close()  # the server's side waits in CLOSE_WAIT until it closes too
        assert web.open_connections(port) == 1
        accepted.close()
        assert web.open_connections(port) == 0


# --- Ratios and verdicts --------------------------------------------------------------------


def test_median_and_spread_over_rounds():
    assert web_report.median_and_spread([0.9, 1.0, 0.8, 0.95, 0.85]) == (0.9, pytest.approx(1.25))
    assert web_report.median_and_spread([]) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("ratios", "goal", "expected"),
    [
        ([0.90, 0.92, 0.88], 0.85, "PASS"),
        ([0.80, 0.82, 0.81], 0.85, "MISS"),
        ([0.70, 0.90, 0.95], 0.85, "NOISY"),  # spread 1.36, rounds disagree
        ([0.02, 0.03, 0.05], 0.8, "MISS"),  # noisy, but every round misses
        ([0.90, 1.20, 1.00], 0.8, "PASS"),  # noisy, but every round passes
        ([0.20, 0.21], None, "info"),
        ([0.20, 0.30], None, "NOISY"),
    ],
)
def test_verdict(ratios, goal, expected):
    assert web_report.verdict(ratios, goal) == expected


def test_verdict_for_an_upper_bound():
    assert web_report.verdict([1.3, 1.4, 1.35], 2.0, at_most=True) == "PASS"
    assert web_report.verdict([2.3, 2.4, 2.35], 2.0, at_most=True) == "MISS"


def test_a_query_count_mismatch_is_a_miss_however_fast():
    result = PairResult("dashboard: large / small", 0.8, ratios=[1.0, 1.0], queries=(16, 15))
    assert result.verdict == "MISS"
    result.queries = (15, 15)
    assert result.verdict == "PASS"
    result.failure = "/ (large): 3 of 3 responses were not 200"
    assert result.verdict == "FAIL"


# --- The bench views and the bare handler ---------------------------------------------------


def _call(path: str) -> tuple[str, dict[str, str], bytes]:
    """One request straight through benchmarks.web_wsgi's application."""
    from benchmarks import web_wsgi

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
    }
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"], started["headers"] = status, dict(headers)

    # As Django's test client does: the handler would otherwise close the test's
    # database connection at the start and end of the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(web_wsgi.application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started["status"], started["headers"], body


@pytest.mark.urls("benchmarks.web_urls")
def test_empty_view_answers_signed_out_through_the_middleware(client):
    response = client.get(reverse("bench_empty"))
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.urls("benchmarks.web_urls")
def test_hello_sends_visitors_to_sign_in(client):
    response = client.get(reverse("bench_hello"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.urls("benchmarks.web_urls")
@pytest.mark.django_db
def test_hello_greets_the_signed_in_person_in_the_site_frame(owner_client, owner):
    response = owner_client.get(reverse("bench_hello"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Hello, {owner.email}" in page
    assert 'id="main"' in page  # base.html's frame, with the navigation
    assert reverse("goals:list") in page


@pytest.mark.urls("benchmarks.web_urls")
def test_bare_handler_runs_no_middleware_and_answers_the_same_body():
    bare_status, bare_headers, bare_body = _call("/bench/bare/")
    full_status, full_headers, full_body = _call("/bench/empty/")
    assert bare_status == full_status == "200 OK"
    assert bare_body == full_body == b""
    for header in ("X-Frame-Options", "Content-Security-Policy", "Vary", "Set-Cookie"):
        assert header not in bare_headers
    assert "X-Frame-Options" in full_headers
    assert "Content-Security-Policy" in full_headers


# --- The seed -------------------------------------------------------------------------------


def test_the_default_sizes_are_the_issues():
    large, small = web_seed.PEOPLE["large"], web_seed.PEOPLE["small"]
    assert (large.goals, large.goals * large.tasks_per_goal) == (1000, 10_000)
    assert (large.checkins, large.takes) == (200, 50)
    assert (small.goals, small.checkins, small.takes) == (1, 1, 1)


def test_the_year_person_is_the_large_ones_last_year():
    large, year = web_seed.PEOPLE["large"], web_seed.PEOPLE["year"]
    open_goals = round(large.goals * web_seed.OPEN_SHARE)
    assert year.open_goals == open_goals == 100  # the same goals in progress
    assert year.goals - open_goals == large.goals // 10  # a tenth of the closed ones
    assert year.tasks_per_goal == large.tasks_per_goal
    assert year.checkins == 26  # a year of fortnights
    assert (year.years, year.cadence) == (1, large.cadence)


def test_web_pairs_compare_the_large_person_with_its_last_year():
    pairs = {(pair.a, pair.b): pair for pair in web.PAIRS}
    for name in ("dashboard", "goals", "timeline", "history"):
        pair = pairs[(f"{name}-large", f"{name}-year")]
        assert pair.goal is None  # reported, not judged: the issue's goal is large / small
        assert web.ENDPOINTS[pair.b].who == "year"


@pytest.mark.slow
@pytest.mark.urls("benchmarks.web_urls")
@pytest.mark.django_db
def test_seed_builds_the_promised_people_and_is_idempotent(client):
    from assessments.models import Take
    from careerapp import dashboard
    from goals.models import Goal, LearningItem, Task
    from reviews.access import link_token
    from reviews.models import CheckIn, CircleMember, Comment, GoalReview, Reflection, Win

    sizes = {
        "small": web_seed.SMALL,
        "large": web_seed.Size(goals=40, tasks_per_goal=10, checkins=12, takes=9),
        "year": web_seed.Size(goals=10, tasks_per_goal=10, checkins=5, takes=2, open_goals=6),
    }
    web_seed.seed(sizes)
    users = web_seed.seed(sizes)  # a second run rebuilds, it does not add
    for key, size in sizes.items():
        user = users[key]
        goals = Goal.objects.for_user(user)
        assert goals.count() == size.goals
        assert Task.objects.for_user(user).count() == size.goals * size.tasks_per_goal
        assert CheckIn.objects.for_user(user).submitted().count() == size.checkins
        assert Take.objects.for_user(user).completed().count() == size.takes
        assert all(item.done for item in dashboard.checklist_for(user))
        assert goals.open().exists()
        assert user.check_password(web_seed.PASSWORD)
        client.force_login(user)
        for name in ("home", "goals:list", "goals:timeline", "reviews:history", "bench_hello"):
            assert client.get(reverse(name)).status_code == 200, name
        # What the newer parts store, and every weekly page, the mentor's link among them.
        mentor = CircleMember.objects.get(owner=user)
        assert mentor.goals_sharing == "all"
        assert Win.objects.filter(user=user).exists()
        assert LearningItem.objects.filter(user=user).exists()
        assert Comment.objects.filter(owner=user).exists()
        for label, path in web_pages.paths(user.email, link_token(mentor)):
            assert client.get(path).status_code == 200, (key, label, path)
    large = users["large"]
    assert Goal.objects.for_user(large).open().count() == 4  # 10%
    assert Goal.objects.for_user(large).closed().count() == 36
    assert GoalReview.objects.filter(checkin__user=large).exists()
    assert Reflection.objects.filter(checkin__user=large).exists()
    assert Take.objects.for_user(large).filter(answers__isnull=False).distinct().count() == 9
    assert Goal.objects.for_user(users["year"]).open().count() == 6  # open_goals, not 10%


def test_every_weekly_page_of_the_large_person_is_paired_with_the_dashboard():
    pairs = {(pair.a, pair.b): pair for pair in web.PAIRS}
    for label, _path in web_pages.WEEKLY[1:]:  # all but the dashboard itself
        pair = pairs[(f"{web.WEEKLY[label]}-large", "dashboard-large")]
        assert pair.goal == 0.5, label
        assert web.ENDPOINTS[pair.a].path == dict(web_pages.WEEKLY)[label]
    for name in ("goal", "quarter", "results"):  # large / small: reported
        pair = pairs[(f"{name}-large", f"{name}-small")]
        assert (pair.goal, pair.page) == (None, None)
    middleware = pairs[("empty", "bare")]
    assert middleware.goal is None  # reported, no longer judged
