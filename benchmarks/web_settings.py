"""Production settings plus the benchmark's own views (benchmarks/web_urls.py)."""

from careerapp.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.web_urls"
