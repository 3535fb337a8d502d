"""A production-like Career Compass server on loopback, for the web benchmarks.

    from benchmarks.webserver import running_server

    with running_server() as server:
        url = server.base_url + "/"                   # http://127.0.0.1:<port>/
        cookie = server.cookie_header("large")        # "sessionid=...; csrftoken=..."

``running_server`` prepares everything in this process, then serves with gunicorn:

1. Its own PostgreSQL database ``careercompass_webbench`` (created if missing, migrated)
   and Redis DB index 13; the dev and test databases are never touched. A PostgreSQL
   advisory lock keeps two runs from reseeding each other's data.
2. Production settings (``benchmarks.web_settings``: the site's settings plus the bench
   views), ``DJANGO_DEBUG=false``, a fresh secret key, ``.env`` ignored; only the HTTPS
   redirect is off, as the benchmark talks plain HTTP over loopback.
3. The people of ``benchmarks.web_seed`` (small, large, year), kept between runs;
   reseeded on ``reseed``, when ``kept_seed.SEED_VERSION`` or the sizes change, on a new day (the
   seed's dates are relative to today), or when something wrote to the seeded rows since
   (``SEEDED_TABLES``).
4. ``collectstatic`` into ``var/static`` (the settings' STATIC_ROOT), as a deployment does.
5. gunicorn with sync workers (one per core by default) on a free port, access log off.
6. A fresh session per person, created here with the server's secret key, and checked
   against the server (the dashboard answers 200, not a redirect to sign in).

On leaving the block (also on Ctrl-C or SIGTERM) gunicorn is stopped. If it fails to start
or dies, its log is printed and kept.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.machine import stop_group

BASE_DIR = Path(__file__).resolve().parent.parent
DB_NAME = "careercompass_webbench"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
REDIS_URL = "redis://127.0.0.1:6379/13"  # dev and tests use /0, the email benchmark /14
LOCK_KEY = 7_411_927  # PostgreSQL advisory lock: one web benchmark at a time
SETTINGS_MODULE = "benchmarks.web_settings"
# One per process: sessions made here must verify in gunicorn, also on a second server.
SECRET_KEY = secrets.token_urlsafe(48)


@dataclass
class Person:
    email: str
    password: str
    session_cookie: str  # value of the `sessionid` cookie, already signed in
    link: str = ""  # the token of their mentor's secret link (reviews:link:home)


@dataclass
class Server:
    base_url: str  # e.g. "http://127.0.0.1:PORT"
    people: dict[str, Person]  # keys "small" and "large"
    csrf_cookie: str = field(default="", repr=False)
    log: Path | None = None  # gunicorn's log, while the server runs
    ids: dict[str, dict] = field(default_factory=dict)  # per person: benchmarks.web_pages.ids

    def cookie_header(self, who: str) -> str:
        """The Cookie header value that signs ``who`` in, for wrk, curl or a browser."""
        person = self.people[who]
        return f"sessionid={person.session_cookie}; csrftoken={self.csrf_cookie}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- Database, settings and seed ----------------------------------------------------------


def environment(port: int, db_name: str = DB_NAME, redis_url: str = REDIS_URL) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "DJANGO_ENV_FILE": "",  # never .env: production reads the real environment only
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{db_name}",
        "REDIS_URL": redis_url,
        "EMAIL_URL": "memorymail://",  # nothing leaves the machine
        "LOG_LEVEL": "warning",
        # wrk opens a mentor's secret link from one address hundreds of times a second:
        # still counted, never refused.
        "SHARED_LINK_RATE": "100000000/m",
    }


def lock_database(db_name: str = DB_NAME):
    """Create the database if missing, and hold the advisory lock on a connection of our
    own (Django closes its connections when it likes, which would drop the lock)."""
    import psycopg2
    from psycopg2 import sql

    admin = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db_name])
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db_name)))
    admin.close()
    lock = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname=db_name)
    lock.autocommit = True
    with lock.cursor() as cur:
        cur.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
        if not cur.fetchone()[0]:
            lock.close()
            raise SystemExit(f"Another web benchmark is using {db_name}; try again when it ends.")
    return lock


def _setup_django(db_name: str = DB_NAME) -> None:
    import django
    from django.conf import settings

    if settings.configured:
        name = settings.DATABASES["default"]["NAME"]
        if name != db_name or not settings.ROOT_URLCONF.startswith("benchmarks."):
            raise RuntimeError(
                "Django is already set up with other settings; running_server() must "
                "configure this process itself (call it before anything touches Django)."
            )
    django.setup()


def sign_in(people: dict[str, str]) -> dict[str, Person]:
    """A session per person, as django.contrib.auth.login() would store it, and their
    mentor's link under this run's secret key."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.models import Session

    from benchmarks import web_seed
    from careerapp import tokens
    from careerapp.models import User
    from reviews.access import LINK_PURPOSE, link_token
    from reviews.models import CircleMember

    Session.objects.all().delete()  # the bench database's sessions are all ours
    store = import_module(settings.SESSION_ENGINE).SessionStore
    signed_in = {}
    for key, email in people.items():
        user = User.objects.get(email=email)
        session = store()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        mentor = CircleMember.objects.filter(owner=user).order_by("pk").first()
        link = ""
        if mentor:
            digest = tokens.token_hash(tokens.token_for(mentor.link_salt, purpose=LINK_PURPOSE))
            CircleMember.objects.filter(pk=mentor.pk).update(token_hash=digest)
            link = link_token(mentor)
        signed_in[key] = Person(email, web_seed.PASSWORD, session.session_key, link)
    return signed_in


