from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareerappConfig(AppConfig):
    name = "careerapp"
    verbose_name = _("Accounts and core")

    def ready(self) -> None:
        from careerapp import checks, dashboard  # noqa: F401 - checks register on import

        dashboard.register_checklist(dashboard.core_checklist)
