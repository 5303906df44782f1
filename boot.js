// Starts Tandem without an inline script, so the page runs under
// `script-src 'self' 'wasm-unsafe-eval'`. Paths are relative to this file, so dist/ works from
// any folder.
import init from './tandem.js';

init({ module_or_path: new URL('./tandem_bg.wasm', import.meta.url) });
