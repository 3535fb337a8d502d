"""Every weekly page and the weekly email read people's data through an index.

Beside a crowd (``benchmarks.crowd_seed``: a few thousand people with years of history in
every table) and with the planner's statistics fresh (ANALYZE), each query a page or one
weekly email chunk makes is EXPLAINed in PostgreSQL. A sequential scan of a table of
people's data is then planned again with sequential scans priced out of reach
(``enable_seqscan = off``): if the table is still not read through an index condition,
no index can serve the query, and the test fails with the page, the query and both plans.
(A few thousand people are not a crowd: where the planner rightly reads a small table
whole for now, an index it could use is enough.) With three people PostgreSQL may scan a
whole table and nothing shows it; on a server of an organisation the same query reads
everyone's rows. This is how a missing index fails CI, not a customer.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import Role, Take
from benchmarks import crowd_seed
from careerapp import weekly
from careerapp.demo import load_demo_content
from careerapp.models import ReminderDelivery, User
from careerapp.tests.crawl import (
    conversation_pages,
    crawl,
    decision_pages,
    feedback_pages,
    learning_pages,
    win_pages,
)
from goals.models import Goal
from reviews.access import link_token
from reviews.demo.circle import MENTOR_EMAIL
from reviews.models import CheckIn, CircleMember

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("postgres")]

CROWD = 3000
MAX_PER_ROUTE = 2
EXPLAINED = ("SELECT", "WITH", "UPDATE", "DELETE")
INDEXED = ("Index Scan", "Index Only Scan", "Bitmap Heap Scan")


def people_tables() -> set[str]:
    """The tables of people's data: every table the crowd writes, and the sessions."""
    return {model._meta.db_table for model in crowd_seed.people_models()} | {"django_session"}


def plan_of(sql: str, *, seqscan: bool = True) -> tuple[dict, str]:
    """The plan of ``sql`` as JSON and as text; ``seqscan=False`` prices sequential scans
    out of reach, so an index is used wherever one can be."""
    with connection.cursor() as cur:
        cur.execute(f"SET LOCAL enable_seqscan = {'on' if seqscan else 'off'}")
        cur.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        plan = cur.fetchone()[0]
        cur.execute(f"EXPLAIN {sql}")
        text = "\n".join(row[0] for row in cur.fetchall())
        cur.execute("SET LOCAL enable_seqscan = on")
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"], text


def scans(plan: dict) -> list[tuple[str, str, bool]]:
    """Each table the plan reads: (table, how, whether through an index condition)."""
    found = []
    if "Relation Name" in plan:
        how = plan["Node Type"]
        by_index = how in INDEXED and ("Index Cond" in plan or "Recheck Cond" in plan)
        found.append((plan["Relation Name"], how, by_index))
    for child in plan.get("Plans", []):
        found += scans(child)
    return found


class Plans:
    """Queries gathered by where they were made, each EXPLAINed once."""

    def __init__(self) -> None:
        self.where: dict[str, list[str]] = defaultdict(list)
        self.tables = people_tables()

    def record(self, label: str, queries) -> None:
        for query in queries:
            sql = query["sql"]
            if sql.lstrip().upper().startswith(EXPLAINED):
                self.where[sql].append(label)

    def problems(self) -> list[str]:
        found = []
        for sql, labels in self.where.items():
            plan, text = plan_of(sql)
            scanned = {t for t, how, _ in scans(plan) if how == "Seq Scan" and t in self.tables}
            if not scanned:
                continue
            forced, forced_text = plan_of(sql, seqscan=False)
            unserved = sorted(
                {
                    table
                    for table, _how, by_index in scans(forced)
                    if table in scanned and not by_index
                }
            )
            if unserved:
                found.append(
                    f"{labels[0]} (and {len(labels) - 1} more): no index serves "
                    f"{', '.join(unserved)}\n  {sql[:600]}\n{text}\n"
                    f"  with enable_seqscan off:\n{forced_text}\n"
                )
        return found


@pytest.fixture
def crowd(owner):
    """The owner with the demo's content in every part of the app, beside a crowd."""
    load_demo_content(owner)
    written = crowd_seed.populate(CROWD)
    assert written.people == CROWD
    assert all(written.rows.values()), written.rows  # something in every table
    return owner


class Recording:
    """A test client whose GETs are recorded in ``plans`` under their path."""

    def __init__(self, client, plans: Plans) -> None:
        self.client, self.plans = client, plans

    def get(self, path: str, *args, **kwargs):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path, *args, **kwargs)
        self.plans.record(path, queries)
        return response


def weekly_pages(owner) -> list[str]:
    """The pages a person opens every week, by name, for the owner's own records."""
    goal = Goal.objects.filter(user=owner, status="active").order_by("priority").first()
    checkin = CheckIn.objects.filter(user=owner, status="submitted").order_by("-pk").first()
    take = Take.objects.filter(user=owner, status="completed").order_by("-completed_at").first()
    today = timezone.localdate()
    mentor = CircleMember.objects.for_user(owner).get(email=MENTOR_EMAIL)
    shared = reverse("reviews:link:home", args=[link_token(mentor)])
    return [
        "/",
        reverse("goals:list"),
        reverse("goals:detail", args=[goal.pk]),
        reverse("goals:timeline"),
        reverse("reviews:checkin", args=[checkin.pk]),
        reverse("reviews:history"),
        reverse("reviews:quarter", args=[today.year, (today.month - 1) // 3 + 1]),
        reverse("assessments:results", args=[take.pk]),
        reverse("assessments:role_compare", args=[Role.objects.order_by("pk").first().slug]),
        shared,
    ]


def test_every_page_reads_people_by_index(crowd, client):
    owner = crowd
    client.force_login(owner)
    plans = Plans()
    recording = Recording(client, plans)
    weekly = weekly_pages(owner)
    feedback, giver = feedback_pages(owner)
    starts = [
        *weekly,
        *decision_pages(owner),
        *learning_pages(owner),
        *win_pages(owner),
        *feedback,
        *giver[:2],
        *conversation_pages(owner),
    ]
    crawled = []
    for path, response in crawl(recording, starts, max_per_route=MAX_PER_ROUTE):
        assert response.status_code < 500, path
        crawled.append(path)
    for path in weekly:
        assert path in crawled, path
    assert len(crawled) >= 80, crawled
    problems = plans.problems()
    assert not problems, f"{len(problems)} queries scan a table of people's data:\n" + "\n".join(
        problems
    )


def test_the_weekly_email_reads_people_by_index(crowd, mailoutbox):
    owner = crowd
    now = timezone.now()
    due = [
        owner.pk,
        *User.objects.filter(email__endswith=crowd_seed.DOMAIN).values_list("pk", flat=True)[:49],
    ]
    ReminderDelivery.objects.filter(user=owner).delete()  # the demo's, this week's among them
    User.objects.filter(pk__in=due).update(
        reminders_enabled=True, reminders_send_empty=True, next_reminder_at=now
    )
    plans = Plans()
    chunks: list[list[int]] = []
    with CaptureQueriesContext(connection) as queries:
        weekly.reminders_sweep(enqueue=chunks.append, now=now)
    plans.record("the sweep", queries)
    assert sum(len(chunk) for chunk in chunks) == len(due)
    with CaptureQueriesContext(connection) as queries:
        result = weekly.reminders_send_chunk(delivery_ids=chunks[0], now=now)
    plans.record("a chunk", queries)
    assert len(result.sent) == len(chunks[0]) == len(mailoutbox)
    problems = plans.problems()
    assert not problems, f"{len(problems)} queries scan a table of people's data:\n" + "\n".join(
        problems
    )
