// Tandem's three entries (one wasm per journey) side by side with SurveyJS (the same default bank
// as a survey) and with the floor, the smallest Yew page showing one question. One run, in
// headless Chromium, alternating the pages: bytes transferred on a first load (each file gzipped
// at level 9, as a server would send it), time to the first interactive question (median of 20
// fresh loads each), and a click on an answer to the next frame: the first answer on a fresh
// page, and the four after it. Each entry opens where its person answers: the participant on a
// join link, the self-assessment on its first statement, the facilitator on a participant's turn
// in a workshop (500 respondents for the clicks). Prints each figure and the ratios.
// usage: node bench/compare.mjs   (after trunk build --release, bench/floor built, npm ci in bench/)
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = 4175;
const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 10);
const ANSWERS = 5;
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
};
const PAGES = {
  participant: '/dist/index.html#join/marketing-it-alignment/0001/Benchmark',
  'self-assessment': '/dist/index.html',
  facilitator: '/dist/index.html#workshops',
  surveyjs: '/bench/surveyjs/index.html',
  floor: '/bench/floor/dist/index.html',
};
const ENTRIES = ['participant', 'self-assessment', 'facilitator'];

// Files of the repository, no compression on the wire: sizes are computed below.
const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, path));
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(PORT, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${PORT}`;

const bank = JSON.parse(readFileSync(join(root, 'crates/core/banks/default.json'), 'utf8'));
/** A workshop of `size` respondents with a participant's turn open on its first question. */
function workshopInTurn(size) {
  let state = 11;
  const next = (modulo) => { state = (state * 1103515245 + 12345) % 2147483648; return state % modulo; };
  const roles = ['marketing', 'it', 'other'];
  const respondents = Array.from({ length: size }, (_, p) => {
    const answers = {};
    for (const dimension of bank.dimensions) for (const item of dimension.items) answers[item.id] = next(5) + 1;
    return { id: `r${p}`, role: roles[next(3)], answers, estimates: {} };
  });
  return {
    id: 'bench', name: 'Benchmark', date: '2026-11-24', threshold: 3, bank,
    phases: ['welcome', 'assessment', 'reveal', 'summary'], current: 1, respondents,
    revealed: false, timer: { state: 'paused', remaining_ms: 900000 },
    turn: { answering: { respondent: { id: 'turn', role: 'marketing', answers: {}, estimates: {} }, screen: { step: 0 } } },
  };
}
const SELF = JSON.stringify({ schema: 1, journey: {
  respondent: { id: 'bench', role: 'marketing', answers: {}, estimates: {} }, screen: { step: 0 } } });
const PARTICIPATION = JSON.stringify({ schema: 1, participations: [{ workshop: 1, key: 7, journey: {
  respondent: { id: 'bench', role: 'it', answers: {}, estimates: {} }, screen: { step: 0 } } }] });
const workshops = (size) => JSON.stringify({ schema: 1, workshops: { list: [workshopInTurn(size)] } });
const VIEW = JSON.stringify({ schema: 1, view: { view: 'workshop', id: 'bench' } });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A fresh page (empty cache) of `name`, with Tandem's saved state as `seed` asks. */
async function open(name, seed) {
  const context = await browser.newContext();
  // The first question is interactive when its first radio button is in the document.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('input[type=radio]')) {
        window.interactiveAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  if (ENTRIES.includes(name)) {
    // Each entry finds a person mid-way: its first question is on screen at once.
    const items = {
      participant: { 'tandem.participations': PARTICIPATION },
      'self-assessment': { 'tandem.self-assessment': SELF },
      facilitator: { 'tandem.workshops': workshops(seed === 'clicks' ? 500 : 3), 'tandem.view': VIEW },
    }[name];
    await context.addInitScript((items) => {
      localStorage.clear();
      for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
    }, items);
  }
  const page = await context.newPage();
  const files = [];
  page.on('response', (response) => files.push(new URL(response.url()).pathname));
  await page.goto(base + PAGES[name]);
  await page.waitForFunction(() => window.interactiveAt !== undefined, null, { timeout: 60_000 });
  return { context, page, files };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const names = Object.keys(PAGES);
const bytes = {};
const interactive = Object.fromEntries(names.map((name) => [name, []]));
const firstClicks = Object.fromEntries(names.map((name) => [name, []]));
const clicks = Object.fromEntries(names.map((name) => [name, []]));
try {
  for (let i = 0; i < LOADS; i += 1) {
    for (const name of names) {
      const { context, page, files } = await open(name, 'first');
      interactive[name].push(await page.evaluate(() => window.interactiveAt));
      if (i === 0) {
        await page.waitForLoadState('networkidle');
        bytes[name] = [...new Set(files)].reduce((sum, path) => {
          try {
            return sum + gzipSync(readFileSync(join(root, path)), { level: 9 }).length;
          } catch {
            return sum;
          }
        }, 0);
      }
      await context.close();
    }
  }
  // Five answers in a row on each fresh page, each in another question (the floor has one, so
  // there each answer picks another choice). The first pays for compiling the app's update path
  // (V8 compiles WebAssembly lazily, a function on its first call); the later ones are what the
  // rest of an assessment feels like.
  for (let i = 0; i < CLICKS; i += 1) {
    for (const name of names) {
      const { context, page } = await open(name, 'clicks');
      await page.waitForTimeout(200);
      for (let answer = 0; answer < ANSWERS; answer += 1) {
        (answer === 0 ? firstClicks : clicks)[name].push(await page.evaluate((answer) => new Promise((resolve) => {
          const radios = [...document.querySelectorAll('input[type=radio]')];
          const groups = [...new Set(radios.map((radio) => radio.name))];
          const group = radios.filter((radio) => radio.name === groups[answer % groups.length]);
          const input = group[(1 + 2 * answer) % group.length];
          const start = performance.now();
          input.click();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        }), answer));
        await page.waitForTimeout(100);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const rows = [
  ['transferred, gzipped', (name) => bytes[name], kib],
  [`first interactive question, median of ${LOADS}`, (name) => median(interactive[name]), (v) => `${v.toFixed(0)} ms`],
  [`first answer: click to next frame, median of ${CLICKS}`, (name) => median(firstClicks[name]), (v) => `${v.toFixed(1)} ms`],
  [`answers 2–${ANSWERS}: click to next frame, median of ${CLICKS * (ANSWERS - 1)}`, (name) => median(clicks[name]), (v) => `${v.toFixed(1)} ms`],
];
const columns = [...ENTRIES, 'surveyjs', 'floor'];
const heads = { participant: 'participant', 'self-assessment': 'self', facilitator: 'facilitator', surveyjs: 'SurveyJS', floor: 'floor' };
console.log('\nside by side (same run, pages alternating; the facilitator\'s clicks with a 500-respondent workshop):');
console.log(`  ${''.padEnd(52)} ${columns.map((name) => heads[name].padStart(11)).join(' ')}`);
for (const [label, value, show] of rows) {
  console.log(`  ${label.padEnd(52)} ${columns.map((name) => show(value(name)).padStart(11)).join(' ')}`);
}
console.log('\nratios, each entry against SurveyJS / against the floor:');
console.log(`  ${''.padEnd(52)} ${ENTRIES.map((name) => heads[name].padStart(15)).join(' ')}`);
for (const [label, value] of rows) {
  const cells = ENTRIES.map((name) => `${ratio(value(name), value('surveyjs'))} / ${ratio(value(name), value('floor'))}`);
  console.log(`  ${label.padEnd(52)} ${cells.map((cell) => cell.padStart(15)).join(' ')}`);
}
