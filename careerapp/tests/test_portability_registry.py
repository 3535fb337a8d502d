"""The export's parts: the document keeps its order of keys, and a part is written and read
after the parts it links to, whatever order the apps registered them in."""

import pytest

from careerapp import portability


def _part(key: str, position: int, after: tuple[str, ...] = ()) -> portability.Part:
    def nothing(*args):
        return None

    return portability.Part(
        key=key, write=nothing, read=nothing, has_data=nothing, position=position, after=after
    )


def test_the_sites_parts_keep_the_documents_order_and_their_links():
    assert [part.key for part in portability._in_document_order()] == [
        "goals",
        "decisions",
        "learning",
        "assessments",
        "reviews",
        "circle",
        "wins",
    ]
    # Goals link personal skills; decisions link the goal they started; learning links
    # goals and skills; reviews and next steps link goals and steps.
    assert [part.key for part in portability._in_dependency_order()] == [
        "assessments",
        "goals",
        "decisions",
        "learning",
        "reviews",
        "circle",
        "wins",
    ]


def test_a_part_comes_after_the_parts_it_links_to_whatever_the_registration_order(monkeypatch):
    registered = {
        "c": _part("c", position=10, after=("b",)),
        "b": _part("b", position=20, after=("a",)),
        "a": _part("a", position=30),
    }
    monkeypatch.setattr(portability, "_parts", registered)

    assert [part.key for part in portability._in_document_order()] == ["c", "b", "a"]
    assert [part.key for part in portability._in_dependency_order()] == ["a", "b", "c"]


def test_parts_that_link_to_each_other_are_refused(monkeypatch):
    registered = {"a": _part("a", 10, after=("b",)), "b": _part("b", 20, after=("a",))}
    monkeypatch.setattr(portability, "_parts", registered)

    with pytest.raises(ValueError, match="depend on each other"):
        portability._in_dependency_order()
