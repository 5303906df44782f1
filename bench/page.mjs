// `make bench`: the gzipped size of every file in dist/, and the median time from navigation to
// the first question being interactive in headless Chromium over 10 loads. Prints; asserts nothing.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const PORT = 4174;
const BASE = '/bench/';
const LOADS = 10;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

console.log('dist/ sizes (bytes):');
let raw = 0;
let gzipped = 0;
for (const path of files(dist).sort()) {
  const body = readFileSync(path);
  const gz = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gzipped += gz;
  console.log(`  ${path.slice(dist.length + 1).padEnd(28)} ${String(body.length).padStart(8)} raw ${String(gz).padStart(8)} gzipped`);
}
console.log(`  ${'total'.padEnd(28)} ${String(raw).padStart(8)} raw ${String(gzipped).padStart(8)} gzipped (${(gzipped / 1024).toFixed(1)} KiB)`);

const server = spawn('node', [join(root, 'tests/e2e/serve.mjs'), dist, String(PORT), BASE], { stdio: 'pipe' });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// A returning person's state, so the app opens straight on the first question.
const SEED = JSON.stringify({ schema: 1, journey: {
  respondent: { id: 'bench', role: 'marketing', answers: {}, estimates: {} }, screen: { step: 0 } } });
try {
  const times = [];
  for (let i = 0; i < LOADS; i += 1) {
    // A fresh context each time: empty cache, like a first visit on the day.
    const context = await browser.newContext();
    await context.addInitScript((seed) => {
      localStorage.setItem('tandem.self-assessment', seed);
      new MutationObserver((_, observer) => {
        if (document.querySelector('input[type=radio]')) {
          window.tandemInteractiveAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, SEED);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}${BASE}`);
    await page.waitForFunction(() => window.tandemInteractiveAt !== undefined);
    times.push(await page.evaluate(() => window.tandemInteractiveAt));
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = (times[LOADS / 2 - 1] + times[LOADS / 2]) / 2;
  console.log(`time to first interactive question (median of ${LOADS} loads): ${median.toFixed(0)} ms`
    + ` [min ${times[0].toFixed(0)}, max ${times[LOADS - 1].toFixed(0)}]`);
} finally {
  await browser.close();
  server.kill();
}
