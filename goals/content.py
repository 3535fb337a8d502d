"""The goal templates Career Compass ships, and the loader a data migration runs.

A template is plain data: ``slug``, ``order``, ``title`` (the goal as the person would say
it), ``summary`` (one line for the card), ``why`` (in the person's voice, because it becomes
their text to keep or rewrite), ``category``, ``horizon``, ``duration_days`` (the target,
counted from the day they start) and ``tasks``: steps with ``title``, ``offset_days`` (at
most ``duration_days``), optional ``is_milestone`` and ``notes``.

What must stay true:
- No model imports. The loader takes the model classes, so migrations can pass historical
  ones; importing ``goals.models`` here would tie old migrations to today's models.
- Loading is idempotent by slug: a second run writes nothing. A later content change ships
  as a new migration that calls ``load_goal_templates`` again.
- Shipped slugs belong to this file: a reload restores their text and steps. Whether a
  template is offered and where it sorts belong to the admins and are set only once. To
  adapt a shipped template, an admin duplicates it and edits the copy.
"""

from __future__ import annotations

from careerapp.content import save_if_changed
from goals.content_growth import GROWTH_TEMPLATES

TEMPLATE_FIELDS = ("title", "summary", "why", "category", "horizon", "duration_days")

# Steps are matched to their rows by position: the n-th step has order n * ORDER_STEP,
# leaving room for an admin to slot a step in between on a duplicated template.
ORDER_STEP = 10


def load_goal_templates(GoalTemplate, GoalTemplateTask) -> int:
    """Create or update every shipped template and its steps; return the rows written."""
    written = 0
    for spec in GOAL_TEMPLATES:
        values = {field: spec[field] for field in TEMPLATE_FIELDS}
        template = GoalTemplate.objects.filter(slug=spec["slug"]).first()
        if template is None:
            template = GoalTemplate.objects.create(
                slug=spec["slug"], order=spec["order"], is_active=True, **values
            )
            written += 1
        else:
            written += save_if_changed(template, values)
        written += _load_steps(GoalTemplateTask, template, spec["tasks"])
    return written


def unload_goal_templates(GoalTemplate) -> int:
    """Delete the shipped templates (their steps go with them); goals made from them stay."""
    deleted, _by_model = GoalTemplate.objects.filter(slug__in=shipped_slugs()).delete()
    return deleted


def shipped_slugs() -> list[str]:
    return [spec["slug"] for spec in GOAL_TEMPLATES]


def _load_steps(GoalTemplateTask, template, steps: list[dict]) -> int:
    wanted = {
        position * ORDER_STEP: {
            "title": step["title"],
            "notes": step.get("notes", ""),
            "offset_days": step["offset_days"],
            "is_milestone": step.get("is_milestone", False),
        }
        for position, step in enumerate(steps, start=1)
    }
    written = 0
    kept = set()
    stale = []
    for task in GoalTemplateTask.objects.filter(template=template).order_by("order", "pk"):
        if task.order in wanted and task.order not in kept:
            kept.add(task.order)
            written += save_if_changed(task, wanted[task.order])
        else:
            stale.append(task.pk)
    if stale:
        written += GoalTemplateTask.objects.filter(pk__in=stale).delete()[0]
    for order, values in wanted.items():
        if order not in kept:
            GoalTemplateTask.objects.create(template=template, order=order, **values)
            written += 1
    return written


