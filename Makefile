# Each target is one or two commands; the logic lives in Python (builder/).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: zine test test-fast test-matrix bench watch docs docs-images clean distclean

zine: $(VENV)/installed
	$(BIN)/zine build

test: $(VENV)/installed-test
	$(BIN)/python -m pytest -q

# The contributor's loop: the suite less the tests marked slow (those that build a zine, the wheel
# or a venv: tests/conftest.py marks them), in under a minute. `make test` (and CI) runs them all.
test-fast: $(VENV)/installed-test
	$(BIN)/python -m pytest -q -m "not slow"

# The suite on Python 3.11, 3.12 and 3.13 and with the lowest versions pyproject.toml allows, each
# in its own venv under .venv-matrix/ (matrix/run.py; MATRIX="3.13 lowest" runs some only).
test-matrix:
	$(PYTHON) matrix/run.py $(MATRIX)

$(VENV)/installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e . && touch $@

$(VENV)/installed-test: $(VENV)/installed
	$(BIN)/python -m pip install -q -e '.[test]' && touch $@

# The documentation site (mkdocs.yml, docs/), offline, into build/site/: open build/site/index.html.
# --strict: a broken link or a page left out of the nav stops it.
docs: $(VENV)/installed-docs
	$(BIN)/mkdocs build --strict

$(VENV)/installed-docs: $(VENV)/installed
	$(BIN)/python -m pip install -q -e '.[docs]' && touch $@

# The pictures of the docs (docs/images/), made again with the tool from the shipped zine.
docs-images: $(VENV)/installed
	$(BIN)/python docs/images.py

watch: $(VENV)/installed
	$(BIN)/zine watch

bench: $(VENV)/installed .venv-bench/installed
	$(BIN)/python bench/run.py

# The peers measured by `make bench` live in their own venv, never in the project's.
.venv-bench/installed:
	test -x .venv-bench/bin/python || $(PYTHON) -m venv .venv-bench
	.venv-bench/bin/python -m pip install -q 'pdfimpose==2.10.0' && touch $@

# Outputs and build leftovers; the virtual environments stay (no reinstall, no network needed).
clean:
	test ! -d output || find output -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .hypothesis

# Everything clean removes, and the virtual environments.
distclean: clean
	rm -rf $(VENV) .venv-bench .venv-matrix
