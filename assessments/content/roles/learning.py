"""Learning suggestions for each skill of the shipped skills instrument, by skill key.

Each suggestion is ``{"title", "kind", "url"}``; ``kind`` is the slug of one of ``KINDS``.
A ``url`` is given only where the address is the canonical, stable home of the thing named
(an official course, standard or certification page); otherwise it is "" and the title says
enough to find it. Practice and mentoring suggestions never have one.
"""

from __future__ import annotations

# The kinds of learning, in the order people see them; a kind is its slug. ``expires``:
# items of this kind can carry an expiry date (a certification runs out).
KINDS: list[dict] = [
    {"slug": "course", "name": "Course", "expires": False},
    {"slug": "certification", "name": "Certification", "expires": True},
    {"slug": "book", "name": "Book", "expires": False},
    {"slug": "workshop", "name": "Workshop", "expires": False},
    {"slug": "conference", "name": "Conference", "expires": False},
    {"slug": "mentoring", "name": "Mentoring", "expires": False},
    {"slug": "practice", "name": "Practice", "expires": False},
    {"slug": "article", "name": "Article", "expires": False},
    {"slug": "community", "name": "Community", "expires": False},
]


def _suggest(kind: str, title: str, url: str = "") -> dict:
    return {"title": f"{kind.capitalize()}: {title}", "kind": kind, "url": url}


def book(title: str, url: str = "") -> dict:
    return _suggest("book", title, url)


def course(title: str, url: str = "") -> dict:
    return _suggest("course", title, url)


def article(title: str, url: str = "") -> dict:
    return _suggest("article", title, url)


def certification(title: str, url: str = "") -> dict:
    return _suggest("certification", title, url)


def community(title: str, url: str = "") -> dict:
    return _suggest("community", title, url)


def workshop(title: str) -> dict:
    return _suggest("workshop", title)


def practice(title: str) -> dict:
    return _suggest("practice", title)


def mentoring(title: str) -> dict:
    return _suggest("mentoring", title)


