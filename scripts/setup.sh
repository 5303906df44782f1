#!/usr/bin/env bash
# Installs what building and testing Tandem needs, by the recipe in shared/design/toolchain.md,
# skipping whatever is already there at the right version. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

say() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# rust-src: release builds rebuild std without panic messages (see SMALL in the Makefile).
for component in rustfmt clippy rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (about 15 minutes on two cores, once per machine)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes, once per machine)"
  # Without --locked: its own lock file names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# pdftoppm (poppler-utils) turns a printed report's first page into an image for the tests.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || ! command -v pdftoppm >/dev/null; then
  say "installing Chromium, ChromeDriver and poppler-utils from Debian"
  $sudo apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver \
    poppler-utils
fi

# npm: wasm-opt (binaryen) for release builds, Playwright and axe-core for end-to-end tests.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.tandem-lock 2>/dev/null)" != "$lock_hash" ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.tandem-lock
fi

# Trunk runs offline; fetch crates now so its cargo build needs no network, std's own included.
RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort
