"""The account emails (allauth's) speak in the product's voice, name it, and come from it."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from careerapp.models import User

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
STRONG = "a-long-and-unusual-passphrase"
PREFIX = "[Career Compass] "


def _link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def _html(message) -> str:
    (html,) = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    return html


def _sign_up(client, **extra):
    data = {"email": "new@example.com", "password1": STRONG, "password2": STRONG, **extra}
    return client.post(reverse("account_signup"), data)


def _assert_in_our_voice(message) -> None:
    text = message.body + _html(message)
    # allauth's defaults: "Hello from <host:port>!", "Thank you for using <host:port>!".
    for machine_words in ("Hello from", "Thank you for using", "testserver!", "for user "):
        assert machine_words not in text, (machine_words, message.body)
    assert "Career Compass" in message.body
    assert message.subject.startswith(PREFIX)
    # Sentence case: after the first word, only the product's name is capitalised.
    rest = message.subject.removeprefix(PREFIX).replace("Career Compass", "")
    assert not any(word[:1].isupper() for word in rest.split()[1:]), message.subject
    assert str(message.message()["From"]) == "Career Compass <noreply@localhost>"


def test_the_sign_up_confirmation_greets_by_name_and_names_the_product(
    client, mailoutbox, settings
):
    settings.SITE_URL = "https://careers.example.org"
    _sign_up(client, display_name="Nia")

    (message,) = mailoutbox
    _assert_in_our_voice(message)
    assert message.subject == f"{PREFIX}Confirm your email address to get started"
    assert message.body.startswith("Hello Nia,\n")
    assert "Welcome to Career Compass" in message.body
    assert message.body.rstrip().endswith("https://careers.example.org")
    assert f'<a href="http://testserver{_link(message)}"' in _html(message)


def test_without_a_name_the_greeting_is_plain(client, mailoutbox):
    _sign_up(client)
    assert mailoutbox[0].body.startswith("Hello,\n")


def test_the_reset_and_the_notices_speak_the_same_way(client, owner, mailoutbox, password):
    client.post(reverse("account_reset_password"), {"email": owner.email})
    client.post(reverse("account_reset_password"), {"email": "ghost@example.com"})
    _sign_up(client, email=owner.email)
    client.force_login(owner)
    client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": STRONG + "!", "password2": STRONG + "!"},
    )

    subjects = [message.subject.removeprefix(PREFIX) for message in mailoutbox]
    assert subjects == [
        "Choose a new password",
        "No account for this address",
        "Someone tried to sign up with your address",
        "Your password was changed",
    ]
    for message in mailoutbox:
        _assert_in_our_voice(message)
    assert mailoutbox[0].body.startswith("Hello Olivia,\n")
    notice = mailoutbox[3].body
    assert "If this was you, there is nothing to do." in notice
    assert reverse("account_reset_password") in notice


def test_the_confirmation_page_asks_in_plain_words(client, mailoutbox):
    _sign_up(client)
    page = client.get(_link(mailoutbox[0])).content.decode()
    assert "is an email address for user" not in page
    assert "<strong>new@example.com</strong> is confirmed as yours" in page
    assert "Confirm your email address" in page


def test_an_expired_confirmation_link_says_what_to_do(client):
    page = client.get(reverse("account_confirm_email", args=["not-a-key"])).content.decode()
    assert "This link has expired or was already used" in page
    assert reverse("account_login") in page


def test_the_from_name_keeps_its_space_when_honcho_reads_the_env_file():
    # `make run` starts the worker under honcho, which once read .env itself and turned an
    # unquoted "Career Compass <noreply@localhost>" into "CareerCompass<noreply@localhost>".
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEFAULT_FROM_EMAIL", "DJANGO_ENV_FILE"}
    }
    environment["DJANGO_ENV_FILE"] = ""  # only what honcho hands over
    script = (
        "import django; django.setup(); "
        "from django.core.mail import EmailMessage; "
        "print(EmailMessage('s', 'b', to=['a@example.com']).message()['From'])"
    )
    result = subprocess.run(  # noqa: S603 - our own tools with fixed arguments
        [
            str(Path(sys.executable).with_name("honcho")),
            "run",
            "--env",
            ".env.example",
            sys.executable,
            "-c",
            script,
        ],
        cwd=BASE_DIR,
        env={**environment, "DJANGO_SETTINGS_MODULE": "careerapp.settings"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Career Compass <noreply@localhost>"


def test_make_run_keeps_honcho_away_from_the_env_file():
    makefile = (BASE_DIR / "Makefile").read_text()
    (line,) = [line for line in makefile.splitlines() if "honcho start" in line]
    assert "--env /dev/null" in line


def test_a_superuser_gets_the_same_emails(client, mailoutbox, password):
    User.objects.create_superuser("boss@example.com", password)
    client.post(reverse("account_reset_password"), {"email": "boss@example.com"})
    _assert_in_our_voice(mailoutbox[0])


def test_the_html_part_escapes_what_people_typed(client, mailoutbox):
    _sign_up(client, display_name="<b>Nia</b>")
    html = _html(mailoutbox[0])
    assert "&lt;b&gt;Nia&lt;/b&gt;" in html
    assert "<b>Nia" not in html
    assert mailoutbox[0].body.startswith("Hello <b>Nia</b>,\n")


def test_a_notice_gives_the_time_in_the_persons_zone_and_where_from(
    client, owner, mailoutbox, password
):
    client.force_login(owner)
    client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": STRONG + "!", "password2": STRONG + "!"},
        headers={"user-agent": "Firefox/140"},
    )
    (notice,) = mailoutbox
    assert re.search(r"^- \d{1,2} \w+ \d{4}, \d\d:\d\d CES?T$", notice.body, re.M), notice.body
    assert "- IP address: 127.0.0.1" in notice.body
    assert "- Browser: Firefox/140" in notice.body
