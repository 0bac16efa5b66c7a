# Jaga Netral: `make demo` and `make test` work from a fresh clone (Debian, python3.11).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.jaganetral-installed

.PHONY: demo test lint typecheck unit install clean

# The demo data is synthetic (written for this repository): posts, a roster, two exports.
# It ends by serving the web app on a throwaway database (Ctrl+C stops it; the logins are printed).
demo: $(STAMP)
	mkdir -p out
	$(BIN)/jaganetral scan demo/posts.jsonl --out out/demo-findings.jsonl --table
	rm -rf out/demo-data
	$(BIN)/jaganetral registry import demo/roster.csv --data-dir out/demo-data
	$(BIN)/jaganetral ingest demo/exports --data-dir out/demo-data --region basel --account-of 198703122010011001
	$(BIN)/jaganetral evidence verify --data-dir out/demo-data
	$(BIN)/jaganetral serve --demo --host 127.0.0.1 --port 8000

# Runs all three checks and fails if any failed. pytest exits 5 when it collects no tests:
# that counts as a failure too. The storage tests need PostgreSQL: .ci/ensure-postgres starts
# Debian's server (installing it if needed) when none answers at $$JN_TEST_DATABASE_URL or 127.0.0.1:5432.
# The browser tests (tests/browser, Playwright) need Debian's Chromium: .ci/ensure-chromium installs it.
test: $(STAMP)
	@status=0; \
	echo "== postgresql"; ./.ci/ensure-postgres || status=1; \
	echo "== chromium"; ./.ci/ensure-chromium || status=1; \
	echo "== ruff"; $(BIN)/ruff check src tests bench || status=1; \
	echo "== mypy"; $(BIN)/mypy || status=1; \
	echo "== pytest"; $(BIN)/pytest || status=1; \
	exit $$status

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever pyproject.toml changes (new dependency, new entry point).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -e '.[test]'
	touch $@

clean:
	rm -rf out .mypy_cache .ruff_cache .pytest_cache
