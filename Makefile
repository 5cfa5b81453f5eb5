# Open Audio Production Course — build and test.
#
#   make html       the complete site (HTML + PDF + EPUB + offline-site ZIP downloads) in _build/html/
#   make test       the test suite
#
# Every build treats warnings as errors. Run `make help` for all targets.

PYTHON      ?= python3
VENV        ?= .venv
BUILDDIR    ?= _build
SPHINXOPTS  ?=
SPHINXBUILD  = $(VENV)/bin/sphinx-build
SPHINX       = $(SPHINXBUILD) -c . -W --keep-going -n -d $(BUILDDIR)/doctrees $(SPHINXOPTS)
# Serial by default. Parallel builds are correct (tests/site/test_parallel.py) but were not
# faster on two cores: fresh builds of tests/roots/test-parallel took 15.8 s with -j1 and
# 29.6 s with -j2 (tools/bench.py, December 2026). Try SPHINXOPTS=-j2 on a bigger machine.
BASENAME     = open-audio-production-course
PDF          = $(BUILDDIR)/latex/$(BASENAME).pdf
EPUB         = $(BUILDDIR)/epub/$(BASENAME).epub
STAMP        = $(VENV)/.requirements-installed
DEBSTAMP     = $(BUILDDIR)/.debian-deps-ok
TESTDEBSTAMP = $(BUILDDIR)/.debian-test-deps-ok
NODESTAMP    = tests/browser/node_modules/.installed
# Reproducible output: Sphinx's only date comes from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)

# Everything a build depends on: a change to any of these rebuilds the PDF and EPUB.
SOURCES := conf.py $(shell find docs ext soundlib figures -type f \
             -not -name '*.pyc' -not -path '*/__pycache__/*' 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help venv deps html html-only pdf epub spelling linkcheck serve serve-site lint test check-pdf reproducible bench clean

help:  ## list the targets
	@echo "Targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | sort | \
	  awk -F'\t' '{printf "  make %-12s %s\n", $$1, $$2}'

venv: $(STAMP)  ## create .venv from requirements.txt (again when it changes)

# The venv needs Debian's python3-venv on a fresh machine, so the Debian check comes first.
$(STAMP): requirements.txt $(DEBSTAMP)
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

deps: $(DEBSTAMP)  ## check the Debian packages (installs them when run as root)

$(DEBSTAMP): tools/debian-packages.txt
	tools/debian-deps.sh
	@mkdir -p $(BUILDDIR) && touch $@

html: $(STAMP) $(DEBSTAMP) $(PDF) $(EPUB)  ## the site, with the PDF, EPUB and offline-site ZIP to download
	$(SPHINX) -b html docs $(BUILDDIR)/html
	@mkdir -p $(BUILDDIR)/html/downloads
	@cp -p $(PDF) $(EPUB) $(BUILDDIR)/html/downloads/
	@echo "Site: $(BUILDDIR)/html/index.html"

html-only: $(STAMP) $(DEBSTAMP)  ## the HTML alone, for a quick look (keeps the last downloads)
	$(SPHINX) -b html docs $(BUILDDIR)/html

pdf: $(PDF)  ## the PDF (LaTeX through latexmk and XeLaTeX)

$(PDF): $(STAMP) $(DEBSTAMP) $(SOURCES)
	$(SPHINX) -b latex docs $(BUILDDIR)/latex
	$(MAKE) -C $(BUILDDIR)/latex LATEXMKOPTS="-quiet -interaction=nonstopmode -halt-on-error" all-pdf
	@test -s $@ && touch $@

epub: $(EPUB)  ## the EPUB

$(EPUB): $(STAMP) $(DEBSTAMP) $(SOURCES)
	$(SPHINX) -b epub docs $(BUILDDIR)/epub
	@test -s $@ && touch $@

spelling: $(STAMP) $(DEBSTAMP)  ## check spelling (en_US); fails on any misspelling
	$(SPHINX) -b spelling docs $(BUILDDIR)/spelling

linkcheck: $(STAMP)  ## check the external links (needs a network; not part of the tests)
	$(SPHINX) -b linkcheck docs $(BUILDDIR)/linkcheck

serve: $(STAMP)  ## live preview for authors, rebuilt on every save
	$(VENV)/bin/sphinx-autobuild -c . -n --watch ext --watch soundlib --watch figures \
	  docs $(BUILDDIR)/serve

$(TESTDEBSTAMP): tools/debian-packages.txt tools/debian-packages-test.txt
	tools/debian-deps.sh debian-packages.txt debian-packages-test.txt
	@mkdir -p $(BUILDDIR) && touch $@

# The browser checks' tools, pinned by tests/browser/package-lock.json (no browser download:
# they drive Debian's Chromium).
$(NODESTAMP): tests/browser/package.json tests/browser/package-lock.json $(TESTDEBSTAMP)
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	@touch $@

lint: $(STAMP)  ## check the Python code with ruff (rules in pyproject.toml)
	$(VENV)/bin/ruff check .

test: $(STAMP) $(DEBSTAMP) $(TESTDEBSTAMP) $(NODESTAMP)  ## run the test suite (builds the course once, in a temporary folder)
	$(VENV)/bin/python -m pytest tests

serve-site: $(STAMP)  ## serve _build/html as a host should: strict CSP, gzip (http://127.0.0.1:8000/)
	$(VENV)/bin/python tools/serve.py $(BUILDDIR)/html --port 8000

check-pdf: $(PDF)  ## print checks on the PDF: overfull boxes, text in the margins, bookmarks, links
	$(VENV)/bin/python tools/check_pdf.py $(PDF)

reproducible: $(STAMP) $(DEBSTAMP)  ## build twice from scratch and compare (HTML, audio, LaTeX)
	$(VENV)/bin/python tools/reproducible.py

bench: $(STAMP) $(DEBSTAMP)  ## print build times, site sizes and every page's weight (goals in tools/bench.py)
	$(VENV)/bin/python tools/bench.py

clean:  ## remove every build output and the audio cache
	rm -rf $(BUILDDIR)
