"""Shipped instruments about where a person works and where they are heading: the
environment they prefer, how satisfied they are now, and what success would look like.

Plain data, loaded by ``assessments.content.load_instruments``; see that module for the
shape and the rules.
"""

from __future__ import annotations

from assessments.content.parts import multiple, rating, section, single, text

ENVIRONMENT = {
    "slug": "environment",
    "name": "Work environment and people",
    "kind": "environment",
    "order": 50,
    "retake_days": 365,
    "allows_personal_items": False,
    "purpose": "The same job can feel easy in one place and exhausting in another. These "
    "questions are about the setting in which you do your best work: where, with whom, at "
    "what pace and with how much structure. Answer for yourself, not for the job you have "
    "now.",
    "questions": [
        *section(
            "Place and pace",
            single(
                "Where do you do your best work?",
                [
                    "Fully remote",
                    "Mostly remote, with some days together",
                    "About half at home, half with others",
                    "Mostly in an office or on site",
                    "Fully on site, with people around me",
                    "It depends on the work; I like to choose",
                ],
            ),
            single(
                "What pace suits you best?",
                [
                    "Steady and predictable",
                    "Steady, with the occasional push before a deadline",
                    "Fast, with frequent change",
                    "Intense bursts followed by calm",
                ],
            ),
            rating(
                "How much structure do you want around your work?",
                "Give me a blank page",
                "Give me clear processes",
                "Think of how your tasks arrive, how decisions are made and how much is "
                "written down.",
            ),
            rating(
                "How closely do you like to be managed?",
                "Leave me to it",
                "Close, regular guidance",
                "There is no right answer; most people want more guidance in a new role and "
                "less later on.",
            ),
            rating(
                "How much travel would you welcome?",
                "None at all",
                "As much as possible",
                required=False,
            ),
        ),
        *section(
            "People around you",
            single(
                "What size of team brings out your best?",
                [
                    "Working mostly on my own",
                    "A small team of two to five",
                    "A team of six to twelve",
                    "A large team or department",
                    "Moving between teams as the work needs",
                ],
            ),
            single(
                "What size of organisation suits you?",
                [
                    "Just me: freelance or my own business",
                    "A young company of under fifty people",
                    "A small or mid-sized organisation, up to about a thousand",
                    "A large organisation of more than a thousand",
                    "No strong preference",
                ],
            ),
            rating(
                "How do you like to divide your day between working with others and working alone?",
                "Mostly alone, in focus",
                "Mostly with others",
            ),
            rating(
                "How much contact with customers, clients or the public do you want?",
                "As little as possible",
                "Every day",
            ),
            multiple(
                "Which colleagues bring out the best in you?",
                [
                    "Direct people who say what they think",
                    "Patient people who take time to explain",
                    "Ambitious people who move fast",
                    "Calm, steady people",
                    "People whose background is very different from mine",
                    "Experts I can learn from",
                    "Newer people I can teach",
                    "People who make work fun",
                ],
                "Tick all that apply.",
            ),
            text(
                "Describe the best team you have been part of. What made it work?",
                "At work, in sport, in a club or a project. The details are the useful part.",
            ),
            text(
                "Is there a kind of environment you know you should avoid?",
                "Knowing what wears you down is as useful as knowing what suits you.",
            ),
        ),
    ],
}

_SATISFIED = {"low": "Very dissatisfied", "high": "Very satisfied"}