def prepare(
    *, reseed: bool = False, db_name: str = DB_NAME, crowd: int = 0, static: bool = True
) -> list[str]:
    """Migrate, seed (beside a crowd of ``crowd`` people) and collect static files in this
    process (settings already in the environment). Returns what it did, for the output."""
    from django.core.management import call_command

    from benchmarks import kept_seed

    _setup_django(db_name)
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    done = [kept_seed.ensure_crowd(crowd)] if crowd else []
    done.append(kept_seed.ensure_seed(reseed))
    collect = time.perf_counter()
    if static:
        call_command("collectstatic", verbosity=0, interactive=False)
    done.append(
        f"migrate and seed {collect - started:.0f} s, collectstatic "
        f"{time.perf_counter() - collect:.0f} s"
    )
    return done


# --- gunicorn ---------------------------------------------------------------------------------


class Gunicorn:
    def __init__(
        self, port: int, workers: int, logs: Path, *, tree: Path = BASE_DIR, env=None
    ) -> None:
        """gunicorn serving the checkout in ``tree`` (another commit's, for
        ``benchmarks.compare``) with this environment's settings and database."""
        self.port = port
        self.log = logs / f"gunicorn-{port}.log"
        gunicorn = Path(sys.executable).with_name("gunicorn")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own app, fixed arguments
                [str(gunicorn), "benchmarks.web_wsgi:application"]
                + ["--worker-class=sync", f"--workers={workers}", f"--bind=127.0.0.1:{port}"]
                + ["--graceful-timeout=10", "--log-level=warning", "--error-logfile=-"],
                cwd=tree,
                env={**os.environ, **(env or {})},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own group: stop() takes the workers too
            )

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def wait_ready(self, timeout: float = 60) -> None:
        url = f"http://127.0.0.1:{self.port}/healthz"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer {url}; its log ({self.log}):\n{self.tail()}")

    def stop(self) -> None:
        """Graceful (workers finish their request); the whole group if that hangs."""
        stop_group(self.process)


def fetch(url: str, cookie: str = "") -> tuple[int, str]:
    """GET without following redirects: (status, the body, or the Location of a redirect)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


@contextmanager
def _stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind like Ctrl-C, so gunicorn is stopped on the way out."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def running_server(*, workers: int | None = None, reseed: bool = False) -> Iterator[Server]:
    """Serve Career Compass as in production on 127.0.0.1, with the benchmark's people signed in."""
    from benchmarks import web_pages, web_seed

    port = free_port()
    os.environ.update(environment(port))
    keep_logs = False
    server = None
    with _stop_on_signals():
        lock = lock_database()
        logs = Path(tempfile.mkdtemp(prefix="cc-webbench-"))
        try:
            for line in prepare(reseed=reseed):
                print(f"{line}.", flush=True)
            people = sign_in({key: web_seed.email_of(key) for key in web_seed.PEOPLE})
            workers = workers or os.cpu_count() or 1
            server = Gunicorn(port, workers, logs)
            server.wait_ready()
            result = Server(
                base_url=f"http://127.0.0.1:{port}",
                people=people,
                csrf_cookie=secrets.token_hex(16),  # 32 characters, as Django's own
                log=server.log,
                ids={
                    key: web_pages.ids(person.email, person.link) for key, person in people.items()
                },
            )
            for key, person in people.items():
                # A page only signed-in people see (the dashboard's address shows the
                # landing page to visitors, with a 200 too).
                status, text = fetch(result.base_url + "/bench/hello/", result.cookie_header(key))
                if status != 200 or f"Hello, {person.email}" not in text:
                    raise RuntimeError(
                        f"The {key} person's session does not sign in: /bench/hello/ answered "
                        f"{status} {text[:200]}. gunicorn's log ({server.log}):\n{server.tail()}"
                    )
            print(f"gunicorn: {workers} sync workers on {result.base_url}", flush=True)
            yield result
            if server.process.poll() is not None:
                keep_logs = True
                print(f"gunicorn exited early; its log ({server.log}):\n{server.tail()}")
        except Exception:
            keep_logs = server is not None
            raise
        finally:
            if server is not None:
                server.stop()
            lock.close()
            if keep_logs:
                print(f"gunicorn's log is kept in {logs}", file=sys.stderr)
            else:
                shutil.rmtree(logs, ignore_errors=True)
