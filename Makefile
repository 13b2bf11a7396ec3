# newsledger — every target creates .venv with pinned dependencies first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test bench train fuzz lint browser postgres clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsledger ingest demo/ --db $(DEMO_DB)
	$(BIN)/newsledger summary --db $(DEMO_DB)
	@echo ""
	@echo "Open the ledger in a browser:  $(BIN)/newsledger serve --db $(DEMO_DB)   (http://127.0.0.1:8000)"
	@echo "Score the pipeline on gold:     $(BIN)/newsledger evaluate ../shared/corpus/dev"

test: $(STAMP) browser postgres
	$(BIN)/python -m pytest

# `make bench` runs every benchmark; `make bench BENCH="numbers figures"` only those;
# `make bench BENCH=scale N=1000000` builds and reads a ledger of N articles (default 1,000).
bench: $(STAMP)
	NEWSLEDGER_BENCH_N=$(N) $(BIN)/python -m benchmarks $(BENCH)

# Rebuild the trained models from the labels (needs ../shared/corpus beside the checkout); the
# event judge reads the figures the figure judge finds, so it is trained second. The story
# verifier encodes every labelled article's sentences: it takes the longest.
train: $(STAMP)
	$(BIN)/python -m newsledger.training.figures . ../shared/corpus
	$(BIN)/python -m newsledger.training.events . ../shared/corpus
	$(BIN)/python -m newsledger.training.stories . ../shared/corpus

# The fuzz suite with a long budget (make test runs it briefly).
fuzz: $(STAMP)
	NEWSLEDGER_FUZZ_EXAMPLES=$${NEWSLEDGER_FUZZ_EXAMPLES:-100000} $(BIN)/python -m pytest tests/fuzz -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

# Debian's chromium for the web tests (playwright drives it with executable_path).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

# The local PostgreSQL server the store tests also run against.
postgres:
	@pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start || true

clean:
	rm -rf $(VENV) build *.egg-info $(DEMO_DB)
