"""Links between shared pages: ``{% shared_url viewer "item" "goals" goal.pk %}``.

A shared page never links into its owner's own pages; it links to its siblings under the
viewer's prefix (a secret link, "Shared with me" or the owner's preview), which only the
viewer knows how to build (``careerapp.sharing``)."""

from django import template

register = template.Library()


@register.simple_tag
def shared_url(viewer, name: str, *args) -> str:
    return viewer.url(name, *[arg for arg in args if arg is not None])
