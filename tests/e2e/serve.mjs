// Serves a folder under a sub-path with the strict Content-Security-Policy of an intranet page,
// so the tests prove that dist/ works from any path and without inline script.
// usage: node serve.mjs DIR PORT [BASE]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [dir, port = '4173', base = '/intranet/tools/tandem/'] = process.argv.slice(2);
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
};

createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (!path.startsWith(base)) {
    response.writeHead(404).end('not found');
    return;
  }
  const relative = normalize(path.slice(base.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
  try {
    const file = relative.endsWith('/') ? `${relative}index.html` : relative;
    const body = await readFile(join(dir, file));
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
    });
    response.end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`));
