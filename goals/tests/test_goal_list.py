"""The goal list and the archive come a page at a time; reordering follows the goal."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from goals import services
from goals.models import Goal, Horizon, Status
from goals.queries import GOALS_PER_PAGE

pytestmark = pytest.mark.django_db

LIST = reverse("goals:list")
ARCHIVE = reverse("goals:archive")


def make_goals(owner, count: int, **fields) -> list[Goal]:
    return Goal.objects.bulk_create(
        Goal(user=owner, title=f"Goal {n:02}", priority=n, **fields) for n in range(count)
    )


def titles(response) -> list[str]:
    return [goal.title for goal in response.context["goals"]]


def pager(body: str) -> str:
    found = re.search(r'<nav class="pager.*?</nav>', body, re.S)
    return found[0] if found else ""


def order(owner) -> list[int]:
    return list(Goal.objects.for_user(owner).open().by_priority().values_list("pk", flat=True))


# --- Pages -------------------------------------------------------------------------------


def test_the_list_shows_a_page_of_goals_and_says_which(owner_client, owner):
    make_goals(owner, GOALS_PER_PAGE + 5)
    first = owner_client.get(LIST)
    assert titles(first) == [f"Goal {n:02}" for n in range(GOALS_PER_PAGE)]
    second = owner_client.get(LIST, {"page": 2})
    assert titles(second) == [f"Goal {n:02}" for n in range(GOALS_PER_PAGE, GOALS_PER_PAGE + 5)]
    body = second.content.decode()
    total = GOALS_PER_PAGE + 5
    assert f"Goals {GOALS_PER_PAGE + 1}–{total} of {total}" in body
    nav = pager(body)
    assert 'aria-label="Pages of your goals"' in nav
    assert 'aria-current="page">Page 2 of 2<' in nav
    assert 'rel="prev" href="?"' in nav  # the first page has no page number
    assert 'rel="next"' not in nav


def test_page_links_keep_the_filters_and_the_sort(owner_client, owner):
    make_goals(owner, 2 * GOALS_PER_PAGE + 1, horizon=Horizon.LONG)
    query = {"horizon": "long", "sort": "title", "page": 2}
    nav = pager(owner_client.get(LIST, query).content.decode())
    assert 'href="?horizon=long&amp;sort=title"' in nav
    assert 'href="?horizon=long&amp;sort=title&amp;page=3"' in nav


def test_one_page_of_goals_needs_no_page_links(owner_client, owner):
    make_goals(owner, 3)
    body = owner_client.get(LIST).content.decode()
    assert "3 goals" in body
    assert pager(body) == ""


@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("2.5", 1), ("0", 2), ("999", 2)])
def test_a_bad_page_number_shows_a_real_page(owner_client, owner, asked, shown):
    make_goals(owner, GOALS_PER_PAGE + 1)
    response = owner_client.get(LIST, {"page": asked})
    assert response.status_code == 200
    assert response.context["page_obj"].number == shown


def test_the_archive_comes_in_pages_most_recently_closed_first(owner_client, owner):
    goals = make_goals(owner, GOALS_PER_PAGE + 2, status=Status.ACHIEVED)
    for days, goal in enumerate(goals):  # the last goal closed most recently
        Goal.objects.filter(pk=goal.pk).update(
            status_changed_at=timezone.now() - datetime.timedelta(days=100 - days)
        )
    first = owner_client.get(ARCHIVE)
    assert titles(first)[0] == goals[-1].title
    second = owner_client.get(ARCHIVE, {"page": "last"})  # not a number: the first page
    assert titles(second) == titles(first)
    last = owner_client.get(ARCHIVE, {"page": 2})
    assert titles(last) == ["Goal 01", "Goal 00"]
    assert "Page 2 of 2" in last.content.decode()


def test_titles_are_escaped_in_the_list(owner_client, owner):
    Goal.objects.create(user=owner, title="<script>alert(1)</script>")
    body = owner_client.get(LIST).content.decode()
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "Raise the priority of “&lt;script&gt;" in body


# --- Reordering across pages -------------------------------------------------------------


def test_raising_the_first_goal_of_a_page_follows_it_to_the_page_before(owner_client, owner):
    goals = make_goals(owner, GOALS_PER_PAGE + 3)
    moved = goals[GOALS_PER_PAGE]  # first on page 2
    response = owner_client.post(
        f"{reverse('goals:move', args=[moved.pk])}?page=2", {"direction": "up"}
    )
    assert response.status_code == 302
    assert response.url == f"{LIST}#goal-{moved.pk}"  # page 1 has no page number
    assert order(owner).index(moved.pk) == GOALS_PER_PAGE - 1
    assert moved.title in titles(owner_client.get(LIST))


def test_lowering_the_last_goal_of_a_page_follows_it_to_the_next(owner_client, owner):
    goals = make_goals(owner, GOALS_PER_PAGE + 3)
    moved = goals[GOALS_PER_PAGE - 1]  # last on page 1
    response = owner_client.post(
        f"{reverse('goals:move', args=[moved.pk])}?sort=priority", {"direction": "down"}
    )
    assert response.url == f"{LIST}?sort=priority&page=2#goal-{moved.pk}"
    assert order(owner).index(moved.pk) == GOALS_PER_PAGE


def test_the_cards_move_buttons_keep_the_lists_filters(owner_client, owner):
    make_goals(owner, 1, horizon=Horizon.LONG)
    body = owner_client.get(LIST, {"horizon": "long", "page": "1"}).content.decode()
    assert re.search(r'action="/goals/\d+/move/\?horizon=long"', body)


def test_in_a_filtered_list_a_goal_trades_places_with_the_one_shown_next_to_it(owner_client, owner):
    first, hidden, last = make_goals(owner, 3)
    Goal.objects.filter(pk=hidden.pk).update(horizon=Horizon.LONG)
    response = owner_client.post(
        f"{reverse('goals:move', args=[last.pk])}?horizon=short", {"direction": "up"}
    )
    assert response.url == f"{LIST}?horizon=short#goal-{last.pk}"
    # The goal hidden by the filter keeps its place between them.
    assert order(owner) == [last.pk, hidden.pk, first.pk]


def test_moving_past_either_end_changes_nothing(owner):
    first, last = make_goals(owner, 2)
    services.goal_move(goal=first, direction="up", among=[first.pk, last.pk])
    services.goal_move(goal=last, direction="down", among=[first.pk, last.pk])
    assert order(owner) == [first.pk, last.pk]
