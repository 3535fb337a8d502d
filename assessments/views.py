"""Self-assessments: the list, an instrument's page, and taking one (drafts as you go).

Takes and personal skills are looked up through ``assessments.access`` so
another person's are always a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import services
from assessments.access import personal_skill_for, take_for
from assessments.forms import OWN_SKILLS_PAGE, PersonalSkillForm, TakePageForm
from assessments.models import SKILL_LEVELS, Instrument, PersonalSkill, Take


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    instruments = list(Instrument.objects.active().with_last_completed(request.user))
    due = {i.pk for i in Instrument.objects.due_for(request.user)}
    return render(
        request,
        "assessments/index.html",
        {"instruments": instruments, "due_ids": due},
    )


@require_GET
def instrument(request: HttpRequest, slug: str) -> HttpResponse:
    current = get_object_or_404(
        Instrument.objects.active().with_last_completed(request.user), slug=slug
    )
    takes = list(
        Take.objects.for_user(request.user).completed().filter(instrument=current).latest_first()
    )
    due = Instrument.objects.due_for(request.user).filter(pk=current.pk).exists()
    return render(
        request,
        "assessments/instrument.html",
        {"instrument": current, "takes": takes, "is_due": due},
    )


@require_POST
def take_start(request: HttpRequest, slug: str) -> HttpResponse:
    current = get_object_or_404(Instrument.objects.active(), slug=slug)
    take = services.take_start(user=request.user, instrument=current)
    return redirect(take)


def _pages(take: Take) -> list[str]:
    sections: list[str] = []
    for section in take.instrument.questions.active().values_list("section", flat=True):
        if section not in sections:
            sections.append(section)
    if take.instrument.allows_personal_items:
        sections.append(OWN_SKILLS_PAGE)
    return sections or [""]


def _page_number(request: HttpRequest, pages: list[str]) -> int:
    raw = request.POST.get("page") or request.GET.get("page") or "1"
    number = int(raw) if raw.isdecimal() and len(raw) < 19 else 1
    return min(max(number, 1), len(pages))


def _page_form(request: HttpRequest, take: Take, section: str, data=None) -> TakePageForm:
    questions = []
    skills = []
    if section == OWN_SKILLS_PAGE:
        skills = list(
            PersonalSkill.objects.filter(
                user=request.user, instrument=take.instrument, is_active=True
            )
        )
    else:
        questions = list(
            take.instrument.questions.active().filter(section=section).prefetch_related("options")
        )
    answers = {answer.key: answer for answer in take.answers.all()}
    return TakePageForm(data, questions=questions, skills=skills, answers=answers)


def _missing_answers(take: Take, pages: list[str]) -> list[dict]:
    """The required questions still unanswered, each with a link to its page and place."""
    url = reverse("assessments:take", args=[take.pk])
    return [
        {
            "prompt": question.prompt,
            "page": pages.index(question.section) + 1,
            "url": f"{url}?page={pages.index(question.section) + 1}#{question.key}",
        }
        for question in services.missing_required(take)
        if question.section in pages
    ]


def _render_take(request, take, pages, number, form, status=200, **extra) -> HttpResponse:
    section = pages[number - 1]
    context = {
        "take": take,
        "instrument": take.instrument,
        "form": form,
        "items": form.items(),
        "page": number,
        "pages": pages,
        "section": section,
        "is_own_skills_page": section == OWN_SKILLS_PAGE,
        "is_last": number == len(pages),
        "skill_form": extra.pop("skill_form", None) or PersonalSkillForm(),
        "skill_levels": [(f"{n} · {name}", meaning) for n, (name, meaning) in SKILL_LEVELS.items()],
        **extra,
    }
    return render(request, "assessments/take.html", context, status=status)


@require_http_methods(["GET", "POST"])
def take(request: HttpRequest, pk: int) -> HttpResponse:
    current = take_for(request, pk)
    if current.is_completed:
        messages.info(request, _("This assessment is complete. Here are its results."))
        return redirect(current)
    pages = _pages(current)
    number = _page_number(request, pages)
    if request.method == "GET":
        return _render_take(
            request, current, pages, number, _page_form(request, current, pages[number - 1])
        )

    form = _page_form(request, current, pages[number - 1], data=request.POST)
    valid = form.is_valid()
    # Whatever is valid on the page is kept, even when something else is not; a page
    # forged with foreign questions (a non-field error) saves nothing.
    answers = {} if form.non_field_errors() else form.answers()
    try:
        services.take_save_answers(take=current, answers=answers)
    except ValidationError as error:
        form.add_error(None, error)
        valid = False
    if request.htmx:
        return render(
            request,
            "assessments/includes/_saved.html",
            {"saved_at": timezone.now(), "form": form},
        )
    action = request.POST.get("action", "save")
    # Moving on asks for this page's required answers; saving or going back does not.
    if action in {"next", "complete"} and not form.require_answers():
        valid = False
    if valid and action == "complete":
        try:
            services.take_complete(take=current)
        except ValidationError as error:
            if error.code != "incomplete":
                form.add_error(None, error)
            valid = False
        else:
            messages.success(request, _("Done. Your answers are saved as a dated snapshot."))
            return redirect(reverse("assessments:results", args=[current.pk]))
    if not valid:
        missing = _missing_answers(current, pages) if action == "complete" else []
        return _render_take(request, current, pages, number, form, status=422, missing=missing)

    if action == "next":
        number = min(number + 1, len(pages))
    elif action == "previous":
        number = max(number - 1, 1)
    else:
        messages.success(request, _("Saved. You can come back to this any time."))
    return redirect(f"{reverse('assessments:take', args=[current.pk])}?page={number}")


@require_POST
def take_discard(request: HttpRequest, pk: int) -> HttpResponse:
    current = take_for(request, pk)
    try:
        services.take_discard(take=current)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(current)
    messages.success(request, _("Your unfinished answers are discarded."))
    return redirect(current.instrument)


@require_POST
def personal_skill_add(request: HttpRequest, slug: str) -> HttpResponse:
    current = get_object_or_404(Instrument.objects.active(), slug=slug)
    draft = services.take_start(user=request.user, instrument=current)
    form = PersonalSkillForm(request.POST)
    if form.is_valid():
        try:
            services.personal_skill_add(
                user=request.user, instrument=current, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error("name", error)
    pages = _pages(draft)
    last = len(pages)
    if not form.is_valid():
        page_form = _page_form(request, draft, pages[last - 1])
        return _render_take(request, draft, pages, last, page_form, status=422, skill_form=form)
    return redirect(f"{reverse('assessments:take', args=[draft.pk])}?page={last}")


@require_POST
def personal_skill_remove(request: HttpRequest, key: str) -> HttpResponse:
    skill = personal_skill_for(request, key)
    services.personal_skill_remove(skill=skill)
    messages.success(
        request, _("“%(name)s” is no longer asked. Past answers keep it.") % {"name": skill.name}
    )
    draft = Take.objects.for_user(request.user).drafts().filter(instrument=skill.instrument).first()
    if draft is not None:
        return redirect(f"{reverse('assessments:take', args=[draft.pk])}?page={len(_pages(draft))}")
    return redirect(skill.instrument)
