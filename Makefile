# Set-up and everyday commands. `make run` and `make test` need only Python 3.11, git and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM := /usr/bin/chromium

.PHONY: run run-prod serve install install-dev migrate demo test lint audit audit-deps pytest browser pdf gettext vnu messages clean bench-voting bench-search bench wrk redis-server

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: install it, or run: make PYTHON=/path/to/python3.11 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo_content

run: demo pdf
	@echo ""
	@echo "Serwis:      http://127.0.0.1:$(PORT)/"
	@echo "Panel admin: http://127.0.0.1:$(PORT)/admin/  (konta powyżej)"
	@echo ""
	@# E-mail goes through the background task queue: a worker runs beside the server.
	$(BIN)/python manage.py db_worker --interval 2 --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production on this machine (docs/deployment.md): PostgreSQL from DATABASE_URL, Redis from REDIS_URL,
# gunicorn (sosnowiec_bo/gunicorn.conf.py) on PORT and one task worker beside it, JSON logs on stderr.
PROD := DJANGO_SETTINGS_MODULE=sosnowiec_bo.settings.production
run-prod: install
	@test -n "$$SECRET_KEY" || { echo "make run-prod: SECRET_KEY is not set. Give it a long random value, e.g. from: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'" >&2; exit 1; }
	@test -n "$$DATABASE_URL" || { echo "make run-prod: DATABASE_URL is not set. Production runs on PostgreSQL, e.g. DATABASE_URL=postgres://user:password@host:5432/name" >&2; exit 1; }
	@test -n "$$ALLOWED_HOSTS" || { echo "make run-prod: ALLOWED_HOSTS is not set: the site's host names, comma-separated, e.g. ALLOWED_HOSTS=bo.sosnowiec.pl" >&2; exit 1; }
	@test -n "$$REDIS_URL$$CACHE_URL" || echo "make run-prod: REDIS_URL is not set: each process keeps its own cache, so rate limits are per process and the page cache is off." >&2
	$(PROD) $(BIN)/python manage.py migrate --no-input
	$(PROD) $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@# The task worker stops when the database goes away: it is started again until the server stops.
	@( trap 'kill $$task 2>/dev/null; exit' INT TERM; \
	  while :; do $(PROD) $(BIN)/python manage.py db_worker & task=$$!; wait $$task; sleep 5; done ) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PROD) PORT=$(PORT) $(BIN)/gunicorn --config sosnowiec_bo/gunicorn.conf.py

# Browser tests drive Debian's chromium; as root on Debian/Ubuntu it is installed here.
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Browser tests need $(CHROMIUM): sudo apt-get install chromium"; exit 1; fi; }

# PDF certificates of attendance (WeasyPrint) need Pango and the DejaVu fonts; as root on
# Debian/Ubuntu they are installed here.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
pdf: install
	@{ $(BIN)/python -c "import weasyprint" 2>/dev/null && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES) >/dev/null; \
	  else echo "PDF certificates need Pango and DejaVu fonts: sudo apt-get install $(PDF_PACKAGES)"; exit 1; fi; }

# The catalogue test (tests/test_catalogues.py) runs `makemessages`, which needs GNU gettext; as root on
# Debian/Ubuntu it is installed here.
gettext:
	@command -v xgettext >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	  else echo "The catalogue test needs GNU gettext: sudo apt-get install gettext"; exit 1; fi; }

# The HTML validity test (tests/test_html_validity.py) runs the Nu HTML Checker: the npm package
# vnu-jar, installed into .vnu/ without the Java runtime it would download, as it runs on the system's
# Java 17. As root on Debian/Ubuntu, Java and npm are installed here.
VNU_VERSION := 26.9.27
VNU_INSTALLED := .vnu/installed-$(VNU_VERSION)
VNU_PACKAGES := openjdk-17-jre-headless npm
vnu: $(VNU_INSTALLED)
$(VNU_INSTALLED):
	@{ command -v java && command -v npm; } >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(VNU_PACKAGES) >/dev/null; \
	  else echo "The HTML validity test needs Java 17 and npm: sudo apt-get install $(VNU_PACKAGES)"; exit 1; fi; }
	npm install --no-save --ignore-scripts --no-audit --no-fund --prefix .vnu vnu-jar@$(VNU_VERSION)
	touch $@

