# Two commands for a fresh machine:
#   make run    set up .venv and analyse the bundled sample corpus into pantau.duckdb
#   make test   set up .venv (with test extras) and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test setup setup-test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

setup-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

run: setup
	$(BIN)/pantau run examples --db pantau.duckdb
	$(BIN)/pantau show --db pantau.duckdb

test: setup-test
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) pantau.duckdb pantau.duckdb.wal .pytest_cache .ruff_cache
