"""Fixtures for the admin tests (``test_admin_*.py``)."""

import pytest
from django.test import Client

from assessments.content import load_instruments
from assessments.models import Instrument, Option, Question
from assessments.tests.factories import InstrumentFactory, QuestionFactory
from careerapp.models import User


@pytest.fixture
def admin_client(password):
    # Its own client: the shared one may be logged in as the owner in the same test.
    client = Client()
    client.force_login(User.objects.create_superuser("admin@example.com", password))
    return client


@pytest.fixture
def shipped():
    load_instruments(Instrument, Question, Option)
    return {instrument.slug: instrument for instrument in Instrument.objects.all()}


@pytest.fixture
def instrument():
    """A small instrument: two rating questions on one page."""
    instrument = InstrumentFactory(name="Energy check", slug="energy-check")
    QuestionFactory(instrument=instrument, prompt="How rested do you feel?", order=10)
    QuestionFactory(instrument=instrument, prompt="How full is your week?", order=20)
    return instrument
