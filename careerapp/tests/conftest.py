"""Fixtures of the core's tests: the fuzz tests' world, the export tests' accounts."""

import json
from typing import Any

import pytest

from careerapp.demo import load_demo_content
from careerapp.portability import export_user_data
from careerapp.tests.fuzz_world import World, build_world, report_generated
from careerapp.tests.portability_world import add_next_step, mark_as_theirs


@pytest.fixture
def world(owner, other_user, settings) -> World:
    return build_world(owner, other_user, settings)


@pytest.fixture(scope="module")
def report_generated_inputs(request):
    """Print how many generated inputs the module's tests sent, when they are done."""
    yield
    report_generated(request, request.module.FUZZ_KIND)


@pytest.fixture
def both_lived_in(owner, other_user):
    load_demo_content(owner)
    add_next_step(owner)
    load_demo_content(other_user)
    add_next_step(other_user)
    mark_as_theirs(other_user)


@pytest.fixture
def their_export(other_user) -> dict[str, Any]:
    load_demo_content(other_user)
    add_next_step(other_user)
    return json.loads(json.dumps(export_user_data(other_user)))
