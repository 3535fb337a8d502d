"""What the feedback pages read, each in a fixed number of queries.

The strengths list is the shipped strengths instrument's active rating statements (found
by its slug): what a giver picks from and what "How others see me" sets beside the
owner's own ratings. Answers are read only through the owner's requests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Subquery
from django.http import Http404

from assessments.content.abilities import STRENGTHS
from assessments.models import Answer, Question, QuestionType, Take
from careerapp.content import in_language, language_columns
from careerapp.ownership import owned_or_404
from careerapp.sharing import Aside
from reviews.models import FeedbackAnswer, FeedbackPrompt, FeedbackPromptKind, FeedbackRequest

STRENGTHS_SLUG = STRENGTHS["slug"]
ASIDE_TOP = 3


def strengths_list() -> list[Question]:
    """The statements a strengths question offers, in the instrument's order (1 query)."""
    return list(
        Question.objects.active()
        .filter(instrument__slug=STRENGTHS_SLUG, type=QuestionType.RATING)
        .only("pk", "prompt", "order")
    )


def request_list(user) -> list[FeedbackRequest]:
    """The person's requests, newest first, with their prompt sets (1 query)."""
    return list(FeedbackRequest.objects.for_user(user).select_related("prompt_set"))


def request_page(user, pk: int) -> dict:
    """One request of the person's with its answers and picks (3 queries); Http404 for
    anyone else's."""
    request = owned_or_404(FeedbackRequest.objects.select_related("prompt_set"), user, pk=pk)
    picks = Question.objects.only("pk", "prompt").order_by("order", "pk")
    answers = list(
        request.answers.select_related("prompt").prefetch_related(Prefetch("picks", queryset=picks))
    )
    return {"feedback": request, "answers": answers}


@dataclass(frozen=True)
class GiverPage:
    feedback: FeedbackRequest
    prompts: list[FeedbackPrompt]
    strengths: list[Question]

    @property
    def owner_name(self) -> str:
        owner = self.feedback.owner
        return owner.display_name or owner.email


def giver_page(token: str) -> GiverPage:
    """What a secret link opens (3 queries at most); Http404 for a link that names no
    request, or one whose owner's account is closed. Whether it is still open is the
    view's to say (410)."""
    request = FeedbackRequest.objects.by_token(token).select_related("owner", "prompt_set").first()
    if request is None or not request.owner.is_active:
        raise Http404
    prompts = list(request.prompt_set.prompts.filter(is_active=True))
    wants_strengths = any(prompt.kind == FeedbackPromptKind.STRENGTHS for prompt in prompts)
    return GiverPage(request, prompts, strengths_list() if wants_strengths else [])


@dataclass
class StrengthSeen:
    """One strength: how I rated it in my latest take, and who picked it for me."""

    question: Question
    own_rating: int | None = None
    pickers: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.pickers)


def _picked(user):
    """The owner's answered requests' picks, one row per (strength, request)."""
    Picks = FeedbackAnswer.picks.through  # noqa: N806 - a model class
    return Picks.objects.filter(
        feedbackanswer__request__owner=user, feedbackanswer__request__answered_at__isnull=False
    )


def how_others_see_me(user) -> dict:
    """Each strength with my own latest rating and who picked it (3 queries)."""
    strengths = {question.pk: StrengthSeen(question) for question in strengths_list()}
    latest = (
        Take.objects.for_user(user)
        .completed()
        .filter(instrument__slug=STRENGTHS_SLUG)
        .latest_first()
        .values("pk")[:1]
    )
    own = Answer.objects.filter(take=Subquery(latest), question__in=list(strengths))
    taken_at = None
    for question_id, rating, completed_at in own.values_list(
        "question_id", "rating", "take__completed_at"
    ):
        strengths[question_id].own_rating = rating
        taken_at = completed_at
    seen: set[tuple[int, int]] = set()
    picks = _picked(user).filter(question_id__in=list(strengths))
    for question_id, request_id, name in picks.order_by(
        "feedbackanswer__request__answered_at", "feedbackanswer__request_id"
    ).values_list("question_id", "feedbackanswer__request_id", "feedbackanswer__request__name"):
        if (question_id, request_id) not in seen:  # two strengths questions in one set
            seen.add((question_id, request_id))
            strengths[question_id].pickers.append(name)
    return {"rows": list(strengths.values()), "taken_at": taken_at, "any_picks": bool(seen)}


def top_picked(user, *, limit: int = ASIDE_TOP) -> list[dict]:
    """The strengths others picked most for the person, with counts (1 query)."""
    rows = (
        _picked(user)
        .filter(question__is_active=True)
        .values("question_id", *language_columns("question__prompt"))
        .annotate(count=Count("feedbackanswer__request", distinct=True))
        .order_by("-count", "question__order", "question_id")[:limit]
    )
    return [{**row, "question__prompt": in_language(row, "question__prompt")} for row in rows]


def strengths_aside(user, obj) -> Aside | None:
    """Beside the owner's results of a strengths take: the strengths others picked most.

    None for anything else: the take's instrument is already loaded on the results page,
    so another instrument costs no query (one at most when it is not)."""
    if not isinstance(obj, Take) or obj.user_id != user.pk:
        return None
    if obj.instrument.slug != STRENGTHS_SLUG:
        return None
    return Aside("reviews/includes/_feedback_aside.html", {"top": top_picked(user)})
