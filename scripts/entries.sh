#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): builds the participant's and the self-assessment's
# entries (and, for a release, precompresses every file), one Trunk build of entries/<name>.html each, and puts their JavaScript and wasm in the
# staging folder of the build that runs it (index.html, the facilitator's entry), so dist/ holds
# all three whether it comes from `trunk build` or `trunk serve`. Each entry is its own binary
# (src/bin/), so its wasm holds only its own screens.
set -euo pipefail
# The builds below run this hook too; only the outer one builds the entries.
if [ -n "${TANDEM_ENTRY:-}" ]; then exit 0; fi
cd "$TRUNK_SOURCE_DIR"
release=()
if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then release=(--release); fi
# Each build's own dist/ is inside the staging folder, which Trunk's watch never looks at.
scratch="$TRUNK_STAGING_DIR/.entries"
for entry in participant self-assessment; do
  TANDEM_ENTRY="$entry" trunk build "${release[@]}" --dist "$scratch/$entry" "entries/$entry.html"
  mv "$scratch/$entry/$entry.js" "$scratch/$entry/${entry}_bg.wasm" "$TRUNK_STAGING_DIR/"
done
rm -rf "$scratch"
# Release builds also get a brotli copy beside each file, for the hosts that serve them.
if [ "${TRUNK_PROFILE:-debug}" = "release" ]; then node scripts/precompress.mjs "$TRUNK_STAGING_DIR"; fi
