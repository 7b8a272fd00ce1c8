#!/usr/bin/env bash
# Installs what `make` needs, each only when missing or at the wrong version,
# so repeated runs (and CI on a warm machine) take seconds. `--bench`: also
# what only `make bench` needs (twiggy).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
TWIGGY_VERSION=0.8.0
# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml || {
  echo "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" (the version in Cargo.lock)" >&2
  exit 1
}

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (about 13 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes)"
  # Not --locked: one of its locked dependencies is gone from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# binaryen (wasm-opt 132), esbuild, playwright-core, puppeteer-core, ajv, axe-core, typescript and
# @types/node (make lint), exactly as package-lock.json says.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi

# The three engines the end-to-end tests run in (e2e/engines.mjs): Chromium,
# Firefox ESR, and WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
# A real WordPress for the partner tests (e2e/wordpress.mjs): Debian's 6.1 and
# its default theme, a private MariaDB per run, PHP's CLI (wp_install, php -S).
[ -f /usr/share/wordpress/wp-load.php ] || missing+=(wordpress)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] || missing+=(wordpress-theme-twentytwentythree)
command -v mariadbd >/dev/null || missing+=(mariadb-server)
command -v php >/dev/null || missing+=(php-cli)
php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null || missing+=(php-mysql)
# The view counter's PostgreSQL store (e2e/postgres.mjs starts a private
# cluster of Debian's PostgreSQL 15 per test run).
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# make bench only: twiggy reads where the module's bytes are (bench/sections/bytes.mjs).
if [ "${1:-}" = --bench ] && [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  say "cargo install twiggy $TWIGGY_VERSION (about 2 minutes)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi
