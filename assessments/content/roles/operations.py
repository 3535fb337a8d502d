"""Tracks: customer success, and operations. Plain data; see ``roles``."""

from __future__ import annotations

CUSTOMER_SUCCESS = {
    "slug": "customer-success",
    "name": "Customer success",
    "summary": "Helping customers get real value from what they bought: answering their "
    "questions, guiding them to their goals and keeping them for the long term.",
    "roles": [
        {
            "slug": "customer-support-specialist",
            "title": "Customer support specialist",
            "level": "entry",
            "summary": "Answers customers' questions and solves their problems, by email, "
            "chat or phone. The voice customers hear most often.",
            "responsibilities": [
                "Answer customer questions accurately and kindly",
                "Investigate problems and pass real bugs to the right team",
                "Write and update help articles",
                "Record what customers ask for and struggle with",
            ],
            "experience": "Often a first role in the company; patience and clear writing "
            "matter more than background.",
            "skills": [
                ("listening", 3, "core"),
                ("writing", 3, "core"),
                ("problem-solving", 2, "core"),
                ("account-management", 1, "helpful"),
                ("learning", 3, "helpful"),
                ("collaboration", 2, "helpful"),
            ],
            "moves": [
                ("customer-success-manager", 18),
                ("associate-product-manager", 12),
            ],
        },
        {
            "slug": "customer-success-manager",
            "title": "Customer success manager",
            "level": "mid",
            "summary": "Looks after a set of customer accounts: their onboarding, their "
            "results and their renewals.",
            "responsibilities": [
                "Onboard new customers and agree what success means for them",
                "Run regular reviews with your accounts",
                "Spot accounts at risk early and act on it",
                "Find opportunities for customers to do more",
                "Bring customer needs back to product",
            ],
            "experience": "Usually one to four years in support, sales or account management.",
            "skills": [
                ("account-management", 3, "core"),
                ("relationships", 3, "core"),
                ("listening", 3, "core"),
                ("presenting", 3, "helpful"),
                ("data-evidence", 2, "helpful"),
                ("planning", 3, "helpful"),
                ("disagreement", 3, "helpful"),
            ],
            "moves": [
                ("senior-customer-success-manager", 24),
                ("account-executive", 12),
            ],
        },
        {
            "slug": "senior-customer-success-manager",
            "title": "Senior customer success manager",
            "level": "senior",
            "summary": "Looks after the largest or most complex customers, where success "
            "depends on many people and a long-term plan.",
            "responsibilities": [
                "Build success plans with senior people at strategic customers",
                "Lead renewals and expansions with sales",
                "Handle escalations calmly and decisively",
                "Improve the team's playbooks",
                "Mentor customer success managers",
            ],
            "experience": "Typically four or more years in customer-facing roles, with strong "
            "retention results.",
            "skills": [
                ("account-management", 4, "core"),
                ("relationships", 4, "core"),
                ("influence", 3, "core"),
                ("selling", 2, "helpful"),
                ("disagreement", 4, "helpful"),
                ("coaching", 3, "helpful"),
                ("data-evidence", 3, "helpful"),
            ],
            "moves": [
                ("customer-success-lead", 24),
            ],
        },
        {
            "slug": "customer-success-lead",
            "title": "Customer success team lead",
            "level": "manager",
            "summary": "Leads a team of customer success managers or support specialists, "
            "and the way customers are looked after.",
            "responsibilities": [
                "Hire, coach and manage the team",
                "Set retention and satisfaction goals and track them",
                "Balance workloads and account assignments",
                "Improve processes and tools for the team",
                "Speak for customers in company planning",
            ],
            "experience": "Usually a senior customer success manager or support lead who has "
            "coached others.",
            "skills": [
                ("leading", 3, "core"),
                ("coaching", 4, "core"),
                ("account-management", 4, "helpful"),
                ("performance-management", 3, "core"),
                ("process-improvement", 3, "helpful"),
                ("hiring", 3, "helpful"),
                ("data-evidence", 3, "helpful"),
            ],
            "moves": [
                ("head-of-customer-success", 30),
                ("operations-manager", 12),
            ],
        },
        {
            "slug": "head-of-customer-success",
            "title": "Head of customer success",
            "level": "director",
            "summary": "Leads everything the organisation does after a sale: support, "
            "onboarding, success and renewals. Accountable for retention.",
            "responsibilities": [
                "Set the customer success strategy and targets",
                "Design the team structure and coverage model",
                "Own retention and expansion results",
                "Lead and develop team leads",
                "Make the customer's voice count in company decisions",
            ],
            "experience": "Usually ten or more years in customer-facing roles, including "
            "leading managers.",
            "skills": [
                ("strategy", 4, "core"),
                ("leading", 5, "core"),
                ("organisation-design", 4, "core"),
                ("financial-sense", 3, "helpful"),
                ("influence", 4, "helpful"),
                ("account-management", 5, "helpful"),
                ("presenting", 4, "helpful"),
            ],
            "moves": [],
        },
    ],
}

