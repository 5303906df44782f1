// `make bench`: the gzipped size of every file in dist/, the median time from navigation to the
// first question being interactive in headless Chromium over 10 loads, and the time to render
// the reveal of a workshop with 200 respondents. Prints; asserts nothing.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { report } from '../scripts/sizes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const PORT = 4174;
const BASE = '/bench/';
const LOADS = 10;

/** A saved workshop in the reveal phase, not yet revealed, with `size` reproducible respondents. */
function revealReadyWorkshop(size) {
  const bank = JSON.parse(readFileSync(join(root, 'crates/core/banks/default.json'), 'utf8'));
  let state = 7;
  const next = (modulo) => { state = (state * 1103515245 + 12345) % 2147483648; return state % modulo; };
  const roles = ['marketing', 'it', 'other'];
  const respondents = Array.from({ length: size }, (_, p) => {
    const role = roles[next(3)];
    const answers = {};
    for (const dimension of bank.dimensions) {
      for (const item of dimension.items) answers[item.id] = next(6) === 0 ? null : next(5) + 1;
    }
    const estimates = {};
    if (role !== 'other') for (const dimension of bank.dimensions) estimates[dimension.id] = next(5) + 1;
    return { id: `r${p}`, role, answers, estimates };
  });
  return {
    id: 'bench', name: 'Benchmark', date: '2026-11-24', threshold: 3, bank,
    phases: ['welcome', 'assessment', 'reveal', 'summary'], current: 2, respondents,
    revealed: false, timer: { state: 'paused', remaining_ms: 1500000 }, turn: null,
  };
}

report(dist);

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
  console.log(`self-assessment: time to first interactive question (median of ${LOADS} loads): ${median.toFixed(0)} ms`
    + ` [min ${times[0].toFixed(0)}, max ${times[LOADS - 1].toFixed(0)}]`);

  // The reveal of a workshop with 200 respondents: click to the next frame after the report.
  const workshop = revealReadyWorkshop(200);
  const reveals = [];
  for (let i = 0; i < 5; i += 1) {
    const context = await browser.newContext();
    await context.addInitScript(([workshops, view]) => {
      localStorage.setItem('tandem.workshops', workshops);
      localStorage.setItem('tandem.view', view);
    }, [JSON.stringify({ schema: 1, workshops: { list: [workshop] } }),
      JSON.stringify({ schema: 1, view: { view: 'workshop', id: workshop.id } })]);
    const page = await context.newPage();
    // The workshops are the facilitator's entry.
    await page.goto(`http://127.0.0.1:${PORT}${BASE}#workshops`);
    await page.getByRole('button', { name: 'Reveal the results' }).waitFor();
    reveals.push(await page.evaluate(() => new Promise((resolve) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Reveal the results');
      const start = performance.now();
      new MutationObserver((_, observer) => {
        if (document.querySelector('.reveal .dimension-list')) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        }
      }).observe(document, { childList: true, subtree: true });
      button.click();
    })));
    await context.close();
  }
  reveals.sort((a, b) => a - b);
  console.log(`reveal with 200 respondents, click to next frame (median of 5): ${reveals[2].toFixed(0)} ms`
    + ` [min ${reveals[0].toFixed(0)}, max ${reveals[4].toFixed(0)}]`);
} finally {
  await browser.close();
  server.kill();
}
