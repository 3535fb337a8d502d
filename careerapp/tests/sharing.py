"""What the apps' tests of their shareables share: a stand-in viewer, rendering a shared
page as the circle's wrapper would, and the check that it stays read-only."""

from __future__ import annotations

import re

from django.template.loader import render_to_string


class FakeViewer:
    """Stands in for reviews.access.Viewer: the links a shared page may make."""

    def url(self, name, *args):
        return "/x/" + "/".join(str(part) for part in (name, *args))


def rendered(page) -> str:
    return render_to_string(page.template, {**page.context, "viewer": FakeViewer()})


def assert_read_only(html: str) -> None:
    """No form, no button, and no link but the viewer's own (none into the owner's pages)."""
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert all(href.startswith("/x/") for href in hrefs), hrefs
    assert "/goals/" not in html
    assert "/assessments/" not in html
    assert "/reviews/" not in html
    assert "<form" not in html
    assert "<button" not in html
    assert "csrfmiddlewaretoken" not in html
