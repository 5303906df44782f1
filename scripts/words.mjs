// Checks, after a build, that no entry asks for an English word it does not carry. English comes
// in three parts (crates/core/locales/en.txt, en.self.txt, en.workshops.txt; see
// tandem_core::i18n), and each entry builds in only the parts its screens show. A key is a
// string literal in the code that asks for it, so it is in that entry's wasm: a key of a part
// the entry lacks, found in its wasm, would show as the key itself. The message says where to
// move it. A false alarm (a key that is only part of a longer string) errs on the safe side.
// usage: node scripts/words.mjs dist
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argv, exit } from 'node:process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PARTS = ['en.txt', 'en.self.txt', 'en.workshops.txt'];
/** The parts each entry builds in (`Roots::prepare`). */
const CARRIES = {
  participant: ['en.txt'],
  'self-assessment': ['en.txt', 'en.self.txt'],
  facilitator: PARTS,
};
const keysOf = (part) => readFileSync(join(root, 'crates/core/locales', part), 'utf8')
  .split('\n')
  .filter((line) => line.includes(' = ') && !line.startsWith('#'))
  .map((line) => line.split(' = ')[0].trim());

const dist = argv[2] ?? 'dist';
const wrong = [];
for (const [entry, carried] of Object.entries(CARRIES)) {
  const wasm = readFileSync(join(dist, `${entry}_bg.wasm`)).toString('latin1');
  for (const part of PARTS.filter((p) => !carried.includes(p))) {
    for (const key of keysOf(part)) {
      if (wasm.includes(key)) wrong.push(`${key} (in ${part}) is asked for by the ${entry} entry: move it to ${carried[carried.length - 1]}`);
    }
  }
}
if (wrong.length > 0) {
  console.error(`Words an entry asks for but does not carry:\n  ${wrong.join('\n  ')}`);
  exit(1);
}
console.log(`every entry carries the English words it asks for (${PARTS.join(', ')})`);
