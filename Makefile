# news-widget. `make demo` and `make test` install whatever is missing first.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c

# Tools from npm (wasm-opt) and cargo install come first on PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown

.PHONY: all tools build demo test lint native browser e2e fuzz schema names bench clean

all: build

## tools: install the toolchain, browsers and npm packages that are missing
tools:
	@scripts/install-tools.sh

## build: the deployable static folder dist/ (release, wasm-opt -Oz)
build: tools
	trunk build --release

## demo: build, then serve the demo partner page on http://127.0.0.1:8080 with the
## headers of a deploy (for live reload while developing: trunk serve); SITE=DIR also
## serves a site folder (one `news-widget import` wrote) and prints a page per article
demo: build
	SITE=$(SITE) node demo/serve.mjs

## test: formatting, lints, native tests, browser tests, end-to-end tests
test: tools lint native browser e2e

## lint: rustfmt, clippy (native, wasm32, and the test builds' features), and the
## JavaScript type-checked by tsc (loader/tsconfig.json: the loader, publisher/assets/tsconfig.json: the partner pages' scripts, and counter/assets/tsconfig.json: the counter's dashboard, strictly; tsconfig.json: e2e/, bench/, scripts/, demo/)
lint:
	cargo fmt --check
	cargo clippy --workspace --all-targets --features news_widget/schema,news_widget/names -- -D warnings
	cargo clippy $(WASM) --all-targets --features render-count -- -D warnings
	cargo clippy $(WASM) --lib --features crash-test -- -D warnings
	cargo clippy $(WASM) --lib --features bench-marks -- -D warnings
	tsc -p tsconfig.json
	tsc -p loader/tsconfig.json
	tsc -p publisher/assets/tsconfig.json
	tsc -p counter/assets/tsconfig.json

## native: model, state and rendering tests, and the committed schemas and loader names are current
native:
	cargo test --workspace
	fresh=$$(mktemp -d) && cargo run --quiet --features schema --bin schema -- "$$fresh" \
		&& diff -ru schema "$$fresh" || { echo "schema/ is stale: run make schema" >&2; exit 1; }
	fresh=$$(mktemp) && cargo run --quiet --features names --bin names -- "$$fresh" \
		&& diff -u loader/names.js "$$fresh" || { echo "loader/names.js is stale: run make names" >&2; exit 1; }

## browser: wasm-bindgen-test in headless Chromium, and the render counts
browser:
	cargo test $(WASM) --test browser
	cargo test $(WASM) --features render-count --test renders

# Node applies --test-timeout to each test and to each file as a whole:
# engines.test.mjs runs three browsers one after another (about a minute).
TEST_TIMEOUT := 180000

## e2e: the built dist/ in real host pages in headless Chromium (and a crash-test
## build, in its own target dir, to prove a panic is contained)
e2e: build
	CARGO_TARGET_DIR=target/crash-test trunk build --release --features crash-test --dist target/dist-crash
	node --test --test-concurrency=1 --test-timeout=$(TEST_TIMEOUT) e2e/*.test.mjs

## bench: size and speed figures in headless Chromium (4x CPU throttle), written to
## bench/results.md, bench/history.tsv and README.md's budget table; BENCH_RUNS sets the
## runs per figure. Also installs twiggy, and builds the bench-marks build for its trace.
bench: build
	scripts/install-tools.sh --bench
	CARGO_TARGET_DIR=target/bench trunk build --release --features bench-marks --dist target/dist-bench
	node bench/run.mjs

## fuzz: a long mutation-fuzzing run through parsing and SSR rendering, and through the
## importer (damaged corpus pages); make test runs a short seeded run of each
FUZZ_CASES ?= 100000
IMPORT_FUZZ_CASES ?= 5000
fuzz:
	FUZZ_CASES=$(FUZZ_CASES) cargo test --release --test fuzz -- --nocapture
	FUZZ_CASES=$(IMPORT_FUZZ_CASES) cargo test --release -p news-widget-publisher --test hostile_pages damaged -- --nocapture

## schema: regenerate schema/*.schema.json from the Rust types
schema:
	cargo run --quiet --features schema --bin schema -- schema

## names: regenerate loader/names.js, the names the loader shares with the module, from the Rust side
names:
	cargo run --quiet --features names --bin names -- loader/names.js

clean:
	rm -rf dist target
