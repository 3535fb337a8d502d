import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from careerapp.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    display_name = factory.Faker("first_name")
    time_zone = "Europe/Berlin"
    # People in fixtures have signed in before, so the dashboard welcomes them back; a
    # first sign-in is UserFactory(last_login=None).
    last_login = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    password = factory.PostGenerationMethodCall("set_password", "a-long-and-unusual-passphrase")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
