# The two commands of the README, and the benchmark. Each installs what is missing first.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown
# Release builds leave out panic messages and the formatting behind them (about 25 KB gzipped):
# std is rebuilt with panic=immediate-abort, an unstable option (so spelled in Rust 1.95) that
# RUSTC_BOOTSTRAP lets the stable toolchain use. Only the wasm build for dist/ gets it; a panic
# stops the app either way (there is no panic hook), it only no longer carries the message it
# cannot show.
SMALL := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

.PHONY: setup serve build test lint test-core test-browser budget test-e2e bench bench-peers fuzz

setup:
	@scripts/setup.sh

## Build and serve the app on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve

## The release build in dist/.
build: setup
	$(SMALL) trunk build --release

## Every check: format, lints (native and wasm32), core tests, browser tests, release build and
## its size, end-to-end tests against dist/.
test: setup lint test-core test-browser build budget test-e2e

lint:
	cargo fmt --all -- --check
	@# The domain stays pure: no web crates anywhere in tandem-core's dependency tree.
	@if cargo tree -p tandem-core -e normal --prefix none | grep -E '^(yew|web-sys|js-sys|gloo|wasm-bindgen)'; then \
		echo "tandem-core must not depend on web crates"; exit 1; fi
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy $(WASM) -p tandem --all-targets -- -D warnings
	cargo clippy $(WASM) -p tandem-core --lib -- -D warnings

test-core:
	cargo test -p tandem-core -p tandem-cli

test-browser:
	cargo test $(WASM) -p tandem --test browser

## The size guard: make test fails when an entry's first load (what an empty browser downloads
## to open it, gzipped; scripts/sizes.mjs) grows past its budget here, in KiB. Each budget is a
## ratchet a little above the size reached (docs/performance.md), and comes down as the size
## does, never above the entry's goal once that is met: participant 120, self-assessment 160,
## facilitator 250.
SIZE_BUDGETS := participant=175,self-assessment=286,facilitator=486
budget:
	node scripts/sizes.mjs dist --budget $(SIZE_BUDGETS)
	@# Each entry carries the English words it shows (scripts/words.mjs).
	node scripts/words.mjs dist

test-e2e:
	cargo build --quiet -p tandem-cli
	playwright test --config tests/e2e/playwright.config.js

## Sizes of dist/, time to the first interactive question, scoring time for 1,000 respondents
## (natively and in the browser), and Tandem side by side with SurveyJS and a one-question Yew
## page (bench/compare.mjs).
bench: setup build bench-peers
	node bench/page.mjs
	node bench/compare.mjs
	cargo bench --quiet -p tandem-core --bench scoring
	@# Not --quiet: cargo would hand it to the test runner, which refuses it.
	cargo bench $(WASM) -p tandem --bench scoring_in_browser

## What the benchmark compares Tandem with: SurveyJS from npm into bench/node_modules (never
## shipped), and the floor page built in bench/floor/dist.
bench-peers:
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	cd bench/floor && $(SMALL) trunk build --release

## Fuzz the response-code decoder for FUZZ_SECONDS (default 60). Not part of `make test`.
## cargo-fuzz wants nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
FUZZ_SECONDS ?= 60
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install --root $(HOME)/.cargo cargo-fuzz --locked
	mkdir -p fuzz/corpus/decode_code
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run decode_code corpus/decode_code seeds/decode_code -- -max_total_time=$(FUZZ_SECONDS)
