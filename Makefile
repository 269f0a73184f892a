# The two commands of the README: `make demo` and `make test`.
# Both set up whatever is missing first (OS packages when run as root on Debian).
VENV   := .venv
PY     := $(VENV)/bin/python
SETUP  := scripts/setup.sh

.PHONY: setup demo test lint format model bench notebooks clean

setup:
	@bash $(SETUP)

demo: setup
	@$(PY) -m analyzer demo

test: setup
	@$(PY) -m pytest -n 2 --dist loadfile -q

lint: setup
	@$(VENV)/bin/ruff check analyzer tests bench scripts
	@$(VENV)/bin/ruff format --check analyzer tests bench scripts

format: setup
	@$(VENV)/bin/ruff format analyzer tests bench scripts
	@$(VENV)/bin/ruff check --fix analyzer tests bench scripts

model: setup
	@$(PY) -m analyzer train data/tone_corpus.csv --group-col scenario -o models/tone-fi.skops

notebooks: setup
	@$(PY) scripts/run_notebooks.py

bench: setup
	@$(PY) bench/lemmas.py
	@$(PY) bench/xed.py
	@$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
