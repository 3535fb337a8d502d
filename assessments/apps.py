from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Self-assessments")

    def ready(self) -> None:
        from assessments import panels
        from assessments import reminders as assessment_reminders
        from careerapp import dashboard, reminders

        dashboard.register_checklist(panels.checklist)
        reminders.register_section_provider(assessment_reminders.sections)
        dashboard.register_panel(
            dashboard.Panel(
                key="assessments",
                template="assessments/includes/_dashboard_assessments.html",
                context=panels.assessments_panel,
                order=30,
            )
        )
