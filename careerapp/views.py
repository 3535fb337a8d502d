import copy

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)
from django.views.i18n import set_language

from careerapp import calendar, dashboard, health, portability, services, tokens
from careerapp.adapters import FIRST_VISIT_SESSION_KEY
from careerapp.forms import (
    AccountDeleteForm,
    CalendarRenewForm,
    DataImportForm,
    PauseForm,
    ProfileForm,
    ReminderPreferencesForm,
)
from careerapp.models import CalendarFeed
from careerapp.ratelimits import address_limited, too_many_requests


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "careerapp/landing.html")
    board = dashboard.build(request.user)
    context = {
        "checklist": board.checklist,
        "checklist_done": board.checklist_done,
        "panels": board.panels,
        "first_visit": request.session.get(FIRST_VISIT_SESSION_KEY, False),
    }
    return render(request, "careerapp/dashboard.html", context)


def _settings_page(
    request, *, profile_form=None, reminder_form=None, import_form=None, renew_form=None, status=200
):
    today = request.user.local_now().date()
    paused = request.user.reminders_paused_until
    context = {
        "profile_form": profile_form or ProfileForm(instance=request.user),
        "reminder_form": reminder_form or ReminderPreferencesForm(instance=request.user),
        "pause_form": PauseForm(),
        "import_form": import_form or DataImportForm(),
        "paused_until": paused if paused and paused > today else None,
        "next_reminder": request.user.next_reminder_at,
        "calendar": calendar.feed_address(request.user),
        "renew_form": renew_form or CalendarRenewForm(),
    }
    return render(request, "careerapp/account_settings.html", context, status=status)


@require_GET
def account_settings(request: HttpRequest) -> HttpResponse:
    return _settings_page(request)


@require_http_methods(["GET", "POST"])
def profile_update(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return redirect("account_settings")
    # Bind a copy so a rejected form does not change the request.user the page shows.
    form = ProfileForm(request.POST, instance=copy.copy(request.user))
    if not form.is_valid():
        return _settings_page(request, profile_form=form, status=422)
    services.user_update_profile(user=request.user, **form.cleaned_data)
    with translation.override(request.user.language):
        messages.success(request, _("Your profile is saved."))
    return _remember_language(redirect("account_settings"), request.user.language)


def _remember_language(response: HttpResponse, language: str) -> HttpResponse:
    """The language cookie, so the pages after signing out keep speaking it."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@login_not_required
@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """The footer's language switcher: Django's ``set_language`` (the cookie, and back to
    ``next`` if it is on this site), refusing a language we do not offer, and for a
    signed-in person the choice kept in their settings too, so their emails follow it."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(_("Choose one of the languages offered."))
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    return set_language(request)


@require_http_methods(["GET", "POST"])
def reminders_update(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return redirect("account_settings")
    form = ReminderPreferencesForm(request.POST, instance=copy.copy(request.user))
    if not form.is_valid():
        return _settings_page(request, reminder_form=form, status=422)
    data = form.cleaned_data
    services.user_set_reminder_preferences(
        user=request.user,
        enabled=data["reminders_enabled"],
        weekday=data["reminder_weekday"],
        hour=data["reminder_hour"],
        send_empty=data["reminders_send_empty"],
        paused_until=request.user.reminders_paused_until,
    )
    messages.success(request, _("Your weekly email preferences are saved."))
    return redirect("account_settings")


@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            services.user_delete(user=request.user)
            logout(request)
            messages.success(request, _("Your account and everything in it have been deleted."))
            return redirect("home")
        return render(request, "careerapp/account_delete.html", {"form": form}, status=422)
    return render(request, "careerapp/account_delete.html", {"form": form})


@never_cache
@require_GET
def data_export(request: HttpRequest) -> HttpResponse:
    document = portability.export_user_data(request.user)
    response = JsonResponse(document, json_dumps_params={"indent": 2, "ensure_ascii": False})
    filename = f"career-compass-{request.user.local_now().date().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
def data_import(request: HttpRequest) -> HttpResponse:
    form = DataImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            summary = portability.import_user_data(
                user=request.user, data=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, summary.message())
            return redirect("account_settings")
    return _settings_page(request, import_form=form, status=422)


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database_ok, database = health.check_database()
    broker_ok, broker = health.check_broker()
    healthy = database_ok and broker_ok
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "database": database, "broker": broker},
        status=200 if healthy else 503,
    )


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


