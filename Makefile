# The README's commands. Everything runs inside .venv, made from requirements.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.installed
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs

.PHONY: help site serve test check linkcheck pytest leaflets bench lock clean

help:
	@echo "make site   - set up .venv and build the whole site into site/ (--strict)"
	@echo "make serve  - set up .venv and preview the site at http://127.0.0.1:8000/ (PREVIEW=fi: only Finnish, rebuilds faster)"
	@echo "make test   - set up .venv, then every check and test"
	@echo "make check  - content and data checks only (python -m rights_guide check)"
	@echo "make leaflets - build the site, then the PDF leaflets into site/leaflets/ (needs Pango and fonts)"
	@echo "make bench  - build the site, measure it against stock Material, write PERFORMANCE.md"
	@echo "make lock   - re-resolve pyproject.toml ranges into requirements.lock"

$(READY): requirements.lock
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(READY)

site: $(READY)
	$(MKDOCS) build --strict --clean

# `make serve PREVIEW=fi` builds Finnish only (and English, for pages not translated yet), so a
# rebuild after an edit is quick (rights_guide/build/i18n.py). Unset, every language is built.
PREVIEW ?=
serve: $(READY)
	RG_PREVIEW_LANGUAGE=$(PREVIEW) $(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

check: $(READY)
	$(BIN)/python -m rights_guide check

linkcheck: site
	$(BIN)/python -m rights_guide linkcheck

pytest: site
	$(BIN)/python -m pytest

leaflets: site
	$(BIN)/python -m rights_guide leaflets

# Page weight, requests and build times, ours against stock; a few minutes.
bench: site
	$(BIN)/python -m rights_guide benchmark --write PERFORMANCE.md

# Content checks first (clearest messages), then the strict build, links, and tests.
test: check site linkcheck pytest

lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check ".[leaflets,test]"
	(echo "# Exact pins installed by 'make site' and 'make test'. Regenerate with 'make lock'."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^rights-guide') > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site .venv .pytest_cache