# The Redis fault test (tests/test_faults_redis.py) starts a redis-server of its own on a free port
# (never the machine's); as root on Debian/Ubuntu it is installed here.
redis-server:
	@command -v redis-server >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	  else echo "The Redis fault test needs redis-server: sudo apt-get install redis-server"; exit 1; fi; }

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Security scanner (issue 14), part of `make test`: bandit over the project's own code, medium and
# high findings ([tool.bandit] in pyproject.toml); a false positive gets `# nosec BXXX` and its reason.
audit: install-dev
	$(BIN)/bandit -c pyproject.toml -ll -r . -q

# The pinned requirements against PyPI's vulnerability data (pip-audit asks PyPI's JSON API for each
# version), failing on a known vulnerability or on a package it could not check (--strict). Not part
# of `make test`: the package mirror this project's CI reaches answers that API with 404, and without
# --strict pip-audit would then report "No known vulnerabilities found" having checked nothing.
audit-deps: install-dev
	$(BIN)/pip-audit -r requirements.txt --no-deps --disable-pip --strict --progress-spinner off

# Not --dist loadfile: it sends a module's transactional tests before other modules' tests, and a
# transactional test leaves its worker's database flushed (pytest-django runs them last for that).
pytest: install-dev browser pdf gettext vnu redis-server
	$(BIN)/python -m pytest -n 2 --create-db --ignore=tests/e2e $(PYTEST_ARGS)
	@# Browser tests use a live server and a flushed database: their own run, one process.
	$(BIN)/python -m pytest --create-db tests/e2e $(PYTEST_ARGS)

test: lint audit pytest

# The site's catalogues (locale/*/LC_MESSAGES: django.po, djangojs.po for the admin's JavaScript):
# compile every .po after editing it; the .mo files are committed. English and Ukrainian hold the
# public site's strings; tests/test_catalogues.py names any that `makemessages` finds untranslated.
messages: install
	$(BIN)/python -c "import pathlib, polib; [polib.pofile(str(po)).save_as_mofile(str(po.with_suffix('.mo'))) for po in sorted(pathlib.Path('locale').glob('*/LC_MESSAGES/*.po'))]"

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles test-artifacts .vnu

# Online voting under load (issue 8): 1 000 ballots at concurrency 8, then 500 simultaneous attempts
# by 50 people. Meant for PostgreSQL: DATABASE_URL=postgres://... make bench-voting
bench-voting: migrate
	$(BIN)/python manage.py bench_voting

# Search benchmark (not part of `make test`): relevance and p95 latency with 10 000 pages. Give it a
# PostgreSQL database of its own: make bench-search DATABASE_URL=postgres://user@host/bench
bench-search: install
	TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend $(BIN)/python manage.py migrate --no-input
	TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend $(BIN)/python manage.py bench_search

# The whole-site benchmark (issue 13): a large site (generate_bench_data, once per database), served
# by gunicorn with 2 sync workers and production settings, measured with wrk. Give it a PostgreSQL
# database of its own: make bench DATABASE_URL=postgres://user@host/bench  (BENCH_SCALE=0.1 for a
# quick look). Production's shared cache is Redis (BENCH_REDIS_URL, a database the benchmark may
# empty): the pages are measured without the page cache, then once more at concurrency 8 with it. The bench server's secret and hosts are throw-away values for 127.0.0.1 only; form
# limits are lifted so that the comment test measures throughput, not the rate limiter.
BENCH_SCALE ?= 1.0
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/9
BENCH_ENV := DJANGO_SETTINGS_MODULE=sosnowiec_bo.settings.production SECRET_KEY=bench-only-$$(date +%s%N) \
	REDIS_URL=$(BENCH_REDIS_URL) PAGE_CACHE_SECONDS=0 \
	ALLOWED_HOSTS=127.0.0.1,localhost,testserver SECURE_SSL_REDIRECT=0 FORM_MIN_FILL_SECONDS=0 \
	FORM_RATE_LIMIT_COUNT=1000000 FORM_RATE_LIMIT_ADDRESS_COUNT=1000000
wrk:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "The benchmark needs wrk: sudo apt-get install wrk"; exit 1; fi; }

# The data builds on the demo content, which the dev settings alone allow (it has demo accounts).
bench: install wrk
	$(BIN)/python manage.py migrate --no-input
	DJANGO_SETTINGS_MODULE=sosnowiec_bo.settings.dev $(BIN)/python manage.py generate_bench_data --scale $(BENCH_SCALE) --keep-existing
	$(BENCH_ENV) $(BIN)/python manage.py bench $(BENCH_ARGS)
