"""What the fuzz tests send: hostile values, POST bodies built from a form's fields, and
files that start as a real export and are spoiled in one place."""

from __future__ import annotations

import json

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

# --- Values ---------------------------------------------------------------------

MARKUP = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
)
LONG = (
    "x" * 10_000,
    "é" * 10_000,
    "\x00" * 10_000,
    "1" * 10_000,
    MARKUP[0] * 400,
    ("Lead the migration " + MARKUP[1]) * 250,
)
ODD = (
    "",
    " ",
    "\t\r\n",
    "-1",
    "0",
    "-0",
    "1e309",
    "NaN",
    "0x1F",
    "²",  # str.isdigit() says yes, int() says no
    "q²",
    "p²",
    "q" + "7" * 5000,  # more digits than int() reads
    "p" + "7" * 5000,
    "٣",
    "None",
    "[]",
    "{}",
    "2027-02-30",
    "9999-12-31",
    "0001-01-01",
    "-2027-01-01",
    "' OR 1=1 --",
    "{{ request }}",
    "%(count)s",
    "javascript:alert(1)",
)
hostile = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(max_codepoint=0x1F), min_size=1, max_size=10),
    st.sampled_from(MARKUP),
    st.tuples(st.text(max_size=5), st.sampled_from(MARKUP), st.text(max_size=5)).map("".join),
    st.sampled_from(LONG),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats().map(str),
    st.sampled_from(ODD),
)
JUNK_KEYS = st.one_of(
    st.sampled_from(
        [
            "user",
            "user_id",
            "id",
            "pk",
            "email",
            "is_staff",
            "is_superuser",
            "password",
            "goal-999999999-status",
            "q999999999",
            "p1_current",
            "step-9-title",
            "reflection-999999999-answer",
        ]
    ),
    st.text(min_size=1, max_size=12),
)
EXTRA_VALID = {
    "page": ["1", "2", "3", "99"],
    "action": ["save", "submit", "complete", "next", "previous"],
    "confirm": ["on"],
    "skill": [""],  # a real key is made up per person; the fuzz sends forged ones
}


def valid_values(name: str, field: forms.Field, files: tuple[bytes, ...] = ()) -> list:
    """Values this field accepts, so generated posts also reach the success paths."""
    if isinstance(field, forms.FileField):
        return [b"{}", *files]
    if name in EXTRA_VALID:
        return EXTRA_VALID[name]
    if getattr(field, "choices", None):
        return [str(value) for value, _label in field.choices if value != ""] or ["1"]
    if isinstance(field, forms.DateField):
        return ["2031-05-17", "2001-01-01"]
    if isinstance(field, forms.IntegerField):
        return ["0", "45", "100"]
    if isinstance(field, forms.BooleanField):
        return ["on"]
    if name.endswith("time_zone"):
        return ["Europe/Berlin"]
    return ["A plain, sensible answer"]


def post_data(fields: dict[str, list]):
    """A strategy for a POST body, plus junk keys: either any of the fields with hostile
    or valid values, or a valid form with one or two fields made hostile - the second
    gets hostile text past validation and into the pages that show it."""

    def value(valid: list):
        if isinstance(valid[0], bytes):
            return st.one_of(st.sampled_from(valid), uploads(valid)).map(
                lambda content: SimpleUploadedFile("export.json", content, "application/json")
            )
        single = st.one_of(st.sampled_from(valid), hostile)
        return st.one_of(single, single, st.lists(single, min_size=2, max_size=3))

    def upload_or_text(valid: list):
        return value(valid) if isinstance(valid[0], bytes) else st.sampled_from(valid)

    mixed = st.fixed_dictionaries({}, optional={name: value(v) for name, v in fields.items()})
    own = mixed
    if fields:
        valid = st.fixed_dictionaries({name: upload_or_text(v) for name, v in fields.items()})
        spoiled = st.lists(
            st.one_of(*[st.tuples(st.just(name), value(v)) for name, v in fields.items()]),
            max_size=2,
        ).map(dict)
        own = st.one_of(mixed, st.tuples(valid, spoiled).map(lambda pair: {**pair[0], **pair[1]}))
    junk = st.dictionaries(JUNK_KEYS, value(["1"]), max_size=3)
    return st.tuples(junk, own).map(lambda pair: {**pair[0], **pair[1]})


def _containers(inner):
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats() | hostile,
    _containers,
    max_leaves=8,
)


def leaves(document, path=()):
    """The paths to every value in a JSON document that is not a list or an object."""
    items = document.items() if isinstance(document, dict) else enumerate(document)
    for key, value in items:
        if isinstance(value, dict | list):
            yield from leaves(value, (*path, key))
        else:
            yield (*path, key)


def replaced(document, path, value):
    """A copy of the document with the value at ``path`` replaced."""
    if not path:
        return value
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[path[0]] = replaced(document[path[0]], path[1:], value)
    return copy


def uploads(valid: list[bytes]):
    """File contents: a real document with one value spoiled, or with one part replaced
    (these get deep into the importer), then any JSON, text or bytes."""

    def dumps(value) -> bytes:
        return json.dumps(value).encode()

    documents = [json.loads(content) for content in valid]
    objects = [document for document in documents if isinstance(document, dict) and document]
    strategies = []
    for document in objects:
        strategies += [
            st.builds(
                lambda path, value, doc=document: dumps(replaced(doc, path, value)),
                st.sampled_from(list(leaves(document))),
                st.one_of(hostile, json_values),
            ),
            st.builds(
                lambda key, value, doc=document: dumps({**doc, key: value}),
                st.sampled_from(sorted(document)),
                json_values,
            ),
        ]
    anything = st.one_of(
        json_values.map(dumps), hostile.map(lambda text: text.encode()), st.binary(max_size=200)
    )
    return st.one_of(*strategies, anything)


def field_values(
    form: forms.BaseForm, *extra: str, files: tuple[bytes, ...] = ()
) -> dict[str, list]:
    values = {bound.html_name: valid_values(bound.name, bound.field, files) for bound in form}
    values.update({name: EXTRA_VALID[name] for name in extra})
    return values


def assert_escaped(body: str, where: str) -> None:
    for markup in MARKUP:
        assert markup not in body, f"{where}: our {markup!r} came back unescaped"
