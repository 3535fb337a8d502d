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
   reseeded on ``reseed``, when ``SEED_VERSION`` or the sizes change, on a new day (the
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

import datetime
import hashlib
import json
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
SEED_VERSION = 3  # bump when benchmarks/web_seed.py changes what it builds
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


def _environment(port: int, db_name: str = DB_NAME, redis_url: str = REDIS_URL) -> dict[str, str]:
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


def _lock(db_name: str = DB_NAME):
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


# Every table that holds the benchmark people's data, and how its rows belong to them
# (``%(people)s``: their ids). A benchmark part that writes (the page weight autosaves a
# check-in and a self-assessment) changes one, and the seed is rebuilt: a draft check-in
# on one side only would change what the large person's pages show. Their mentor's link
# is left out: each run gives it a hash under the run's own secret key (``_sign_in``).
_GOALS = "goal_id IN (SELECT id FROM goals_goal WHERE user_id = ANY(%(people)s))"
_CHECKINS = "checkin_id IN (SELECT id FROM reviews_checkin WHERE user_id = ANY(%(people)s))"
SEEDED_TABLES = {
    "careerapp_user": "id = ANY(%(people)s)",
    "goals_goal": "user_id = ANY(%(people)s)",
    "goals_task": _GOALS,
    "goals_goalchange": _GOALS,
    "goals_learningitem": "user_id = ANY(%(people)s)",
    "reviews_schedule": "user_id = ANY(%(people)s)",
    "reviews_checkin": "user_id = ANY(%(people)s)",
    "reviews_goalreview": _CHECKINS,
    "reviews_reflection": _CHECKINS,
    "reviews_nextstep": _CHECKINS,
    "reviews_comment": "owner_id = ANY(%(people)s)",
    "reviews_win": "user_id = ANY(%(people)s)",
    "assessments_take": "user_id = ANY(%(people)s)",
    "assessments_answer": "take_id IN (SELECT id FROM assessments_take"
    " WHERE user_id = ANY(%(people)s))",
    "assessments_personalskill": "user_id = ANY(%(people)s)",
    "assessments_currentrole": "user_id = ANY(%(people)s)",
    "assessments_targetrole": "user_id = ANY(%(people)s)",
}


def _fingerprint() -> str:
    """A digest of the benchmark people's rows (a few milliseconds, crowd or not)."""
    from django.db import connection

    from benchmarks import web_seed
    from careerapp.models import User

    emails = [web_seed.email_of(key) for key in web_seed.PEOPLE]
    people = list(User.objects.filter(email__in=emails).values_list("pk", flat=True))
    digest = hashlib.sha256()
    with connection.cursor() as cur:
        for table, theirs in SEEDED_TABLES.items():
            digest_of = "md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), ''))"
            rows = f"SELECT {digest_of} FROM {table} t WHERE {theirs}"  # noqa: S608 - fixed names
            cur.execute(rows, {"people": people})
            digest.update(cur.fetchone()[0].encode())
    return digest.hexdigest()


def _note() -> dict:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
            " WHERE datname = current_database()"
        )
        return json.loads(cur.fetchone()[0] or "{}")


def _write_note(note: dict) -> None:
    from django.db import connection

    with connection.cursor() as cur:
        name = connection.settings_dict["NAME"]
        cur.execute(f"COMMENT ON DATABASE {name} IS %s", [json.dumps(note)])


def _ensure_crowd(crowd: int) -> str:
    """The crowd of ``benchmarks.crowd_seed`` beside the benchmark's people, kept between
    runs (its dates stay as seeded: a crowd a few days old is as crowded)."""
    from django.db import connection

    from benchmarks import crowd_seed

    note = _note()
    if note.get("crowd") == crowd and note.get("crowd_version") == crowd_seed.VERSION:
        return f"Reusing the crowd of {crowd:,} people"
    if note.get("crowd"):
        raise SystemExit(
            f"{connection.settings_dict['NAME']} holds another crowd ({note.get('crowd'):,} "
            "people, or another version): drop the database and run again."
        )
    _write_note({})  # an interrupted crowd is noticed next time
    started = time.perf_counter()

    def progress(written) -> None:
        if written.people % 10_000 == 0 or written.people == crowd:
            rate = written.total / (time.perf_counter() - started)
            print(
                f"  crowd: {written.people:,} people, {written.total:,} rows ({rate:,.0f}/s)",
                flush=True,
            )

    written = crowd_seed.populate(crowd, progress=progress)
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
        cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cur.fetchone()[0]
    _write_note({"crowd": crowd, "crowd_version": crowd_seed.VERSION, "crowd_rows": written.total})
    return (
        f"Seeded a crowd of {crowd:,} people: {written.total:,} rows in "
        f"{time.perf_counter() - started:.0f} s, the database is {size}"
    )


def _ensure_seed(reseed: bool) -> str:
    from benchmarks import web_seed

    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    sizes = {key: vars(size) for key, size in web_seed.PEOPLE.items()}
    wanted = {"version": SEED_VERSION, "day": today, "sizes": sizes}
    note = _note()
    crowd = {key: note.pop(key) for key in list(note) if key.startswith("crowd")}
    fingerprint = note.pop("fingerprint", None)
    if note == wanted and not reseed:
        if fingerprint == _fingerprint():
            return "Reusing today's seed"
        why = "changed since it was seeded"
    else:
        why = "asked for" if reseed else "new day, version or sizes"
    started = time.perf_counter()
    _write_note(crowd)  # an interrupted seed is redone
    web_seed.seed()
    _write_note({**crowd, **wanted, "fingerprint": _fingerprint()})
    seconds = time.perf_counter() - started
    return f"Seeded the {', '.join(web_seed.PEOPLE)} people ({why}; {seconds:.0f} s)"


def _sign_in(people: dict[str, str]) -> dict[str, Person]:
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

    _setup_django(db_name)
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    done = [_ensure_crowd(crowd)] if crowd else []
    done.append(_ensure_seed(reseed))
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
    os.environ.update(_environment(port))
    keep_logs = False
    server = None
    with _stop_on_signals():
        lock = _lock()
        logs = Path(tempfile.mkdtemp(prefix="cc-webbench-"))
        try:
            for line in prepare(reseed=reseed):
                print(f"{line}.", flush=True)
            people = _sign_in({key: web_seed.email_of(key) for key in web_seed.PEOPLE})
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
