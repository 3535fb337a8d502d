"""Tracks: sales, and marketing. Plain data; see ``roles``."""

from __future__ import annotations

SALES = {
    "slug": "sales",
    "name": "Sales",
    "summary": "Finding the customers who need what you offer, helping them decide, and "
    "agreeing terms that work for both sides.",
    "roles": [
        {
            "slug": "sales-development-representative",
            "title": "Sales development representative",
            "level": "entry",
            "summary": "Opens conversations with potential customers and qualifies them for "
            "account executives. Learns the product, the market and the craft of selling.",
            "responsibilities": [
                "Research and contact potential customers by phone, email and social media",
                "Qualify leads against agreed criteria",
                "Book meetings for account executives",
                "Keep the customer relationship system accurate",
                "Share what you hear from the market with sales and marketing",
            ],
            "experience": "Often a first sales role; curiosity and resilience matter more "
            "than background.",
            "skills": [
                ("selling", 2, "core"),
                ("relationships", 2, "core"),
                ("listening", 3, "core"),
                ("writing", 2, "helpful"),
                ("learning", 3, "helpful"),
                ("planning", 2, "helpful"),
            ],
            "moves": [
                ("account-executive", 15),
                ("marketing-specialist", 12),
            ],
        },
        {
            "slug": "account-executive",
            "title": "Account executive",
            "level": "mid",
            "summary": "Owns deals from first meeting to signature and meets a sales "
            "target. Understands each customer's problem well enough to solve it.",
            "responsibilities": [
                "Run discovery calls and product demonstrations",
                "Write proposals and negotiate terms",
                "Manage a pipeline and forecast it honestly",
                "Hand won customers over to customer success",
                "Work with product and marketing on what customers need",
            ],
            "experience": "Usually one to three years in sales development or a similar "
            "customer-facing role.",
            "skills": [
                ("selling", 3, "core"),
                ("listening", 3, "core"),
                ("presenting", 3, "core"),
                ("relationships", 3, "helpful"),
                ("planning", 3, "helpful"),
                ("writing", 3, "helpful"),
                ("disagreement", 2, "helpful"),
            ],
            "moves": [
                ("senior-account-executive", 24),
                ("customer-success-manager", 9),
            ],
        },
        {
            "slug": "senior-account-executive",
            "title": "Senior account executive",
            "level": "senior",
            "summary": "Sells to the largest and most complex customers, where a deal "
            "involves many people and a long cycle.",
            "responsibilities": [
                "Lead complex deals with many stakeholders",
                "Build account plans for strategic customers",
                "Negotiate contracts with procurement and legal teams",
                "Coach newer account executives",
                "Shape sales playbooks from what works",
            ],
            "experience": "Typically four or more years of closing business, with a "
            "consistent record against target.",
            "skills": [
                ("selling", 4, "core"),
                ("relationships", 4, "core"),
                ("influence", 4, "core"),
                ("presenting", 4, "helpful"),
                ("financial-sense", 2, "helpful"),
                ("disagreement", 3, "helpful"),
                ("coaching", 2, "helpful"),
            ],
            "moves": [
                ("sales-manager", 24),
            ],
        },
        {
            "slug": "sales-manager",
            "title": "Sales manager",
            "level": "manager",
            "summary": "Leads a team of sellers to a shared target: hiring, coaching and "
            "forecasting, and stepping into the hardest deals.",
            "responsibilities": [
                "Hire, coach and manage account executives",
                "Set targets and forecast the team's results",
                "Review deals and help win the difficult ones",
                "Improve the sales process and its tools",
                "Report on pipeline and performance to leadership",
            ],
            "experience": "Usually a successful account executive who has coached others.",
            "skills": [
                ("leading", 3, "core"),
                ("coaching", 4, "core"),
                ("performance-management", 3, "core"),
                ("selling", 4, "helpful"),
                ("hiring", 3, "helpful"),
                ("data-evidence", 3, "helpful"),
                ("feedback", 4, "helpful"),
            ],
            "moves": [
                ("sales-director", 30),
            ],
        },
        {
            "slug": "sales-director",
            "title": "Sales director",
            "level": "director",
            "summary": "Leads the sales organisation: its strategy, structure, targets and "
            "results. Accountable for revenue growth.",
            "responsibilities": [
                "Set the sales strategy and the revenue plan",
                "Design territories, teams and compensation",
                "Lead and develop sales managers",
                "Own forecasting to leadership and the board",
                "Align sales with marketing, product and customer success",
            ],
            "experience": "Usually ten or more years in sales, including leading managers.",
            "skills": [
                ("strategy", 4, "core"),
                ("leading", 5, "core"),
                ("financial-sense", 4, "core"),
                ("organisation-design", 3, "helpful"),
                ("selling", 5, "helpful"),
                ("influence", 5, "helpful"),
                ("presenting", 4, "helpful"),
            ],
            "moves": [],
        },
    ],
}

