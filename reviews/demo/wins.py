"""Demo wins: seven over the last year, as a person who keeps a journal would have written
them. Some came from a ticked milestone or an achieved goal (linked to them), one from
Priya Raman's comment on leading the guild (noticed by her, linked to the comment), one
from the check-in of its fortnight (linked to it when there is one), and
each names the skills it showed: shipped skill questions by their stable keys
(``assessments.content.skills``), and the person's own skills by name when the assessments
demo added them. Runs after the goals, check-ins and circle demos; whatever of them is
missing, the wins are still written, unlinked.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.utils import timezone

from assessments.content import ORDER_STEP
from assessments.content.skills import SKILL_KEYS
from assessments.models import PersonalSkill, Question
from goals.models import Goal, Task
from reviews.models import CheckIn, CircleMember, Comment, Win

SKILLS_SLUG = "skills"


class DemoWin(NamedTuple):
    title: str
    impact: str
    days_ago: int
    skills: tuple[str, ...] = ()  # shipped skill keys
    own: tuple[str, ...] = ()  # the person's own skills, by name
    goal: str = ""  # the start of the goal's title
    task: str = ""  # the milestone it came from
    noticed_by: str = ""
    member: str = ""  # the circle member who noticed, by name
    from_checkin: bool = False  # recorded from the check-in of its period


WINS = (
    DemoWin(
        "Cut the nightly reporting pipeline from three hours to forty minutes",
        "Reports are ready before the 9:00 stand-up: the analysts stopped waiting an hour "
        "each morning, and the on-call pager went quiet at night.",
        300,
        skills=("data-engineering", "problem-solving"),
        own=("SQL for analysis",),
        noticed_by="Tom Becker",
        member="Tom Becker",
    ),
    DemoWin(
        "Mentored our graduate through her first on-call week",
        "She handled two incidents on her own by Friday and wrote the runbook page we "
        "were missing.",
        240,
        skills=("coaching",),
        noticed_by="Sam, the graduate",
    ),
    DemoWin(
        "Led the data guild's monthly sessions for a quarter",
        "Attendance grew from 8 to 15 people; two teams now use the review checklist from "
        "the second session.",
        120,
        skills=("leading", "presenting"),
        own=("Facilitating workshops",),
        goal="Lead a team of my own",
        noticed_by="Priya Raman",
        member="Priya Raman",
    ),
    DemoWin(
        "Gave the engineering forum talk on halving our build times",
        "About 80 people came; three teams asked for the build setup the same week, and the "
        "recording is the newsletter's most watched this year.",
        110,
        skills=("presenting", "writing"),
        goal="Give an internal talk",
        task="Give the talk at the engineering forum",
        noticed_by="Jo, my tech lead",
    ),
    DemoWin(
        "Onboarded the two new joiners in the platform team",
        "Both shipped their first change in their second week; the onboarding checklist I "
        "wrote for them is now the team's.",
        35,
        skills=("coaching", "collaboration"),
        goal="Lead a team of my own",
        task="Onboard the two new joiners in the platform team",
        noticed_by="Tom Becker",
        member="Tom Becker",
    ),
    DemoWin(
        "Ran 5 km without stopping",
        "First time since the knee injury. Three runs a week are a habit again.",
        31,
        goal="Get back to running",
        task="Run 5 km without stopping",
    ),
    DemoWin(
        "Wrote the incident review that changed our deploy checklist",
        "Blameless and short; the two checks it proposed caught a bad release a week later. "
        "Thanked for it at the all-hands.",
        15,
        skills=("writing", "production-operations"),
        noticed_by="Head of Engineering, at the all-hands",
        from_checkin=True,
    ),
)


def load(user) -> None:
    if Win.objects.for_user(user).exists():
        return
    today = timezone.localdate()
    goals = list(Goal.objects.for_user(user))
    tasks = {t.title: t for t in Task.objects.for_user(user).filter(done_at__isnull=False)}
    members = {m.name: m for m in CircleMember.objects.for_user(user)}
    own = {s.name: s for s in PersonalSkill.objects.for_user(user)}
    checkins = list(CheckIn.objects.for_user(user))
    questions = _skill_questions()
    for demo in WINS:
        day = today - datetime.timedelta(days=demo.days_ago)
        goal = (
            next((g for g in goals if g.title.startswith(demo.goal)), None) if demo.goal else None
        )
        member = members.get(demo.member)
        win = Win.objects.create(
            user=user,
            title=demo.title,
            impact=demo.impact,
            happened_on=day,
            goal=goal,
            task=tasks.get(demo.task),
            noticed_by="" if member else demo.noticed_by,
            member=member,
            comment=_their_comment(user, member, goal) if demo.member == "Priya Raman" else None,
            checkin=_checkin_of(checkins, day) if demo.from_checkin else None,
            created_at=_evening(day),
        )
        win.skills.set([questions[key] for key in demo.skills if key in questions])
        win.personal_skills.set([own[name] for name in demo.own if name in own])


def _skill_questions() -> dict[str, Question]:
    by_order = {
        q.order: q
        for q in Question.objects.filter(instrument__slug=SKILLS_SLUG, type="skill").order_by("-pk")
    }
    return {
        key: by_order[position * ORDER_STEP]
        for key, position in SKILL_KEYS.items()
        if position * ORDER_STEP in by_order
    }


def _their_comment(user, member: CircleMember | None, goal: Goal | None) -> Comment | None:
    """The mentor's first comment on the goal: what she noticed."""
    if member is None or goal is None:
        return None
    return (
        Comment.objects.for_user(user)
        .filter(member=member, goal=goal)
        .order_by("created_at")
        .first()
    )


def _checkin_of(checkins: list[CheckIn], day: datetime.date) -> CheckIn | None:
    return next((c for c in checkins if c.period_start <= day <= c.period_end), None)


def _evening(day: datetime.date) -> datetime.datetime:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(18, 30)))
    return min(moment, timezone.now())
