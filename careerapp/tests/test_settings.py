"""Settings come from the environment through typed readers that fail loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from careerapp import env

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_ENV_FILE": "",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "t3st-0nly-kq8Zr2VwLp9sXy4HbN6mJc1FgT5dRe7uAo0iK3nQwYzX",
    "DJANGO_ALLOWED_HOSTS": "careers.example.org",
    "SITE_URL": "https://careers.example.org",
    "DATABASE_URL": "postgres://app@127.0.0.1:5432/careers",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
}


def run_manage(*args: str, extra_env: dict[str, str] | None = None, drop: tuple[str, ...] = ()):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_", "SITE_"))
    }
    environment.update(PRODUCTION_ENV)
    environment.update(extra_env or {})
    for key in drop:
        environment.pop(key, None)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy_at_warning_level():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", drop=("DJANGO_SECRET_KEY",))
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set the environment variable DJANGO_SECRET_KEY." in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", extra_env={"DJANGO_SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be a random string of 50 characters" in result.stderr


def test_production_needs_allowed_hosts():
    result = run_manage("check", drop=("DJANGO_ALLOWED_HOSTS",))
    assert result.returncode != 0
    assert "Set DJANGO_ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG='maybe' is not a boolean"),
        ("DATABASE_URL", "mysql://db/x", "DATABASE_URL='mysql://db/x': the scheme must be one of"),
        ("REDIS_URL", "http://cache:6379", "REDIS_URL='http://cache:6379': the scheme must be"),
        ("EMAIL_URL", "pigeon://loft", "EMAIL_URL='pigeon://loft': the scheme must be one of"),
        ("SITE_URL", "careers.example.org", "SITE_URL='careers.example.org': the scheme must be"),
        ("ACCOUNT_EMAIL_VERIFICATION", "always", "must be one of: mandatory, optional, none"),
        ("DATABASE_CONN_MAX_AGE", "soon", "DATABASE_CONN_MAX_AGE='soon' is not a whole number"),
    ],
)
def test_a_bad_value_stops_start_up_with_a_clear_message(name, value, message):
    result = run_manage("check", extra_env={name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


class TestReaders:
    def test_bool_accepts_the_usual_spellings(self, monkeypatch):
        for raw, expected in [
            ("true", True),
            ("On", True),
            ("1", True),
            ("no", False),
            ("0", False),
        ]:
            monkeypatch.setenv("CC_TEST_FLAG", raw)
            assert env.env_bool("CC_TEST_FLAG", not expected) is expected

    def test_unset_or_empty_values_take_the_default(self, monkeypatch):
        monkeypatch.delenv("CC_TEST_VALUE", raising=False)
        assert env.env_int("CC_TEST_VALUE", 7) == 7
        monkeypatch.setenv("CC_TEST_VALUE", "  ")
        assert env.env_str("CC_TEST_VALUE", "fallback") == "fallback"

    def test_required_string_names_the_variable(self, monkeypatch):
        monkeypatch.delenv("CC_TEST_VALUE", raising=False)
        with pytest.raises(
            ImproperlyConfigured, match="Set the environment variable CC_TEST_VALUE"
        ):
            env.env_str("CC_TEST_VALUE", required=True)

    def test_int_below_the_minimum_is_refused(self, monkeypatch):
        monkeypatch.setenv("CC_TEST_VALUE", "-1")
        with pytest.raises(ImproperlyConfigured, match="must be 0 or more"):
            env.env_int("CC_TEST_VALUE", 5, minimum=0)

    def test_list_splits_on_commas_and_drops_blanks(self, monkeypatch):
        monkeypatch.setenv("CC_TEST_VALUE", "a.example, b.example,,")
        assert env.env_list("CC_TEST_VALUE", []) == ["a.example", "b.example"]

    def test_email_url_forms(self):
        smtp = env.parse_email_url("EMAIL_URL", "smtp+tls://me%40x.org:p%2Fw@mail.x.org:587")
        assert smtp["EMAIL_HOST"] == "mail.x.org"
        assert smtp["EMAIL_PORT"] == 587
        assert smtp["EMAIL_HOST_USER"] == "me@x.org"
        assert smtp["EMAIL_HOST_PASSWORD"] == "p/w"
        assert smtp["EMAIL_USE_TLS"] is True
        assert smtp["EMAIL_USE_SSL"] is False
        assert env.parse_email_url("EMAIL_URL", "smtps://mail.x.org")["EMAIL_PORT"] == 465
        folder = env.parse_email_url("EMAIL_URL", "filemail:///srv/mail")
        assert folder["EMAIL_FILE_PATH"] == "/srv/mail"
        assert folder["EMAIL_BACKEND"].endswith("filebased.EmailBackend")

    @pytest.mark.parametrize("url", ["smtp://", "smtp://host:port", "filemail://"])
    def test_incomplete_email_urls_are_refused(self, url):
        with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
            env.parse_email_url("EMAIL_URL", url)

    def test_database_url_without_a_name_is_refused(self):
        with pytest.raises(ImproperlyConfigured, match="names no database"):
            env.parse_database_url("DATABASE_URL", "postgres://user@host:5432")

    def test_sqlite_and_postgres_urls_are_understood(self):
        sqlite = env.parse_database_url("DATABASE_URL", "sqlite:////tmp/cc.sqlite3")
        assert sqlite["ENGINE"] == "django.db.backends.sqlite3"
        assert sqlite["NAME"] == "/tmp/cc.sqlite3"  # noqa: S108 - only parsed, never opened
        postgres = env.parse_database_url("DATABASE_URL", "postgres://a:b@db:5433/careers")
        assert postgres["ENGINE"] == "django.db.backends.postgresql"
        assert (postgres["HOST"], postgres["PORT"], postgres["NAME"]) == ("db", 5433, "careers")


def test_in_development_every_process_links_to_the_web_servers_port():
    # Under `make run` honcho gives the worker PORT=8100; the Makefile passes the web
    # server's port to every process as WEB_PORT.
    result = run_manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; print(settings.SITE_URL)",
        extra_env={"DJANGO_DEBUG": "true", "PORT": "8100", "WEB_PORT": "8000"},
        drop=("SITE_URL",),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "http://127.0.0.1:8000"