SATISFACTION = {
    "slug": "satisfaction",
    "name": "Current situation and job satisfaction",
    "kind": "satisfaction",
    "order": 60,
    "retake_days": 90,
    "allows_personal_items": False,
    "purpose": "A quick, honest check of how your current job is treating you. Taken every "
    "few months, it shows whether things are getting better or slowly wearing thin - which "
    "is hard to see from one day to the next. It takes about five minutes.",
    "questions": [
        *section(
            "How satisfied are you with…",
            rating(
                "The work itself",
                help_text="The tasks that actually fill your days, not the job title.",
                **_SATISFIED,
            ),
            rating(
                "Pay and benefits",
                help_text="Whether what you receive feels fair for your work, your market "
                "and your life.",
                **_SATISFIED,
            ),
            rating(
                "Growth and learning",
                help_text="Whether you are getting better at things that matter to you, and "
                "can see a next step.",
                **_SATISFIED,
            ),
            rating(
                "Your manager",
                help_text="The clarity, support and fairness you get from the person you "
                "report to. If you have no manager, think of whoever you answer to.",
                **_SATISFIED,
            ),
            rating(
                "Meaning",
                help_text="Whether your work matters to someone, and you can see how.",
                **_SATISFIED,
            ),
            rating(
                "Balance between work and the rest of life",
                help_text="Hours, evenings, weekends, and the energy you have left at the "
                "end of the day.",
                **_SATISFIED,
            ),
            rating(
                "Your colleagues",
                help_text="The people you work with day to day: trust, respect and how "
                "pleasant it is to work together.",
                **_SATISFIED,
            ),
            rating(
                "Recognition",
                help_text="Whether good work is noticed and credited, by whom it matters.",
                **_SATISFIED,
            ),
            rating(
                "Security",
                help_text="How confident you are that this job, or one like it, will still be "
                "there for you next year.",
                **_SATISFIED,
            ),
        ),
        *section(
            "Overall",
            rating(
                "All things considered, how satisfied are you with your job right now?",
                **_SATISFIED,
            ),
            single(
                "Which of these is closest to where you are?",
                [
                    "Stay and grow: I want to build my future here",
                    "Stay as it is: this works for me for now",
                    "Stay, but change something: a new role, team or arrangement here",
                    "Start looking: I am ready to explore what else is out there",
                    "Leave: I have decided, or nearly",
                ],
                "There is no wrong answer. Knowing which one is true is what makes the next "
                "step clear.",
            ),
            text(
                "What one change would make the biggest difference to your work right now?",
                "Something within your reach, or something you would need to ask for.",
            ),
            text(
                "What has changed since you last answered these questions?",
                "Skip this the first time. Later, a sentence or two makes the trend easy to read.",
            ),
        ),
    ],
}

VISION = {
    "slug": "vision",
    "name": "What success would look like",
    "kind": "vision",
    "order": 70,
    "retake_days": 365,
    "allows_personal_items": False,
    "purpose": "Imagine it is three years from now and your working life is going well - by "
    "your own measure, not anyone else's. Write what you see. There are no wrong answers "
    "and most questions can be skipped; short, concrete notes are more useful than polished "
    "ones. This is the picture your goals will point at.",
    "questions": [
        *section(
            "The picture",
            text(
                "Describe an ordinary working day three years from now, when things are "
                "going well.",
                "Where are you, who are you with, what are you working on, and how do you "
                "feel at the end of it?",
                required=True,
            ),
            text(
                "What role, or what kind of work, are you doing?",
                "A title if you have one in mind; otherwise the problems you solve and for whom.",
            ),
            text(
                "What are you known for?",
                "What would a colleague say if someone asked them about you?",
            ),
            text(
                "What have you learnt, or become noticeably better at?",
            ),
            text(
                "What does the rest of your life look like?",
                "Time, place, people, health - success at work that costs all of these is "
                "not the kind you want.",
            ),
        ),
        *section(
            "Getting there",
            text(
                "How will you know you have got there?",
                "Name one or two signs you could actually check, like a role, a skill, an "
                "income, or how many evenings you have free.",
            ),
            text(
                "What would you regret not having tried?",
            ),
            text(
                "What are you not willing to give up for success?",
                "Your limits are part of the picture too.",
            ),
            single(
                "How far does that picture feel from where you are today?",
                [
                    "Close: mostly a matter of keeping going",
                    "Within reach: it needs a few deliberate changes",
                    "A real stretch: it needs a big change",
                    "Far away: I do not yet know how to get there",
                ],
                required=False,
            ),
            rating(
                "How confident are you that you can get there?",
                "Not at all confident",
                "Very confident",
                required=False,
            ),
            text(
                "What is one step you could take in the next month?",
                "Small is fine. You can turn it into a goal when you finish.",
            ),
        ),
    ],
}
