// Starts Tandem without an inline script, so a page runs it under
// `script-src 'self' 'wasm-unsafe-eval'`. Paths are relative to this file, so dist/ works from
// any folder, and a host page anywhere on the site can include it to embed Tandem in its
// `data-tandem` elements.
import init, { embed_all } from './tandem.js';

// The loading line in the page's language, until the app replaces it.
if (new URLSearchParams(location.search).get('lang') === 'de') {
  const loading = document.querySelector('.tandem-loading .loading');
  if (loading) loading.lastChild.textContent = ' Tandem wird geladen …';
}
const base = new URL('./', import.meta.url);
await init({ module_or_path: new URL('tandem_bg.wasm', base) });
embed_all(base.href);
