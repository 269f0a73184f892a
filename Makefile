# The two commands of the README: `make demo` and `make test`.
# Both set up whatever is missing first (OS packages when run as root on Debian).
VENV   := .venv
PY     := $(VENV)/bin/python
SETUP  := scripts/setup.sh

.PHONY: setup demo test fuzz lint format model bench notebooks clean

setup:
	@bash $(SETUP)

demo: setup
	@$(PY) -m analyzer demo

test: setup
	@$(PY) -m pytest -n 2 --dist loadfile -q

# the property tests with new random examples, many more of them (by hand; CI is derandomized)
fuzz: setup
	@HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -n 2 --dist loadfile -q -p no:cacheprovider \
		tests/test_io_roundtrip.py tests/test_io_read.py tests/test_text.py \
		tests/test_text_lemmas.py tests/test_polarity.py

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
