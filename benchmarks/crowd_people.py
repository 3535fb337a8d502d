"""One person of the crowd (``benchmarks.crowd_seed``): their rows in every part of the
app, added to the block's tables, all drawn from ``random.Random(number)``. The words are
the email benchmark's (``benchmarks.seed``)."""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

from benchmarks.crowd_records import Records, random_hash
from benchmarks.crowd_seed import DOMAIN
from benchmarks.seed import GOALS, NAMES, STEPS, ZONES, days

if TYPE_CHECKING:
    from benchmarks.crowd_seed import Content

CADENCE_DAYS = {"weekly": 7, "fortnightly": 14, "monthly": 30, "quarterly": 91}


class Person(Records):
    """One crowd person's rows, added to the block's tables."""

    def __init__(self, number: int, tables: dict, content: Content, now) -> None:
        self.number, self.content, self.now = number, content, now
        self.rng = random.Random(number)
        self.t = {model.__name__: table for model, table in tables.items()}
        self.today = now.date()

    def add(self, model: str, /, **values) -> int:
        return self.t[model].add(**values)

    def build(self) -> None:
        rng, now = self.rng, self.now
        # A share new, most a few years in, some a long time.
        years = rng.choices((0.2, 1, 3, 6), (2, 4, 3, 1))[0] * rng.uniform(0.5, 1.5)
        self.joined = now - days(years * 365 + 10)
        self.tenure = (now - self.joined).days
        self.user = self._account()
        self.goals = self._goals()
        self.skills = self._assessments()
        self._checkins()
        self._decisions()
        self._learning()
        self._circle()
        self._wins()

    def moment(self, after: datetime.datetime | None = None) -> datetime.datetime:
        """A time between ``after`` (default: joining) and now."""
        start = after or self.joined
        return start + (self.now - start) * self.rng.random()

    # --- Account ------------------------------------------------------------------------

    def _account(self) -> int:
        rng, now = self.rng, self.now
        email = f"crowd{self.number:07d}@{DOMAIN}"
        enabled = rng.random() < 0.9
        user = self.add(
            "User",
            password=UNUSABLE_PASSWORD_PREFIX,  # nobody signs in as them
            email=email,
            display_name=rng.choice(NAMES),
            time_zone=rng.choice(list(ZONES)),
            language=rng.choices(("en", "fr", "es"), (6, 2, 2))[0],
            reminders_enabled=enabled,
            reminder_weekday=rng.randrange(7),
            reminder_hour=rng.choice((7, 8, 9, 18)),
            reminders_send_empty=rng.random() < 0.2,
            # The coming week's slot, on the hour: nobody due now.
            next_reminder_at=(now + days(rng.uniform(0.05, 7))).replace(minute=0, second=0)
            if enabled
            else None,
            reminder_preferences_set_at=self.joined,
            date_joined=self.joined,
            last_login=self.moment(),
        )
        self.add("EmailAddress", user_id=user, email=email, verified=True, primary=True)
        if enabled:
            monday = self.today - days(self.today.weekday())
            for week in range(1, min(self.tenure // 7, rng.randint(0, 30)) + 1):
                at = now - days(7 * week)
                self.add(
                    "ReminderDelivery",
                    user_id=user,
                    week=monday - days(7 * week),
                    scheduled_for=at,
                    status="sent" if rng.random() < 0.8 else "skipped",
                    attempts=1,
                    created_at=at,
                    enqueued_at=at,
                    claimed_at=at,
                    sent_at=at,
                )
        if rng.random() < 0.15:
            self.add(
                "CalendarFeed",
                user_id=user,
                salt=f"{rng.getrandbits(64):016x}",
                token_hash=random_hash(rng),
            )
        return user

    # --- Goals and steps ----------------------------------------------------------------

    def _goals(self) -> list[tuple[int, datetime.datetime, str]]:
        rng, now, user = self.rng, self.now, self.user
        closed = int(self.tenure / 365 * rng.uniform(0.5, 3))
        opened = rng.choices((0, 1, 2, 3, 5), (1, 3, 3, 2, 1))[0]
        goals = []
        for priority in range(min(closed + opened, 40)):
            is_open = priority < opened
            created = (
                self.moment() if not is_open else now - days(rng.uniform(5, min(self.tenure, 400)))
            )
            status = (
                rng.choices(("active", "paused"), (5, 1))[0]
                if is_open
                else rng.choices(("achieved", "dropped"), (7, 3))[0]
            )
            changed = created if is_open else self.moment(created)
            goal = self.add(
                "Goal",
                user_id=user,
                title=rng.choice(GOALS),
                why="It moves me towards the role I want.",
                category=rng.choice(
                    ("skill", "role", "learning", "network", "visibility", "wellbeing")
                ),
                horizon="short" if rng.random() < 0.8 else "long",
                target_date=(created + days(rng.randint(30, 400))).date(),
                status=status,
                status_changed_at=changed,
                priority=priority,
                last_progress_at=changed,
                created_at=created,
                updated_at=changed,
            )
            goals.append((goal, created, status))
            for position in range(rng.randint(1, 6)):
                done = not is_open or rng.random() < 0.4
                self.add(
                    "Task",
                    goal_id=goal,
                    title=rng.choice(STEPS),
                    due_date=(created + days(rng.randint(7, 200))).date()
                    if rng.random() < 0.8
                    else None,
                    is_milestone=rng.random() < 0.1,
                    done_at=self.moment(created) if done and status != "dropped" else None,
                    position=position,
                    created_at=created,
                )
            self.add("GoalChange", goal_id=goal, kind="created", created_at=created)
            if not is_open:
                self.add(
                    "GoalChange",
                    goal_id=goal,
                    kind="status",
                    old_value="active",
                    new_value=status,
                    created_at=changed,
                )
        return goals

    def _decisions(self) -> None:
        rng = self.rng
        if rng.random() > 0.2:
            return
        created = self.moment()
        decided = rng.random() < 0.5
        decision = self.add(
            "Decision",
            user_id=self.user,
            question="Stay in my team or move to the data team?",
            status="decided" if decided else "open",
            decided_on=self.moment(created).date() if decided else None,
            reason="It grows me most." if decided else "",
            created_at=created,
            updated_at=created,
        )
        options = [
            self.add(
                "DecisionOption",
                decision_id=decision,
                title=title,
                gut=rng.randint(1, 5),
                position=n,
                role_id=rng.choice(self.content.roles) if rng.random() < 0.3 else None,
            )
            for n, title in enumerate(("Stay", "Move to data", "Go freelance")[: rng.randint(2, 3)])
        ]
        criteria = [
            self.add(
                "DecisionCriterion",
                decision_id=decision,
                name=name,
                weight=rng.randint(1, 5),
                position=n,
            )
            for n, name in enumerate(("Growth", "Balance", "Pay")[: rng.randint(2, 3)])
        ]
        for option in options:
            for criterion in criteria:
                self.add(
                    "DecisionScore",
                    option_id=option,
                    criterion_id=criterion,
                    score=rng.randint(1, 5),
                )

    # --- Self-assessments and roles ----------------------------------------------------

    def _assessments(self) -> list[int]:
        rng, content, user = self.rng, self.content, self.user
        skills = []
        for instrument, _kind, questions in rng.sample(
            content.instruments, rng.choices((0, 1, 2, 3), (2, 4, 3, 1))[0]
        ):
            for _take in range(rng.choices((1, 2, 3), (6, 3, 1))[0]):
                at = self.moment()
                take = self.add(
                    "Take",
                    user_id=user,
                    instrument_id=instrument,
                    status="completed",
                    started_at=at,
                    updated_at=at,
                    completed_at=at,
                )
                for pk, kind, prompt, options in questions:
                    values = {"rating": None, "current_level": None, "desired_level": None}
                    values.update(text="", option_ids=[], option_labels=[])
                    if kind == "rating":
                        values["rating"] = rng.randint(1, 5)
                    elif kind == "skill":
                        current = rng.randint(1, 4)
                        values.update(current_level=current, desired_level=rng.randint(current, 5))
                    elif kind == "text":
                        values["text"] = "More ownership of the roadmap."
                    elif options:
                        chosen = rng.sample(
                            options, 1 if kind == "single" else min(2, len(options))
                        )
                        values.update(
                            option_ids=[o[0] for o in chosen], option_labels=[o[1] for o in chosen]
                        )
                    self.add(
                        "Answer",
                        take_id=take,
                        question_id=pk,
                        key=f"q{pk}",
                        prompt=prompt,
                        type=kind,
                        **values,
                    )
        if rng.random() < 0.3:
            skill_instrument = next(i[0] for i in content.instruments if i[1] == "skills")
            for name in ("Public speaking", "Negotiation")[: rng.randint(1, 2)]:
                skills.append(
                    self.add(
                        "PersonalSkill", user_id=user, instrument_id=skill_instrument, name=name
                    )
                )
        roles = rng.sample(content.roles, 3)
        if rng.random() < 0.6:
            self.add("CurrentRole", user_id=user, role_id=roles[0])
        for n, role in enumerate(roles[1 : 1 + rng.choices((0, 1, 2), (4, 4, 2))[0]]):
            self.add(
                "TargetRole",
                user_id=user,
                role_id=role,
                status="pursuing" if n == 0 and rng.random() < 0.5 else "exploring",
            )
        return skills

    # --- Check-ins ------------------------------------------------------------------------

    def _checkins(self) -> None:
        rng, now, user = self.rng, self.now, self.user
        if rng.random() > 0.8:
            return
        cadence = rng.choices(list(CADENCE_DAYS), (1, 2, 5, 2))[0]
        length = CADENCE_DAYS[cadence]
        anchor = self.joined.date()
        self.add("Schedule", user_id=user, cadence=cadence, anchor=anchor, updated_at=self.joined)
        keeps = rng.uniform(0.3, 0.95)
        start = anchor + days(((self.today - anchor).days // length) * length)
        for age in range(80):
            period_start = start - days(age * length)
            if period_start < anchor:
                break
            if rng.random() > keeps:
                continue
            end = period_start + days(length - 1)
            due = datetime.datetime.combine(end, datetime.time(17), tzinfo=datetime.UTC)
            draft = age == 0 and rng.random() < 0.3
            submitted = None if draft else min(now, due + days(rng.random() * 3))
            checkin = self.add(
                "CheckIn",
                user_id=user,
                period_start=period_start,
                period_end=end,
                cadence=cadence,
                status="draft" if draft else "submitted",
                satisfaction=rng.randint(1, 5),
                energy=rng.randint(1, 5),
                created_at=submitted or now,
                updated_at=submitted or now,
                submitted_at=submitted,
            )
            if self.goals:
                for goal, _created, _status in rng.sample(
                    self.goals, min(len(self.goals), rng.randint(1, 3))
                ):
                    self.add(
                        "GoalReview",
                        checkin_id=checkin,
                        goal_id=goal,
                        goal_title=rng.choice(GOALS),
                        progress=rng.randint(0, 100),
                        status=rng.choice(("on_track", "at_risk", "off_track", "done")),
                        note="Steady progress." if rng.random() < 0.5 else "",
                    )
            for prompt, text in rng.sample(self.content.prompts, rng.randint(0, 2)):
                self.add(
                    "Reflection",
                    checkin_id=checkin,
                    prompt_id=prompt,
                    prompt_text=text,
                    answer="Less context switching.",
                )
            if self.goals and rng.random() < 0.3:
                self.add(
                    "NextStep",
                    checkin_id=checkin,
                    goal_id=rng.choice(self.goals)[0],
                    title=rng.choice(STEPS),
                    due_date=end + days(7),
                )
