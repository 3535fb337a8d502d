"""Small builders that keep the shipped questions readable as plain data.

Each returns a dict in the shape ``assessments.content.load_instruments`` reads. No model
imports here: a data migration loads these modules.
"""

from __future__ import annotations


def section(name: str, *questions: dict) -> list[dict]:
    """The questions that share a page, in the order they are asked."""
    return [{**question, "section": name} for question in questions]


def skill(prompt: str, help_text: str, *, required: bool = True) -> dict:
    return _question("skill", prompt, help_text, required=required)


def rating(prompt: str, low: str, high: str, help_text: str = "", *, required: bool = True) -> dict:
    return _question("rating", prompt, help_text, required=required, low=low, high=high)


def single(prompt: str, options: list[str], help_text: str = "", *, required: bool = True) -> dict:
    return _question("single", prompt, help_text, required=required, options=options)


def multiple(
    prompt: str,
    options: list[str],
    help_text: str = "",
    *,
    required: bool = False,
    max_choices: int | None = None,
) -> dict:
    return _question(
        "multiple", prompt, help_text, required=required, options=options, max_choices=max_choices
    )


def text(prompt: str, help_text: str = "", *, required: bool = False) -> dict:
    return _question("text", prompt, help_text, required=required)


def _question(
    type_: str,
    prompt: str,
    help_text: str,
    *,
    required: bool,
    low: str = "",
    high: str = "",
    options: list[str] | None = None,
    max_choices: int | None = None,
) -> dict:
    return {
        "section": "",
        "prompt": prompt,
        "help_text": help_text,
        "type": type_,
        "required": required,
        "low_label": low,
        "high_label": high,
        "max_choices": max_choices,
        "options": list(options or []),
    }
