from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careerapp.demo import DEMO_EMAIL, DEMO_PASSWORD, demo_account_create


class Command(BaseCommand):
    help = "Create the demo account with lived-in content (once; later runs keep it)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Allow this with DJANGO_DEBUG off. The password is public: never on a real site.",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "The demo account has a published password; it is only created with "
                "DJANGO_DEBUG on (or --force on a throwaway machine)."
            )
        _user, created = demo_account_create()
        state = "Created" if created else "Kept"
        self.stdout.write(self.style.SUCCESS(f"{state} the demo account."))
        self.stdout.write(f"  Sign in at {settings.SITE_URL}/accounts/login/")
        self.stdout.write(f"  Email:    {DEMO_EMAIL}")
        self.stdout.write(f"  Password: {DEMO_PASSWORD}")
