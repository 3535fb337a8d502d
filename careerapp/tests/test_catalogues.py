"""The French and Spanish catalogues are complete: every string marked for translation in
the code and the templates has a translation in both, none of them fuzzy (a guess gettext
made from a similar string), and no catalogue keeps a string the code no longer has.

The strings are extracted afresh by Django's makemessages (GNU gettext's xgettext) on a
copy of the tree, merged into copies of the committed catalogues, and the result is read
with polib: a new string shows as untranslated, a changed one as fuzzy, a removed one as
obsolete. `make messages` updates the committed catalogues the same way."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from conftest import _unavailable

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("fr", "es")
# What the copy leaves out: environments, data, caches and history.
NOT_SOURCE = shutil.ignore_patterns(
    ".venv", ".git", "var", "node_modules", "__pycache__", ".ruff_cache", ".hypothesis", "*.mo"
)


def _catalogue(root: Path, language: str) -> Path:
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, polib.POFile]:
    """Each language's catalogue after merging a fresh extraction into it."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        _unavailable("GNU gettext (xgettext, msgmerge) is not installed: apt-get install gettext")
    copy = tmp_path_factory.mktemp("tree") / "tree"
    shutil.copytree(ROOT, copy, ignore=NOT_SOURCE)
    # The templates' extensions: the brag document's Markdown too (Django reads html, txt and
    # py unless told).
    command = [
        sys.executable,
        "manage.py",
        "makemessages",
        "--extension=html,txt,py,md",
        "--ignore=*/tests/*",
        "--ignore=benchmarks/*",  # the benchmarks' stand-in templates repeat the app's words
    ]
    for language in LANGUAGES:
        command += ["-l", language]
    # Fixed arguments: this Python, this project's manage.py.
    subprocess.run(command, cwd=copy, check=True, capture_output=True, timeout=300)  # noqa: S603
    return {language: polib.pofile(str(_catalogue(copy, language))) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_has_a_translation(extracted, language):
    missing = [entry.msgid for entry in extracted[language].untranslated_entries()]
    assert not missing, (
        f"{len(missing)} strings have no {language} translation (run `make messages`, then "
        f"translate them in locale/{language}/LC_MESSAGES/django.po): {missing[:20]}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_a_guess(extracted, language):
    fuzzy = [entry.msgid for entry in extracted[language].fuzzy_entries()]
    assert not fuzzy, f"{language}: fuzzy entries, check and clear the flag: {fuzzy[:20]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_catalogue_keeps_a_string_the_code_no_longer_has(extracted, language):
    stale = [entry.msgid for entry in extracted[language].obsolete_entries()]
    assert not stale, f"{language}: strings no longer in the code (run `make messages`): {stale}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_catalogue_compiles_and_keeps_its_placeholders(language):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        _unavailable("GNU gettext (msgfmt) is not installed: apt-get install gettext")
    # --check: the header, plural forms, and every python-format placeholder as in English.
    result = subprocess.run(  # noqa: S603 - gettext's own msgfmt, fixed arguments
        [msgfmt, "--check", "-o", "/dev/null", str(_catalogue(ROOT, language))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_is_the_extraction(extracted, language):
    """What this test reads is really what the code marks: a sample of strings from the
    code, the templates and the emails is in the fresh extraction."""
    ids = {entry.msgid for entry in extracted[language]}
    assert {"Learning", "Record a win", "Brag document", "Hello %(name)s,"} <= ids


def _entries(catalogue) -> dict[tuple[str, str], object]:
    return {
        (entry.msgctxt or "", entry.msgid): (
            dict(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr
        )
        for entry in catalogue
        if entry.msgid
        and "fuzzy" not in entry.flags
        and (entry.msgstr or any(entry.msgstr_plural.values()))
        and not entry.obsolete
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_compiled_catalogue_is_the_catalogue(language):
    """A machine without GNU gettext serves the committed .mo (`make run` compiles
    nothing): it must say exactly what the .po says. `make messages` compiles it."""
    po = _catalogue(ROOT, language)
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make messages`"
    assert _entries(polib.mofile(str(mo))) == _entries(polib.pofile(str(po))), (
        f"{mo} is out of date: run `make messages`"
    )


GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "npgettext",
}


def test_no_string_is_marked_inside_an_f_string():
    """xgettext does not read inside f-strings: a string marked there never reaches the
    catalogues and shows in English to everyone (the timeline's "Closed with the goal" and
    the mood chart's description once did). Mark it on a line of its own."""
    found = []
    for path in ROOT.glob("*/**/*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "benchmarks"} or "tests" in parts or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                name = getattr(getattr(call, "func", None), "id", None)
                if isinstance(call, ast.Call) and name in GETTEXT_NAMES:
                    found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not found, found
