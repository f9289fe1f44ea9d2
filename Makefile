# The README's commands. Everything runs inside .venv, installed from the lock files:
# requirements.lock (what building needs) for `make site` and `make serve`, and
# requirements-test.lock (the same pins plus test, leaflet and lint tools) for the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.installed
READY_TEST := $(VENV)/.installed-test
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs

.PHONY: help site offline serve test lint check linkcheck pytest leaflets bench lock clean

help:
	@echo "make site   - set up .venv and build the whole site into site/ (--strict)"
	@echo "make serve  - set up .venv and preview the site at http://127.0.0.1:8000/ (PREVIEW=fi: only Finnish, rebuilds faster)"
	@echo "make test   - set up .venv with the test tools, then lint, every check and test"
	@echo "make lint   - ruff check . (style and likely bugs in the Python code)"
	@echo "make check  - content and data checks only (python -m rights_guide check)"
	@echo "make offline - the offline copies again from site/: site/offline/guide-<lang>.html and .zip (make site makes them)"
	@echo "make leaflets - build the site, then the PDF leaflets into site/leaflets/ (needs Pango and fonts)"
	@echo "make bench  - build the site, measure it against stock Material, write PERFORMANCE.md"
	@echo "make lock   - re-resolve pyproject.toml ranges into requirements.lock and requirements-test.lock"

# Every pin carries hashes (--require-hashes): pip refuses a file that differs from the
# one locked. The package rights_guide/ itself is then installed in editable mode, without
# dependencies (all are locked above) and with the build backend setuptools from the lock.
$(READY): requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11.5 or newer is needed" if sys.version_info < (3, 11, 5) else 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --require-hashes -r requirements.lock
	$(PIP_INSTALL) --no-deps --no-build-isolation -e .
	touch $(READY)

# Test, leaflet and lint tools: only for the commands that use them, never for `make site`.
$(READY_TEST): $(READY) requirements-test.lock
	$(PIP_INSTALL) --require-hashes -r requirements-test.lock
	touch $(READY_TEST)

# The offline copies (rights_guide/build/offline.py) cost about 0.7 s of CPU after the build,
# so every build makes them and the help and About pages link them.
site: $(READY)
	$(MKDOCS) build --strict --clean
	$(BIN)/python -m rights_guide offline

offline: $(READY)
	$(BIN)/python -m rights_guide offline

# `make serve PREVIEW=fi` builds Finnish only (and English, for pages not translated yet), so a
# rebuild after an edit is quick (rights_guide/build/i18n.py). Unset, every language is built.
PREVIEW ?=
serve: $(READY)
	RG_PREVIEW_LANGUAGE=$(PREVIEW) $(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

lint: $(READY_TEST)
	$(BIN)/python -m ruff check .

# CHECK_FORMAT=github (set by .github/workflows/ci.yml) prints each problem as a GitHub
# annotation, shown on its line in the pull request.
CHECK_FORMAT ?= text
check: $(READY)
	$(BIN)/python -m rights_guide check --format $(CHECK_FORMAT)

linkcheck: site $(READY_TEST)
	$(BIN)/python -m rights_guide linkcheck

# One test process per core (pytest-xdist), a module's tests in one process; what modules
# share is made once per run (made_once in tests/conftest.py). TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
pytest: site $(READY_TEST)
	$(BIN)/python -m pytest --numprocesses $(TEST_WORKERS) --dist loadfile

leaflets: site $(READY_TEST)
	$(BIN)/python -m rights_guide leaflets

# Page weight, requests and build times, ours against stock; a few minutes.
bench: site
	$(BIN)/python -m rights_guide benchmark --write PERFORMANCE.md

# Lint first (quickest), content checks next (clearest messages), then the strict build,
# links, and tests.
test: lint check site linkcheck pytest

# pip-tools in a throwaway venv re-resolves the ranges in pyproject.toml. Pins already in a
# lock file are kept while they still fit the ranges, so the result is reproducible; to move
# to newer releases: `make lock LOCK_ARGS=--upgrade` (all) or `LOCK_ARGS="-P NAME"` (one).
# The test lock is constrained by the build lock, so both pin the same versions. pip reads
# no config file nor PIP_* index settings here: the hashes are those of PyPI's files.
# Run it with the oldest Python supported (3.11): markers are resolved for that Python.
PIP_TOOLS := pip-tools==7.6.2
LOCK_ARGS ?=
LOCK_ENV ?= env -u PIP_FIND_LINKS -u PIP_CONSTRAINT -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL \
  -u PIP_NO_INDEX PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock"
PIP_COMPILE := $(LOCK_ENV) .lock-venv/bin/pip-compile --quiet --no-config --generate-hashes \
  --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
  --build-deps-for=editable $(LOCK_ARGS)
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	$(LOCK_ENV) .lock-venv/bin/python -m pip install --quiet --disable-pip-version-check "$(PIP_TOOLS)"
	$(PIP_COMPILE) -o requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra test --extra leaflets --extra lint -c requirements.lock \
	  -o requirements-test.lock pyproject.toml
	rm -rf .lock-venv

clean:
	rm -rf site .venv .pytest_cache .ruff_cache .lock-venv
