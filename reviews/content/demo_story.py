"""The demo's story of check-ins, in words: nine months of a monthly rhythm, when each
check-in was made and how the person felt, the dates they moved and why, what they wrote
(``reviews.demo`` tells it). Read only by the demo: unlike the prompts' loader, it is
never run by a migration, so it may name the models' choices.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviews.models import GoalStatusChoice

ANCHOR_MONTHS_AGO = 10
ANCHOR_DAY = 12  # mid-month, so counting starts with the first full month after it


@dataclass(frozen=True)
class Correction:
    days: int  # how far the goal's date moves
    reason: str


@dataclass(frozen=True)
class Month:
    """One submitted check-in of the story; months left out slipped by."""

    ago: int  # calendar months before the current one
    satisfaction: int
    energy: int
    days_early: int = 0  # submitted this many days before the month ended
    hour: int = 20
    correction: Correction | None = None


MOVE_OUT = Correction(
    days=91,
    reason="Learning the new platform takes most of my energy right now, and this goal "
    "needs more than what's left over. Moving the date three months out rather than "
    "pretending I'll catch up. It still matters.",
)
HONEST_PACE = Correction(
    days=42,
    reason="Being honest about my pace: I get through about half of what I plan each "
    "month. Six more weeks gives me a date I can actually keep.",
)

# Six and four months ago slipped by, in the dip.
STORY = [
    Month(ago=9, satisfaction=3, energy=3, hour=21),
    Month(ago=8, satisfaction=4, energy=4, days_early=1),
    Month(ago=7, satisfaction=4, energy=3, days_early=2, hour=19),
    Month(ago=5, satisfaction=2, energy=2, hour=22, correction=MOVE_OUT),
    Month(ago=3, satisfaction=3, energy=3, days_early=1),
    Month(ago=2, satisfaction=3, energy=4, hour=19, correction=HONEST_PACE),
    Month(ago=1, satisfaction=4, energy=4, days_early=2),
]

# Reflections by month (prompt key -> answer).
ANSWERS = {
    9: {
        "went_well": "I finally wrote down what I want from the next two years instead of "
        "carrying it around in my head.",
        "avoiding": "Telling my manager that I'd like to lead a team one day. I worry it "
        "sounds presumptuous.",
        "change": "Turn the wish list into two or three goals with dates.",
    },
    8: {
        "went_well": "Set my first real goals, and the engineering forum said yes to the "
        "build-times talk.",
        "energy": "Energy: explaining the pipeline work to people outside the team. Drained: "
        "the weekly status meeting that could have been an email.",
        "who_could_help": "Jo. She has spoken at the forum before and will tell me honestly "
        "which parts are boring.",
    },
    7: {
        "went_well": "Rehearsed the talk with Jo and rewrote the middle third on her advice. "
        "Much better.",
        "in_the_way": "Release week. Two late evenings ate the time I had blocked for studying.",
        "learned": "I prepare far better when the deadline involves other people.",
    },
    5: {
        "in_the_way": "Settling into the platform team is harder than I expected. I'm slow at "
        "things I used to be quick at, and I skipped last month's check-in because I didn't "
        "want to look.",
        "energy": "Drained by feeling behind all the time. Running was the one thing that "
        "helped, and I've let it slide.",
        "avoiding": "Asking for help. I keep thinking I should already know this.",
        "change": "Ask Dev for an hour on the parts of the platform I'm guessing at. Two runs "
        "a week, in the calendar.",
    },
    3: {
        "went_well": "The hour with Dev turned into a fortnightly session. The platform makes "
        "sense now.",
        "learned": "Asking for help cost me one awkward minute. Not asking cost me two months.",
        "proud": "I explained the new deploy process to the whole team without notes, and the "
        "questions afterwards were good ones.",
        "who_could_help": "Sam, who became a lead last year. I want to know what he stopped doing.",
    },
    2: {
        "went_well": "Back to studying two evenings a week. The hands-on labs are more fun "
        "than I expected.",
        "in_the_way": "I overplanned again: more steps than one month can hold.",
        "energy": "Energy: the labs, and coffee with people from product. Drained: switching "
        "between three projects in one afternoon.",
        "change": "Plan half as much, and finish it.",
    },
    1: {
        "went_well": "Finished two more chapters of the study guide, and someone in finance "
        "walked me through our cloud bill over coffee.",
        "proud": "I turned down a fourth project, politely and with a reason, and nothing bad "
        "happened.",
        "avoiding": "The first practice exam. As long as I don't take it, I can't fail.",
        "change": "Take the practice exam this week: timed, no notes.",
    },
}

# Quarterly prompts, answered at the check-ins that close a quarter: early, in the dip,
# and in the recovery.
QUARTER_ANSWERS = {
    "early": {
        "direction": "Yes. The talk and the leadership goal pull the same way: being known "
        "for more than my tickets.",
        "more_less": "More: explaining things to people. Less: being the one who fixes the "
        "flaky pipeline at six in the evening.",
    },
    "dip": {
        "direction": "I'm not sure every goal still belongs on the list. The rest feels "
        "right, just slower than I hoped.",
        "more_less": "More sleep and more running. Less pretending I'm fine when I'm lost.",
        "tell_manager": "That the move was right, but I'm finding the new work hard, and a "
        "little more pairing would go a long way.",
    },
    "recovery": {
        "direction": "Yes, with fewer goals. I was trying to move five things at once; three "
        "is what I can really carry.",
        "more_less": "More hands-on platform work and more people from other teams. Less "
        "evening work on things I don't care about.",
        "next_quarter": "I passed the certification and ran our team's retrospectives for a "
        "whole quarter.",
    },
}

# Notes on a goal, by how it stood and whether it moved since the last check-in. Blank
# ones are real too: not every goal needs words every month.
NOTES = {
    (GoalStatusChoice.ON_TRACK, True): [
        "Steady. Did what I planned, no more.",
        "Good month for this one. The next step is already in my calendar.",
        "",
        "Ticked off a step I'd been putting off, which felt better than it should.",
    ],
    (GoalStatusChoice.ON_TRACK, False): [
        "A quiet month, and that's fine: the next step isn't due yet.",
        "",
        "Nothing to tick, but I've been thinking about how to start the next step.",
    ],
    (GoalStatusChoice.AT_RISK, True): [
        "Moving, but slower than I hoped.",
        "Only one small step this month. I need to protect the time again.",
    ],
    (GoalStatusChoice.AT_RISK, False): [
        "Slipped a little: other work took the evenings I had set aside.",
        "Behind where I hoped. Not worried yet, but watching it.",
        "",
    ],
    (GoalStatusChoice.OFF_TRACK, True): [
        "Some movement, but far behind the plan. The plan may be the problem.",
    ],
    (GoalStatusChoice.OFF_TRACK, False): [
        "Nothing moved. I need to decide whether this matters now or later.",
        "Stalled while I found my feet in the new team. Picking it up again next month.",
    ],
    (GoalStatusChoice.DONE, True): ["Done, and it went better than I feared."],
}
CORRECTION_NOTE = "Not giving up on this one, just giving it a date I can keep."
