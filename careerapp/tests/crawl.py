"""The crawl several tests share: every page reachable by links, a few of each route."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from assessments.models import PersonalSkill, Question
from goals.models import Decision, LearningItem, Task
from goals.services.decisions import decision_create, decision_decide, decision_score
from reviews.access import link_token
from reviews.demo.circle import MANAGER_EMAIL, MENTOR_EMAIL
from reviews.models import CheckIn, CircleMember, Comment, FeedbackPromptSet, Win
from reviews.queries.feedback import strengths_list
from reviews.services import (
    FeedbackAnswerData,
    feedback_answer_submit,
    feedback_request_create,
    feedback_request_withdraw,
)
from reviews.tests.factories_conversations import conversation_with_action

# Routes that are not pages a person reads: the admin has its own look, healthz is JSON.
NOT_PAGES = ("admin/", "healthz")


class Links(HTMLParser):
    """The links of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def same_origin_path(base: str, href: str) -> str | None:
    url, _fragment = urldefrag(urljoin(base, href))
    parts = urlsplit(url)
    if parts.scheme not in {"", "http"} or parts.netloc not in {"", "testserver"}:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return path or "/"


def skipped(path: str) -> bool:
    never = (reverse("account_logout"), "/admin/", "/static/", "/media/")
    return path.startswith(never)


def route_of(path: str) -> str:
    parts = urlsplit(path)
    try:
        route = resolve(parts.path).route
    except Resolver404:
        return path  # a broken link: crawled, so the crawl fails on it
    return route + ("?" if parts.query else "")


def crawl(
    client: Client, starts: list[str], *, max_per_route: int, max_pages: int = 300
) -> Iterator[tuple[str, object]]:
    """Each path reachable from ``starts`` by same-origin links, with its response.

    Links are followed from redirects and HTML pages; pages of one route differ only in
    their content, so at most ``max_per_route`` of each are fetched. POST-only paths (405)
    are yielded but not counted in ``max_pages``.
    """
    queue, seen, per_route = deque(starts), set(starts), Counter()
    fetched = 0
    while queue and fetched < max_pages:
        path = queue.popleft()
        response = client.get(path)
        fetched += response.status_code != 405
        yield path, response
        links: list[str] = []
        if response.status_code in {301, 302, 303}:
            links.append(response["Location"])
        elif response.get("Content-Type", "").startswith("text/html"):
            parser = Links()
            parser.feed(response.content.decode())
            links += parser.links
        for href in links:
            target = same_origin_path(path, href)
            if not target or target in seen or skipped(target):
                continue
            seen.add(target)
            per_route[route_of(target)] += 1
            if per_route[route_of(target)] <= max_per_route:
                queue.append(target)


def person_starts(client: Client, owner, goal) -> list[str]:
    """Where a crawl of ``owner``'s pages starts (``client`` signed in as them): the
    dashboard, plus what no link reaches until they act: the take and the check-in in
    progress (started here), and the edit pages of ``goal`` and its first step."""
    skill = PersonalSkill.objects.filter(user=owner).first()
    take = client.post(reverse("assessments:start", args=[skill.instrument.slug]))["Location"]
    checkin = client.post(reverse("reviews:start"))["Location"]
    return [
        "/",
        take,
        f"{take}?page=99",  # the own-skills page, last
        checkin,
        reverse("goals:edit", args=[goal.pk]),
        reverse("goals:task_edit", args=[goal.pk, goal.tasks.first().pk]),
        reverse("assessments:skill", args=[f"p{skill.pk}"]),
        *decision_pages(owner),
        *learning_pages(owner),
        *conversation_pages(owner),
        *win_pages(owner),
    ]


def win_pages(owner) -> list[str]:
    """The wins journal of ``owner`` (the demo's wins): the journal filtered, the add form
    as a ticked milestone's, a check-in's and a member's comment's links open it, a win's
    edit and delete pages, the brag document over two years and refused (an end before its
    start; last, answering 422)."""
    win = Win.objects.for_user(owner).exclude(goal=None).first()
    milestone = Task.objects.for_user(owner).filter(is_milestone=True, done_at__isnull=False)
    checkin = CheckIn.objects.for_user(owner).order_by("-period_start").first()
    comment = Comment.objects.for_user(owner).from_circle().order_by("pk").first()
    add = reverse("reviews:win_add")
    brag = reverse("reviews:brag")
    today = timezone.localdate()
    return [
        reverse("reviews:win_list"),
        f"{reverse('reviews:win_list')}?year={today.year}&goal={win.goal_id}",
        f"{add}?task={milestone.first().pk}",
        f"{add}?checkin={checkin.pk}",
        f"{add}?comment={comment.pk}",
        reverse("reviews:win_edit", args=[win.pk]),
        reverse("reviews:win_delete", args=[win.pk]),
        f"{brag}?start={today.replace(day=1, year=today.year - 2)}&end={today}",
        f"{brag}?start={today}&end={today.replace(day=1, year=today.year - 1)}",
    ]


def learning_pages(owner) -> list[str]:
    """The learning log of ``owner`` (the demo's): the list with its chart, the add form
    (plain and started from a skill gap), and each item's page, edit and delete pages (the
    expiring certification among them)."""
    question = Question.objects.filter(type="skill", is_active=True).first()
    paths = [
        reverse("goals:learning_list"),
        reverse("goals:learning_add"),
        f"{reverse('goals:learning_add')}?question={question.pk}",
    ]
    for item in LearningItem.objects.for_user(owner).order_by("pk"):
        paths += [
            item.get_absolute_url(),
            reverse("goals:learning_edit", args=[item.pk]),
            reverse("goals:learning_delete", args=[item.pk]),
        ]
    return paths


