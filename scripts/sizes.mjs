// What a visitor downloads, per entry: dist/ holds one wasm per journey (see boot.js), and a
// first visit downloads the page, boot.js, the stylesheets and the favicon (shared), and one
// entry's JavaScript and wasm, each gzipped at level 9 as a server would send it. dist/demo/
// is left out: it holds host pages for trying embeds, and no page of the app loads them. So is
// dist/languages/, fetched only by someone who asks for another language than English; it is
// listed apart.
//
// `node scripts/sizes.mjs dist` prints the sizes; with `--budget participant=120,...` (KiB) it
// fails when an entry's first load is larger (make test runs it so, to catch a size regression
// in the change that makes it).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { argv, exit } from 'node:process';
import { fileURLToPath } from 'node:url';

/** The entries, as `tandem::routes::Entry::name` spells them, with the first load each is
 * meant to reach (KiB gzipped, issue 19). */
export const ENTRIES = [
  { name: 'participant', goal: 120 },
  { name: 'self-assessment', goal: 160 },
  { name: 'facilitator', goal: 250 },
];

const entryOf = (file) => ENTRIES.find(({ name }) => file === `${name}.js` || file === `${name}_bg.wasm`)?.name;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Each file of the app in `dist` with its size raw and gzipped, and the entry it belongs to
 * (`undefined` for a shared one), by name; `languages/` (or only that, with `onDemand`) left
 * out. */
export function sizes(dist, onDemand = false) {
  return files(dist)
    .map((path) => relative(dist, path))
    .filter((name) => !name.startsWith('demo/') && !name.endsWith('.br')
      && name.startsWith('languages/') === onDemand)
    .sort()
    .map((name) => {
      const body = readFileSync(join(dist, name));
      const br = join(dist, `${name}.br`);
      const brotli = existsSync(br) ? statSync(br).size : undefined;
      return { name, entry: entryOf(name), raw: body.length, gzipped: gzipSync(body, { level: 9 }).length, brotli };
    });
}

/** The bytes of each entry's first load (the shared files and its own), gzipped, or with
 * `key` 'brotli' as the precompressed `.br` files have them. */
export function firstLoads(dist, key = 'gzipped') {
  const rows = sizes(dist);
  return Object.fromEntries(ENTRIES.map(({ name }) => [name, rows
    .filter((row) => row.entry === undefined || row.entry === name)
    .reduce((sum, row) => sum + (row[key] ?? NaN), 0)]));
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Prints the table of `sizes` and each entry's first load; returns the first loads. */
export function report(dist) {
  const rows = sizes(dist);
  console.log('dist/ sizes (bytes):');
  for (const { name, entry, raw, gzipped, brotli } of rows) {
    console.log(`  ${name.padEnd(28)} ${String(raw).padStart(8)} raw ${String(gzipped).padStart(8)} gzipped ${String(brotli ?? '-').padStart(8)} .br  ${entry ?? 'shared'}`);
  }
  const loads = firstLoads(dist);
  const brotli = firstLoads(dist, 'brotli');
  console.log('first load per entry (shared files and its own; goals are gzipped):');
  for (const { name, goal } of ENTRIES) {
    const br = Number.isNaN(brotli[name]) ? '' : `, ${kib(brotli[name])} from the .br files`;
    console.log(`  ${name.padEnd(28)} ${kib(loads[name]).padStart(10)} gzipped${br}   goal ${goal} KiB${loads[name] <= goal * 1024 ? ' (met)' : ''}`);
  }
  console.log('fetched only for another language than English:');
  for (const { name, raw, gzipped } of sizes(dist, true)) {
    console.log(`  ${name.padEnd(28)} ${String(raw).padStart(8)} raw ${String(gzipped).padStart(8)} gzipped`);
  }
  return loads;
}

if (argv[1] === fileURLToPath(import.meta.url)) {
  const dist = argv[2] ?? 'dist';
  const at = argv.indexOf('--budget');
  const budgets = at > 0
    ? Object.fromEntries(argv[at + 1].split(',').map((pair) => pair.split('=')).map(([name, value]) => [name, Number(value)]))
    : {};
  const loads = report(dist);
  let over = false;
  for (const { name, goal } of ENTRIES) {
    const budget = budgets[name];
    if (budget === undefined) continue;
    if (!sizes(dist).some((row) => row.name === `${name}_bg.wasm`)) {
      console.error(`\nThe ${name} entry is missing from ${dist}/.`);
      over = true;
    } else if (loads[name] > budget * 1024) {
      console.error(`\nThe ${name} entry's first load is ${kib(loads[name])} gzipped, over its budget of ${budget} KiB.`
        + '\nFind what grew (twiggy top on the unstripped wasm, see docs/performance.md) before raising the budget.');
      over = true;
    } else if (budget > goal && loads[name] <= goal * 1024) {
      console.error(`\nThe ${name} entry's first load (${kib(loads[name])}) meets its goal of ${goal} KiB: lower its budget to the goal or below.`);
      over = true;
    }
  }
  if (over) exit(1);
  if (Object.keys(budgets).length > 0) console.log(`within the budgets (KiB): ${argv[at + 1]}`);
}