OPERATIONS = {
    "slug": "operations",
    "name": "Operations",
    "summary": "Making the organisation run well: the processes, projects and "
    "coordination that let everyone else do their best work.",
    "roles": [
        {
            "slug": "operations-coordinator",
            "title": "Operations coordinator",
            "level": "entry",
            "summary": "Keeps day-to-day operations running: schedules, suppliers, records "
            "and the many small tasks that stop work falling through the cracks.",
            "responsibilities": [
                "Coordinate schedules, bookings and suppliers",
                "Keep records and trackers accurate",
                "Follow and document standard procedures",
                "Spot recurring problems and report them",
            ],
            "experience": "Often a first role; reliability and organisation matter most.",
            "skills": [
                ("planning", 3, "core"),
                ("collaboration", 2, "core"),
                ("writing", 2, "helpful"),
                ("process-improvement", 1, "core"),
                ("problem-solving", 2, "helpful"),
                ("learning", 3, "helpful"),
            ],
            "moves": [
                ("operations-analyst", 18),
                ("hr-coordinator", 9),
            ],
        },
        {
            "slug": "operations-analyst",
            "title": "Operations analyst",
            "level": "mid",
            "summary": "Finds where processes waste time or money and measures how work "
            "flows, then helps change it.",
            "responsibilities": [
                "Map and measure key processes",
                "Build reports on operational performance",
                "Recommend and test improvements",
                "Support tool and system changes",
                "Document new ways of working",
            ],
            "experience": "Usually two to four years in operations, analysis or a related field.",
            "skills": [
                ("process-improvement", 3, "core"),
                ("data-analysis", 3, "core"),
                ("data-evidence", 3, "core"),
                ("problem-solving", 3, "helpful"),
                ("writing", 3, "helpful"),
                ("collaboration", 3, "helpful"),
            ],
            "moves": [
                ("project-manager", 12),
                ("data-analyst", 12),
            ],
        },
        {
            "slug": "project-manager",
            "title": "Project manager",
            "level": "mid",
            "summary": "Leads projects from start to finish: scope, plan, people, risks and "
            "delivery, often across several teams.",
            "responsibilities": [
                "Agree scope, timeline and budget with stakeholders",
                "Build and maintain the project plan",
                "Run project meetings and track actions",
                "Manage risks, issues and changes",
                "Report progress honestly",
            ],
            "experience": "Usually three or more years coordinating work, sometimes with a "
            "project management qualification.",
            "skills": [
                ("project-management", 3, "core"),
                ("planning", 4, "core"),
                ("collaboration", 3, "core"),
                ("disagreement", 3, "helpful"),
                ("writing", 3, "helpful"),
                ("financial-sense", 2, "helpful"),
                ("leading", 3, "helpful"),
            ],
            "moves": [
                ("operations-manager", 24),
            ],
        },
        {
            "slug": "operations-manager",
            "title": "Operations manager",
            "level": "manager",
            "summary": "Leads an operations team and owns how a part of the organisation "
            "runs: its processes, costs and service levels.",
            "responsibilities": [
                "Hire, coach and manage the operations team",
                "Set service levels and track them",
                "Own the operations budget",
                "Lead improvement and change projects",
                "Work with other teams to remove blockers",
            ],
            "experience": "Usually six or more years in operations or project management.",
            "skills": [
                ("leading", 4, "core"),
                ("process-improvement", 4, "core"),
                ("financial-sense", 3, "core"),
                ("project-management", 4, "helpful"),
                ("coaching", 3, "helpful"),
                ("performance-management", 3, "helpful"),
                ("change-leadership", 3, "helpful"),
            ],
            "moves": [
                ("head-of-operations", 30),
                ("people-operations-manager", 12),
            ],
        },
        {
            "slug": "head-of-operations",
            "title": "Head of operations",
            "level": "director",
            "summary": "Leads operations across the organisation and turns strategy into "
            "the processes, structure and plans that deliver it.",
            "responsibilities": [
                "Set operational strategy and priorities",
                "Design how teams and processes fit together",
                "Own operational budgets and efficiency",
                "Lead organisation-wide change programmes",
                "Develop operations managers",
            ],
            "experience": "Usually ten or more years, including leading managers.",
            "skills": [
                ("strategy", 4, "core"),
                ("organisation-design", 4, "core"),
                ("change-leadership", 4, "core"),
                ("financial-sense", 4, "core"),
                ("leading", 5, "helpful"),
                ("influence", 4, "helpful"),
                ("deciding", 4, "helpful"),
            ],
            "moves": [],
        },
    ],
}
