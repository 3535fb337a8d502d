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
    "failing mark. The first three pages suit any work; the specialist pages after them are "
    "optional, so rate only the skills your work uses. At the end you can add skills of your "
    "own - the ones your field runs on that a general list cannot name.",
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
        # Specialist skills came later (issue #15): appended, so the general ones keep their
        # positions. Optional, because nobody's work uses them all.
        *section(
            "Specialist (optional): software and products",
            skill(
                "Writing and reviewing code",
                "Code that others can read, test and change safely, and reviews that catch "
                "real problems and teach something rather than argue about taste.",
                required=False,
            ),
            skill(
                "Designing systems",
                "Choosing how the parts of a system fit together, what each one owns, and "
                "which trade-offs you accept - and writing them down so others can follow.",
                required=False,
            ),
            skill(
                "Running systems in production",
                "Keeping a live service healthy: monitoring what matters, responding calmly "
                "to an incident, and fixing the cause so it does not happen twice.",
                required=False,
            ),
            skill(
                "Product discovery",
                "Finding out which problem is worth solving before building anything: "
                "framing it, testing ideas cheaply, and dropping the ones that do not hold up.",
                required=False,
            ),
            skill(
                "Researching users",
                "Planning and running interviews, tests and surveys, and turning what people "
                "did and said into findings a team acts on.",
                required=False,
            ),
            skill(
                "Interaction and visual design",
                "Flows, layouts and screens that people understand without a manual, "
                "consistent with the rest of the product and usable by everyone.",
                required=False,
            ),
        ),
        *section(
            "Specialist (optional): data",
            skill(
                "Analysing data",
                "Getting the right data, cleaning it, querying it (often in SQL or a "
                "spreadsheet) and presenting what it shows so the answer is clear.",
                required=False,
            ),
            skill(
                "Statistics and experiments",
                "Designing a fair test, knowing how much data you need, and telling a real "
                "effect from noise - including when the honest answer is 'we cannot tell'.",
                required=False,
            ),
            skill(
                "Machine learning",
                "Framing a problem a model can help with, training and evaluating it "
                "honestly, and knowing when a simple rule would do the job better.",
                required=False,
            ),
            skill(
                "Data engineering",
                "Building the pipelines and storage that bring data in on time, correct and "
                "documented, so that others can trust what they query.",
                required=False,
            ),
        ),
        *section(
            "Specialist (optional): customers and business",
            skill(
                "Selling and negotiating",
                "Understanding what a buyer needs, showing how you help, and reaching an "
                "agreement both sides still like a year later.",
                required=False,
            ),
            skill(
                "Looking after customers and accounts",
                "Knowing your customers' goals, spotting trouble before they complain, and "
                "helping them get enough value that they stay and grow.",
                required=False,
            ),
            skill(
                "Marketing and positioning",
                "Knowing who the product is for and why they would choose it, and saying so "
                "in words that the right people recognise as theirs.",
                required=False,
            ),
            skill(
                "Running campaigns and growth",
                "Planning a campaign or a growth experiment, running it across the right "
                "channels, and measuring what it actually brought in.",
                required=False,
            ),
            skill(
                "Budgets and financial sense",
                "Reading a budget or a profit and loss statement, knowing what things cost, "
                "and making the case for spending money in terms a finance team accepts.",
                required=False,
            ),
            skill(
                "Improving processes and operations",
                "Seeing where work gets stuck or repeated, measuring it, and changing the way "
                "it is done so it stays better after you look away.",
                required=False,
            ),
            skill(
                "Running projects and programmes",
                "Keeping several streams of work, people and dependencies on track: a plan "
                "people believe, risks named early, and honest reports on progress.",
                required=False,
            ),
        ),
        *section(
            "Specialist (optional): people and organisations",
            skill(
                "Hiring and interviewing",
                "Describing a role honestly, running a fair interview that tests what the job "
                "needs, and deciding on evidence rather than on liking someone.",
                required=False,
            ),
            skill(
                "Managing performance and careers",
                "Agreeing clear expectations, saying early when they are not met, and helping "
                "each person see and take their next step.",
                required=False,
            ),
            skill(
                "Employment law and HR practice",
                "Knowing the rules on contracts, leave, discipline and fairness where you "
                "work, and applying them consistently and humanely.",
                required=False,
            ),
            skill(
                "Designing teams and organisations",
                "Deciding how teams are shaped, what each one owns and how they work "
                "together, so that the structure helps the work instead of fighting it.",
                required=False,
            ),
            skill(
                "Leading change",
                "Explaining why something must change, bringing people along, and seeing it "
                "through the dip when the old way still feels easier.",
                required=False,
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
