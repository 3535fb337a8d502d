"""`make run` end to end: a fresh copy of the checkout served the way a developer serves it
(the Procfile through honcho, SQLite, the folder broker, mail printed in the terminal), and
every link in the mail it sends followed.

Slow (about twenty seconds), and it runs in CI: a dead link in the weekly email is only seen
with the three processes of `make run` running side by side.
"""

from __future__ import annotations

import contextlib
import email
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qs, urlencode, urlsplit
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest
from django.urls import reverse

from careerapp.demo import DEMO_EMAIL, DEMO_PASSWORD
from conftest import _unavailable

pytestmark = pytest.mark.slow

BASE_DIR = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 90  # install check, migrate and demo on a fresh SQLite database, three processes
MAIL_SECONDS = 30
# A line of honcho's output: "12:00:01 worker.1 | text".
HONCHO_LINE = re.compile(r"^\d\d:\d\d:\d\d (?P<process>\S+)\s*\| ?(?P<text>.*)$")
# Celery hands what a task prints to its logger: the first line of each print carries this.
CELERY_LOG_PREFIX = re.compile(r"^\[\d{4}-\d\d-\d\d [^\]]*\] ")
# Django's console mail backend ends every message with this line.
MESSAGE_END = "-" * 79
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')]+")


def copy_of_the_checkout(destination: Path) -> Path:
    """The tracked files, as a fresh clone has them (no .env, no var/), with the checkout's
    own virtualenv linked in so nothing is installed again."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"],  # noqa: S607 - git from PATH, as a developer runs it
        cwd=BASE_DIR,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = BASE_DIR / name
        if source.is_file():  # a tracked file deleted in the work tree is not copied
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)  # times kept: make sees nothing to redo
    (destination / ".venv").symlink_to((BASE_DIR / ".venv").resolve())
    return destination


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def developer_environment(port: int) -> dict[str, str]:
    """This environment without what a developer's shell would not have set: the test run's
    database, Redis and settings (CI points them at PostgreSQL and Redis), and the outer
    make's flags."""
    settings_names = set(
        re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", (BASE_DIR / ".env.example").read_text(), re.M)
    )
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in settings_names
        and key not in {"PORT", "WEB_PORT", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}
        and not key.startswith("DJANGO_")
    }
    environment["PORT"] = str(port)
    return environment


class MakeRun:
    """`make run` in a folder, its output collected line by line."""

    def __init__(self, folder: Path, port: int):
        self.base_url = f"http://127.0.0.1:{port}"
        self.lines: list[str] = []
        # --old-file: the virtualenv is the checkout's own, already installed; make must not
        # reinstall into it whatever the copied files' times say.
        self.process = subprocess.Popen(
            ["make", "--old-file=.venv/.installed", "run"],  # noqa: S607 - as a developer types it
            cwd=folder,
            env=developer_environment(port),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as one
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for raw in self.process.stdout:
            self.lines.append(raw.decode("utf-8", "replace").rstrip("\r\n"))

    def output(self) -> str:
        return "\n".join(self.lines[-80:])

    def wait_until(self, condition, seconds: float, what: str):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            if self.process.poll() is not None:
                pytest.fail(f"make run stopped before {what}:\n{self.output()}")
            time.sleep(0.25)
        pytest.fail(f"no {what} after {seconds} s:\n{self.output()}")

    def process_output(self, name: str) -> list[str]:
        return [
            match["text"]
            for line in list(self.lines)
            if (match := HONCHO_LINE.match(line)) and match["process"] == name
        ]

    def printed_mail(self) -> list[EmailMessage]:
        """The messages the worker printed, read back with the standard library's parser."""
        messages, current = [], None
        for line in self.process_output("worker.1"):
            bare = CELERY_LOG_PREFIX.sub("", line, count=1)
            if current is None:
                if bare.startswith("Content-Type: "):  # Django writes this header first
                    current = [bare]
            elif bare == MESSAGE_END:
                text = "\n".join(current)
                messages.append(email.message_from_string(text, policy=policy.default))
                current = None
            else:
                current.append(line)
        return messages

    def stop(self) -> None:
        """Stop make, honcho and every process they started, as Ctrl-C would."""
        group = self.process.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError):  # what did not stop, and any straggler
            os.killpg(group, signal.SIGKILL)
        self.process.wait(timeout=10)