def conversation_pages(owner) -> list[str]:
    """A career conversation of ``owner`` (with an action on a goal): its page, printable
    page and delete page, which no link reaches until one is prepared."""
    conversation = conversation_with_action(owner)
    return [
        reverse("reviews:conversations"),
        conversation.get_absolute_url(),
        reverse("reviews:conversation_print", args=[conversation.pk]),
        reverse("reviews:conversation_delete", args=[conversation.pk]),
    ]


def decision_pages(owner) -> list[str]:
    """The decision pages of ``owner`` in both states: the list, a new one, and each
    decision's page and edit page, with a decided one (a goal started from it) added
    next to the demo's open one."""
    decision = decision_create(
        user=owner,
        question="Stay in the team or move to data?",
        options=[{"title": "Stay", "pros": "Known people"}, {"title": "Move to data"}],
        criteria=[{"name": "Growth", "weight": 5}, {"name": "Balance", "weight": 3}],
    )
    stay, move = decision.options.all()
    growth, balance = decision.criteria.all()
    decision_score(
        decision=decision,
        version=None,
        scores={(stay, growth): 2, (move, growth): 5, (stay, balance): 4},
        guts={stay: 4, move: 2},
    )
    decision_decide(
        decision=decision,
        version=None,
        option=move,
        reason="It grows me most.",
        decided_on=decision.created_at.date(),
        start_goal=True,
    )
    paths = [reverse("goals:decisions"), reverse("goals:decision_create")]
    for each in Decision.objects.for_user(owner).order_by("pk"):
        paths += [each.get_absolute_url(), reverse("goals:decision_edit", args=[each.pk])]
    return paths


def parameterless_routes(patterns=None, prefix: str = "") -> list[str]:
    """Every route in the URL resolver that takes no parameter, as a path."""
    routes = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            if entry.pattern.regex.groups == 0:
                routes += parameterless_routes(entry.url_patterns, route)
        elif (
            isinstance(entry, URLPattern)
            and entry.pattern.regex.groups == 0
            and not route.startswith(NOT_PAGES)
        ):
            routes.append("/" + route)
    return routes


def feedback_pages(owner) -> tuple[list[str], list[str]]:
    """The feedback pages of ``owner`` (signed in) and of the people they asked (signed
    out): the list, an answered request (written answers and picked strengths), a waiting
    one, how others see them; the giver's page of the waiting request, and the pages a
    giver meets after it (thanks; already answered and no longer open, both 410)."""
    prompt_set = FeedbackPromptSet.objects.get(slug="keep-grow-see")
    prompts = list(prompt_set.prompts.filter(is_active=True))
    picks = [question.pk for question in strengths_list()[:2]]
    answered, waiting, withdrawn = (
        feedback_request_create(
            owner=owner, prompt_set=prompt_set, name=name, email=email, message=message
        )
        for name, email, message in (
            ("Grace Hopper", "grace@example.com", "You saw the whole migration."),
            ("Alan Turing", "alan@example.com", ""),
            ("Ada Lovelace", "ada@example.com", ""),
        )
    )
    feedback_answer_submit(
        request=answered,
        answers=[
            FeedbackAnswerData(prompt=prompt, text="Keep pairing with new people.", picks=picks)
            for prompt in prompts
        ],
    )
    feedback_request_withdraw(request=withdrawn)
    owners = [
        reverse("reviews:feedback_list"),
        answered.get_absolute_url(),
        waiting.get_absolute_url(),
        reverse("reviews:feedback_strengths"),
    ]
    givers = [
        reverse("reviews:feedback_give", args=[waiting.link_token()]),
        reverse("reviews:feedback_thanks"),
        reverse("reviews:feedback_give", args=[answered.link_token()]),
        reverse("reviews:feedback_give", args=[withdrawn.link_token()]),
    ]
    return owners, givers


def circle_pages(owner) -> tuple[list[str], list[str]]:
    """The circle of ``owner`` (the demo's, loaded first): the owner's pages (the mentor's
    page and the preview of what they see) and the mentor's secret-link pages (overview,
    a goal with comments, a check-in, results, the target roles), plus a revoked member's
    link (410), which no link reaches."""
    mentor = CircleMember.objects.for_user(owner).get(email=MENTOR_EMAIL)
    goal = mentor.goals.order_by("pk").first()
    instrument = mentor.instruments.order_by("pk").first()
    checkin = CheckIn.objects.for_user(owner).submitted().order_by("-period_start").first()
    revoked = CircleMember.objects.for_user(owner).get(email=MANAGER_EMAIL)
    gone = reverse("reviews:link:home", args=[link_token(revoked)])
    revoked.revoked_at = timezone.now()
    revoked.save(update_fields=["revoked_at"])
    owner_pages = [
        reverse("reviews:circle"),
        mentor.get_absolute_url(),
        reverse("reviews:shared_with_me"),
        reverse("reviews:preview:home", args=[mentor.pk]),
        reverse("reviews:preview:item", args=[mentor.pk, "goals", goal.pk]),
    ]
    token = link_token(mentor)
    link_pages = [
        reverse("reviews:link:home", args=[token]),
        reverse("reviews:link:item", args=[token, "goals", goal.pk]),
        reverse("reviews:link:item", args=[token, "results", instrument.pk]),
        reverse("reviews:link:section", args=[token, "roles"]),
        reverse("reviews:link:checkin", args=[token, checkin.pk]),
        gone,
    ]
    return owner_pages, link_pages
