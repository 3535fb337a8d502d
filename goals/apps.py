from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = _("Goals")

    def ready(self) -> None:
        from careerapp import dashboard, portability, reminders, sharing
        from careerapp.calendar import register_calendar_source
        from goals import calendar as goal_calendar
        from goals import panels
        from goals import portability as goal_portability
        from goals import reminders as goal_reminders
        from goals import sharing as goal_sharing

        dashboard.register_checklist(panels.checklist)
        reminders.register_section_provider(goal_reminders.sections)
        reminders.register_section_provider(goal_reminders.expiring_sections)
        dashboard.register_panel(
            dashboard.Panel(
                key="goals",
                template="goals/includes/_dashboard_goals.html",
                context=panels.goals_panel,
                order=10,
            )
        )
        dashboard.register_panel(
            dashboard.Panel(
                key="tasks",
                template="goals/includes/_dashboard_tasks.html",
                context=panels.tasks_panel,
                order=20,
            )
        )
        dashboard.register_panel(
            dashboard.Panel(
                key="expiring_learning",
                template="goals/includes/_dashboard_expiring.html",
                context=panels.expiring_panel,
                order=25,
            )
        )
        portability.register_part(
            portability.Part(
                key="goals",
                write=goal_portability.write,
                read=goal_portability.read,
                has_data=goal_portability.has_data,
                position=10,
                after=("assessments",),
            )
        )
        portability.register_part(
            portability.Part(
                key="decisions",
                write=goal_portability.write_decisions,
                read=goal_portability.read_decisions,
                has_data=goal_portability.has_decisions,
                position=15,
                after=("goals",),
            )
        )
        register_calendar_source(goal_calendar.events)
        register_calendar_source(goal_calendar.expiries)
        portability.register_part(
            portability.Part(
                key="learning",
                write=goal_portability.write_learning,
                read=goal_portability.read_learning,
                has_data=goal_portability.has_learning,
                position=17,
                after=("goals", "assessments"),
            )
        )
        sharing.register_shareable(goal_sharing.GOALS)
        sharing.register_shareable(goal_sharing.DECISIONS)
