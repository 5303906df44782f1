// Workshop documents built for the tests, independently of the app, and the core's report of
// them from `tandem report`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const bank = JSON.parse(readFileSync(join(root, 'crates/core/banks/default.json'), 'utf8'));
export const cli = join(root, 'target/debug/tandem');
export const title = (id) => bank.dimensions.find((d) => d.id === id).title;

/**
 * A saved workshop of six people who have answered: Marketing agrees with everything; IT
 * disagrees in the `friction` dimensions and agrees elsewhere. With `rerate`, the same six
 * answered the dimensions `converged` and `apart` again after discussion: everyone agrees on
 * the first, IT still disagrees on the second. Returns the file and the core's report of it.
 */
export function answeredWorkshop({ id = 'norms-w', name = 'Norms day', date = '2026-11-24',
  friction = ['prioritization', 'kpis'], low = 1, rerate = null,
  phases = ['welcome', 'assessment', 'reveal', 'brainstorm', 'vote', 'rank', 'agree', 'summary'] } = {}) {
  const respondents = [];
  for (let p = 0; p < 6; p += 1) {
    const role = p % 2 === 0 ? 'marketing' : 'it';
    const answers = {};
    for (const dimension of bank.dimensions) {
      for (const item of dimension.items) {
        const agree = role === 'marketing' ? 4 : (friction.includes(dimension.id) ? low : 4);
        answers[item.id] = item.reverse ? 6 - agree : agree;
      }
    }
    respondents.push({ id: `${id}-p${p}`, role, answers, estimates: {} });
  }
  const document = {
    format: 'tandem.workshop', version: 1,
    workshop: { id, name, date, phases },
    bank, threshold: 3, respondents,
  };
  if (rerate) {
    const dimensions = [...rerate.converged, ...rerate.apart];
    const again = [];
    for (let p = 0; p < 6; p += 1) {
      const role = p % 2 === 0 ? 'marketing' : 'it';
      const answers = {};
      for (const dimension of bank.dimensions.filter((d) => dimensions.includes(d.id))) {
        for (const item of dimension.items) {
          const agree = role === 'it' && rerate.apart.includes(dimension.id) ? 1 : 4;
          answers[item.id] = item.reverse ? 6 - agree : agree;
        }
      }
      again.push({ id: `${id}-r${p}`, role, answers });
    }
    document.rerate = { dimensions, respondents: again };
  }
  const file = join(mkdtempSync(join(tmpdir(), 'tandem-e2e-')), `${id}.json`);
  writeFileSync(file, JSON.stringify(document));
  return { file, report: JSON.parse(execFileSync(cli, ['report', file], { encoding: 'utf8' })).report };
}

/** The rows of a CSV file as arrays of cells (RFC 4180 quoting). */
export function parseCsv(text) {
  const rows = [];
  let row = [''];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { row[row.length - 1] += '"'; i += 1; } else if (c === '"') quoted = false;
      else row[row.length - 1] += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push('');
    else if (c === '\n') { rows.push(row); row = ['']; } else row[row.length - 1] += c;
  }
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
}
