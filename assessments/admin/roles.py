"""The role library in the admin: tracks with their roles, roles with their required skills
and moves, a track's matrix of roles x skills, and learning suggestions.

Current and target roles are people's own and are not registered.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from assessments import services
from assessments.models import LearningKind, LearningSuggestion, Role, RoleMove, RoleSkill, Track
from assessments.queries import explore as explore_queries
from careerapp.admin import TranslatedContentAdmin


class _HttpsLinks:
    """A link typed without a scheme ("example.com/jobs") is taken as https."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class RoleInline(admin.TabularInline):
    """The track's roles in order, to reorder, open or hide them at a glance; a role's words,
    skills and moves are edited on its own page (the change link), and new roles are added
    from the roles list, where every required field fits."""

    model = Role
    fields = ("title_en", "level", "order", "is_open", "is_active")
    ordering = ("order", "title")
    extra = 0
    show_change_link = True
    # People's target roles point at roles: a role is deleted on its own page, which lists
    # what goes with it.
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class RoleSkillInline(admin.TabularInline):
    model = RoleSkill
    fields = ("question", "level", "importance")
    autocomplete_fields = ("question",)
    ordering = ("importance", "-level", "pk")
    extra = 1


class RoleMoveInline(admin.TabularInline):
    model = RoleMove
    fk_name = "from_role"
    fields = ("to_role", "typical_months")
    autocomplete_fields = ("to_role",)
    verbose_name = _("usual move from this role")
    verbose_name_plural = _("usual moves from this role")
    extra = 1


@admin.register(Track)
class TrackAdmin(TranslatedContentAdmin):
    inlines = [RoleInline]
    list_display = ("name", "role_count", "order", "is_active", "matrix_link")
    list_editable = ("order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "slug", "summary")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("matrix_link", "public_link")
    fields = ("name", "slug", "summary", "order", "is_active", "matrix_link", "public_link")

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(role_count=Count("roles"))

    def get_urls(self):
        matrix = self.admin_site.admin_view(self.matrix_view)
        name = f"{self.opts.app_label}_{self.opts.model_name}_matrix"
        return [path("<path:object_id>/matrix/", matrix, name=name), *super().get_urls()]

    @admin.display(description=_("roles"), ordering="role_count")
    def role_count(self, track: Track) -> int:
        return track.role_count

    @admin.display(description=_("matrix"))
    def matrix_link(self, track: Track) -> str:
        return render_to_string(
            "admin/assessments/track/includes/_matrix_link.html", {"track": track}
        )

    @admin.display(description=_("as people see it"))
    def public_link(self, track: Track) -> str:
        return render_to_string("admin/assessments/includes/_public_link.html", {"obj": track})

    def matrix_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        track = self.get_object(request, unquote(object_id))
        if track is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, track):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": track,
            "title": _("Roles and skills: %(name)s") % {"name": track.name},
            **explore_queries.track_matrix(track),
        }
        return TemplateResponse(request, "admin/assessments/track/matrix.html", context)


@admin.register(Role)
class RoleAdmin(_HttpsLinks, TranslatedContentAdmin):
    inlines = [RoleSkillInline, RoleMoveInline]
    list_display = ("title", "track", "level", "order", "is_open", "is_active", "public_link")
    list_editable = ("order", "is_open", "is_active")
    list_filter = ("track", "level", "is_open", "is_active")
    list_select_related = ("track",)
    search_fields = ("title", "slug", "summary", "track__name")
    prepopulated_fields = {"slug": ("title",)}
    ordering = ("track__order", "track__name", "order", "title")
    actions = ["duplicate_roles"]
    readonly_fields = ("public_link",)
    fieldsets = (
        (None, {"fields": ("track", "title", "slug", "level", "order", "public_link")}),
        (_("What it is"), {"fields": ("summary", "responsibilities", "experience")}),
        (
            _("Open in our organisation"),
            {
                "fields": ("is_open", "open_contact", "open_url"),
                "description": _("People can filter for the roles open here."),
            },
        ),
        (_("Offering"), {"fields": ("is_active",)}),
    )

    @admin.display(description=_("as people see it"))
    def public_link(self, role: Role) -> str:
        return render_to_string("admin/assessments/includes/_public_link.html", {"obj": role})

    @admin.action(description=_("Duplicate selected roles"))
    def duplicate_roles(self, request: HttpRequest, queryset) -> None:
        copies = services.roles_duplicate(roles=queryset.order_by("pk"))
        self.message_user(
            request,
            ngettext(
                "Made %(count)d copy with its skills and moves. It is not shown until you "
                "edit it and tick “shown”.",
                "Made %(count)d copies with their skills and moves. They are not shown until "
                "you edit them and tick “shown”.",
                len(copies),
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )


@admin.register(LearningSuggestion)
class LearningSuggestionAdmin(_HttpsLinks, TranslatedContentAdmin):
    list_display = ("title", "question", "kind", "order", "is_active")
    list_editable = ("order", "is_active")
    list_filter = ("kind", "is_active")
    list_select_related = ("question", "kind")
    search_fields = ("title", "url", "question__prompt")
    autocomplete_fields = ("question",)
    ordering = ("question__order", "order", "pk")
    fields = ("question", "title", "kind", "url", "order", "is_active")


@admin.register(LearningKind)
class LearningKindAdmin(TranslatedContentAdmin):
    """The kinds of learning the library suggests and people log. Shipped kinds are their
    slug (``assessments.content.roles.learning.KINDS``). A kind in use cannot be deleted:
    untick "shown" to stop offering it."""

    list_display = ("name", "slug", "order", "is_active", "expires", "suggestions_count")
    list_editable = ("order", "is_active")
    list_filter = ("is_active", "expires")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "expires", "order", "is_active")
    ordering = ("order", "pk")

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(used_by=Count("suggestions"))

    @admin.display(description=_("suggestions"), ordering="used_by")
    def suggestions_count(self, kind: LearningKind) -> int:
        return kind.used_by

    def get_deleted_objects(self, objs, request: HttpRequest):
        """Django would list each learning item that protects a kind, by its person's
        title: a count says why the delete is refused without showing anyone's log."""
        deleted, counts, perms_needed, _protected = super().get_deleted_objects(objs, request)
        # People's learning items point at their kind through the reverse relation
        # "learning_items" (goals.LearningItem), read here without importing goals.
        used = (
            LearningKind.objects.filter(pk__in=[obj.pk for obj in objs])
            .annotate(
                in_suggestions=Count("suggestions", distinct=True),
                in_logs=Count("learning_items", distinct=True),
            )
            .filter(models.Q(in_suggestions__gt=0) | models.Q(in_logs__gt=0))
        )
        protected = [
            _(
                "“%(name)s” is used by %(suggestions)s and %(items)s, so it cannot be deleted. "
                "Untick “shown” to stop offering it."
            )
            % {
                "name": kind.name,
                "suggestions": ngettext(
                    "%(count)d learning suggestion", "%(count)d learning suggestions", n
                )
                % {"count": n},
                "items": ngettext(
                    "%(count)d logged learning item", "%(count)d logged learning items", m
                )
                % {"count": m},
            }
            for kind in used
            for n, m in [(kind.in_suggestions, kind.in_logs)]
        ]
        return deleted, counts, perms_needed, protected
