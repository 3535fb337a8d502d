"""Tracks: software engineering, and engineering management. Plain data; see ``roles``."""

from __future__ import annotations

SOFTWARE_ENGINEERING = {
    "slug": "software-engineering",
    "name": "Software engineering",
    "summary": "Building and running the software a product depends on, from a first "
    "well-scoped change to the technical direction of a whole organisation.",
    "roles": [
        {
            "slug": "junior-software-engineer",
            "title": "Junior software engineer",
            "level": "entry",
            "summary": "Learns the codebase and the team's way of working by shipping small, "
            "well-defined changes with guidance. Success is steady growth in independence "
            "and in the quality of what is delivered.",
            "responsibilities": [
                "Deliver small features and fixes that a senior colleague has scoped",
                "Write tests for the code you change",
                "Ask for and act on feedback in code review",
                "Take part in team rituals: planning, stand-ups, retrospectives",
                "Keep documentation up to date for the parts you touch",
            ],
            "experience": "Often a first engineering job, after a degree, a bootcamp or "
            "self-teaching with some projects to show.",
            "skills": [
                ("software-development", 2, "core"),
                ("learning", 3, "core"),
                ("problem-solving", 2, "core"),
                ("feedback", 2, "helpful"),
                ("collaboration", 2, "helpful"),
                ("writing", 2, "helpful"),
            ],
            "moves": [
                ("software-engineer", 18),
                ("junior-data-engineer", 12),
            ],
        },
        {
            "slug": "software-engineer",
            "title": "Software engineer",
            "level": "mid",
            "summary": "Delivers features end to end with little supervision, from "
            "understanding the need to running the result in production. A dependable "
            "member of the team who improves the code they touch.",
            "responsibilities": [
                "Turn a product need into a working, tested, deployed feature",
                "Review colleagues' code carefully and kindly",
                "Take a share of on-call and fix what breaks",
                "Estimate your own work and flag risks early",
                "Help newer colleagues find their way around",
            ],
            "experience": "Usually two to four years of building software in a team.",
            "skills": [
                ("software-development", 3, "core"),
                ("problem-solving", 3, "core"),
                ("system-design", 2, "core"),
                ("production-operations", 2, "helpful"),
                ("planning", 3, "helpful"),
                ("feedback", 3, "helpful"),
                ("collaboration", 3, "helpful"),
            ],
            "moves": [
                ("senior-software-engineer", 24),
                ("data-engineer", 12),
            ],
        },
        {
            "slug": "senior-software-engineer",
            "title": "Senior software engineer",
            "level": "senior",
            "summary": "Owns significant parts of a system and the hard problems in them. "
            "Raises the standard of the team's work through design, review and mentoring.",
            "responsibilities": [
                "Lead the technical design of features that span several components",
                "Make sure what the team ships is reliable, observable and maintainable",
                "Mentor engineers and give reviews that teach",
                "Break large pieces of work into steps the team can deliver",
                "Work with product and design to shape what is built",
            ],
            "experience": "Typically five or more years of engineering, including owning "
            "a service or product area in production.",
            "skills": [
                ("software-development", 4, "core"),
                ("system-design", 4, "core"),
                ("production-operations", 3, "core"),
                ("problem-solving", 4, "core"),
                ("coaching", 3, "helpful"),
                ("writing", 3, "helpful"),
                ("collaboration", 4, "helpful"),
                ("deciding", 3, "helpful"),
            ],
            "moves": [
                ("staff-software-engineer", 30),
                ("engineering-manager", 12),
                ("senior-data-engineer", 12),
            ],
        },
        {
            "slug": "staff-software-engineer",
            "title": "Staff software engineer",
            "level": "lead",
            "summary": "Sets the technical direction across several teams and solves the "
            "problems no single team owns. Multiplies others' work more than adding their own.",
            "responsibilities": [
                "Write and defend the designs that several teams build on",
                "Spot systemic risks in architecture, reliability or security and fix them",
                "Lead cross-team technical projects to completion",
                "Grow senior engineers through sponsorship and coaching",
                "Represent engineering in product and planning decisions",
            ],
            "experience": "Often eight or more years, with a track record of leading "
            "technical work that crossed team boundaries.",
            "skills": [
                ("system-design", 5, "core"),
                ("software-development", 4, "helpful"),
                ("influence", 4, "core"),
                ("strategy", 3, "core"),
                ("writing", 4, "core"),
                ("production-operations", 4, "helpful"),
                ("coaching", 4, "helpful"),
                ("deciding", 4, "helpful"),
            ],
            "moves": [
                ("principal-software-engineer", 36),
                ("senior-engineering-manager", 18),
            ],
        },
        {
            "slug": "principal-software-engineer",
            "title": "Principal software engineer",
            "level": "principal",
            "summary": "Shapes the engineering strategy of the organisation and the "
            "decisions that will be hard to undo. A technical voice trusted by leadership.",
            "responsibilities": [
                "Set the long-term technical direction with engineering leadership",
                "Decide or broker the organisation's most consequential technical choices",
                "Raise engineering standards across the organisation",
                "Sponsor and develop staff engineers",
                "Speak for the organisation's technology outside it when useful",
            ],
            "experience": "Usually twelve or more years, including several years at staff "
            "level and broad exposure to different systems.",
            "skills": [
                ("system-design", 5, "core"),
                ("strategy", 5, "core"),
                ("influence", 5, "core"),
                ("writing", 4, "helpful"),
                ("deciding", 5, "core"),
                ("coaching", 4, "helpful"),
                ("presenting", 4, "helpful"),
                ("craft", 5, "helpful"),
            ],
            "moves": [
                ("director-of-engineering", 24),
            ],
        },
    ],
}

