"""Shipped goal templates about growing where you are: skills, people, visibility.

Plain data, loaded by ``goals.content.load_goal_templates``; see that module for the
shape and the rules. No model imports here: a data migration loads this file.
"""

from __future__ import annotations

GROWTH_TEMPLATES: list[dict] = [
    {
        "slug": "earn-a-certification",
        "order": 10,
        "title": "Earn the certification that backs up my expertise",
        "summary": "A study plan from booking the exam to passing it, with practice tests on "
        "the way.",
        "why": "A certification turns what I know into something others can see and trust. "
        "Booking the exam gives my learning a deadline, and a plan keeps it to a steady few "
        "hours a week instead of a last-minute cram. Whatever the result, I will come out "
        "knowing my field more thoroughly than I do today.",
        "category": "learning",
        "horizon": "short",
        "duration_days": 120,
        "tasks": [
            {
                "title": "Choose the certification and read its exam guide",
                "offset_days": 7,
                "notes": "Pick the one your field actually asks for: look at job ads for the "
                "role you want next and at what respected colleagues hold. The exam guide "
                "lists the topics and how much each counts; it is your syllabus.",
            },
            {
                "title": "Book the exam",
                "offset_days": 14,
                "is_milestone": True,
                "notes": "A booked date turns 'some day' into a plan. Most providers let you "
                "move it once if life gets in the way, so booking is less risky than it feels.",
            },
            {
                "title": "Block two or three study sessions a week in my calendar",
                "offset_days": 21,
                "notes": "Short, fixed sessions beat one long weekend. Treat them like "
                "meetings you would not cancel for a colleague.",
            },
            {"title": "Work through the first half of the syllabus", "offset_days": 50},
            {
                "title": "Take a first full practice exam",
                "offset_days": 70,
                "is_milestone": True,
                "notes": "Timed, without notes, as on the day. The score matters less than "
                "the list of topics where you hesitated - that list is your next month.",
            },
            {"title": "Close the gaps the practice exam showed", "offset_days": 95},
            {
                "title": "Take a second practice exam and aim for a comfortable pass",
                "offset_days": 108,
            },
            {
                "title": "Sit the exam",
                "offset_days": 120,
                "is_milestone": True,
                "notes": "Rest the day before. Afterwards, add it to your profile and tell "
                "your manager: it belongs in your next review, whatever the result.",
            },
        ],
    },
    {
        "slug": "build-an-internal-network",
        "order": 40,
        "title": "Know people across the organisation, not just my own team",
        "summary": "A steady rhythm of conversations that makes you known beyond your own team.",
        "why": "Most opportunities travel through people long before they reach a job board. I "
        "want to understand how other parts of the organisation work and to be someone they "
        "think of - built slowly, through genuine interest, not a list of contacts.",
        "category": "network",
        "horizon": "short",
        "duration_days": 180,
        "tasks": [
            {
                "title": "Map who I know and where the gaps are",
                "offset_days": 7,
                "notes": "Sketch the organisation and mark the teams where you know nobody. "
                "Teams you depend on, or that depend on you, are the best place to start.",
            },
            {"title": "Ask my manager and two colleagues for introductions", "offset_days": 14},
            {
                "title": "Have a first conversation with someone from another team",
                "offset_days": 21,
                "is_milestone": True,
                "notes": "Thirty minutes is plenty. Ask about their work and what makes it "
                "hard; talk about yourself when asked.",
            },
            {
                "title": "Keep a short note after each conversation",
                "offset_days": 30,
                "notes": "Who, what they work on, anything you offered to do. Follow up on "
                "every offer within a week: that is what people remember.",
            },
            {
                "title": "Reach five conversations across at least three departments",
                "offset_days": 90,
                "is_milestone": True,
            },
            {
                "title": "Join or help run one group that brings teams together",
                "offset_days": 120,
                "notes": "A guild, a community of practice, a volunteering team: anywhere "
                "people from different teams meet regularly.",
            },
            {
                "title": "Introduce two people who should know each other",
                "offset_days": 150,
            },
            {
                "title": "Look back: who would I call now, and who would call me?",
                "offset_days": 180,
                "is_milestone": True,
            },
        ],
    },
    {
        "slug": "raise-your-visibility",
        "order": 50,
        "title": "Make my work visible to the people who decide",
        "summary": "Share what you do, in the places that matter, without turning into a "
        "self-promoter.",
        "why": "Good work that nobody sees counts for less than it should. I do not want to "
        "shout; I want the right people to know what I am working on, why it matters, and "
        "that I can be trusted with more.",
        "category": "visibility",
        "horizon": "short",
        "duration_days": 150,
        "tasks": [
            {
                "title": "Write down who needs to know about my work, and why",
                "offset_days": 7,
            },
            {
                "title": "Send my manager a short update every fortnight",
                "offset_days": 14,
                "notes": "Three lines: what moved, what is stuck, what is next. It makes "
                "your manager's job easier and gives them material to speak for you.",
            },
            {
                "title": "Present a piece of my work at a team or department meeting",
                "offset_days": 45,
                "is_milestone": True,
            },
            {
                "title": "Write up something I learnt for the wiki or internal newsletter",
                "offset_days": 75,
            },
            {"title": "Volunteer for a piece of work other teams will see", "offset_days": 100},
            {
                "title": "Give a talk at an internal event",
                "offset_days": 135,
                "is_milestone": True,
                "notes": "Pick a topic you know better than most of the room. Twenty minutes "
                "is enough, and one rehearsal with an honest colleague is worth three alone.",
            },
            {"title": "Ask two people how my work is seen now", "offset_days": 150},
        ],
    },
    {
        "slug": "give-useful-feedback",
        "order": 70,
        "title": "Get good at giving feedback people can use",
        "summary": "Practise clear, kind, specific feedback until it feels natural.",
        "why": "Feedback is how people and teams get better, and I tend to hold it back or "
        "soften it until it says nothing. I want to give feedback that is specific, timely "
        "and kind, so people can act on it - and to stop dreading the conversation.",
        "category": "skill",
        "horizon": "short",
        "duration_days": 120,
        "tasks": [
            {
                "title": "Notice how I give feedback now",
                "offset_days": 7,
                "notes": "For one week, jot down each time you had feedback to give and what "
                "you did with it: said it, softened it, or kept it to yourself.",
            },
            {
                "title": "Learn one simple structure for feedback",
                "offset_days": 14,
                "notes": "One that works: the situation, what the person did, the effect it "
                "had - then a question. Describe what they did, not who they are.",
            },
            {
                "title": "Give specific praise three times in one week",
                "offset_days": 21,
                "is_milestone": True,
                "notes": "Praise is the easier place to practise being specific, and the "
                "habit carries over to the harder conversations.",
            },
            {
                "title": "Give one piece of critical feedback I would normally hold back",
                "offset_days": 45,
                "is_milestone": True,
            },
            {"title": "Ask the people I gave feedback to how it landed", "offset_days": 60},
            {"title": "Ask my manager for feedback on my feedback", "offset_days": 90},
            {
                "title": "Make it a habit: feedback within two days, every time",
                "offset_days": 120,
                "is_milestone": True,
            },
        ],
    },
    {
        "slug": "present-with-confidence",
        "order": 80,
        "title": "Present clearly and calmly to a room",
        "summary": "Go from dreading presentations to giving them well, one small audience at "
        "a time.",
        "why": "Explaining my work out loud, clearly and calmly, changes how it is received. I "
        "want to stop avoiding the chance to present and get steadily better, starting in "
        "rooms small enough to feel safe.",
        "category": "skill",
        "horizon": "short",
        "duration_days": 120,
        "tasks": [
            {"title": "Watch two presenters I admire and note what they do", "offset_days": 7},
            {
                "title": "Present for five minutes at my own team's meeting",
                "offset_days": 21,
                "is_milestone": True,
                "notes": "Small and familiar is the right place to start. One message, one "
                "example, and stop.",
            },
            {
                "title": "Record a rehearsal and watch it back once",
                "offset_days": 35,
                "notes": "Uncomfortable, and the fastest feedback there is. Find one thing to "
                "keep and one thing to change - no more.",
            },
            {
                "title": "Ask a colleague for specific feedback after a presentation",
                "offset_days": 50,
            },
            {
                "title": "Present to a group outside my team",
                "offset_days": 75,
                "is_milestone": True,
            },
            {
                "title": "Practise answers to the three hardest questions I can imagine",
                "offset_days": 90,
            },
            {
                "title": "Give a twenty-minute presentation to a larger audience",
                "offset_days": 120,
                "is_milestone": True,
            },
        ],
    },
    {
        "slug": "find-a-mentor",
        "order": 90,
        "title": "Find a mentor and make the most of it",
        "summary": "Know what you want help with, find the right person, and build a "
        "mentoring relationship that lasts.",
        "why": "Someone who has walked the path ahead of me can save me years of guessing. I "
        "want a mentor who understands where I am heading, and a relationship in which I come "
        "prepared and they are glad they said yes.",
        "category": "learning",
        "horizon": "short",
        "duration_days": 120,
        "tasks": [
            {
                "title": "Write down what I want a mentor's help with",
                "offset_days": 7,
                "notes": "Two or three concrete areas. 'Help me grow' is hard to say yes to; "
                "'help me prepare for my first lead role' is easy.",
            },
            {
                "title": "List three to five people who could help",
                "offset_days": 14,
                "notes": "Look one or two steps ahead of you, not at the very top. Ask "
                "colleagues for names, and check whether your organisation runs a mentoring "
                "programme.",
            },
            {
                "title": "Ask my first choice for one conversation",
                "offset_days": 21,
                "notes": "Ask for thirty minutes, not 'will you be my mentor?'. If it goes "
                "well, suggest meeting again.",
            },
            {
                "title": "Have the first conversation and agree how we will meet",
                "offset_days": 35,
                "is_milestone": True,
            },
            {
                "title": "Bring one question and one update to every meeting",
                "offset_days": 60,
                "notes": "And tell them what you did with their last piece of advice. It is "
                "the best thanks a mentor gets.",
            },
            {"title": "After three meetings, ask myself: is this helping?", "offset_days": 90},
            {
                "title": "Thank my mentor and agree what comes next",
                "offset_days": 120,
                "is_milestone": True,
            },
        ],
    },
    {
        "slug": "build-a-portfolio",
        "order": 110,
        "title": "Build a portfolio that shows what I can do",
        "summary": "Turn your best work into a few well-told case studies, ready to share.",
        "why": "A CV says what I did; a portfolio shows how I think. I want a small set of "
        "pieces I am proud of, each telling the problem, my part and the result, ready for "
        "the moment an opportunity appears - not thrown together the night before.",
        "category": "visibility",
        "horizon": "short",
        "duration_days": 150,
        "tasks": [
            {
                "title": "List every piece of work from the last three years I could show",
                "offset_days": 10,
            },
            {
                "title": "Pick the three strongest pieces for where I want to go next",
                "offset_days": 20,
                "is_milestone": True,
                "notes": "Choose for the audience you want, not for what was hardest. "
                "Variety helps: one deep piece, one quick win, one piece of teamwork.",
            },
            {
                "title": "Check what I am allowed to share",
                "offset_days": 30,
                "notes": "Ask before publishing anything from work. You can often leave out "
                "names or rebuild the work with made-up data.",
            },
            {
                "title": "Write the first case study: the problem, my part, the result",
                "offset_days": 60,
                "is_milestone": True,
            },
            {"title": "Write the other two case studies", "offset_days": 110},
            {
                "title": "Ask two people to read the portfolio and tell me what is unclear",
                "offset_days": 130,
                "notes": "One from your field and one from outside it: if the outsider can "
                "follow the story, it is clear enough.",
            },
            {
                "title": "Publish it, or keep it ready to send",
                "offset_days": 150,
                "is_milestone": True,
            },
        ],
    },
]
