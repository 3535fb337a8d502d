from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Self-assessments")

    def ready(self) -> None:
        from assessments import panels
        from assessments import portability as assessment_portability
        from assessments import reminders as assessment_reminders
        from assessments import sharing as assessment_sharing
        from careerapp import dashboard, portability, reminders, sharing

        dashboard.register_checklist(panels.checklist)
        reminders.register_section_provider(assessment_reminders.sections)
        reminders.register_section_provider(assessment_reminders.role_gap_sections)
        reminders.register_sent_hook(
            assessment_reminders.ROLE_GAP_SECTION, assessment_reminders.gap_mentioned
        )
        dashboard.register_panel(
            dashboard.Panel(
                key="assessments",
                template="assessments/includes/_dashboard_assessments.html",
                context=panels.assessments_panel,
                order=30,
            )
        )
        dashboard.register_panel(
            dashboard.Panel(
                key="target_role",
                template="assessments/includes/_dashboard_target_role.html",
                context=panels.target_role_panel,
                order=35,
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
        sharing.register_shareable(assessment_sharing.RESULTS)
        sharing.register_shareable(assessment_sharing.ROLES)
