// Starts Tandem without an inline script, so a page runs it under
// `script-src 'self' 'wasm-unsafe-eval'`. Paths are relative to this file, so dist/ works from
// any folder, and a host page anywhere on the site can include it to embed Tandem in its
// `data-tandem` elements.
//
// dist/ holds one wasm per journey (its "entries", `tandem::routes::Entry`), and this loads only
// the one the page needs: the join link's page (either round's) for a participant, the self-assessment for the
// start page and `data-mode="self"` embeds, and the facilitator's (the whole app) for the rest.
// The table below is `Entry::of` and `Entry::of_embed`; the end-to-end tests check each address
// loads its entry and no other.

/** The entry that shows the page's own Tandem at `hash`. */
function entryOf(hash) {
  if (hash.startsWith('#join/') || hash.startsWith('#again/')) return 'participant';
  if (['#workshops', '#proposal', '#data'].includes(hash)
    || /^#(code|presenter|agreement|report)\//.test(hash)) return 'facilitator';
  return 'self-assessment';
}

/** The entry that starts an embed whose `data-mode` is `mode`. */
const entryOfEmbed = (mode) => (mode === 'self' ? 'self-assessment' : 'facilitator');

// The loading line in the page's language, until the app replaces it.
if (new URLSearchParams(location.search).get('lang') === 'de') {
  const loading = document.querySelector('.tandem-loading .loading');
  if (loading) loading.lastChild.textContent = ' Tandem wird geladen …';
}
const base = new URL('./', import.meta.url);
const embeds = [...document.querySelectorAll('[data-tandem]')];
const entries = embeds.length > 0
  ? new Set(embeds.map((element) => entryOfEmbed(element.getAttribute('data-mode'))))
  : new Set([entryOf(location.hash)]);
for (const entry of entries) {
  const module = await import(new URL(`${entry}.js`, base).href);
  await module.default({ module_or_path: new URL(`${entry}_bg.wasm`, base) });
  module.embed_all(base.href);
}
