"""``make bench-departures``: do the template tags that write markup in Python still pay?

``goals/templatetags/goals_tags.py`` (the goal list's cards, the timeline's rows and list)
and ``reviews/templatetags/reviews_tags.py`` (the trend charts and their tables) leave
"templates draw" for speed. Here every page that uses them is rendered for the large
person of the web benchmark's seed, in one process with production settings, alternately
by the project's template engine and by a second one in which those tags are template
includes drawing the same markup (``benchmarks/departure_tags.py``,
``benchmarks/templates/departures/``). It prints the medians and includes / tag.

A departure stays while includes take at least 10% more time on a whole page that it
serves (the project's rule); under that, the markup belongs back in the templates. The
markup is compared too: the two sides must write the same page.
"""

from __future__ import annotations

import argparse
import copy
import gc
import os
import re
import time
from pathlib import Path
from statistics import median

# The pages each departure serves, judged; the quarterly summary draws one trend chart and
# is reported only.
PAGES = [
    ("goal list", "/goals/?status=all", "goals_tags"),
    ("timeline", "/goals/timeline/", "goals_tags"),
    ("check-in history", "/reviews/history/", "reviews_tags"),
    ("quarterly summary", "/reviews/quarters/{year}/{quarter}/", ""),
]
GOAL = 1.10
HERE = Path(__file__).resolve().parent
INCLUDES = "benchmarks.departure_tags"  # the tags as includes
_TOKENS = re.compile(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+')


def include_engines():
    """The project's template settings with the Python-markup tags swapped for includes."""
    from django.conf import settings
    from django.template import EngineHandler

    templates = copy.deepcopy(settings.TEMPLATES)
    django_engine = templates[0]
    django_engine["DIRS"] = [
        *django_engine["DIRS"],
        os.path.join(os.path.dirname(__file__), "templates"),
    ]
    libraries = django_engine.setdefault("OPTIONS", {}).setdefault("libraries", {})
    libraries.update(
        goals_tags="benchmarks.departure_tags", reviews_tags="benchmarks.departure_tags"
    )
    return EngineHandler(templates)


def markup(html: str) -> str:
    """A page as written, less its per-request CSRF tokens and the space between tags."""
    html = _TOKENS.sub(r"\1", html)
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


class Sides:
    """Render ``path`` through ``client`` with either engine: the loader's engines are
    swapped, each keeping its own cached templates."""

    def __init__(self, client) -> None:
        from django.template import loader

        self.client = client
        self.engines = {"tag": loader.engines, "includes": include_engines()}

    def get(self, side: str, path: str) -> tuple[float, str]:
        from django.template import loader

        loader.engines = self.engines[side]
        gc.collect()  # the other side's garbage is not this side's to collect
        try:
            started = time.perf_counter()
            response = self.client.get(path)
            seconds = time.perf_counter() - started
        finally:
            loader.engines = self.engines["tag"]
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code} with the {side}")
        return seconds, response.content.decode()

    def differs(self, path: str) -> bool:
        return markup(self.get("tag", path)[1]) != markup(self.get("includes", path)[1])

    def compare(self, path: str, rounds: int, warmup: int) -> tuple[float, float]:
        """Median seconds of each side, the order alternating round by round."""
        for _ in range(warmup):
            self.get("tag", path)
            self.get("includes", path)
        times: dict[str, list[float]] = {"tag": [], "includes": []}
        for number in range(rounds):
            order = ("tag", "includes") if number % 2 == 0 else ("includes", "tag")
            for side in order:
                times[side].append(self.get(side, path)[0])
        return median(times["tag"]), median(times["includes"])


def verdict(ratio: float, library: str, same: bool) -> tuple[bool, str]:
    """(passed, the words): a judged page keeps its departure at ``GOAL`` or more."""
    if not same:
        return False, "MARKUP DIFFERS: update benchmarks/templates/departures/"
    if not library:
        return True, "reported"
    if ratio >= GOAL:
        return True, f"{library} stays"
    return False, f"{library}: plain would do, move the markup back to templates"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=25, help="alternating rounds (25)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up rounds (3)")
    args = parser.parse_args(argv)

    from benchmarks.webserver import environment, free_port, lock_database, prepare

    os.environ.update(environment(free_port()))
    lock = lock_database()
    try:
        for line in prepare():
            print(line, flush=True)
        return run(args)
    finally:
        lock.close()


def run(args) -> int:
    from django.test import Client

    from benchmarks import web_pages, web_seed
    from careerapp.models import User

    email = web_seed.email_of("large")
    client = Client(HTTP_HOST="127.0.0.1")  # one of the production settings' hosts
    client.force_login(User.objects.get(email=email))
    sides = Sides(client)
    filled = web_pages.ids(email, "")
    heading = f"{'page (large person)':<20}{'tag ms':>9}{'includes ms':>13}{'includes/tag':>14}"
    print(f"\n{heading}  verdict")
    failed = False
    for label, path, library in PAGES:
        path = path.format(**filled)
        same = not sides.differs(path)
        tag, includes = sides.compare(path, args.rounds, args.warmup)
        ok, words = verdict(includes / tag, library, same)
        failed |= not ok
        times = f"{tag * 1000:>9.1f}{includes * 1000:>13.1f}{includes / tag:>13.2f}x"
        print(f"{label:<20}{times}  {words}")
    print(
        f"\nMedians of {args.rounds} alternating rounds in one process, production settings. "
        f"A departure stays at includes / tag >= {GOAL:g} on a page it serves."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
