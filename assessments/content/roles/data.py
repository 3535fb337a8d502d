"""Tracks: data and analytics, and data engineering and machine learning. Plain data; see
``roles``."""

from __future__ import annotations

DATA_AND_ANALYTICS = {
    "slug": "data-and-analytics",
    "name": "Data and analytics",
    "summary": "Turning data into decisions: answering the questions a business asks, "
    "finding the ones it should be asking, and building trust in the numbers.",
    "roles": [
        {
            "slug": "junior-data-analyst",
            "title": "Junior data analyst",
            "level": "entry",
            "summary": "Answers well-defined questions with data and keeps regular reports "
            "running, learning the business and its data along the way.",
            "responsibilities": [
                "Write queries and build spreadsheets that answer specific questions",
                "Maintain recurring reports and dashboards",
                "Check data for errors and raise what looks wrong",
                "Explain results in plain words to the people who asked",
            ],
            "experience": "Often a first analytical role, after a degree with some "
            "statistics or a move from a business team.",
            "skills": [
                ("data-analysis", 2, "core"),
                ("data-evidence", 2, "core"),
                ("learning", 3, "core"),
                ("writing", 2, "helpful"),
                ("statistics-experiments", 1, "helpful"),
                ("listening", 2, "helpful"),
            ],
            "moves": [
                ("data-analyst", 18),
                ("junior-data-engineer", 12),
            ],
        },
        {
            "slug": "data-analyst",
            "title": "Data analyst",
            "level": "mid",
            "summary": "Works with a team or function to understand its performance, find "
            "opportunities and test ideas, and turns analysis into recommendations.",
            "responsibilities": [
                "Shape vague questions into ones data can answer",
                "Design and maintain dashboards that people actually use",
                "Analyse experiments and explain what they mean",
                "Present findings with a clear recommendation",
                "Document metrics so everyone calculates them the same way",
            ],
            "experience": "Usually two to four years of analysis in a business setting.",
            "skills": [
                ("data-analysis", 3, "core"),
                ("statistics-experiments", 2, "core"),
                ("data-evidence", 3, "core"),
                ("presenting", 3, "helpful"),
                ("writing", 3, "helpful"),
                ("problem-solving", 3, "helpful"),
                ("collaboration", 3, "helpful"),
            ],
            "moves": [
                ("senior-data-analyst", 24),
                ("data-scientist", 18),
                ("product-manager", 12),
            ],
        },
        {
            "slug": "senior-data-analyst",
            "title": "Senior data analyst",
            "level": "senior",
            "summary": "Leads analysis on the organisation's most important questions and "
            "sets the standard for how analysis is done and shared.",
            "responsibilities": [
                "Lead deep-dive analyses that shape strategy",
                "Define and own key business metrics",
                "Advise leaders on experiments and how to read them",
                "Review and coach other analysts' work",
                "Work with data engineers to improve data quality",
            ],
            "experience": "Typically five or more years, with analyses that changed decisions.",
            "skills": [
                ("data-analysis", 4, "core"),
                ("statistics-experiments", 3, "core"),
                ("influence", 3, "core"),
                ("presenting", 4, "helpful"),
                ("data-evidence", 4, "helpful"),
                ("coaching", 3, "helpful"),
                ("strategy", 2, "helpful"),
            ],
            "moves": [
                ("analytics-manager", 24),
                ("data-scientist", 12),
            ],
        },
        {
            "slug": "data-scientist",
            "title": "Data scientist",
            "level": "senior",
            "summary": "Uses statistics and machine learning to solve problems that simple "
            "analysis cannot: forecasting, personalisation, causal questions.",
            "responsibilities": [
                "Frame business problems as modelling or inference problems",
                "Build, evaluate and explain models",
                "Design experiments and causal analyses",
                "Work with engineers to put models into production",
                "Explain uncertainty and limits honestly",
            ],
            "experience": "Typically a quantitative background and several years of "
            "applied statistics or analysis.",
            "skills": [
                ("statistics-experiments", 4, "core"),
                ("machine-learning", 3, "core"),
                ("data-analysis", 4, "core"),
                ("software-development", 2, "helpful"),
                ("problem-solving", 4, "helpful"),
                ("writing", 3, "helpful"),
                ("data-evidence", 4, "helpful"),
            ],
            "moves": [
                ("analytics-manager", 24),
                ("machine-learning-engineer", 12),
            ],
        },
        {
            "slug": "analytics-manager",
            "title": "Analytics manager",
            "level": "manager",
            "summary": "Leads a team of analysts and data scientists, deciding where they "
            "focus so that data changes decisions and not only reports on them.",
            "responsibilities": [
                "Hire, coach and manage analysts and data scientists",
                "Agree the team's priorities with stakeholders",
                "Set standards for analysis, review and documentation",
                "Make sure the team's work reaches decision makers",
                "Build a shared understanding of key metrics",
            ],
            "experience": "Usually a senior analyst or data scientist who has led projects "
            "and mentored others.",
            "skills": [
                ("leading", 4, "core"),
                ("coaching", 4, "core"),
                ("data-analysis", 4, "helpful"),
                ("influence", 4, "core"),
                ("hiring", 3, "helpful"),
                ("performance-management", 3, "helpful"),
                ("strategy", 3, "helpful"),
                ("statistics-experiments", 4, "helpful"),
            ],
            "moves": [
                ("head-of-data", 30),
            ],
        },
        {
            "slug": "head-of-data",
            "title": "Head of data",
            "level": "director",
            "summary": "Leads the organisation's data function: analytics, data science and "
            "often data engineering. Makes data a reliable asset for decisions.",
            "responsibilities": [
                "Set the data strategy with leadership",
                "Decide investment across analytics, science and platform work",
                "Own data governance, privacy and quality",
                "Build and lead the data leadership team",
                "Champion evidence-based decisions across the organisation",
            ],
            "experience": "Usually ten or more years in data, including leading managers.",
            "skills": [
                ("strategy", 5, "core"),
                ("leading", 5, "core"),
                ("influence", 5, "core"),
                ("organisation-design", 4, "helpful"),
                ("financial-sense", 3, "helpful"),
                ("data-engineering", 3, "helpful"),
                ("statistics-experiments", 4, "helpful"),
            ],
            "moves": [],
        },
    ],
}