LEARNING: dict[str, list[dict]] = {
    # Technical and craft
    "craft": [
        book("Peak: Secrets from the New Science of Expertise (Anders Ericsson, Robert Pool)"),
        practice("pick the part of your work you find hardest and do it deliberately once a week"),
        mentoring("ask the person you most admire in your field to review one piece of your work"),
    ],
    "problem-solving": [
        book("How to Solve It (George Pólya)"),
        book("Bulletproof Problem Solving (Charles Conn, Robert McLean)"),
        practice("before fixing the next problem, write down three possible causes and test each"),
    ],
    "data-evidence": [
        book("How to Make the World Add Up (Tim Harford)"),
        book("Thinking, Fast and Slow (Daniel Kahneman)"),
        practice("for your next decision, write down which number would change your mind"),
    ],
    "writing": [
        article(
            "Content design: planning, writing and managing content (GOV.UK)",
            "https://www.gov.uk/guidance/content-design",
        ),
        book("On Writing Well (William Zinsser)"),
        practice("put the point of every email in its first sentence for a month"),
    ],
    "planning": [
        book("Getting Things Done (David Allen)"),
        book("How Big Things Get Done (Bent Flyvbjerg, Dan Gardner)"),
        practice("estimate each task before you start it and compare with how long it took"),
    ],
    "learning": [
        course("Learning How to Learn", "https://www.coursera.org/learn/learning-how-to-learn"),
        book("Make It Stick (Peter Brown, Henry Roediger, Mark McDaniel)"),
        practice("explain something you learned this week to a colleague in five minutes"),
    ],
    # Working with people
    "listening": [
        book("You're Not Listening (Kate Murphy)"),
        practice("in your next one-to-one, summarise what you heard before giving your view"),
    ],
    "feedback": [
        book("Thanks for the Feedback (Douglas Stone, Sheila Heen)"),
        book("Radical Candor (Kim Scott)"),
        practice("ask one colleague a week: what is one thing I could do better?"),
    ],
    "collaboration": [
        book("The Five Dysfunctions of a Team (Patrick Lencioni)"),
        practice("start your next cross-team project by writing down who decides what"),
        mentoring("spend a day with a team you depend on and learn what their week looks like"),
    ],
    "disagreement": [
        book("Difficult Conversations (Douglas Stone, Bruce Patton, Sheila Heen)"),
        book("Crucial Conversations (Kerry Patterson, Joseph Grenny and others)"),
        practice("when you disagree, first state the other view well enough that they agree"),
    ],
    "presenting": [
        community("Toastmasters International", "https://www.toastmasters.org/"),
        book("Resonate (Nancy Duarte)"),
        practice("volunteer for a five-minute update at a team meeting each month"),
    ],
    "relationships": [
        book("Give and Take (Adam Grant)"),
        practice("have coffee with one person outside your team every fortnight"),
    ],
    # Leading and influencing
    "influence": [
        book("Influence: The Psychology of Persuasion (Robert Cialdini)"),
        book("Influence Without Authority (Allan Cohen, David Bradford)"),
        practice("before your next proposal, list who must agree and talk to each of them first"),
    ],
    "coaching": [
        book("The Coaching Habit (Michael Bungay Stanier)"),
        practice(
            "in your next conversation where someone asks for help, ask three questions first"
        ),
        mentoring("offer to mentor someone newer than you for three months"),
    ],
    "deciding": [
        book("Thinking in Bets (Annie Duke)"),
        book("Decisive (Chip Heath, Dan Heath)"),
        practice("keep a decision journal: what you decided, why, and what you expected"),
    ],
    "strategy": [
        book("Good Strategy Bad Strategy (Richard Rumelt)"),
        book("Playing to Win (A.G. Lafley, Roger Martin)"),
        practice("write one page on where your team should be in two years and what to stop"),
    ],
    "leading": [
        book("The Making of a Manager (Julie Zhuo)"),
        book("Turn the Ship Around! (L. David Marquet)"),
        practice("lead a small project from start to finish and hold a retrospective at the end"),
    ],
    # Specialist: software and products
    "software-development": [
        book("Working Effectively with Legacy Code (Michael Feathers)"),
        book("Refactoring (Martin Fowler)"),
        course("The Missing Semester of Your CS Education (MIT)", "https://missing.csail.mit.edu/"),
        practice("review two pull requests a week and ask one question in each"),
    ],
    "system-design": [
        book("Designing Data-Intensive Applications (Martin Kleppmann)"),
        book("A Philosophy of Software Design (John Ousterhout)"),
        article("The Twelve-Factor App", "https://12factor.net/"),
        practice(
            "write a short design document for your next feature and ask two people to review it"
        ),
    ],
    "production-operations": [
        book(
            "Site Reliability Engineering and The Site Reliability Workbook (Google)",
            "https://sre.google/books/",
        ),
        practice("shadow an on-call shift and write up one incident review"),
        practice("add an alert or dashboard for something that broke without anyone noticing"),
    ],
    "product-discovery": [
        book("Continuous Discovery Habits (Teresa Torres)"),
        book("The Mom Test (Rob Fitzpatrick)"),
        book("Inspired (Marty Cagan)"),
        practice("talk to one customer every week about a problem, not your solution"),
    ],
    "user-research": [
        article(
            "Service Manual: user research (GOV.UK)",
            "https://www.gov.uk/service-manual/user-research",
        ),
        book("Just Enough Research (Erika Hall)"),
        practice("run a five-person usability test on something your team shipped recently"),
    ],
    "interaction-design": [
        book("Don't Make Me Think (Steve Krug)"),
        book("The Design of Everyday Things (Don Norman)"),
        article(
            "Web Content Accessibility Guidelines (WCAG) overview (W3C)",
            "https://www.w3.org/WAI/standards-guidelines/wcag/",
        ),
        article(
            "10 Usability Heuristics for User Interface Design (Nielsen Norman Group)",
            "https://www.nngroup.com/articles/ten-usability-heuristics/",
        ),
    ],
    # Specialist: data
    "data-analysis": [
        course("SQLBolt: interactive SQL lessons", "https://sqlbolt.com/"),
        book("Python for Data Analysis (Wes McKinney)", "https://wesmckinney.com/book/"),
        book("Storytelling with Data (Cole Nussbaumer Knaflic)"),
        practice("answer one question your team keeps asking with data, and share it on one page"),
    ],
    "statistics-experiments": [
        book(
            "OpenIntro Statistics (Diez, Çetinkaya-Rundel, Barr)",
            "https://www.openintro.org/book/os/",
        ),
        book("Trustworthy Online Controlled Experiments (Ron Kohavi, Diane Tang, Ya Xu)"),
        practice(
            "before your next experiment, write down the metric, the sample size and the stop rule"
        ),
    ],
    "machine-learning": [
        course(
            "Machine Learning Crash Course (Google)",
            "https://developers.google.com/machine-learning/crash-course",
        ),
        course("Practical Deep Learning for Coders (fast.ai)", "https://course.fast.ai/"),
        article(
            "Rules of Machine Learning (Martin Zinkevich, Google)",
            "https://developers.google.com/machine-learning/guides/rules-of-ml",
        ),
        book("Hands-On Machine Learning (Aurélien Géron)"),
    ],
    "data-engineering": [
        book("Fundamentals of Data Engineering (Joe Reis, Matt Housley)"),
        book("Designing Data-Intensive Applications (Martin Kleppmann)"),
        practice("add data quality checks and documentation to one pipeline you depend on"),
    ],
    # Specialist: customers and business
    "selling": [
        book("SPIN Selling (Neil Rackham)"),
        book("Getting to Yes (Roger Fisher, William Ury)"),
        book("Never Split the Difference (Chris Voss)"),
        mentoring("sit in on three sales calls with your best seller and debrief each one"),
    ],
    "account-management": [
        book("Customer Success (Nick Mehta, Dan Steinman, Lincoln Murphy)"),
        practice("for each of your accounts, write down what success means to them this year"),
        mentoring("ask an experienced account manager how they spot a customer about to leave"),
    ],
    "marketing": [
        book("Obviously Awesome (April Dunford)"),
        book("This Is Marketing (Seth Godin)"),
        practice("interview five recent customers about why they chose you"),
    ],
    "growth-campaigns": [
        book("Traction (Gabriel Weinberg, Justin Mares)"),
        book("Hacking Growth (Sean Ellis, Morgan Brown)"),
        practice("run one small campaign with a clear hypothesis and report what it brought in"),
    ],
    "financial-sense": [
        book("Financial Intelligence (Karen Berman, Joe Knight)"),
        practice("read your organisation's latest accounts and ask finance to explain one line"),
        mentoring("ask a finance colleague to walk you through how your team's budget is set"),
    ],
    "process-improvement": [
        book("The Goal (Eliyahu Goldratt)"),
        book("The Toyota Way (Jeffrey Liker)"),
        certification("Lean Six Sigma Green Belt (from a recognised awarding body)"),
        practice("map one process end to end and time each step before changing anything"),
    ],
    "project-management": [
        certification(
            "Project Management Professional (PMP), Project Management Institute",
            "https://www.pmi.org/certifications/project-management-pmp",
        ),
        certification("PRINCE2 Foundation"),
        article("The Scrum Guide", "https://scrumguides.org/"),
        practice("keep a risk list for your current project and review it every week"),
    ],
    # Specialist: people and organisations
    "hiring": [
        book("Who: The A Method for Hiring (Geoff Smart, Randy Street)"),
        book("Work Rules! (Laszlo Bock)"),
        workshop("structured interviewing and reducing bias, from your HR or recruitment team"),
        practice("shadow three interviews, then write the scoring criteria before the next one"),
    ],
    "performance-management": [
        book("The Manager's Path (Camille Fournier)"),
        book("Radical Candor (Kim Scott)"),
        practice("agree written expectations with each person you manage and revisit them monthly"),
    ],
    "employment-practice": [
        article("Acas: advice on employment rights and practice (UK)", "https://www.acas.org.uk/"),
        certification(
            "a professional HR qualification recognised where you work (in the UK, CIPD)"
        ),
        mentoring("ask an experienced HR colleague to talk you through a recent case they handled"),
    ],
    "organisation-design": [
        book("Team Topologies (Matthew Skelton, Manuel Pais)"),
        book("An Elegant Puzzle (Will Larson)"),
        practice(
            "draw your organisation's teams and who each depends on; find one dependency to remove"
        ),
    ],
    "change-leadership": [
        book("Switch: How to Change Things When Change Is Hard (Chip Heath, Dan Heath)"),
        book("Leading Change (John Kotter)"),
        practice(
            "lead one small change in your team and ask afterwards what helped and what did not"
        ),
    ],
}