@require_POST
def reminders_pause(request: HttpRequest) -> HttpResponse:
    form = PauseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how long to pause the weekly email."))
        return redirect(f"{reverse('account_settings')}#reminders")
    services.user_pause_reminders(user=request.user, weeks=form.cleaned_data["weeks"])
    if form.cleaned_data["weeks"]:
        messages.success(request, _("Paused. Enjoy the break; the email comes back by itself."))
    else:
        messages.success(request, _("The weekly email is back on."))
    return redirect(f"{reverse('account_settings')}#reminders")


@require_POST
def reminders_preview(request: HttpRequest) -> HttpResponse:
    services.reminders_send_preview(user_ids=[request.user.pk])
    messages.success(
        request, _("This week's email is on its way to %(email)s.") % {"email": request.user.email}
    )
    return redirect(f"{reverse('account_settings')}#reminders")


@login_not_required
@csrf_exempt  # RFC 8058: mail providers POST here without cookies; the signed token is the proof
@require_http_methods(["GET", "POST"])
def reminders_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = services.user_from_unsubscribe_token(token)
    if user is None:
        return render(request, "careerapp/unsubscribe.html", {"invalid": True}, status=400)
    # RFC 8058: only the one-click body acts. Anything else (a link checker's POST, a
    # prefetch) gets the question, so no one is unsubscribed by accident.
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
        services.user_unsubscribe(user=user)
        return render(request, "careerapp/unsubscribe.html", {"done": True, "person": user})
    return render(request, "careerapp/unsubscribe.html", {"person": user, "token": token})


def _to_calendar_section() -> HttpResponse:
    return redirect(f"{reverse('account_settings')}#calendar")


@require_POST
def calendar_feed_create(request: HttpRequest) -> HttpResponse:
    services.feed_create(user=request.user)
    messages.success(request, _("Your calendar feed is on. Add its address to your calendar."))
    return _to_calendar_section()


@require_POST
def calendar_feed_renew(request: HttpRequest) -> HttpResponse:
    form = CalendarRenewForm(request.POST)
    if not form.is_valid():
        if calendar.feed_address(request.user) is None:
            # The box to tick is shown only while the feed is on.
            messages.error(request, _("The calendar feed is off: turn it on to get an address."))
        return _settings_page(request, renew_form=form, status=422)
    services.feed_renew(user=request.user)
    messages.success(
        request,
        _("Your calendar feed has a new address; the old one no longer works. Add the new one."),
    )
    return _to_calendar_section()


@require_POST
def calendar_feed_revoke(request: HttpRequest) -> HttpResponse:
    services.feed_revoke(user=request.user)
    messages.success(request, _("The calendar feed is off: its address no longer works."))
    return _to_calendar_section()


def _feed_headers(response: HttpResponse) -> HttpResponse:
    """The feed is one person's dates: nobody's to cache on the way, or to index."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_not_required
@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private ICS address: no account, the token is the key. Unknown, replaced or
    turned off: a plain 404. Counted per address (its hash), 429 over the limit."""
    if address_limited(request, tokens.token_hash(token)):
        response = _feed_headers(too_many_requests(request))
        response["Retry-After"] = "60"
        return response
    feed = CalendarFeed.objects.for_token(token).select_related("user").first()
    if feed is None or not feed.user.is_active:
        raise Http404
    owner = feed.user
    body = calendar.feed_ics(owner, today=owner.local_now().date())
    return _feed_headers(HttpResponse(body, content_type="text/calendar; charset=utf-8"))
