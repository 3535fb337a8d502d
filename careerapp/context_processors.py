from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (url name, label, section). A section's entry appears once its app has that page,
# so the navigation never links to something that is not there.
NAV_ITEMS = (
    ("home", _("Dashboard"), "home"),
    ("goals:list", _("Goals"), "goals"),
    ("goals:learning_list", _("Learning"), "learning"),
    ("assessments:index", _("Assessments"), "assessments"),
    ("assessments:explore", _("Explore"), "explore"),
    ("reviews:index", _("Check-ins"), "reviews"),
    ("reviews:win_list", _("Wins"), "wins"),
    ("reviews:circle", _("Circle"), "circle"),
    ("account_settings", _("Account"), "account"),
)

EXPLORE_ROUTE = "assessments/explore/"
# The wins journal and the brag document are one entry.
WINS_ROUTES = ("reviews/wins/", "reviews/brag/")
LEARNING_ROUTE = "goals/learning/"
# The circle's pages (members, shared with me, feedback, conversations) are one entry.
CIRCLE_ROUTES = (
    "reviews/circle/",
    "reviews/shared-with-me/",
    "reviews/feedback/",
    "reviews/conversations/",
    "reviews/comments/",
)


def _section(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    # The role library's pages live in an app but are their own menu entry.
    if match.route.startswith(EXPLORE_ROUTE):
        return "explore"
    if match.route.startswith(WINS_ROUTES):
        return "wins"
    if match.route.startswith(LEARNING_ROUTE):
        return "learning"
    if match.route.startswith(CIRCLE_ROUTES):
        return "circle"
    if match.app_name in {"goals", "assessments", "reviews"}:
        return match.app_name
    if match.url_name == "home":
        return "home"
    return "account"


def _nav_items(request) -> list[dict]:
    current = _section(request)
    items = []
    for url_name, label, section in NAV_ITEMS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "active": section == current})
    return items


def site(request):
    context = {"site_name": settings.SITE_NAME}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["nav_items"] = _nav_items(request)
    return context
