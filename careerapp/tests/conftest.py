"""Fixtures of the fuzz tests (test_fuzz_forms.py, test_fuzz_views.py)."""

import pytest

from careerapp.tests.fuzz_world import World, build_world, report_generated


@pytest.fixture
def world(owner, other_user, settings) -> World:
    return build_world(owner, other_user, settings)


@pytest.fixture(scope="module")
def report_generated_inputs(request):
    """Print how many generated inputs the module's tests sent, when they are done."""
    yield
    report_generated(request, request.module.FUZZ_KIND)
