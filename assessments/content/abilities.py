"""Shipped instruments about what a person can do: skills, strengths and weaknesses.

Plain data, loaded by ``assessments.content.load_instruments``; see that module for the
shape and the rules.
"""

from __future__ import annotations

from assessments.content.parts import rating, section, skill, text

SKILLS = {
    "slug": "skills",
    "name": "Skills and competencies",
    "kind": "skills",
    "order": 10,
    "retake_days": 180,
    "allows_personal_items": True,
    "purpose": "For each skill, mark where you are today and where you want to be. The "
    "distance between the two is where your learning plan starts. Be accurate rather than "
    "modest or generous: nobody sees this but you, and a level 1 is an honest start, not a "
    "failing mark. At the end you can add skills of your own - the ones your field runs on "
    "that a general list cannot name.",
    "questions": [
        *section(
            "Technical and craft",
            skill(
                "Depth in your core craft",
                "The main thing you are paid to do - writing code, designing, nursing, "
                "accounting, teaching - done well, including the unusual and difficult cases, "
                "not only the everyday ones.",
            ),
            skill(
                "Solving problems",
                "Breaking a messy problem into parts, finding the real cause rather than the "
                "first plausible one, and choosing a fix that will still hold next month.",
            ),
            skill(
                "Working with data and evidence",
                "Finding the numbers that matter, reading them without fooling yourself, and "
                "using them to make a decision or to question one.",
            ),
            skill(
                "Writing clearly",
                "Emails, documents and proposals that a busy reader understands on the first "
                "read and can act on: the point up front, no more words than it needs.",
            ),
            skill(
                "Planning and organising work",
                "Turning a goal into steps, estimating honestly, keeping track of what is in "
                "flight, and finishing what you start rather than juggling it.",
            ),
            skill(
                "Learning new things quickly",
                "Becoming useful fast in something unfamiliar - a tool, a field, a codebase, a "
                "market - by knowing what to learn first and where to find it.",
            ),
        ),
        *section(
            "Working with people",
            skill(
                "Listening",
                "Hearing what someone means and not only what they say; asking the question "
                "that helps them say more, and checking you understood before you answer.",
            ),
            skill(
                "Giving and receiving feedback",
                "Telling someone clearly and kindly what to keep and what to change - and "
                "hearing the same about yourself without defending or explaining it away.",
            ),
            skill(
                "Collaborating across teams",
                "Getting work done with people who have different goals, vocabulary and "
                "bosses: finding the shared interest, agreeing who does what, keeping promises.",
            ),
            skill(
                "Handling disagreement",
                "Raising a difference early, keeping it about the work rather than the people, "
                "and reaching a decision everyone can live with, even when it is not yours.",
            ),
            skill(
                "Presenting and speaking",
                "Explaining an idea to a room or a call so that it lands, adjusting to the "
                "audience, and handling the questions you did not expect.",
            ),
            skill(
                "Building relationships",
                "Knowing people beyond your own team, keeping in touch when you need nothing, "
                "and being someone others are glad to help.",
            ),
        ),
        *section(
            "Leading and influencing",
            skill(
                "Influencing without authority",
                "Persuading people who do not report to you, with reasons, evidence and trust "
                "rather than rank; knowing whose support a decision needs.",
            ),
            skill(
                "Coaching and developing others",
                "Helping someone else grow: good questions instead of quick answers, work that "
                "stretches them, and room to try and get it wrong.",
            ),
            skill(
                "Deciding with incomplete information",
                "Making a call when the facts are not all in, saying what would change your "
                "mind, and owning the result either way.",
            ),
            skill(
                "Thinking strategically",
                "Seeing where your team, organisation or field is heading, and choosing what "
                "to do - and what to stop doing - because of it.",
            ),
            skill(
                "Leading a team or project",
                "Setting a clear direction, sharing out the work, keeping people informed, and "
                "carrying the result over the line when it gets hard.",
            ),
        ),
    ],
}

_LIKE_ME = {"low": "Not like me at all", "high": "Very much like me"}

STRENGTHS = {
    "slug": "strengths",
    "name": "Strengths and weaknesses",
    "kind": "strengths",
    "order": 20,
    "retake_days": 365,
    "allows_personal_items": False,
    "purpose": "A strength is something you do well and that gives you energy; a weakness is "
    "simply a place where you are not yet as good as the work asks. Both are worth knowing. "
    "First rate how true each statement is of you at work, then put the pattern into your "
    "own words. Think of the last few months, not your best or worst day.",
    "questions": [
        *section(
            "How you work",
            rating(
                "I finish what I start, even after the interesting part is over.",
                **_LIKE_ME,
            ),
            rating("I stay calm and useful when plans fall apart.", **_LIKE_ME),
            rating("I notice the small mistakes that others miss.", **_LIKE_ME),
            rating("I come up with new ideas and new ways of doing things.", **_LIKE_ME),
            rating("I can explain a complicated thing in simple words.", **_LIKE_ME),
            rating(
                "People come to me when they are stuck.",
                help_text="Think of who asked you for help recently, and with what.",
                **_LIKE_ME,
            ),
            rating("I ask for help before a small problem becomes a big one.", **_LIKE_ME),
            rating(
                "I say no to work that does not fit my priorities.",
                help_text="Saying yes to everything can feel generous and still be a weakness.",
                **_LIKE_ME,
            ),
            rating("When I get feedback, I change something soon after.", **_LIKE_ME),
            rating("I see the bigger picture behind the task in front of me.", **_LIKE_ME),
        ),
        *section(
            "In your own words",
            text(
                "What do people reliably come to you for?",
                "The questions, problems or jobs that find their way to you. These are often "
                "strengths you no longer notice because they feel easy.",
                required=True,
            ),
            text(
                "Describe a recent piece of work you are proud of. What did you do that made "
                "it go well?",
                "Be specific about your part: what you noticed, decided or did that someone "
                "else might not have.",
            ),
            text(
                "What tends to trip you up, and in which situations?",
                "Patterns are more useful than single incidents: 'when deadlines stack up, I "
                "stop replying to people' tells you where to start.",
            ),
            text(
                "What feedback have you heard more than once?",
                "From managers, colleagues, friends or reviews. Repeated feedback, welcome or "
                "not, usually points at something real.",
            ),
            text(
                "If you could get noticeably better at one thing this year, what would it be?",
                "One is enough. It can become a goal once you have finished.",
            ),
        ),
    ],
}
