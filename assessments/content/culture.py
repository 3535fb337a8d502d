"""The shipped career culture health check: how well the organisation supports careers.

Unlike the other instruments it asks about the place, not the person, so the admins may
see its answers summed over many people (``assessments.queries.culture``): every rating
reads the same way round, 1 the weakest support and 5 the strongest, so the means of its
questions can sit side by side. Its one written question stays private to the person.

Plain data, loaded by ``assessments.content.load_instruments``; see that module for the
shape and the rules.
"""

from __future__ import annotations

from assessments.content.parts import rating, section, text

CULTURE = {
    "slug": "culture",
    "name": "Career culture health check",
    "kind": "culture",
    "order": 80,
    "retake_days": 180,
    "allows_personal_items": False,
    "purpose": "How well does your organisation support careers - yours and those of the "
    "people around you? These questions are about the place rather than about you: whether "
    "career conversations happen, whether opportunities are visible, whether learning has "
    "time and money behind it, and whether moves are fair. Answer from your own experience "
    "of the last few months. Your answers stay yours. The people who run this site see "
    "only totals for everyone who answered in a period, and only once at least five people "
    "have; never one person's answers, and never what you write. It takes about five "
    "minutes.",
    "questions": [
        *section(
            "Conversations and feedback",
            rating(
                "How often do you have a real conversation about your career at work?",
                "Never",
                "Every few months or more",
                "With your manager, a mentor or someone in HR, about where you are heading - "
                "not about this week's tasks.",
            ),
            rating(
                "When those conversations happen, how useful are they?",
                "A formality",
                "They change what I do next",
                "Skip this if you have had none in the last year.",
                required=False,
            ),
            rating(
                "How regularly do you get feedback on your work?",
                "Rarely, or only at review time",
                "Regularly, as the work happens",
            ),
            rating(
                "How genuine is that feedback?",
                "Vague, or only polite",
                "Specific and honest",
                "Genuine feedback names what to keep and what to change, praise and "
                "criticism alike.",
            ),
            rating(
                "How much does your manager support your development?",
                "Not at all",
                "Actively and consistently",
                "Judge by what they do, not only what they say: time, stretch work, "
                "introductions, cover while you learn. If you have no manager, think of "
                "whoever you answer to.",
            ),
        ),
        *section(
            "Opportunities and moves",
            rating(
                "How visible are opportunities inside the organisation?",
                "I hear of them once filled",
                "Openly posted, for anyone",
                "Open roles, projects, secondments and moves between teams.",
            ),
            rating(
                "How fair and transparent are promotions and moves?",
                "Decided behind closed doors",
                "Clear criteria, applied evenly",
            ),
            rating(
                "How clear are the career paths for your kind of work?",
                "No idea what the next step asks",
                "I know what each step asks",
                "Whether you could say what the next level, or a neighbouring role, expects "
                "of you - from a career framework or from how things are done.",
            ),
            rating(
                "How are sideways moves seen here?",
                "As a step back",
                "As a sign of growth",
                "A move to another team, role or field at the same level.",
            ),
            rating(
                "How safe does it feel to talk openly about your ambitions?",
                "Risky: I keep them to myself",
                "Safe: an ordinary conversation",
                "Including the ones that lead elsewhere - another department, or one day "
                "another employer.",
            ),
        ),
        *section(
            "Learning and recognition",
            rating(
                "How much time do you get to learn during working hours?",
                "None: only in my own time",
                "Protected time, regularly",
            ),
            rating(
                "How much does the organisation invest in learning?",
                "Nothing, or hard to get",
                "A real budget, easy to use",
                "Courses, books, conferences and certifications, paid for or supported.",
            ),
            rating(
                "How easy is it to find a mentor or someone experienced to learn from?",
                "There is no one to ask",
                "Easy, and encouraged",
            ),
            rating(
                "How well is good work recognised?",
                "Rarely noticed",
                "Noticed and credited fairly",
                "Whether the people who did the work get the credit, from those whose "
                "opinion counts.",
            ),
        ),
        *section(
            "Overall",
            rating(
                "All things considered, how well does your organisation support your career?",
                "It gets in the way",
                "It actively helps",
            ),
            text(
                "What one change would most improve how your organisation supports careers?",
                "For your own notes. Nobody else sees what you write here - not the site's "
                "admins, not in any total.",
            ),
        ),
    ],
}