MOVE_TEMPLATES: list[dict] = [
    {
        "slug": "prepare-for-promotion",
        "order": 20,
        "title": "Be ready for promotion at the next review cycle",
        "summary": "Learn what the next level asks for, show it on purpose, and build the "
        "case with your manager.",
        "why": "Promotions rarely come from working harder at the same things; they come from "
        "doing parts of the next job, visibly, before it has a title. I want to know exactly "
        "what is expected, show it deliberately, and walk into the review with evidence "
        "rather than hope.",
        "category": "role",
        "horizon": "short",
        "duration_days": 240,
        "tasks": [
            {
                "title": "Ask my manager what the next level looks like here",
                "offset_days": 10,
                "notes": "Ask for the written criteria if there are any, and for examples of "
                "people who made the step recently. Say plainly that you are aiming for it: "
                "a manager cannot back a wish they do not know about.",
            },
            {
                "title": "Compare myself honestly against the criteria",
                "offset_days": 21,
                "notes": "For each criterion: already doing it, sometimes, not yet. The "
                "'not yet' column is your plan. Your latest self-assessment helps here.",
            },
            {
                "title": "Agree two stretch pieces of work with my manager",
                "offset_days": 35,
                "is_milestone": True,
                "notes": "Choose work that shows the next level in action: leading "
                "something, owning a decision, bringing other teams along.",
            },
            {
                "title": "Start a record of my wins and add to it every fortnight",
                "offset_days": 45,
                "notes": "A line or two each: what you did, what came of it, who noticed. "
                "At review time you will not have to rely on memory.",
            },
            {
                "title": "Ask for feedback halfway through the stretch work",
                "offset_days": 120,
                "is_milestone": True,
            },
            {
                "title": "Find a sponsor who will speak for me where decisions are made",
                "offset_days": 150,
                "notes": "A sponsor is more senior than a mentor and puts their name behind "
                "you in the room where promotions are decided - often your manager's manager "
                "or a peer of theirs.",
            },
            {
                "title": "Write my promotion case on one page",
                "offset_days": 210,
                "notes": "List the criteria and, under each, the evidence from your record. "
                "Write it so your manager can reuse your words.",
            },
            {
                "title": "Have the promotion conversation",
                "offset_days": 240,
                "is_milestone": True,
            },
        ],
    },
    {
        "slug": "step-into-leadership",
        "order": 30,
        "title": "Step into my first role leading people",
        "summary": "Try the work of a lead before you have the title, learn the basics, and "
        "become the obvious choice.",
        "why": "Leading people is a different job, not a bigger version of the one I have. I "
        "want to find out whether I enjoy it before it is my title, learn the basics on "
        "purpose, and have people around me who have already seen me do parts of it well.",
        "category": "role",
        "horizon": "long",
        "duration_days": 540,
        "tasks": [
            {
                "title": "Tell my manager I want to lead, and ask what would need to be true",
                "offset_days": 14,
                "notes": "Ask what they would want to see from you first, and whether a lead "
                "role is likely to open here in the next year or two.",
            },
            {
                "title": "Talk to three people who became leads in the last few years",
                "offset_days": 45,
                "notes": "Ask what surprised them, what they had to stop doing, and what they "
                "wish they had practised earlier.",
            },
            {
                "title": "Take on a piece of people work: onboarding, mentoring or a team ritual",
                "offset_days": 90,
                "is_milestone": True,
            },
            {
                "title": "Learn the basics of one-to-ones, feedback and delegation",
                "offset_days": 150,
                "notes": "A course, a book or your organisation's programme for new managers "
                "- whichever you will finish. Try each idea within a week of reading it.",
            },
            {
                "title": "Lead a small project end to end, people included",
                "offset_days": 270,
                "is_milestone": True,
            },
            {
                "title": "Ask the people I led for honest feedback",
                "offset_days": 300,
                "notes": "Ask specific questions: what did I do that helped you, and what "
                "got in your way? Thank them, whatever they say.",
            },
            {
                "title": "Review with my manager whether I am ready, and what comes next",
                "offset_days": 420,
            },
            {
                "title": "Apply for or accept a lead role",
                "offset_days": 540,
                "is_milestone": True,
            },
        ],
    },
    {
        "slug": "change-career-field",
        "order": 60,
        "title": "Move into a new field of work",
        "summary": "Explore a new field properly, test it in small ways, and make the move "
        "with a plan.",
        "why": "I am drawn to a different kind of work, and I would rather find out whether it "
        "suits me than keep wondering. I want to learn what the field really asks for, try it "
        "where the stakes are low, and move with my eyes open - bringing what I am already "
        "good at with me.",
        "category": "role",
        "horizon": "long",
        "duration_days": 450,
        "tasks": [
            {
                "title": "Write down what draws me to the field and what I would miss",
                "offset_days": 14,
                "notes": "Be specific: the work itself, the people, the pay, the pace. It "
                "helps to tell running towards something from running away from something.",
            },
            {
                "title": "Talk to four people who work in the field now",
                "offset_days": 60,
                "is_milestone": True,
                "notes": "Ask what an ordinary week looks like, what is hard, and how people "
                "usually get in. Most people are glad to help someone who asks a clear "
                "question.",
            },
            {
                "title": "List the skills I can bring and the ones I still need",
                "offset_days": 75,
                "notes": "Start from your self-assessment. What carries over is often the "
                "strongest part of your story, so name it precisely.",
            },
            {
                "title": "Try the work in a small way: a side project, a course or volunteering",
                "offset_days": 150,
                "is_milestone": True,
            },
            {
                "title": "Build one skill the field requires to a level I can show",
                "offset_days": 270,
            },
            {
                "title": "Rewrite my CV and profile to tell the story of the move",
                "offset_days": 300,
            },
            {
                "title": "Look for a bridge role, inside my organisation if I can",
                "offset_days": 360,
                "notes": "An internal move or a role that mixes old and new is often the "
                "easiest way in: people there already trust your work.",
            },
            {"title": "Start in the new field", "offset_days": 450, "is_milestone": True},
        ],
    },
    {
        "slug": "negotiate-a-raise",
        "order": 100,
        "title": "Negotiate a pay rise that reflects my work",
        "summary": "Know your market value, gather your evidence and ask well, at the right time.",
        "why": "Pay is part of how my work is valued, and it rarely moves unless I ask. I want "
        "to go into the conversation prepared, with facts about the market and about what I "
        "contribute, so I can ask calmly and without apologising.",
        "category": "role",
        "horizon": "short",
        "duration_days": 90,
        "tasks": [
            {
                "title": "Find out how and when pay decisions are made here",
                "offset_days": 7,
                "notes": "Budgets are often set months before reviews. Asking before they "
                "are fixed works far better than asking after.",
            },
            {
                "title": "Research the market rate for my role",
                "offset_days": 21,
                "notes": "Use salary surveys, job ads that state a range, and recruiters. "
                "Note a range rather than one number, and where you sit in it.",
            },
            {
                "title": "Gather the evidence of my contribution this year",
                "offset_days": 35,
                "is_milestone": True,
                "notes": "Results, responsibilities you took on, things that would have gone "
                "worse without you. Numbers wherever you have them.",
            },
            {
                "title": "Decide what I will ask for and what I would accept",
                "offset_days": 45,
                "notes": "Know your ask, the lowest figure you would accept happily, and what "
                "else would matter if money is tight: training, title, flexibility.",
            },
            {"title": "Rehearse the conversation with someone I trust", "offset_days": 55},
            {
                "title": "Ask my manager for the conversation, and have it",
                "offset_days": 65,
                "is_milestone": True,
            },
            {
                "title": "Follow up in writing and agree the next steps",
                "offset_days": 90,
                "is_milestone": True,
                "notes": "Write down what was agreed - or what would need to happen for a "
                "yes, and by when. A 'not now' with a date is still progress.",
            },
        ],
    },
    {
        "slug": "return-from-a-career-break",
        "order": 120,
        "title": "Return to work after my career break",
        "summary": "Rebuild confidence, refresh your skills and find a role that fits the life "
        "you have now.",
        "why": "Time away from paid work changed me, and not only in ways a CV shows. I want "
        "to come back at a pace that works, to a role that fits my life as it is now, and to "
        "talk about the break with confidence rather than apology.",
        "category": "role",
        "horizon": "short",
        "duration_days": 180,
        "tasks": [
            {
                "title": "Decide what I want from work now",
                "offset_days": 14,
                "notes": "Hours, place, kind of work, pay. The answers may differ from before "
                "the break; that is allowed.",
            },
            {
                "title": "Write two plain sentences about my break",
                "offset_days": 30,
                "notes": "What you did and why you are ready now, said without apology. "
                "Practise them aloud until they feel ordinary.",
            },
            {
                "title": "Get back in touch with five former colleagues",
                "offset_days": 45,
                "notes": "Tell them you are returning and what you are looking for. Many "
                "roles after a break come through people who already know your work.",
            },
            {
                "title": "Refresh one key skill that moved on while I was away",
                "offset_days": 60,
                "is_milestone": True,
            },
            {"title": "Update my CV and profile", "offset_days": 75},
            {"title": "Look into returner programmes and flexible roles", "offset_days": 90},
            {"title": "Apply for my first roles", "offset_days": 120, "is_milestone": True},
            {"title": "Start back at work", "offset_days": 180, "is_milestone": True},
        ],
    },
]

GOAL_TEMPLATES: list[dict] = sorted([*GROWTH_TEMPLATES, *MOVE_TEMPLATES], key=lambda t: t["order"])
