"""Fixtures shared by every app's tests: the three people, services and the browser."""

from __future__ import annotations

import os
import re
import shutil
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, TestCase
from django.utils import translation

from careerapp.celery import app as celery_app
from careerapp.tests.factories import UserFactory
from careerapp.tests.smtp import SMTPSink

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IN_CI = os.environ.get("CI", "").lower() == "true"

# `make test` runs the suite in parallel processes (pytest-xdist). Each has its own test
# database already (pytest-django adds the worker's name); here each also gets its own Redis
# database for the cache, so one process's cache.clear() or rate-limit counts never reach
# another's. Tests that need a broker to themselves start a private redis-server.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _XDIST_WORKER and settings.REDIS_URL:
    _worker_db = 3 + int(re.sub(r"\D", "", _XDIST_WORKER) or 0)
    settings.REDIS_URL = re.sub(r"(/\d*)?$", f"/{_worker_db}", settings.REDIS_URL, count=1)
    settings.CACHES["default"]["LOCATION"] = settings.REDIS_URL
    settings.CELERY_BROKER_URL = settings.REDIS_URL
    celery_app.conf.broker_url = settings.REDIS_URL

# Playwright's sync API keeps an event loop running in the main thread from the first
# browser test on; Django would then refuse every ORM call the tests make. Test-only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _unavailable(reason: str) -> None:
    """Skip on a developer's machine without the service; in CI a missing service fails."""
    if IN_CI:
        pytest.fail(f"{reason} (CI must run this test, not skip it)")
    pytest.skip(reason)


@pytest.fixture
def wrk_binary() -> str:
    """Debian's wrk, which the web benchmark drives (.ci/run installs it)."""
    import shutil

    path = shutil.which("wrk")
    if path is None:
        _unavailable("needs Debian's wrk (apt-get install wrk)")
    return path


@pytest.fixture
def java_binary() -> str:
    """A Java runtime, which the Nu HTML Checker needs (.ci/run installs one)."""
    path = shutil.which("java")
    if path is None:
        _unavailable("needs a Java runtime (apt-get install default-jre-headless)")
    return path


@pytest.fixture(autouse=True)
def _clear_cache():
    # allauth's rate limits live in the cache; each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_unless_the_test_asks():
    # A request activates its language in the thread (LocaleMiddleware, the person's
    # setting) and a server leaves it for the next request to set; in tests the next
    # thing may be a factory, which would write a French request's language's columns.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _celery_runs_tasks_in_process():
    # Unit tests run tasks where they are sent; the worker tests turn this off and start
    # real worker processes.
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager = False


class CommittingClient(Client):
    """A test client whose requests end as real ones do: on_commit callbacks run.

    Tests run inside a transaction that never commits, so without this the work a view
    defers to commit time (enqueueing mail) would never happen.
    """

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def client():
    return CommittingClient()


@pytest.fixture
def smtp_sink():
    """A real SMTP server on loopback that keeps what it receives."""
    sink = SMTPSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def password() -> str:
    return "a-long-and-unusual-passphrase"


@pytest.fixture
def owner(db, password):
    return UserFactory(email="owner@example.com", password=password, display_name="Olivia")


@pytest.fixture
def other_user(db, password):
    return UserFactory(email="other@example.com", password=password, display_name="Oscar")


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def other_client(client, other_user):
    client.force_login(other_user)
    return client


@pytest.fixture
def anon_client(client):
    return client


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_url() -> str:
    url = settings.REDIS_URL
    if not url:
        _unavailable("REDIS_URL is not set; this test needs a real Redis server")
    parts = urlsplit(url)
    if not _reachable(parts.hostname or "127.0.0.1", parts.port or 6379):
        _unavailable(f"Redis at {url} does not answer")
    return url


@pytest.fixture
def redis_server():
    """A private redis-server on a free port, which a test may stop and start."""
    from careerapp.tests.weekly_harness import PrivateRedis

    if not shutil.which("redis-server"):
        _unavailable("redis-server is not installed; install Debian's redis-server")
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def postgres(db):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        _unavailable("DATABASE_URL does not point at PostgreSQL; this test needs it")


# --- Browser (pytest-playwright with Debian's Chromium) ------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing; install Debian's chromium package")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    path = Path(settings.BASE_DIR) / "var" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def live_url(live_server) -> str:
    return live_server.url


@pytest.fixture
def sign_in(live_url, password):
    """Sign a person in through the site's own sign-in page, as they would.

    ``sign_in(page, person)`` (a user, or an email) clears the page's cookies, signs in
    and waits for the dashboard's welcome; it returns the page.
    """
    from playwright.sync_api import expect

    def sign_in(page, person, *, password: str = password):
        page.context.clear_cookies()
        page.goto(f"{live_url}/accounts/login/")
        page.get_by_label("Email").fill(getattr(person, "email", person))
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign In").click()
        language = getattr(person, "language", "en")
        if language == "en":
            expect(page.get_by_role("heading", name=re.compile(r"^Welcome back"))).to_be_visible()
        else:  # the dashboard, in the person's language
            expect(page.locator(f'html[lang="{language}"] h1')).to_be_visible()
        return page

    return sign_in


def _load_shipped_content() -> None:
    from assessments import content as assessment_content
    from assessments.content.library import load_roles
    from assessments.models import (
        Instrument,
        LearningKind,
        LearningSuggestion,
        Option,
        Question,
        Role,
        RoleMove,
        RoleSkill,
        Track,
    )
    from goals import content as goal_content
    from goals.models import GoalTemplate, GoalTemplateTask
    from reviews import content as review_content
    from reviews.models import FeedbackPrompt, FeedbackPromptSet, ReflectionPrompt

    goal_content.load_goal_templates(GoalTemplate, GoalTemplateTask)
    assessment_content.load_instruments(Instrument, Question, Option)
    load_roles(
        Track,
        Role,
        RoleSkill,
        RoleMove,
        LearningSuggestion,
        Question,
        Instrument,
        LearningKind=LearningKind,
    )
    review_content.load_reflection_prompts(ReflectionPrompt)
    review_content.load_feedback_prompts(FeedbackPromptSet, FeedbackPrompt)


def _reload_after_flush(sender, **kwargs) -> None:
    # post_migrate goes out once per app after every flush; one app is enough.
    if sender.label == "goals":
        _load_shipped_content()


@pytest.fixture(autouse=True, scope="session")
def _shipped_content(django_db_setup, django_db_blocker):
    """Transactional tests empty the database when they end, shipped content included.

    Django's flush then sends post_migrate, and this loads the shipped content again (the
    loaders are idempotent), so every test - transactional or not, in whatever order pytest
    runs them - finds the goal templates, instruments and prompts that migrations put
    there. Django's serialized_rollback cannot do this here: once Playwright runs its event
    loop, Django hands out a new connection object without the serialized copy.
    """
    from django.db.models.signals import post_migrate

    post_migrate.connect(_reload_after_flush, dispatch_uid="tests-reload-shipped-content")
    yield
    post_migrate.disconnect(dispatch_uid="tests-reload-shipped-content")
