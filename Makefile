# Backup Desk: `make run` builds and opens the app; `make test` runs every check and test.
# Both install what they need first (see .ci/deps).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
LOG := target/test-output.log
.DEFAULT_GOAL := run
APP := target/debug/backup-desk
# Resolved when a recipe runs, not when the Makefile is read: `.ci/deps` may create the
# virtualenv in the same `make` run (a fresh Debian whose system Python refuses `pip install`).
# A CI run builds each tree once from a fresh clone: incremental caches would only take disk.
ifeq ($(CI),true)
export CARGO_INCREMENTAL := 0
endif
PYTHON_OVH = $$(if [ -x target/python-ovh/bin/python ]; then echo $(CURDIR)/target/python-ovh/bin/python; else echo python3; fi)

## The window's TypeScript types, from the Rust ones (commit ui/src/bindings.ts; a test fails when
## it is out of date).
bindings:
	UPDATE_BINDINGS=1 cargo test -q -p backup-desk --lib contract

.PHONY: build-test bindings mutants package-windows test-windows run test deps ui build lint test-rust test-ui test-e2e test-package package bench bench-api bench-desktop bench-budget fuzz sim

deps:
	@bash .ci/deps

ui: deps
	cd ui && npm run build --silent

build: ui
	cargo build -p backup-desk

## The app with its test controls (the demo cloud's /_sim API, the BACKUP_DESK_* knobs), for the
## end-to-end tests and benchmarks only: `make build` and the packages never have them.
build-test: ui
	cargo build -p backup-desk --features test-controls

## Builds and opens Backup Desk (the built-in demo cloud when no account is set up).
run: build
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "No display found: Backup Desk opens under Xvfb for 8 seconds and leaves a screenshot in target/backup-desk.png"; \
	  .ci/session bash -c '$(APP) & pid=$$!; sleep 8; import -window root target/backup-desk.png; kill $$pid'; \
	else \
	  $(APP); \
	fi

lint: ui
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p backup-desk -p desk --all-targets --features backup-desk/test-controls,desk/sim-controls -- -D warnings

test-ui: deps
	@mkdir -p target
	cd ui && npx tsc --noEmit && npx vitest run 2>&1 | tee -a ../$(LOG)

test-rust: build
	BACKUP_DESK_PYTHON=$(PYTHON_OVH) .ci/session cargo test --workspace --exclude e2e --exclude minimal-app --exclude bench --lib --bins --tests 2>&1 | tee -a $(LOG)

test-e2e: build-test
	E2E_RUN_ID=$$(date +%s) .ci/session cargo test -p e2e --tests -- --test-threads=1 2>&1 | tee -a $(LOG)

## The .deb, installed with dpkg and launched (needs root or sudo).
test-package: ui
	.ci/package-test 2>&1 | tee -a $(LOG)

## Builds the .deb only: target/release/bundle/deb/
package: ui
	ui/node_modules/.bin/tauri build --bundles deb

## Every benchmark figure beside its target: API (inventory vs python-ovh, request budgets,
## notification latency) and desktop (start, memory, sizes vs a minimal Tauri app).
bench: deps bench-api bench-desktop bench-budget

bench-api:
	BACKUP_DESK_PYTHON=$(PYTHON_OVH) cargo run -q --release -p bench

## The whole app's request budget, two minutes a screen, on 6 and 8 regions a project.
bench-budget: build-test
	for r in 6 8; do BUDGET_REGIONS=$$r BUDGET_WINDOW_SECS=120 .ci/session cargo test -q -p e2e --test budget -- --nocapture 2>&1 | grep -Ev '^(dbus-daemon|SpiRegistry)'; done

## The randomized input tests for longer than CI does (FUZZ_SECONDS per target, default 60).
fuzz:
	FUZZ_SECONDS=$${FUZZ_SECONDS:-60} cargo test -p desk --test fuzz -- --nocapture

## Desktop figures (start time, memory, sizes) beside a minimal Tauri app; printed, not asserted.
bench-desktop: ui
	bench/desktop-figures

## Runs everything CI runs: format, lint, frontend tests, Rust tests, end-to-end tests.
test:
	@mkdir -p target && rm -f $(LOG)
	$(MAKE) --no-print-directory lint test-ui test-rust test-e2e
	.ci/trim debug 2>&1 | tee -a $(LOG)
	$(MAKE) --no-print-directory test-package
	.ci/trim release 2>&1 | tee -a $(LOG)
	$(MAKE) --no-print-directory test-windows
	.ci/trim 2>&1 | tee -a $(LOG)
	@sed 's/\x1b\[[0-9;]*m//g' $(LOG) | awk '/^test result:/ { p += $$4; f += $$6 } /^ +Tests +[0-9]+ passed/ { p += $$2 } END { printf "all tests: %d passed, %d failed\n", p, f }'

## Mutation testing of the files where a wrong change costs data or money (hours on 2 cores;
## SHARD=k/n runs part k of n, from 0: 0/2 then 1/2; FILES="…" other files). Figures per file: caught, missed, timeout.
mutants: build
	.ci/mutants

## The simulator on its own, for python-ovh or curl: make sim
sim:
	cargo run -p ovh-sim -- --listen 127.0.0.1:8787 --scenario demo

## A per-user Windows installer, cross-built here: target/windows/Backup Desk_<version>_x64-setup.exe
package-windows: deps
	@mkdir -p target
	bash .ci/windows 2>&1 | tee -a $(LOG)

## The Windows build checked here: the installer made, the domain's tests under Wine, and the
## installer run silently under Wine, then the uninstaller.
test-windows: package-windows
	.ci/trim x86_64-pc-windows-gnu/release 2>&1 | tee -a $(LOG)
	bash .ci/windows-tests 2>&1 | tee -a $(LOG)
	bash .ci/windows-install-test 2>&1 | tee -a $(LOG)
