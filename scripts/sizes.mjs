// The size of the app as a visitor downloads it: every file of dist/ gzipped at level 9, as a
// server would send it. dist/demo/ is left out: it holds host pages for trying embeds, and no
// page of the app loads them. So is dist/languages/, fetched only by someone who asks for
// another language than English; it is listed apart.
//
// `node scripts/sizes.mjs dist` prints the sizes; with `--budget KIB` it fails when the total is
// larger (make test runs it so, to catch a size regression in the change that makes it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { argv, exit } from 'node:process';
import { fileURLToPath } from 'node:url';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Each file of the app in `dist` with its size raw and gzipped, by name; `languages/` (or
 * only that, with `onDemand`) left out. */
export function sizes(dist, onDemand = false) {
  return files(dist)
    .map((path) => relative(dist, path))
    .filter((name) => !name.startsWith('demo/') && name.startsWith('languages/') === onDemand)
    .sort()
    .map((name) => {
      const body = readFileSync(join(dist, name));
      return { name, raw: body.length, gzipped: gzipSync(body, { level: 9 }).length };
    });
}

/** Prints the table of `sizes`; returns the gzipped total in bytes. */
export function report(dist) {
  const rows = sizes(dist);
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  console.log('dist/ sizes (bytes):');
  for (const { name, raw, gzipped } of rows) {
    console.log(`  ${name.padEnd(28)} ${String(raw).padStart(8)} raw ${String(gzipped).padStart(8)} gzipped`);
  }
  const gzipped = total('gzipped');
  console.log(`  ${'total'.padEnd(28)} ${String(total('raw')).padStart(8)} raw ${String(gzipped).padStart(8)} gzipped (${(gzipped / 1024).toFixed(1)} KiB)`);
  console.log('fetched only for another language than English:');
  for (const { name, raw, gzipped: gz } of sizes(dist, true)) {
    console.log(`  ${name.padEnd(28)} ${String(raw).padStart(8)} raw ${String(gz).padStart(8)} gzipped`);
  }
  return gzipped;
}

if (argv[1] === fileURLToPath(import.meta.url)) {
  const dist = argv[2] ?? 'dist';
  const at = argv.indexOf('--budget');
  const budget = at > 0 ? Number(argv[at + 1]) : Infinity;
  const gzipped = report(dist);
  if (gzipped > budget * 1024) {
    console.error(`\nThe app is ${(gzipped / 1024).toFixed(1)} KiB gzipped, over its budget of ${budget} KiB.`
      + '\nFind what grew (twiggy top on the unstripped wasm, see docs/performance.md) before raising the budget.');
    exit(1);
  }
  if (budget !== Infinity) console.log(`within the budget of ${budget} KiB`);
}
