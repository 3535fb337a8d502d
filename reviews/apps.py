from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Check-ins")

    def ready(self) -> None:
        from careerapp import dashboard, portability, reminders, sharing
        from careerapp.calendar import register_calendar_source
        from reviews import calendar as review_calendar
        from reviews import panels
        from reviews import portability as review_portability
        from reviews import reminders as review_reminders
        from reviews.portability import circle as circle_portability
        from reviews.portability import wins as wins_portability
        from reviews.queries.feedback import strengths_aside
        from reviews.queries.wins import wins_aside

        dashboard.register_checklist(panels.checklist)
        # Beside the owner's strengths results: how others see them.
        sharing.register_aside(strengths_aside)
        reminders.register_section_provider(review_reminders.sections)
        reminders.register_section_provider(review_reminders.comment_sections)
        reminders.register_sent_hook("circle_comments", review_reminders.comments_emailed)
        sharing.register_aside(panels.comments_aside)
        register_calendar_source(review_calendar.events)
        # Under the owner's goal: the wins that served it, and "Record a win".
        sharing.register_aside(wins_aside)
        dashboard.register_panel(
            dashboard.Panel(
                key="checkins",
                template="reviews/includes/_dashboard_checkins.html",
                context=panels.checkins_panel,
                order=40,
            )
        )
        portability.register_part(
            portability.Part(
                key="reviews",
                write=review_portability.write,
                read=review_portability.read,
                has_data=review_portability.has_data,
                position=30,
                after=("goals",),
            )
        )
        portability.register_part(
            portability.Part(
                key="circle",
                write=circle_portability.write,
                read=circle_portability.read,
                has_data=circle_portability.has_data,
                position=40,
                after=("goals", "assessments", "reviews"),
            )
        )
        portability.register_part(
            portability.Part(
                key="wins",
                write=wins_portability.write,
                read=wins_portability.read,
                has_data=wins_portability.has_data,
                position=50,
                after=("goals", "assessments", "reviews", "circle"),
            )
        )
