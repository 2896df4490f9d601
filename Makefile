# CypherEdge developer commands. `make up` runs the platform; `make test` runs every check.
SHELL := /bin/bash
PY ?= python3
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install up test lint typecheck imports contracts unit integration bench-extract bench-ocr bench-blind bench-cli bench-pipeline bench-latency soak clean

$(UV):
	$(PY) -m pip install --quiet --user uv || $(PY) -m pip install --quiet uv

install: $(UV)  ## Create .venv with every package of the workspace (from uv.lock)
	$(UV) sync --all-packages --frozen

up: install  ## Run the whole platform on embedded defaults (PORT, DATA_DIR to override)
	$(BIN)/cypheredge up --demo --port $${PORT:-8000} --data-dir $${DATA_DIR:-var/cypheredge}

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy libs/*/src services/*/src cli/src tests

imports: install  ## Services never import each other; libs never import services
	$(BIN)/lint-imports

contracts: install  ## Committed JSON Schemas, AsyncAPI and the chart catalogue match the code
	$(BIN)/python -m cypheredge.contracts.generate --check
	$(BIN)/python -m cypheredge.cli.asyncapi --check
	$(BIN)/python -m cypheredge.cli.chart_catalogue --check

test: lint typecheck imports contracts  ## Everything CI runs
	$(BIN)/pytest

bench-extract: install  ## Extraction accuracy and speed vs the pdfplumber baseline
	$(BIN)/python benchmarks/bench_extract.py

bench-ocr: install  ## Scanned statements through the OCR stage: F1, amounts, reconciled, s/page
	$(BIN)/python benchmarks/bench_ocr.py $(OCR_ARGS)

bench-blind: install  ## Extraction with every column title unread (unknown languages) vs as read
	$(BIN)/python benchmarks/bench_header_blind.py $(BLIND_ARGS)

bench-cli: install  ## Startup of `cypheredge --help` and `cypheredge extract` vs bare Python
	$(BIN)/python benchmarks/bench_cli_startup.py

bench-pipeline: install  ## Pages/s through the embedded stack (2 extractor workers) vs one process
	$(BIN)/python benchmarks/bench_pipeline.py $(PIPELINE_ARGS)

bench-latency: install  ## POST /v1/batches to completed for a 5-page statement: p50, p95, hops
	$(BIN)/python benchmarks/bench_latency.py $(LATENCY_ARGS)

soak: install  ## Batches under SIGKILLs of every process and a broker crash; figures vs goals
	$(BIN)/python benchmarks/soak.py $(SOAK_ARGS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
