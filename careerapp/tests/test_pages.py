"""The frame: landing page, dashboard, navigation and security headers."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from benchmarks import web_seed
from careerapp import dashboard

pytestmark = pytest.mark.django_db


def test_visitors_get_the_landing_page_with_an_invitation(anon_client):
    response = anon_client.get(reverse("home"))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "careerapp/landing.html"
    body = response.content.decode()
    assert reverse("account_signup") in body
    assert "Sign out" not in body


def test_signed_in_people_get_the_dashboard_with_their_checklist(owner_client, owner):
    owner.time_zone = ""
    owner.save()
    response = owner_client.get(reverse("home"))
    assert [t.name for t in response.templates][0] == "careerapp/dashboard.html"
    items = {item.key: item.done for item in response.context["checklist"]}
    assert items["profile"] is False
    assert items["reminders"] is False
    body = response.content.decode()
    assert "Set your time zone" in body
    assert 'value="0"' in body  # the progress element starts empty


def test_checklist_items_tick_as_the_person_sets_up(owner_client, owner):
    owner.reminder_preferences_set_at = timezone.now()
    owner.save()
    response = owner_client.get(reverse("home"))
    assert all(
        item.done for item in response.context["checklist"] if item.key in {"profile", "reminders"}
    )


def test_apps_can_add_checklist_items(owner_client):
    def extra(user):
        return [
            dashboard.ChecklistItem("extra", "Try the extra", "hint", "/", done=False, order=99)
        ]

    dashboard.register_checklist(extra)
    try:
        body = owner_client.get(reverse("home")).content.decode()
    finally:
        dashboard.registry.checklist_providers.remove(extra)
    assert "Try the extra" in body


def test_navigation_marks_the_current_section(owner_client):
    body = owner_client.get(reverse("account_settings")).content.decode()
    assert 'class="nav-link active" href="/settings/" aria-current="page"' in body
    assert 'href="/" aria-current' not in body


def test_the_check_ins_menu_entry_is_named_like_its_page(owner_client):
    body = owner_client.get(reverse("reviews:index")).content.decode()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1).strip()
    link = f'class="nav-link active" href="{reverse("reviews:index")}" aria-current="page">'
    assert heading == "Check-ins"
    assert f"{link}{heading}</a>" in body


def test_sign_out_is_a_post_form_in_the_navigation(owner_client):
    body = owner_client.get(reverse("home")).content.decode()
    assert f'<form method="post" action="{reverse("account_logout")}"' in body


def test_every_page_has_a_skip_link_and_offline_assets(owner_client):
    body = owner_client.get(reverse("home")).content.decode()
    assert 'href="#main"' in body
    assert 'id="main"' in body
    assert "/static/vendor/bootstrap/css/bootstrap.min.css" in body
    assert "/static/django-htmx/" in body or "htmx" in body
    assert "://cdn" not in body
    assert "https://" not in body.split("<body")[0]


def test_security_headers_are_set(anon_client):
    response = anon_client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_inline_scripts_or_styles_in_our_pages(owner_client):
    for name in ("home", "account_settings", "account_delete"):
        body = owner_client.get(reverse(name)).content.decode()
        assert " style=" not in body, name
        assert "<style" not in body, name
        for chunk in body.split("<script")[1:]:
            assert (
                chunk.lstrip().startswith(("src=", "defer src=")) or " src=" in chunk.split(">")[0]
            ), name


def test_no_model_changes_are_missing_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_unknown_pages_get_a_friendly_404_in_our_layout(owner_client, settings):
    settings.DEBUG = False
    response = owner_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "There is nothing here" in response.content.decode()
    assert 'class="skip-link' in response.content.decode()


def test_an_expired_form_explains_itself(owner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    response = client.post(reverse("account_profile_update"), {"display_name": "X"})
    assert response.status_code == 403
    assert "That form had expired" in response.content.decode()
    owner.refresh_from_db()
    assert owner.display_name == "Olivia"


# A large record, scaled down so the test stays quick: ten years of goals, steps,
# fortnightly check-ins and self-assessments, as the web benchmark's large person has.
RECORDS = {
    "small": web_seed.SMALL,
    "large": web_seed.Size(goals=200, tasks_per_goal=10, checkins=60, takes=12),
}


@pytest.mark.parametrize("size", ["small", "large"])
def test_the_dashboard_costs_the_same_queries_for_a_small_and_a_large_record(
    client, size, django_assert_num_queries
):
    person = web_seed.seed({size: RECORDS[size]})[size]
    client.force_login(person)
    # 1 session, 2 user; checklist: 3 the first active goals with their step counts (also
    # the goals panel; "has a goal" needs no query of its own when there is one), 4 the
    # last completion of each instrument (also the retakes due), 5 check-in schedule,
    # 6 this period's check-in and the last submitted one, 7 missed periods and the streak
    # counted (also the check-ins panel); 8 the oldest overdue steps and the steps due
    # this week; 9 the skill answers of the latest take that rated skills, each with the
    # open goal that serves it; 10 the pursued role, 11 its skills with the latest levels
    # (see assessments/tests/test_role_pursued.py: one query without a pursued role);
    # 12 the certifications expiring within 60 days (none expiring here: no card)
    with django_assert_num_queries(EXPECTED_DASHBOARD_QUERIES):
        response = client.get(reverse("home"))
    assert response.status_code == 200
    panels = {panel["template"].split("/")[-1]: panel for panel in response.context["panels"]}
    assert panels["_dashboard_goals.html"]["goals"]
    assert panels["_dashboard_assessments.html"]["gaps"]
    assert panels["_dashboard_checkins.html"]["last"] is not None
    assert panels["_dashboard_target_role.html"]["line"] is not None  # the pursued role


EXPECTED_DASHBOARD_QUERIES = 12
