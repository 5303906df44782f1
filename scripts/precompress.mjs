// Writes `<file>.br` beside every file of a built dist/ (brotli, quality 11), for hosts that
// serve precompressed files: nginx with `brotli_static on` (ngx_brotli), Caddy's
// `file_server { precompressed br }`, Apache with mod_rewrite rules for `.br`, and static
// servers such as `serve` or `http-server --brotli`. Hosts that compress on the fly (Netlify,
// Cloudflare, GitHub Pages' gzip) ignore them. Run by scripts/entries.sh after a release build.
// usage: node scripts/precompress.mjs DIR
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { argv } from 'node:process';
import { brotliCompressSync, constants } from 'node:zlib';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

for (const path of files(argv[2])) {
  if (path.endsWith('.br')) continue;
  const body = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  }));
}
