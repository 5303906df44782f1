// Re-rating after discussion: a workshop whose second round came in shows how far Marketing and
// IT came together, in the report, the brainstorm's prompts, the presenter, the exports and the
// printable report, by keyboard, with axe on each screen.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible } from './fixtures.js';
import { answeredWorkshop, parseCsv, title } from './documents.js';

async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

/** Opens a phase from the agenda; focus moves to its heading once it is shown, and only then
 * may the next key go elsewhere. */
async function phase(page, name) {
  await press(page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name }));
  await expect(page.getByRole('heading', { level: 2, name })).toBeFocused();
}

async function download(page, button) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    press(page.getByRole('button', { name: button }).first()),
  ]);
  return readFileSync(await file.path(), 'utf8');
}

test('a second round shows what converged and where Marketing and IT are still apart', async ({ page, context }) => {
  test.setTimeout(90_000);
  const { file, report } = answeredWorkshop({
    id: 'rerate-w', name: 'Second look', rerate: { converged: ['prioritization'], apart: ['kpis'] },
  });
  const { convergence } = report;
  expect(convergence.converged).toBe(1);
  await page.goto('./#workshops');
  await page.getByLabel('Workshop file (JSON)').setInputFiles(file);
  await press(page.getByRole('button', { name: 'Open Second look' }));
  await phase(page, 'Reveal');
  await press(page.getByRole('button', { name: 'Reveal the results' }));

  const section = page.getByRole('region', { name: 'After discussion', exact: true });
  await expect(section.getByRole('heading', { level: 2, name: 'After discussion' })).toBeVisible();
  await expect(section.getByText('1 of 2 re-rated dimensions converged.')).toBeVisible();
  await expect(section.getByText(`The spread changed by ${convergence.spread_change.toFixed(1)} points on average`)).toBeVisible();
  await expect(section.getByRole('img', { name: 'Score of each re-rated dimension before and after discussion' })).toBeVisible();
  const rows = section.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  for (const [n, moved] of convergence.dimensions.entries()) {
    const cells = rows.nth(n + 1).getByRole('cell');
    await expect(rows.nth(n + 1).getByRole('rowheader')).toHaveText(title(moved.id));
    await expect(cells.first()).toHaveText(moved.converged ? 'converged' : 'still apart');
    await expect(cells.nth(1)).toHaveText(`${moved.score_before.toFixed(1)} → ${moved.score_after.toFixed(1)}`);
    await expect(cells.nth(2)).toHaveText(`${moved.gap_before.toFixed(1)} → ${moved.gap_after.toFixed(1)}`);
    await expect(cells.nth(3)).toHaveText(`${moved.spread_before.toFixed(1)} → ${moved.spread_after.toFixed(1)}`);
  }
  await expect(section.getByText(`Still apart: ${title('kpis')}. Start the norms here.`)).toBeVisible();
  await expectAccessible(page, 'reveal with the second round');

  // The brainstorm's prompts lead with the dimension still apart.
  await phase(page, 'Brainstorm norms');
  const prompts = page.getByRole('region', { name: 'Prompts from the hotspots' });
  const first = prompts.locator('.prompt-dimension').first();
  await expect(first).toContainText(title('kpis'));
  await expect(first).toContainText('still apart after discussion');
  await expectAccessible(page, 'brainstorm after a second round');

  // The room sees it in the summary, first.
  await phase(page, 'Summary and next steps');
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(await page.getByRole('link', { name: 'Open the presenter view' }).getAttribute('href'));
  await expect(presenter.getByRole('heading', { level: 2, name: 'After discussion' })).toBeVisible();
  await expect(presenter.getByText('1 of 2 re-rated dimensions converged.')).toBeVisible();
  await expect(presenter.getByText(`Still apart: ${title('kpis')}.`, { exact: false })).toBeVisible();
  // The room's slide fits the projector: the chart and the verdicts, not the full table.
  expect(await presenter.evaluate(() => {
    const root = document.scrollingElement;
    return [root.scrollHeight > innerHeight + 1, root.scrollWidth > innerWidth + 1];
  })).toEqual([false, false]);
  await expectAccessible(presenter, 'presenter after discussion');
  await press(page.getByRole('group', { name: 'On the projector' }).getByRole('button', { name: 'Show next: Summary' }));
  await expect(presenter.getByRole('heading', { level: 2, name: 'After discussion' })).toHaveCount(0);

  // The exports carry the second round.
  await phase(page, 'Reveal');
  const summary = parseCsv(await download(page, 'Download summary (CSV)'));
  expect(summary[0]).toContain('round');
  const second = summary.filter((row) => row[1] === '2');
  expect(second.map((row) => [row[2], row[row.length - 1]])).toEqual(
    convergence.dimensions.map((moved) => [moved.id, String(moved.converged)]),
  );
  const answers = parseCsv(await download(page, 'Download answers (CSV)'));
  expect(new Set(answers.slice(1).filter((row) => row[1] === '2').map((row) => row[4])))
    .toEqual(new Set(['prioritization', 'kpis']));
  const markdown = await download(page, 'Download report (Markdown)');
  expect(markdown).toContain('## After discussion');
  expect(markdown).toContain(`Still apart: ${title('kpis')}.`);
  const json = JSON.parse(await download(page, 'Download for Tandem (JSON)'));
  expect(json.rerate.dimensions).toEqual(['prioritization', 'kpis']);
  expect(json.report.convergence).toEqual(convergence);

  // And the printable report.
  const sheet = await context.newPage();
  await sheet.goto(await page.getByRole('link', { name: 'Open the report to print' }).first().getAttribute('href'));
  await expect(sheet.getByRole('heading', { level: 2, name: 'After discussion' })).toBeVisible();
  await expectAccessible(sheet, 'printable report with the second round');
});
