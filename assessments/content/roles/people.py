"""Track: people and HR. Plain data; see ``roles``."""

from __future__ import annotations

PEOPLE_AND_HR = {
    "slug": "people-and-hr",
    "name": "People and HR",
    "summary": "Helping an organisation find, keep and grow its people, and treating them "
    "fairly and lawfully along the way.",
    "roles": [
        {
            "slug": "hr-coordinator",
            "title": "HR coordinator",
            "level": "entry",
            "summary": "Runs the everyday people processes - onboarding, records, leave, "
            "payroll inputs - accurately and on time.",
            "responsibilities": [
                "Prepare contracts, letters and onboarding for new starters",
                "Keep employee records accurate and confidential",
                "Answer everyday questions about policies and benefits",
                "Coordinate interviews and training sessions",
            ],
            "experience": "Often a first HR role, sometimes while studying for an HR "
            "qualification.",
            "skills": [
                ("planning", 3, "core"),
                ("writing", 2, "core"),
                ("listening", 3, "core"),
                ("employment-practice", 1, "helpful"),
                ("collaboration", 2, "helpful"),
                ("learning", 3, "helpful"),
            ],
            "moves": [
                ("hr-generalist", 18),
                ("recruiter", 12),
            ],
        },
        {
            "slug": "recruiter",
            "title": "Recruiter",
            "level": "mid",
            "summary": "Finds and hires the people the organisation needs, and makes the "
            "process fair and pleasant for candidates.",
            "responsibilities": [
                "Agree role profiles with hiring managers",
                "Source and screen candidates",
                "Run interview processes and coordinate decisions",
                "Make offers and negotiate terms",
                "Track hiring data and improve the process",
            ],
            "experience": "Usually one to four years in recruitment, agency or in-house.",
            "skills": [
                ("hiring", 3, "core"),
                ("relationships", 3, "core"),
                ("selling", 2, "helpful"),
                ("listening", 3, "core"),
                ("planning", 3, "helpful"),
                ("data-evidence", 2, "helpful"),
            ],
            "moves": [
                ("hr-generalist", 12),
                ("people-partner", 30),
            ],
        },
        {
            "slug": "hr-generalist",
            "title": "HR generalist",
            "level": "mid",
            "summary": "Handles the full range of people matters for a group of employees: "
            "policies, employee relations, performance and change.",
            "responsibilities": [
                "Advise managers on policies and people issues",
                "Support disciplinary, grievance and absence cases",
                "Run performance review and pay review cycles",
                "Keep policies up to date with the law",
                "Support training and engagement work",
            ],
            "experience": "Usually two to five years in HR, often with a professional HR "
            "qualification.",
            "skills": [
                ("employment-practice", 3, "core"),
                ("performance-management", 2, "core"),
                ("listening", 4, "helpful"),
                ("disagreement", 3, "core"),
                ("writing", 3, "helpful"),
                ("collaboration", 3, "helpful"),
                ("feedback", 3, "helpful"),
            ],
            "moves": [
                ("people-partner", 24),
                ("people-operations-manager", 24),
            ],
        },
        {
            "slug": "people-partner",
            "title": "People partner",
            "level": "senior",
            "summary": "Works alongside the leaders of a business area on everything "
            "people-related, from organisation design to leadership development.",
            "responsibilities": [
                "Advise leaders on organisation design, talent and succession",
                "Coach managers through difficult people situations",
                "Lead change and restructuring with care",
                "Use people data to spot issues early",
                "Shape people priorities for your area",
            ],
            "experience": "Typically five or more years in HR, including advising senior leaders.",
            "skills": [
                ("coaching", 4, "core"),
                ("organisation-design", 3, "core"),
                ("influence", 4, "core"),
                ("employment-practice", 4, "helpful"),
                ("change-leadership", 3, "helpful"),
                ("data-evidence", 3, "helpful"),
                ("disagreement", 4, "helpful"),
            ],
            "moves": [
                ("head-of-people", 36),
            ],
        },
        {
            "slug": "people-operations-manager",
            "title": "People operations manager",
            "level": "manager",
            "summary": "Leads the systems and processes behind the employee experience: "
            "onboarding, HR systems, data, payroll and policies.",
            "responsibilities": [
                "Manage the people operations team",
                "Own HR systems and people data",
                "Design efficient, compliant people processes",
                "Oversee payroll, benefits and compliance",
                "Report people metrics to leadership",
            ],
            "experience": "Usually six or more years in HR or operations.",
            "skills": [
                ("process-improvement", 4, "core"),
                ("employment-practice", 4, "core"),
                ("leading", 4, "core"),
                ("data-analysis", 3, "helpful"),
                ("project-management", 4, "helpful"),
                ("performance-management", 3, "helpful"),
                ("financial-sense", 3, "helpful"),
            ],
            "moves": [
                ("head-of-people", 30),
            ],
        },
        {
            "slug": "head-of-people",
            "title": "Head of people",
            "level": "director",
            "summary": "Leads the people function and the organisation's approach to talent, "
            "culture and ways of working.",
            "responsibilities": [
                "Set the people strategy with leadership",
                "Own organisation design, reward and talent processes",
                "Lead culture and engagement work",
                "Manage people risk and compliance",
                "Build and lead the people team",
            ],
            "experience": "Usually ten or more years in HR, including leading a team.",
            "skills": [
                ("strategy", 5, "core"),
                ("organisation-design", 4, "core"),
                ("change-leadership", 4, "core"),
                ("leading", 4, "helpful"),
                ("influence", 5, "helpful"),
                ("employment-practice", 4, "helpful"),
                ("financial-sense", 3, "helpful"),
            ],
            "moves": [],
        },
    ],
}
