#!/usr/bin/env bash
# Installs what building and testing Tandem needs, by the recipe in shared/design/toolchain.md,
# skipping whatever is already there at the right version. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
# Tools are installed into ~/.cargo/bin whatever CARGO_HOME says, so a run with a cargo home of
# its own (CI's, which starts empty) finds them on PATH, and the next run does not build them again.
TOOLS="$HOME/.cargo"
export PATH="$TOOLS/bin:$PWD/node_modules/.bin:$PATH"

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
  cargo install --root "$TOOLS" trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes, once per machine)"
  # Without --locked: its own lock file names a crate version the registry no longer has.
  cargo install --root "$TOOLS" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
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

# Trunk builds offline, so every crate its cargo build needs must be in the cache first: the
# workspace's and the floor page's (make bench), each with the crates of the std that release
# builds rebuild. Those differ by platform (dlmalloc only for wasm32, libc only for the host), so
# fetch for both; a fetch for the host alone passes only where an earlier build left the rest in
# the cache. make fuzz's crates come along too, so every build the Makefile runs can work offline.
fetch() {
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$1" -Zbuild-std=std,panic_abort
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$1" -Zbuild-std=std,panic_abort \
    --target wasm32-unknown-unknown
}
fetch Cargo.toml
fetch bench/floor/Cargo.toml
cargo fetch --quiet --manifest-path fuzz/Cargo.toml