MARKETING = {
    "slug": "marketing",
    "name": "Marketing",
    "summary": "Helping the right people discover, understand and choose what you offer, "
    "and learning from the market what to offer next.",
    "roles": [
        {
            "slug": "marketing-coordinator",
            "title": "Marketing coordinator",
            "level": "entry",
            "summary": "Keeps campaigns, content and events running smoothly, learning the "
            "audience and channels along the way.",
            "responsibilities": [
                "Schedule and publish content across channels",
                "Coordinate events, webinars and suppliers",
                "Keep campaign reports up to date",
                "Write first drafts of emails, posts and web copy",
            ],
            "experience": "Often a first marketing role, after a degree or an internship.",
            "skills": [
                ("writing", 2, "core"),
                ("planning", 3, "core"),
                ("growth-campaigns", 2, "core"),
                ("marketing", 1, "helpful"),
                ("learning", 3, "helpful"),
                ("collaboration", 2, "helpful"),
            ],
            "moves": [
                ("marketing-specialist", 18),
            ],
        },
        {
            "slug": "marketing-specialist",
            "title": "Marketing specialist",
            "level": "mid",
            "summary": "Owns a channel or discipline - content, lifecycle, paid, product "
            "marketing - and is accountable for its results.",
            "responsibilities": [
                "Plan and run campaigns in your channel",
                "Measure results and change course on the evidence",
                "Write messaging that fits the audience",
                "Work with sales and product on launches",
                "Manage a channel budget",
            ],
            "experience": "Usually two to four years in marketing.",
            "skills": [
                ("growth-campaigns", 3, "core"),
                ("marketing", 3, "core"),
                ("data-analysis", 2, "core"),
                ("writing", 3, "helpful"),
                ("data-evidence", 3, "helpful"),
                ("collaboration", 3, "helpful"),
                ("planning", 3, "helpful"),
            ],
            "moves": [
                ("senior-marketing-specialist", 24),
                ("data-analyst", 12),
            ],
        },
        {
            "slug": "senior-marketing-specialist",
            "title": "Senior marketing specialist",
            "level": "senior",
            "summary": "Leads marketing for a product, segment or major channel, from "
            "positioning to measured results.",
            "responsibilities": [
                "Define positioning and messaging for a product or segment",
                "Lead launches across teams",
                "Design and run growth experiments",
                "Mentor other marketers",
                "Bring customer and market insight to product decisions",
            ],
            "experience": "Typically five or more years, with campaigns whose impact you can show.",
            "skills": [
                ("marketing", 4, "core"),
                ("growth-campaigns", 4, "core"),
                ("statistics-experiments", 2, "helpful"),
                ("user-research", 2, "helpful"),
                ("influence", 3, "core"),
                ("presenting", 3, "helpful"),
                ("coaching", 3, "helpful"),
            ],
            "moves": [
                ("marketing-manager", 24),
                ("product-manager", 12),
            ],
        },
        {
            "slug": "marketing-manager",
            "title": "Marketing manager",
            "level": "manager",
            "summary": "Leads a marketing team and its plan: which audiences, messages and "
            "channels, with what budget and what results.",
            "responsibilities": [
                "Hire, coach and manage marketers",
                "Build the marketing plan and budget",
                "Set goals and report on marketing's contribution",
                "Align with sales on pipeline and targets",
                "Protect the brand's voice and quality",
            ],
            "experience": "Usually six or more years in marketing, some of it leading others.",
            "skills": [
                ("leading", 4, "core"),
                ("marketing", 4, "core"),
                ("financial-sense", 3, "core"),
                ("coaching", 3, "helpful"),
                ("hiring", 3, "helpful"),
                ("growth-campaigns", 4, "helpful"),
                ("strategy", 3, "helpful"),
            ],
            "moves": [
                ("head-of-marketing", 30),
            ],
        },
        {
            "slug": "head-of-marketing",
            "title": "Head of marketing",
            "level": "director",
            "summary": "Leads marketing for the organisation: brand, demand and market "
            "insight. Accountable for how the organisation is known and how it grows.",
            "responsibilities": [
                "Set marketing strategy with leadership",
                "Own the brand and its positioning",
                "Allocate budget across channels and teams",
                "Lead and develop marketing managers",
                "Report marketing's results to leadership",
            ],
            "experience": "Usually ten or more years in marketing, including leading teams.",
            "skills": [
                ("strategy", 5, "core"),
                ("marketing", 5, "core"),
                ("leading", 5, "core"),
                ("financial-sense", 4, "helpful"),
                ("organisation-design", 3, "helpful"),
                ("influence", 4, "helpful"),
                ("presenting", 4, "helpful"),
            ],
            "moves": [],
        },
    ],
}
