# The two commands of the README: `make demo` and `make test`.
# Both set up whatever is missing first (OS packages when run as root on Debian).
VENV   := .venv
PY     := $(VENV)/bin/python
SETUP  := scripts/setup.sh

.PHONY: setup demo test lint format model bench clean

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

# FinnSentiment 1.1 (http://urn.fi/urn:nbn:fi:lb-2023012701, CC BY 4.0) trains the model too:
# `make model FINNSENTIMENT=/path/to/finnsentiment_splits01-16.tsv` if it is not beside the checkout
FINNSENTIMENT ?= ../shared/eval/finnsentiment/finnsentiment_splits01-16.tsv
FS_WEIGHT     ?= 0.3

model: setup
	@$(PY) -m analyzer train data/tone_corpus.csv --group-col scenario --fold --augment 1 --C 1 \
		--finnsentiment $(FINNSENTIMENT) --finnsentiment-splits 1-12 \
		--finnsentiment-weight $(FS_WEIGHT) -o models/tone-fi.skops

bench: setup
	@$(PY) bench/lemmas.py
	@$(PY) bench/xed.py
	@$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
