"""Tracks: product management, and design. Plain data; see ``roles``."""

from __future__ import annotations

PRODUCT_MANAGEMENT = {
    "slug": "product-management",
    "name": "Product management",
    "summary": "Deciding what to build and why: understanding customers and the business, "
    "choosing the problems worth solving and guiding a team to solve them well.",
    "roles": [
        {
            "slug": "associate-product-manager",
            "title": "Associate product manager",
            "level": "entry",
            "summary": "Learns product management by owning a small, well-bounded part of a "
            "product alongside an experienced product manager.",
            "responsibilities": [
                "Write clear problem statements and acceptance criteria for small features",
                "Join customer calls and research sessions and share what you learn",
                "Keep the team's backlog tidy and up to date",
                "Track how released features are used",
                "Coordinate releases with support and marketing",
            ],
            "experience": "Often a first product role, after a degree or a move from "
            "support, analysis, engineering or design.",
            "skills": [
                ("product-discovery", 2, "core"),
                ("writing", 3, "core"),
                ("collaboration", 3, "core"),
                ("data-analysis", 2, "helpful"),
                ("listening", 3, "helpful"),
                ("learning", 3, "helpful"),
            ],
            "moves": [
                ("product-manager", 18),
            ],
        },
        {
            "slug": "product-manager",
            "title": "Product manager",
            "level": "mid",
            "summary": "Owns the outcomes of a product area with one team: which problems it "
            "tackles, in what order, and how success is measured.",
            "responsibilities": [
                "Set and explain the team's priorities and roadmap",
                "Run discovery with design and engineering before committing to build",
                "Define the measures of success and report on them",
                "Make trade-offs between scope, time and quality with the team",
                "Keep stakeholders informed and aligned",
            ],
            "experience": "Usually two to five years in product or a closely related role.",
            "skills": [
                ("product-discovery", 3, "core"),
                ("data-evidence", 3, "core"),
                ("deciding", 3, "core"),
                ("user-research", 2, "helpful"),
                ("writing", 3, "helpful"),
                ("influence", 3, "helpful"),
                ("planning", 3, "helpful"),
            ],
            "moves": [
                ("senior-product-manager", 24),
            ],
        },
        {
            "slug": "senior-product-manager",
            "title": "Senior product manager",
            "level": "senior",
            "summary": "Leads a complex or high-stakes product area, often spanning several "
            "teams, and shapes strategy as well as delivering it.",
            "responsibilities": [
                "Turn company goals into a product strategy for your area",
                "Lead discovery on ambiguous, high-risk problems",
                "Align several teams and senior stakeholders on direction",
                "Make the business case for major investments",
                "Coach less experienced product managers",
            ],
            "experience": "Typically five or more years of product management with "
            "measurable results.",
            "skills": [
                ("product-discovery", 4, "core"),
                ("strategy", 3, "core"),
                ("influence", 4, "core"),
                ("data-evidence", 4, "helpful"),
                ("deciding", 4, "core"),
                ("financial-sense", 2, "helpful"),
                ("presenting", 3, "helpful"),
                ("coaching", 3, "helpful"),
            ],
            "moves": [
                ("group-product-manager", 30),
            ],
        },
        {
            "slug": "group-product-manager",
            "title": "Group product manager",
            "level": "manager",
            "summary": "Manages a group of product managers and owns the strategy for a "
            "product line. Success is a coherent product and a strong product team.",
            "responsibilities": [
                "Hire, coach and manage product managers",
                "Set the strategy and goals for a product line",
                "Make sure the group's roadmaps fit together",
                "Review and raise the quality of product decisions",
                "Represent the product line to leadership",
            ],
            "experience": "Usually seven or more years in product, with some experience "
            "leading or mentoring other product managers.",
            "skills": [
                ("strategy", 4, "core"),
                ("coaching", 4, "core"),
                ("leading", 4, "core"),
                ("product-discovery", 4, "helpful"),
                ("hiring", 3, "helpful"),
                ("performance-management", 3, "helpful"),
                ("influence", 4, "helpful"),
                ("financial-sense", 3, "helpful"),
            ],
            "moves": [
                ("director-of-product", 30),
            ],
        },
        {
            "slug": "director-of-product",
            "title": "Director of product",
            "level": "director",
            "summary": "Leads product management for a business or the whole company: the "
            "portfolio, the people and how product decisions get made.",
            "responsibilities": [
                "Own the product vision and portfolio strategy",
                "Allocate investment across product areas",
                "Build and lead the product management team",
                "Set how the organisation discovers, decides and measures",
                "Partner with engineering, design and commercial leaders",
            ],
            "experience": "Usually ten or more years, including leading product managers.",
            "skills": [
                ("strategy", 5, "core"),
                ("leading", 4, "core"),
                ("financial-sense", 4, "core"),
                ("influence", 5, "helpful"),
                ("organisation-design", 3, "helpful"),
                ("presenting", 4, "helpful"),
                ("deciding", 5, "core"),
            ],
            "moves": [],
        },
    ],
}

