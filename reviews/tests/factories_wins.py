"""Factories for the wins journal."""

import datetime

import factory

from careerapp.tests.factories import UserFactory
from reviews.models import Win


class WinFactory(factory.django.DjangoModelFactory):
    """A win of 1 March 2027, linked to nothing."""

    class Meta:
        model = Win

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Shipped thing {n}")
    impact = "Saved the team a day a week."
    happened_on = datetime.date(2027, 3, 1)