DATA_ENGINEERING = {
    "slug": "data-engineering",
    "name": "Data engineering and machine learning",
    "summary": "Building the pipelines, platforms and models that bring data in, keep it "
    "trustworthy and put it to work in products.",
    "roles": [
        {
            "slug": "junior-data-engineer",
            "title": "Junior data engineer",
            "level": "entry",
            "summary": "Builds and maintains data pipelines under guidance, learning the "
            "platform, its tools and the data it carries.",
            "responsibilities": [
                "Build and fix well-scoped data pipelines",
                "Write tests and checks for data quality",
                "Document datasets and where they come from",
                "Help analysts find and use data",
            ],
            "experience": "Often a first data engineering role, from software engineering, "
            "analysis or study.",
            "skills": [
                ("data-engineering", 2, "core"),
                ("software-development", 2, "core"),
                ("learning", 3, "core"),
                ("problem-solving", 2, "helpful"),
                ("data-analysis", 2, "helpful"),
                ("collaboration", 2, "helpful"),
            ],
            "moves": [
                ("data-engineer", 18),
            ],
        },
        {
            "slug": "data-engineer",
            "title": "Data engineer",
            "level": "mid",
            "summary": "Designs and runs reliable pipelines and data models, so analysts, "
            "scientists and products can trust and use the data.",
            "responsibilities": [
                "Design and build pipelines and data models",
                "Monitor pipelines and respond when they fail",
                "Improve performance and cost of data processing",
                "Agree data contracts with the teams that produce data",
                "Review colleagues' code",
            ],
            "experience": "Usually two to five years in data or software engineering.",
            "skills": [
                ("data-engineering", 3, "core"),
                ("software-development", 3, "core"),
                ("production-operations", 3, "core"),
                ("system-design", 2, "helpful"),
                ("problem-solving", 3, "helpful"),
                ("collaboration", 3, "helpful"),
                ("writing", 2, "helpful"),
            ],
            "moves": [
                ("senior-data-engineer", 24),
                ("software-engineer", 12),
            ],
        },
        {
            "slug": "senior-data-engineer",
            "title": "Senior data engineer",
            "level": "senior",
            "summary": "Owns the design of important parts of the data platform and leads "
            "data projects from design to operation.",
            "responsibilities": [
                "Design data architecture for new products and sources",
                "Lead projects that change the data platform",
                "Set standards for data quality, testing and documentation",
                "Mentor data engineers",
                "Advise on data governance and privacy",
            ],
            "experience": "Typically five or more years, including owning production data systems.",
            "skills": [
                ("data-engineering", 4, "core"),
                ("system-design", 4, "core"),
                ("production-operations", 4, "helpful"),
                ("software-development", 4, "helpful"),
                ("coaching", 3, "helpful"),
                ("influence", 3, "core"),
                ("writing", 3, "helpful"),
            ],
            "moves": [
                ("staff-data-engineer", 30),
                ("machine-learning-engineer", 12),
                ("engineering-manager", 18),
            ],
        },
        {
            "slug": "machine-learning-engineer",
            "title": "Machine learning engineer",
            "level": "senior",
            "summary": "Takes models from experiment to production and keeps them working: "
            "training pipelines, serving, monitoring and retraining.",
            "responsibilities": [
                "Build training and serving infrastructure for models",
                "Put models into production with data scientists",
                "Monitor models for drift and failures",
                "Make model behaviour explainable and reproducible",
                "Keep the cost and speed of models in check",
            ],
            "experience": "Usually several years in software or data engineering, with "
            "hands-on machine learning work.",
            "skills": [
                ("machine-learning", 4, "core"),
                ("software-development", 4, "core"),
                ("data-engineering", 4, "core"),
                ("production-operations", 4, "helpful"),
                ("statistics-experiments", 3, "helpful"),
                ("system-design", 3, "helpful"),
                ("problem-solving", 4, "helpful"),
                ("collaboration", 4, "helpful"),
            ],
            "moves": [
                ("staff-data-engineer", 30),
            ],
        },
        {
            "slug": "staff-data-engineer",
            "title": "Staff data engineer",
            "level": "lead",
            "summary": "Shapes the data and machine learning platform across teams and makes "
            "the long-term technical choices it rests on.",
            "responsibilities": [
                "Set technical direction for the data platform",
                "Lead cross-team data and machine learning initiatives",
                "Choose and retire tools and technologies",
                "Develop senior engineers",
                "Balance platform investment with business needs",
            ],
            "experience": "Often eight or more years, with platform-level work across teams.",
            "skills": [
                ("system-design", 5, "core"),
                ("data-engineering", 5, "core"),
                ("strategy", 4, "core"),
                ("influence", 4, "core"),
                ("machine-learning", 3, "helpful"),
                ("coaching", 4, "helpful"),
                ("writing", 4, "helpful"),
            ],
            "moves": [
                ("head-of-data", 24),
            ],
        },
    ],
}
