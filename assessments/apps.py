from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Self-assessments")

    def ready(self) -> None:
        from assessments import panels
        from assessments import portability as assessment_portability
        from assessments import reminders as assessment_reminders
        from careerapp import dashboard, portability, reminders

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
        portability.register_part(
            portability.Part(
                key="assessments",
                write=assessment_portability.write,
                read=assessment_portability.read,
                has_data=assessment_portability.has_data,
                position=20,
            )
        )