ENGINEERING_MANAGEMENT = {
    "slug": "engineering-management",
    "name": "Engineering management",
    "summary": "Leading the people who build software: hiring them, growing them and "
    "shaping the teams and ways of working that let them deliver.",
    "roles": [
        {
            "slug": "engineering-manager",
            "title": "Engineering manager",
            "level": "manager",
            "summary": "Leads one engineering team: its people, its delivery and its health. "
            "Success is a team that ships reliably and whose members grow.",
            "responsibilities": [
                "Hold regular one-to-ones and career conversations with each engineer",
                "Hire for the team and help new people settle in",
                "Make sure the team delivers what it commits to, and says so when it cannot",
                "Give clear, timely feedback and handle performance problems early",
                "Work with product and design on priorities and trade-offs",
            ],
            "experience": "Often an experienced engineer who has led projects or mentored "
            "others, moving into management for the first time.",
            "skills": [
                ("leading", 3, "core"),
                ("coaching", 3, "core"),
                ("performance-management", 3, "core"),
                ("hiring", 3, "helpful"),
                ("feedback", 4, "core"),
                ("software-development", 3, "helpful"),
                ("planning", 3, "helpful"),
                ("listening", 4, "helpful"),
            ],
            "moves": [
                ("senior-engineering-manager", 30),
                ("staff-software-engineer", 12),
            ],
        },
        {
            "slug": "senior-engineering-manager",
            "title": "Senior engineering manager",
            "level": "senior-manager",
            "summary": "Leads several teams or a team of managers across a product area. "
            "Balances delivery, technical health and people across a larger group.",
            "responsibilities": [
                "Coach and support the engineering managers who report to you",
                "Plan headcount and the shape of teams in your area",
                "Hold the area's delivery, quality and reliability to account",
                "Agree roadmaps and trade-offs with product and design leaders",
                "Spot and develop future leaders",
            ],
            "experience": "Typically several years as an engineering manager, with teams "
            "that delivered and people who grew.",
            "skills": [
                ("leading", 4, "core"),
                ("coaching", 4, "core"),
                ("organisation-design", 3, "core"),
                ("performance-management", 4, "helpful"),
                ("hiring", 4, "helpful"),
                ("strategy", 3, "helpful"),
                ("deciding", 4, "helpful"),
                ("disagreement", 4, "helpful"),
            ],
            "moves": [
                ("director-of-engineering", 30),
            ],
        },
        {
            "slug": "director-of-engineering",
            "title": "Director of engineering",
            "level": "director",
            "summary": "Runs an engineering department: its strategy, structure, budget and "
            "culture. Turns the organisation's goals into a plan engineering can deliver.",
            "responsibilities": [
                "Set the department's goals and report progress to leadership",
                "Design the department's structure and how its teams work together",
                "Own the engineering budget and headcount plan",
                "Lead change in practices, tools or structure when the business needs it",
                "Build a bench of managers and senior engineers",
            ],
            "experience": "Usually ten or more years, including several leading managers.",
            "skills": [
                ("strategy", 4, "core"),
                ("organisation-design", 4, "core"),
                ("change-leadership", 4, "core"),
                ("financial-sense", 3, "helpful"),
                ("leading", 5, "core"),
                ("influence", 4, "helpful"),
                ("hiring", 4, "helpful"),
                ("presenting", 4, "helpful"),
            ],
            "moves": [
                ("vp-engineering", 36),
            ],
        },
        {
            "slug": "vp-engineering",
            "title": "VP of engineering",
            "level": "executive",
            "summary": "Leads the whole engineering organisation and speaks for it on the "
            "leadership team. Accountable for what it delivers, what it costs and how it feels "
            "to work there.",
            "responsibilities": [
                "Shape company strategy with the rest of the leadership team",
                "Set engineering's direction, structure and budget",
                "Hire and develop the engineering leadership team",
                "Own engineering culture, standards and risk",
                "Represent engineering to the board, customers and partners",
            ],
            "experience": "Many years of leading engineering organisations, often across "
            "growth stages.",
            "skills": [
                ("strategy", 5, "core"),
                ("leading", 5, "core"),
                ("organisation-design", 5, "core"),
                ("financial-sense", 4, "core"),
                ("change-leadership", 5, "helpful"),
                ("influence", 5, "helpful"),
                ("presenting", 5, "helpful"),
            ],
            "moves": [],
        },
    ],
}
