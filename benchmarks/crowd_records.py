"""What a crowd person (``benchmarks.crowd_people.Person``) keeps of their learning, their
circle and their wins: a part of the person, kept apart for its length."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from benchmarks.crowd_seed import DOMAIN
from benchmarks.seed import NAMES, days

if TYPE_CHECKING:
    import datetime

    from benchmarks.crowd_seed import Content

WINS = ("Shipped the migration without downtime", "Ran the planning session", "Got the offer")


class Records:
    """Learning, circle and wins; ``Person`` gives the tables, the person and their goals."""

    rng: random.Random
    content: Content
    now: datetime.datetime
    today: datetime.date
    user: int
    number: int
    goals: list

    def _learning(self) -> None:
        rng, content = self.rng, self.content
        for _n in range(rng.choices((0, 1, 3, 6), (3, 3, 3, 1))[0]):
            suggestion, kind = rng.choice(content.suggestions)
            started = self.moment().date()
            status = rng.choices(("planned", "in_progress", "done", "dropped"), (2, 2, 5, 1))[0]
            finished = started + days(rng.randint(1, 120)) if status == "done" else None
            item = self.add(
                "LearningItem",
                user_id=self.user,
                kind_id=kind,
                suggestion_id=suggestion,
                title="Course on negotiation",
                provider="Open University",
                status=status,
                started_on=started if status != "planned" else None,
                finished_on=finished,
                hours=rng.choice((None, 2, 6, 12, 40)),
                expires_on=finished + days(rng.randint(60, 1000))
                if finished and rng.random() < 0.2
                else None,
                created_at=self.joined,
                updated_at=self.joined,
            )
            self.add(
                "LearningItem_skills",
                learningitem_id=item,
                question_id=rng.choice(content.skill_questions),
            )
            if self.goals and rng.random() < 0.5:
                self.add(
                    "LearningItem_goals", learningitem_id=item, goal_id=rng.choice(self.goals)[0]
                )

    def _circle(self) -> None:
        rng, now, user = self.rng, self.now, self.user
        for n in range(rng.choices((0, 1, 2, 3), (4, 3, 2, 1))[0]):
            created = self.moment()
            revoked = rng.random() < 0.15
            member = self.add(
                "CircleMember",
                owner_id=user,
                name=rng.choice(NAMES),
                email=f"mentor{n}.{self.number}@{DOMAIN}",
                role=rng.choice(("mentor", "manager", "coach", "peer")),
                link_salt=f"{rng.getrandbits(64):016x}",
                token_hash=random_hash(rng),
                expires_at=now + days(rng.randint(-30, 180)),
                invite_sent_at=created,
                revoked_at=self.moment(created) if revoked else None,
                goals_sharing=rng.choice(("none", "chosen", "all")),
                checkins_sharing=rng.choice(("none", "progress", "reflections")),
                share_quarters=rng.random() < 0.5,
                created_at=created,
                updated_at=created,
            )
            shared = rng.sample(self.goals, min(len(self.goals), rng.randint(0, 3)))
            for goal, _created, _status in shared:
                self.add("CircleMember_goals", circlemember_id=member, goal_id=goal)
            for goal, created_goal, _status in shared:
                at = self.moment(created_goal)
                self.add(
                    "Comment",
                    owner_id=user,
                    member_id=member,
                    author_name="Mentor",
                    goal_id=goal,
                    body="Nice progress; who else could you ask?",
                    created_at=at,
                    emailed_at=at,
                )
            for _c in range(rng.choices((0, 1, 2), (3, 2, 1))[0]):
                held = self.moment().date()
                conversation = self.add(
                    "Conversation",
                    owner_id=user,
                    member_id=member,
                    with_name="Mentor",
                    planned_for=held,
                    held_on=held if held < self.today else None,
                    agenda="Where I want to be in two years.",
                    notes="Try the platform team.",
                    created_at=now,
                    updated_at=now,
                )
                if self.goals and rng.random() < 0.5:
                    self.add(
                        "ActionItem",
                        conversation_id=conversation,
                        text="Ask about the platform team",
                        goal_id=rng.choice(self.goals)[0],
                        due_date=held + days(14),
                        done=rng.random() < 0.5,
                    )
        for _f in range(rng.choices((0, 1, 2), (6, 3, 1))[0]):
            prompt_set, prompts = rng.choice(self.content.prompt_sets)
            sent = self.moment()
            answered = rng.random() < 0.6
            request = self.add(
                "FeedbackRequest",
                owner_id=user,
                name="A colleague",
                email=f"colleague.{self.number}.{rng.getrandbits(20)}@{DOMAIN}",
                prompt_set_id=prompt_set,
                link_salt=f"{rng.getrandbits(64):016x}",
                token_hash=random_hash(rng),
                created_at=sent,
                expires_at=sent + days(30),
                sent_at=sent,
                answered_at=self.moment(sent) if answered else None,
            )
            if answered:
                for prompt, text in prompts:
                    self.add(
                        "FeedbackAnswer",
                        request_id=request,
                        prompt_id=prompt,
                        prompt_text=text,
                        text="Keep pairing with new people.",
                    )

    def _wins(self) -> None:
        rng = self.rng
        for _w in range(rng.choices((0, 1, 3, 8), (3, 3, 3, 1))[0]):
            goal = rng.choice(self.goals)[0] if self.goals and rng.random() < 0.5 else None
            at = self.moment()
            win = self.add(
                "Win",
                user_id=self.user,
                title=rng.choice(WINS),
                impact="The team ships on Fridays again.",
                happened_on=at.date(),
                goal_id=goal,
                noticed_by="My manager" if rng.random() < 0.3 else "",
                created_at=at,
                updated_at=at,
            )
            if rng.random() < 0.5:
                self.add(
                    "Win_skills", win_id=win, question_id=rng.choice(self.content.skill_questions)
                )


def random_hash(rng: random.Random) -> str:
    """A link's stored hash: nobody opens a crowd person's links."""
    return f"{rng.getrandbits(256):064x}"
