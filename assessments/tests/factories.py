import factory
from django.utils import timezone

from assessments.models import (
    Answer,
    Instrument,
    InstrumentKind,
    Option,
    PersonalSkill,
    Question,
    QuestionType,
    Take,
    TakeStatus,
)
from careerapp.tests.factories import UserFactory


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument

    name = factory.Sequence(lambda n: f"Instrument {n}")
    slug = factory.Sequence(lambda n: f"instrument-{n}")
    purpose = "Find out where you stand."
    kind = InstrumentKind.SKILLS


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    instrument = factory.SubFactory(InstrumentFactory)
    prompt = factory.Sequence(lambda n: f"Question {n}")
    type = QuestionType.RATING
    order = factory.Sequence(int)


class OptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Option

    question = factory.SubFactory(QuestionFactory, type=QuestionType.SINGLE)
    label = factory.Sequence(lambda n: f"Option {n}")
    order = factory.Sequence(int)


class PersonalSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonalSkill

    user = factory.SubFactory(UserFactory)
    instrument = factory.SubFactory(InstrumentFactory, allows_personal_items=True)
    name = factory.Sequence(lambda n: f"My skill {n}")


class TakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Take

    user = factory.SubFactory(UserFactory)
    instrument = factory.SubFactory(InstrumentFactory)
    status = TakeStatus.COMPLETED
    completed_at = factory.LazyFunction(timezone.now)


class AnswerFactory(factory.django.DjangoModelFactory):
    """An answer to a question; set the value fields that fit its type."""

    class Meta:
        model = Answer

    take = factory.SubFactory(TakeFactory)
    question = factory.SubFactory(QuestionFactory)
    key = factory.LazyAttribute(lambda answer: f"q{answer.question.pk}")
    prompt = factory.LazyAttribute(lambda answer: answer.question.prompt)
    type = factory.LazyAttribute(lambda answer: answer.question.type)
