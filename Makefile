# Career Compass. `make run` to try it, `make test` to check it. Needs python3 (3.11+) and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PIP_VERSION := 26.3
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check --build-constraint build-constraints.txt

# Development defaults; a real deployment sets its own environment (see README).
export DJANGO_DEBUG ?= true
export PORT
# The web server's port, for the links every process writes (SITE_URL's development default):
# honcho hands each process of `make run` a PORT of its own, but WEB_PORT it leaves alone.
export WEB_PORT := $(PORT)

.DEFAULT_GOAL := help
.PHONY: help run install install-dev migrate demo web worker beat test test-fast lint messages fmt superuser clean bench-reminders bench-web bench-crowd bench-compare bench-departures bench-weight bench-lighthouse

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)

$(VENV)/.installed: $(BIN)/python requirements.txt build-constraints.txt
	$(PIP_INSTALL) -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP_INSTALL) -r requirements-dev.txt
	@touch $@

.env:
	cp .env.example .env

install: $(VENV)/.installed .env  ## Create .venv and install the pinned requirements

install-dev: $(VENV)/.installed-dev .env  ## Also install the test and lint tools

migrate: install  ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

demo: migrate  ## Create the demo account and content (kept on later runs)
	$(BIN)/python manage.py demo

# --env /dev/null: the settings read .env themselves, the real environment winning; honcho's
# own reading would override the environment and glue a value's words together
# ("Career Compass <noreply@localhost>" became "CareerCompass<noreply@localhost>").
run: demo  ## Install, migrate, load the demo, then serve web + worker + beat on PORT (Ctrl-C stops all)
	@echo "Open http://127.0.0.1:$(PORT) (Ctrl-C stops the web server, worker and beat)."
	$(BIN)/honcho start --port $(PORT) --procfile Procfile --env /dev/null

web: migrate  ## Only the web server
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

worker: install  ## Only a Celery worker
	$(BIN)/celery -A careerapp worker --loglevel=INFO

beat: install  ## Only Celery beat
	$(BIN)/celery -A careerapp beat --loglevel=INFO

lint: install-dev  ## ruff lint and format check, missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install-dev  ## Update the French and Spanish catalogues from the marked strings and compile them (needs GNU gettext)
	$(BIN)/python manage.py makemessages --extension=html,txt,py,md --ignore='*/tests/*' --ignore='benchmarks/*' --ignore='.venv/*' --no-obsolete -l fr -l es
	$(BIN)/python manage.py compilemessages --ignore='.venv/*' -l fr -l es

fmt: install-dev  ## Format and auto-fix with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# In parallel, one process per core (pytest-xdist), a test file at a time per process.
PYTEST_PARALLEL ?= -n auto --dist loadfile

test: lint  ## Lint, then the whole test suite
	$(BIN)/pytest $(PYTEST_PARALLEL)

test-fast: lint  ## Lint, then the tests without browser, services or slow ones (the inner loop)
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not browser and not services and not slow"

bench-reminders: install-dev  ## Weekly email benchmark, PEOPLE=20000 by default (needs PostgreSQL, Redis)
	$(BIN)/python -m benchmarks.reminders --people $(or $(PEOPLE),20000) $(BENCH_ARGS)

bench-web: install-dev  ## Web benchmark: wrk rounds, page weight and Lighthouse (needs PostgreSQL, wrk, chromium, npx)
	$(BIN)/python -m benchmarks.web $(BENCH_ARGS)

bench-crowd: install-dev  ## Weekly pages on a server of 100,000 people against a quiet one, side by side (as bench-web)
	$(BIN)/python -m benchmarks.crowd $(BENCH_ARGS)

bench-compare: install-dev  ## Weekly pages of this checkout against BEFORE=<commit>, side by side (as bench-web)
	$(BIN)/python -m benchmarks.compare --before $(BEFORE) $(BENCH_ARGS)

bench-departures: install-dev  ## Do the template tags that write markup in Python still pay? Pages with tags vs includes
	$(BIN)/python -m benchmarks.departures $(BENCH_ARGS)

bench-weight: install-dev  ## Only the page weight part of the web benchmark
	$(BIN)/python -m benchmarks.page_weight $(BENCH_ARGS)

bench-lighthouse: install-dev  ## Only the Lighthouse part of the web benchmark (saves the JSON report)
	$(BIN)/python -m benchmarks.lighthouse $(BENCH_ARGS)

superuser: migrate  ## Create an admin account
	$(BIN)/python manage.py createsuperuser

clean:  ## Remove the virtualenv and local data under var/
	rm -rf $(VENV) var
