"""The benchmark people's seed, kept between runs in the web benchmarks' databases: a note
on the database says what was seeded, and a digest of the people's own rows whether
anything wrote to them since (``benchmarks.webserver.prepare`` calls these)."""

from __future__ import annotations

import datetime
import hashlib
import json
import time

SEED_VERSION = 3  # bump when benchmarks/web_seed.py changes what it builds


# Every table that holds the benchmark people's data, and how its rows belong to them
# (``%(people)s``: their ids). A benchmark part that writes (the page weight autosaves a
# check-in and a self-assessment) changes one, and the seed is rebuilt: a draft check-in
# on one side only would change what the large person's pages show. Their mentor's link
# is left out: each run gives it a hash under the run's own secret key (webserver.sign_in).
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


def fingerprint() -> str:
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


def ensure_crowd(crowd: int) -> str:
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


def ensure_seed(reseed: bool) -> str:
    from benchmarks import web_seed

    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    sizes = {key: vars(size) for key, size in web_seed.PEOPLE.items()}
    wanted = {"version": SEED_VERSION, "day": today, "sizes": sizes}
    note = _note()
    crowd = {key: note.pop(key) for key in list(note) if key.startswith("crowd")}
    kept = note.pop("fingerprint", None)
    if note == wanted and not reseed:
        if kept == fingerprint():
            return "Reusing today's seed"
        why = "changed since it was seeded"
    else:
        why = "asked for" if reseed else "new day, version or sizes"
    started = time.perf_counter()
    _write_note(crowd)  # an interrupted seed is redone
    web_seed.seed()
    _write_note({**crowd, **wanted, "fingerprint": fingerprint()})
    seconds = time.perf_counter() - started
    return f"Seeded the {', '.join(web_seed.PEOPLE)} people ({why}; {seconds:.0f} s)"