DESIGN = {
    "slug": "design",
    "name": "Design",
    "summary": "Shaping how a product works and feels: understanding the people who use "
    "it and designing flows, screens and systems that serve them.",
    "roles": [
        {
            "slug": "junior-product-designer",
            "title": "Junior product designer",
            "level": "entry",
            "summary": "Designs small features and improvements with guidance, learning the "
            "product, its users and the team's design system.",
            "responsibilities": [
                "Design screens and flows for well-defined features",
                "Use and help maintain the design system",
                "Take part in usability testing and share what you see",
                "Present your work in critiques and act on feedback",
            ],
            "experience": "Often a first design role, with a portfolio from study, "
            "internships or personal projects.",
            "skills": [
                ("interaction-design", 2, "core"),
                ("learning", 3, "core"),
                ("feedback", 2, "core"),
                ("user-research", 1, "helpful"),
                ("presenting", 2, "helpful"),
                ("collaboration", 2, "helpful"),
            ],
            "moves": [
                ("product-designer", 18),
            ],
        },
        {
            "slug": "product-designer",
            "title": "Product designer",
            "level": "mid",
            "summary": "Owns the design of a product area with one team, from research to "
            "shipped details, and makes sure the result is usable and accessible.",
            "responsibilities": [
                "Frame problems with product and engineering before designing",
                "Plan and run lightweight research and usability tests",
                "Design end-to-end flows and the details that make them work",
                "Check designs for accessibility",
                "Work with engineers through build to release",
            ],
            "experience": "Usually two to five years designing digital products.",
            "skills": [
                ("interaction-design", 3, "core"),
                ("user-research", 3, "core"),
                ("problem-solving", 3, "core"),
                ("product-discovery", 2, "helpful"),
                ("presenting", 3, "helpful"),
                ("collaboration", 3, "helpful"),
                ("feedback", 3, "helpful"),
            ],
            "moves": [
                ("senior-product-designer", 24),
                ("product-manager", 12),
            ],
        },
        {
            "slug": "senior-product-designer",
            "title": "Senior product designer",
            "level": "senior",
            "summary": "Leads design on complex problems that span teams or products, and "
            "raises the quality of design around them.",
            "responsibilities": [
                "Lead design for large or ambiguous initiatives",
                "Shape product direction with product and engineering leads",
                "Contribute to and steward the design system",
                "Mentor designers and lead critiques",
                "Argue for users with evidence when trade-offs are made",
            ],
            "experience": "Typically five or more years, with shipped work whose impact "
            "you can show.",
            "skills": [
                ("interaction-design", 4, "core"),
                ("user-research", 3, "helpful"),
                ("product-discovery", 3, "core"),
                ("influence", 3, "core"),
                ("coaching", 3, "helpful"),
                ("presenting", 4, "helpful"),
                ("problem-solving", 4, "helpful"),
                ("craft", 4, "helpful"),
            ],
            "moves": [
                ("lead-product-designer", 24),
                ("design-manager", 18),
            ],
        },
        {
            "slug": "lead-product-designer",
            "title": "Lead product designer",
            "level": "lead",
            "summary": "Sets the design direction and standards across several teams, "
            "without managing people. The design voice in big product decisions.",
            "responsibilities": [
                "Define design principles and quality standards for a product area",
                "Lead the most strategic design work",
                "Make the experience coherent across teams",
                "Coach senior designers",
                "Make the case for design investment to leadership",
            ],
            "experience": "Usually eight or more years, including leading design across teams.",
            "skills": [
                ("interaction-design", 5, "core"),
                ("strategy", 3, "core"),
                ("influence", 4, "core"),
                ("user-research", 4, "helpful"),
                ("coaching", 4, "helpful"),
                ("presenting", 4, "helpful"),
                ("product-discovery", 4, "helpful"),
            ],
            "moves": [
                ("design-manager", 12),
            ],
        },
        {
            "slug": "design-manager",
            "title": "Design manager",
            "level": "manager",
            "summary": "Leads a team of designers and researchers: hiring them, growing them "
            "and making sure design has the right influence on the product.",
            "responsibilities": [
                "Hire and develop designers and researchers",
                "Give regular feedback and run career conversations",
                "Decide who works on what across product teams",
                "Set how the team critiques, researches and documents",
                "Represent design in planning and leadership discussions",
            ],
            "experience": "Often a senior or lead designer who has mentored others and wants "
            "to lead people.",
            "skills": [
                ("leading", 4, "core"),
                ("coaching", 4, "core"),
                ("hiring", 4, "core"),
                ("performance-management", 4, "helpful"),
                ("interaction-design", 4, "helpful"),
                ("influence", 4, "helpful"),
                ("strategy", 4, "helpful"),
                ("feedback", 4, "core"),
            ],
            "moves": [
                ("director-of-product", 30),
            ],
        },
    ],
}
