"""Demo self-assessments: about two years of taking stock, a year or so apart.

Takes go through the services exactly as a person's would (start, save, complete), then
their dates are moved back with ``.update()``. Works with whatever instruments are offered:
it picks one per kind and skips a kind that is missing. The story: skills grow year on
year and ambitions rise with them; satisfaction dips in the middle year (a
reorganisation) and recovers after a move; values mostly hold, and that retake is due
now. The career culture check is taken once, a month ago, after the move: a manager who
makes time, a learning budget, but no time in the week to use it and promotions decided
out of sight. Answers follow each question's position, so the same content always gives
the same demo. The goal that closes the biggest skill gap is the goals app's
(``goals/demo.py``).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from assessments import services
from assessments.content import ORDER_STEP
from assessments.content.skills import SKILL_KEYS
from assessments.models import (
    Instrument,
    InstrumentKind,
    PersonalSkill,
    Question,
    QuestionType,
    Role,
    Take,
    TargetStatus,
)

# Days before today of each take, oldest first. The values retake is placed from its
# instrument's interval so it is due however the admin set it.
SKILLS_AGES = (745, 380, 40)
SATISFACTION_AGES = (730, 372, 24)
OVERDUE_BY = 26
CULTURE_AGE = 31  # well inside its retake interval, so only the values retake is due
STRENGTHS_AGE = 62  # one take, two months ago: what others' feedback is set beside

# Per skill, in questionnaire order: current levels, then desired levels, at each take.
# Most grow a level over two years; presenting grew with practice; influencing is the gap.
SKILL_PATHS = (
    ((3, 3, 4), (4, 4, 5)),
    ((3, 4, 4), (4, 4, 4)),
    ((2, 2, 3), (3, 4, 4)),
    ((2, 3, 3), (4, 4, 4)),
    ((3, 3, 3), (3, 3, 4)),
    ((4, 4, 4), (4, 4, 4)),
    ((3, 3, 4), (4, 4, 4)),
    ((2, 2, 3), (4, 4, 4)),
    ((3, 3, 4), (4, 4, 4)),
    ((2, 2, 2), (3, 4, 4)),
    ((1, 2, 3), (3, 4, 4)),
    ((2, 2, 3), (3, 4, 4)),
    ((1, 2, 2), (3, 4, 5)),
    ((2, 3, 3), (3, 4, 4)),
    ((2, 3, 3), (3, 3, 4)),
    ((1, 2, 2), (2, 3, 4)),
    ((1, 2, 2), (3, 3, 4)),
)

# The optional specialist skills the demo person rates (an engineer on a platform team who
# would like to lead one), by skill key; the others stay "not assessed yet".
DEMO_SPECIALIST = {
    "software-development": ((3, 4, 4), (4, 4, 5)),
    "system-design": ((2, 3, 3), (3, 4, 4)),
    "production-operations": ((2, 3, 4), (3, 4, 4)),
    "project-management": ((2, 2, 3), (3, 3, 4)),
    "hiring": ((1, 1, 2), (2, 3, 3)),
    "performance-management": ((1, 1, 1), (2, 3, 3)),
}
_SPECIALIST_BY_ORDER = {
    SKILL_KEYS[key] * ORDER_STEP: levels for key, levels in DEMO_SPECIALIST.items()
}

# Ratings per question at each take. Satisfaction dips in the reorganisation year and
# recovers after a move; values mostly hold, with balance and meaning gaining weight.
RATINGS = {
    InstrumentKind.SATISFACTION: (
        (4, 3, 4),
        (3, 3, 3),
        (3, 2, 4),
        (4, 2, 4),
        (4, 3, 4),
        (3, 2, 3),
        (4, 3, 4),
        (2, 2, 3),
        (4, 2, 3),
        (4, 2, 4),
    ),
    # One take. Rated modestly where the manager's feedback later saw more (staying calm,
    # explaining simply); lowest on asking for help early and saying no.
    InstrumentKind.STRENGTHS: (
        (4,),
        (3,),
        (4,),
        (3,),
        (3,),
        (4,),
        (2,),
        (2,),
        (4,),
        (3,),
    ),
    # One take: conversations, feedback and the manager are good since the move; moves and
    # promotions are opaque and learning has a budget but no time.
    InstrumentKind.CULTURE: (
        (4,),
        (4,),
        (3,),
        (4,),
        (5,),
        (3,),
        (2,),
        (3,),
        (4,),
        (3,),
        (2,),
        (4,),
        (3,),
        (3,),
        (4,),
    ),
    InstrumentKind.VALUES: (
        (4, 4),
        (3, 3),
        (5, 5),
        (5, 5),
        (4, 5),
        (3, 3),
        (4, 4),
        (4, 5),
        (3, 2),
        (3, 4),
        (3, 3),
        (5, 5),
    ),
}

OWN_SKILLS = (
    # name, the take it was first rated in, (current, desired) at each take from then
    ("Facilitating workshops", 0, ((2, 4), (3, 4), (3, 4))),
    ("SQL for analysis", 0, ((1, 3), (2, 3), (3, 4))),
    ("Cloud architecture", 1, ((2, 4), (3, 4))),
)

# Free-text answers, found by how their question starts; one per take, None to skip.
WRITTEN: dict[str, tuple[str | None, ...]] = {
    "What one change would make the biggest difference": (
        "More time for deep work. Three mornings a week without meetings would do it.",
        "Clarity after the reorganisation: who decides what, and where my team is going.\n"
        "Right now I spend more energy guessing than working.",
        "Keep the platform role I moved into in spring, and get the study time for the "
        "cloud certification written into my objectives.",
    ),
    "What has changed since you last answered": (
        None,
        "The reorganisation. New manager, new priorities, and two good colleagues left.",
        "Moved to the platform team in spring. The work is harder and much better; "
        "my new manager, Priya, actually makes time for one-to-ones.",
    ),
    "Think of a time work felt deeply right": (
        "Onboarding the two new joiners: seeing them ship their first change in week two.",
        "The build-time project. We halved it, and I got to teach what we learnt.",
    ),
    "Is there a value your current work asks you to set aside": (
        "Balance, during release weeks. It is bearable because it is rare.",
        "Less than before. The on-call rota is fairer since the move.",
    ),
    "What do people reliably come to you for": (
        "Why the build is slow, and how to explain a design to people outside the team.",
    ),
    "What tends to trip you up": (
        "Saying yes to every request in release weeks, then going quiet on the ones I "
        "cannot finish.",
    ),
    "If you could get noticeably better at one thing this year": (
        "Bringing people along when I have no authority over them.",
    ),
    "What one change would most improve how your organisation supports careers": (
        "Publish what each promotion asks for and who decides it, and post open roles "
        "before they are filled.",
    ),
}


class _Clock:
    def __init__(self) -> None:
        self.now = timezone.now()
        self.today = timezone.localdate()

    def ago(self, days: int, hour: int = 19, minute: int = 30) -> datetime.datetime:
        day = self.today - datetime.timedelta(days=days)
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
        return min(moment, self.now)


def load(user) -> None:
    clock = _Clock()
    instruments = Instrument.objects.active()
    skills = (
        instruments.filter(slug="skills").first()
        or instruments.filter(kind=InstrumentKind.SKILLS).first()
    )
    if skills is not None:
        _skills(user, skills, clock)
    satisfaction = instruments.filter(kind=InstrumentKind.SATISFACTION).first()
    if satisfaction is not None:
        for step, age in enumerate(SATISFACTION_AGES):
            _take(user, satisfaction, clock.ago(age), _answers(satisfaction, step))
    values = instruments.filter(kind=InstrumentKind.VALUES).first()
    if values is not None:
        last = values.retake_interval.days + OVERDUE_BY
        for step, age in enumerate((last + 365, last)):
            _take(user, values, clock.ago(age), _answers(values, step))
    culture = (
        instruments.filter(slug="culture").first()
        or instruments.filter(kind=InstrumentKind.CULTURE).first()
    )
    if culture is not None:
        _take(user, culture, clock.ago(CULTURE_AGE), _answers(culture, 0))
    strengths = (
        instruments.filter(slug="strengths").first()
        or instruments.filter(kind=InstrumentKind.STRENGTHS).first()
    )
    if strengths is not None:
        _take(user, strengths, clock.ago(STRENGTHS_AGE), _answers(strengths, 0))
    _roles(user)


# The demo person's place in the role library, by the shipped roles' slugs; a slug this
# site does not have is skipped (the library may be empty or edited by its admins).
DEMO_CURRENT_ROLE = "senior-software-engineer"
DEMO_PURSUED_ROLE = "engineering-manager"
DEMO_EXPLORING_ROLE = "staff-software-engineer"


def _roles(user) -> None:
    slugs = (DEMO_CURRENT_ROLE, DEMO_PURSUED_ROLE, DEMO_EXPLORING_ROLE)
    roles = {role.slug: role for role in Role.objects.active().filter(slug__in=slugs)}
    if DEMO_CURRENT_ROLE in roles:
        services.current_role_set(user=user, role=roles[DEMO_CURRENT_ROLE])
    for slug, status in (
        (DEMO_EXPLORING_ROLE, TargetStatus.EXPLORING),
        (DEMO_PURSUED_ROLE, TargetStatus.PURSUING),
    ):
        if slug in roles:
            services.target_role_set(user=user, role=roles[slug], status=status)


def _skills(user, instrument: Instrument, clock: _Clock) -> None:
    own: dict[str, PersonalSkill] = {}
    for step, age in enumerate(SKILLS_AGES):
        answers = _answers(instrument, step)
        for name, first_step, levels in OWN_SKILLS:
            if not instrument.allows_personal_items or step < first_step:
                continue
            if name not in own:
                own[name] = services.personal_skill_add(user=user, instrument=instrument, name=name)
                PersonalSkill.objects.filter(pk=own[name].pk).update(created_at=clock.ago(age, 19))
            current, desired = levels[step - first_step]
            answers[own[name].key] = {"current_level": current, "desired_level": desired}
        _take(user, instrument, clock.ago(age), answers)


def _take(user, instrument: Instrument, completed_at: datetime.datetime, answers) -> Take:
    take = services.take_start(user=user, instrument=instrument)
    services.take_save_answers(take=take, answers=answers)
    take = services.take_complete(take=take)
    Take.objects.filter(pk=take.pk).update(
        started_at=completed_at - datetime.timedelta(minutes=18),
        updated_at=completed_at,
        completed_at=completed_at,
    )
    take.completed_at = completed_at
    return take


def _answers(instrument: Instrument, step: int) -> dict[str, dict[str, Any]]:
    ratings = RATINGS.get(instrument.kind, RATINGS[InstrumentKind.VALUES])
    answers = {}
    questions = instrument.questions.active().prefetch_related("options")
    for index, question in enumerate(questions):
        values = _answer(question, index, step, instrument.kind, ratings)
        if values is not None:
            answers[question.key] = values
    return answers


def _answer(question: Question, index: int, step: int, kind: str, ratings) -> dict | None:
    if question.type == QuestionType.SKILL and not question.required:
        if kind != InstrumentKind.SKILLS or question.order not in _SPECIALIST_BY_ORDER:
            return None
        currents, desires = _SPECIALIST_BY_ORDER[question.order]
        return {"current_level": currents[step], "desired_level": desires[step]}
    if question.type == QuestionType.SKILL:
        currents, desires = SKILL_PATHS[index % len(SKILL_PATHS)]
        return {"current_level": currents[step], "desired_level": desires[step]}
    if question.type == QuestionType.RATING:
        return {"rating": ratings[index % len(ratings)][step]}
    options = list(question.options.all())
    if question.type == QuestionType.SINGLE and options:
        position = (1, 3, 0)[step] if kind == InstrumentKind.SATISFACTION else index
        return {"option_ids": [options[position % len(options)].pk]}
    if question.type == QuestionType.MULTIPLE and options:
        picks = (2, 3, 11) if step == 0 else (2, 3, 7)  # balance moved into the top three
        return {"option_ids": sorted({options[p % len(options)].pk for p in picks})}
    if question.type == QuestionType.TEXT:
        for start, texts in WRITTEN.items():
            if question.prompt.startswith(start) and step < len(texts) and texts[step]:
                return {"text": texts[step]}
        if question.required:
            return {"text": "A steady, interesting job with people I like and time to learn."}
    return None
