# Each target is one or two commands; the logic lives in Python (builder/).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: zine test bench clean

zine: $(VENV)/installed
	$(BIN)/zine build

test: $(VENV)/installed-test
	$(BIN)/python -m pytest -q

$(VENV)/installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e . && touch $@

$(VENV)/installed-test: $(VENV)/installed
	$(BIN)/python -m pip install -q -e '.[test]' && touch $@

clean:
	rm -rf $(VENV) output/*.pdf output/.staging-* build *.egg-info
