from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Check-ins")

    def ready(self) -> None:
        from careerapp import dashboard, reminders
        from reviews import panels
        from reviews import reminders as review_reminders

        dashboard.register_checklist(panels.checklist)
        reminders.register_section_provider(review_reminders.sections)
        dashboard.register_panel(
            dashboard.Panel(
                key="checkins",
                template="reviews/includes/_dashboard_checkins.html",
                context=panels.checkins_panel,
                order=40,
            )
        )
