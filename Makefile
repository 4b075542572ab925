# Two entry points for people: `make serve` (install + run) and `make test` (install + tests).
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
TORCH  := torch==2.13.0

.PHONY: install install-dev services serve test lint format corpus index eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

# torch first, pinned to the CPU wheel: sentence-transformers would otherwise pull a CUDA build.
$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet $(TORCH)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

serve: install
	$(BIN)/policy-assistant serve

# What the test suite talks to for real: PostgreSQL, Debian's Chromium, a llama.cpp server
# with a small GGUF (built once, then reused from a wheel cache), Debian's Kazakh Hunspell.
services: install-dev
	.ci/install-browser
	.ci/install-llm $(VENV)
	.ci/install-hunspell $(VENV)

test: services
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/policy-assistant corpus check
	url=$$(.ci/start-postgres) && POLICY_TEST_DATABASE_URL=$$url $(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

corpus: install
	$(BIN)/policy-assistant corpus build

index: install
	$(BIN)/policy-assistant index

eval: install
	$(BIN)/policy-assistant eval retrieval --ablations

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
