# dipkg: two commands for a fresh machine.
#   make demo   set up .venv, ingest data/articles, write out/graph.{ttl,jsonld,trig,html}, print a summary
#   make test   set up .venv, lint, run the test suite

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STORE  ?= out/store

.PHONY: install demo test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	mkdir -p out
	$(BIN)/kg ingest --store $(STORE) data/articles
	$(BIN)/kg export --store $(STORE) --format turtle --output out/graph.ttl
	$(BIN)/kg export --store $(STORE) --format jsonld --output out/graph.jsonld
	$(BIN)/kg export --store $(STORE) --format trig --output out/graph.trig
	$(BIN)/kg viz --store $(STORE) --output out/graph.html
	$(BIN)/kg derive --store $(STORE)
	$(BIN)/kg validate --store $(STORE)
	$(BIN)/kg stats --store $(STORE)
	@echo "Wrote out/graph.ttl out/graph.jsonld out/graph.trig out/graph.html (store: $(STORE))"

lint: install
	$(BIN)/ruff check kg tests bench
	$(BIN)/ruff format --check kg tests bench

test: install
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium could not be installed: the browser tests will be skipped"
	$(BIN)/ruff check kg tests bench
	$(BIN)/pytest -q -p no:cacheprovider

bench: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf out .dipkg
