# The door for people who type `make`. Every job lives in noxfile.py; this file only makes
# sure the environment exists (once) and hands over. Needs: python3 (3.11+) and make.

PYTHON ?= python3
VENV   ?= .venv
NOX     = $(VENV)/bin/nox --no-venv -s
UV      = $(VENV)/bin/uv
# Quiet by default: progress, warnings and a summary. `make V=1` (or VERBOSE=1) shows
# every command and Sphinx's full output.
VERBOSE ?= $(V)
ifeq ($(filter-out 0,$(VERBOSE)),)
  Q         = @
  QUIET     = --quiet
  DOCS_ARGS =
else
  Q         =
  QUIET     =
  DOCS_ARGS = -- html --verbose
endif
# nox runs in the project's environment (--no-venv): put its tools first on the PATH.
export PATH := $(abspath $(VENV))/bin:$(PATH)
export VIRTUAL_ENV := $(abspath $(VENV))

.PHONY: all html test serve handout review lint doctest bench bench-clone lock clean

all: html

html: $(VENV)/.installed           ## build the site and the PDF handouts into docs/_build/html
	$(Q)$(NOX) docs $(DOCS_ARGS)

test: $(VENV)/.installed           ## run every check (lint, doctests, pytest incl. browser)
	$(Q)$(NOX) lint doctest tests

serve: $(VENV)/.installed          ## live preview at http://127.0.0.1:8000 while you edit
	$(Q)$(NOX) docs-live

handout: $(VENV)/.installed        ## one topic's standard handout and its length: make handout PAGE=faq
	$(Q)$(NOX) handout -- $(PAGE)

review: $(VENV)/.installed         ## what this change does: make review [BASE=main] [PR=number]
	$(Q)$(NOX) review -- $(if $(BASE),--base $(BASE)) $(if $(PR),--pull-request $(PR))

lint: $(VENV)/.installed
	$(Q)$(NOX) lint

doctest: $(VENV)/.installed
	$(Q)$(NOX) doctest

bench: $(VENV)/.installed          ## print build/page/PDF figures against their budgets
	$(Q)$(NOX) bench

bench-clone: $(VENV)/.installed    ## time a fresh clone to a built site (downloads packages)
	$(Q)$(NOX) bench -- --fresh-clone

lock: $(VENV)/.installed           ## re-pin requirements.lock from pyproject.toml (uv, from PyPI)
	$(Q)$(NOX) lock

clean:
	rm -rf docs/_build

# The environment, set up once and again only when requirements.lock changes: a venv, uv
# bootstrapped into it with pip (at the version the lock pins), then uv installs exactly
# what the lock says (in seconds) and this project, editable.
$(VENV)/.installed: requirements.lock
	@echo "Setting up $(VENV) from requirements.lock (with uv)..."
	$(Q)test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(Q)test -x $(UV) || $(VENV)/bin/python -m pip install $(QUIET) --disable-pip-version-check \
	  "$$(grep -E '^uv==' requirements.lock)"
	$(Q)$(UV) pip sync $(QUIET) --python $(VENV)/bin/python requirements.lock
	$(Q)$(UV) pip install $(QUIET) --python $(VENV)/bin/python --no-deps --no-build-isolation -e .
	$(Q)touch $@
