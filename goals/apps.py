from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = _("Goals")

    def ready(self) -> None:
        from careerapp import dashboard
        from goals import panels

        dashboard.register_checklist(panels.checklist)
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