class _NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser without JavaScript: cookies kept, redirects shown, not followed."""

    def __init__(self):
        self._opener = build_opener(HTTPCookieProcessor(CookieJar()), _NoRedirects)

    def request(self, url: str, data: dict | None = None) -> tuple[int, str, str]:
        """(status, Location header, body)."""
        # Only this machine's loopback, whatever a link in a mail says.
        assert url.startswith("http://127.0.0.1:"), f"not a link to the local server: {url}"
        body = urlencode(data).encode() if data is not None else None
        try:
            response = self._opener.open(Request(url, data=body), timeout=30)  # noqa: S310
        except HTTPError as error:
            response = error
        with response:
            return response.status, response.headers.get("Location", ""), response.read().decode()

    def post_form(self, page_url: str, action_url: str, data: dict) -> tuple[int, str, str]:
        """Load the page, then send its CSRF token with ``data`` to ``action_url``."""
        status, _location, page = self.request(page_url)
        assert status == 200, f"{page_url} answered {status}"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no CSRF token on {page_url}"
        return self.request(action_url, {"csrfmiddlewaretoken": token[1], **data})


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def links_in(message: EmailMessage) -> dict[str, set[str]]:
    """The links of each part, by content type ("text/plain", "text/html")."""
    links: dict[str, set[str]] = {}
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            links["text/plain"] = set(URL_IN_TEXT.findall(part.get_content()))
        elif part.get_content_type() == "text/html":
            parser = _Links()
            parser.feed(part.get_content())
            links["text/html"] = set(parser.hrefs)
    return links


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    for tool in ("make", "git"):
        if shutil.which(tool) is None:
            _unavailable(f"`make run` needs {tool} on PATH")
    if not (BASE_DIR / ".venv" / "bin" / "honcho").exists():
        _unavailable("needs the checkout's .venv (make install-dev)")
    folder = copy_of_the_checkout(tmp_path_factory.mktemp("checkout"))
    run = MakeRun(folder, free_port())
    try:

        def web_answers():
            try:
                return Visitor().request(f"{run.base_url}/healthz")[0] == 200
            except (URLError, ConnectionError):
                return False

        run.wait_until(web_answers, STARTUP_SECONDS, "web server answering /healthz")
        yield run
    finally:
        run.stop()


@pytest.fixture(scope="module")
def demo_visitor(make_run) -> Visitor:
    """Signed in as the demo account that `make run` created, through the sign-in form."""
    visitor = Visitor()
    login = f"{make_run.base_url}{reverse('account_login')}"
    status, location, _body = visitor.post_form(
        login, login, {"login": DEMO_EMAIL, "password": DEMO_PASSWORD}
    )
    assert (status, location) == (302, reverse("home")), make_run.output()
    return visitor


def wait_for_mail(make_run: MakeRun, subject_part: str) -> EmailMessage:
    def found():
        return next((m for m in make_run.printed_mail() if subject_part in m["Subject"]), None)

    return make_run.wait_until(found, MAIL_SECONDS, f"mail about {subject_part!r} in the output")


def assert_only_the_web_servers_address(make_run: MakeRun, message: EmailMessage) -> None:
    ports = set(re.findall(r"127\.0\.0\.1:(\d+)", message.as_string()))
    assert ports == {make_run.base_url.rsplit(":", 1)[1]}, (
        f"the mail names ports {sorted(ports)}; the web server is at {make_run.base_url}"
    )


def test_every_link_in_the_weekly_email_sent_under_make_run_works(make_run, demo_visitor):
    base = make_run.base_url
    status, location, _body = demo_visitor.post_form(
        f"{base}{reverse('account_settings')}", f"{base}{reverse('reminders_preview')}", {}
    )
    assert status == 302, make_run.output()
    message = wait_for_mail(make_run, "Regular maintenance")
    assert message["To"] == DEMO_EMAIL
    assert parseaddr(message["From"]) == ("Career Compass", "noreply@localhost")

    parts = links_in(message)
    text_links, html_links = parts["text/plain"], parts["text/html"]
    unsubscribe_header = message["List-Unsubscribe"].strip("<> ")
    links = text_links | html_links | {unsubscribe_header}
    print("Links in the weekly email:", *sorted(links), sep="\n  ")  # noqa: T201 - the report
    assert text_links == html_links, "the plain and the HTML part link to different places"
    assert unsubscribe_header in text_links
    assert_only_the_web_servers_address(make_run, message)
    assert all(link.startswith(f"{base}/") for link in links), links
    paths = {urlsplit(link).path for link in links}
    assert {reverse("home"), reverse("account_settings")} <= paths  # dashboard, preferences
    assert any(path.startswith("/email/unsubscribe/") for path in paths)
    assert len(links) >= 3

    for link in sorted(links):
        path = urlsplit(link).path
        status, location, _body = Visitor().request(link)
        if status != 200:  # signed out: a page of one's own asks to sign in first
            target = urlsplit(location)
            assert (status, target.path) == (302, reverse("account_login")), (link, status)
            assert parse_qs(target.query)["next"] == [path], (link, location)
        status, location, _body = demo_visitor.request(link)
        assert status == 200, f"{link} answered {status} {location} signed in"


def test_the_account_emails_under_make_run_link_to_the_web_server(make_run):
    base = make_run.base_url
    reset = f"{base}{reverse('account_reset_password')}"
    status, _location, _body = Visitor().post_form(reset, reset, {"email": DEMO_EMAIL})
    assert status == 302, make_run.output()
    message = wait_for_mail(make_run, "Choose a new password")

    links = set().union(*links_in(message).values())
    print("Links in the password reset email:", *sorted(links), sep="\n  ")  # noqa: T201
    assert_only_the_web_servers_address(make_run, message)
    # The key link, and the footer's link to the site itself.
    assert all(link.startswith(base) for link in links), links
    assert any(link.startswith(f"{base}/accounts/password/reset/key/") for link in links), links

    visitor = Visitor()  # the one who asked, signed out
    for link in links:
        status, location, _body = visitor.request(link)
        # allauth keeps the key in the session and sends on to the form without it.
        if status == 302:
            assert location.startswith("/accounts/password/reset/key/"), location
            status, location, _body = visitor.request(f"{base}{location}")
        assert status == 200, f"{link} answered {status} {location}"
