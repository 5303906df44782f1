// The friction report as an artifact: charts with tables behind them, the trend since the last
// run, CSV and Markdown exports that match the report, and a printable page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, expectAccessible } from './fixtures.js';
import { answeredWorkshop, bank, cli, parseCsv, title } from './documents.js';

/** A name a spreadsheet would run as a formula if it were written as is. */
const FORMULA = '=HYPERLINK("http://example.com","Q4")';

async function download(page, button) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    // The report's actions are at its top and its foot: the first will do.
    page.getByRole('button', { name: button }).first().click(),
  ]);
  return readFileSync(await file.path(), 'utf8');
}

/** Answers every statement with one agreement value (reverse-keyed ones mirrored). */
async function selfAssessment(page, role, agree) {
  await page.getByRole('button', { name: role, exact: true }).click();
  for (const [d, dimension] of bank.dimensions.entries()) {
    for (const item of dimension.items) {
      const value = item.reverse ? 6 - agree(dimension.id) : agree(dimension.id);
      await page.getByRole('group', { name: item.text }).getByRole('radio').nth(value - 1).check();
    }
    if (d === 0) {
      await page.getByRole('group', { name: /would say this area works/ }).getByRole('radio').nth(4).check();
    }
    const last = d === bank.dimensions.length - 1;
    await page.getByRole('button', { name: last ? 'See my report' : /^Next:/ }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Your friction report' })).toBeVisible();
}

/**
 * Prints the page to PDF as the browser's print dialog would, and returns the share of dark
 * pixels on its first page, rendered by pdftoppm at 40 dpi in grey.
 */
async function printFirstPage(page) {
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('button:visible')).toHaveCount(0);
  const dir = mkdtempSync(join(tmpdir(), 'tandem-print-'));
  writeFileSync(join(dir, 'report.pdf'), await page.pdf({ format: 'A4' }));
  execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', '-singlefile',
    join(dir, 'report.pdf'), join(dir, 'first')]);
  const image = readFileSync(join(dir, 'first.pgm'));
  // A binary PGM: "P5", width, height, maximum, each after whitespace, then one byte a pixel.
  const header = image.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = image.subarray(header[0].length);
  expect(pixels.length).toBe(width * height);
  let dark = 0;
  for (const value of pixels) if (value < 160) dark += 1;
  await page.emulateMedia({ media: 'screen' });
  return dark / pixels.length;
}

test('a self-assessment report has charts, a trend, exports that match it and a printable page', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('./');
  await selfAssessment(page, 'IT', (id) => (id === 'kpis' ? 1 : 3));

  // Charts: an SVG image with a description, and the same numbers in a table.
  const radar = page.getByRole('img', { name: /Dimension scores out of 100/ });
  await expect(radar).toBeVisible();
  await page.getByText('The scores as a table').click();
  const scores = page.locator('.radar table tbody tr');
  await expect(scores).toHaveCount(bank.dimensions.length);
  await expect(page.getByRole('img', { name: /Marketing minus IT, per dimension/ })).toBeVisible();
  await expectAccessible(page, 'self-assessment report with charts');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'self-assessment report with charts in the dark theme');
  await page.emulateMedia({ colorScheme: 'light' });

  // The summary CSV says what the report says; the answers CSV adds up to it.
  const summary = parseCsv(await download(page, 'Download summary (CSV)'));
  expect(summary[0].join(',')).toBe('source,round,dimension,title,score,level,marketing,it,gap,estimated_gap,perception_gap,spread,friction,hotspot,converged');
  expect(summary).toHaveLength(1 + bank.dimensions.length);
  for (const [d, row] of summary.slice(1).entries()) {
    await expect(scores.nth(d).locator('td')).toHaveText(row[4]);
  }
  const answers = parseCsv(await download(page, 'Download answers (CSV)'));
  expect(answers).toHaveLength(1 + bank.dimensions.flatMap((d) => d.items).length);
  for (const [d, dimension] of bank.dimensions.entries()) {
    const values = answers.slice(1).filter((row) => row[4] === dimension.id).map((row) => Number(row[8]));
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean.toFixed(1)).toBe(summary[d + 1][4]);
  }
  const markdown = await download(page, 'Download report (Markdown)');
  expect(markdown).toContain('# Friction report: self-assessment');
  expect(markdown).toContain(`### ${title('kpis')} (friction`);

  // A second run: the report says what moved since the first, and which proposed norm aimed at it.
  await page.getByRole('button', { name: 'Draft norms to propose' }).click();
  await page.getByLabel('The norm, in one sentence').fill('One KPI glossary');
  await page.getByLabel('Dimension it serves').selectOption({ label: title('kpis') });
  await page.getByRole('button', { name: 'Add idea' }).click();
  await page.getByRole('button', { name: '← Back to my report' }).click();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, clear my answers' }).click();
  await selfAssessment(page, 'IT', (id) => (id === 'kpis' ? 4 : 3));
  const trend = page.getByRole('region', { name: 'Since last time' });
  await expect(trend).toBeVisible();
  const kpis = trend.getByRole('row', { name: new RegExp(title('kpis')) });
  await expect(kpis).toContainText(/\+\d+\.\d since/);
  await expect(kpis.getByRole('img', { name: /Scores over the last 2 runs/ })).toBeVisible();
  await expect(trend.getByText(/moved \+\d+\.\d\. Norms adopted earlier for it: “One KPI glossary”/)).toBeVisible();
  await expectAccessible(page, 'report with a trend');

  // The printable page: axe-clean, no controls on paper, and a first page that is not blank.
  const address = await page.getByRole('link', { name: 'Open the report to print' }).first().getAttribute('href');
  const sheet = await context.newPage();
  await sheet.goto(address);
  await expect(sheet.getByRole('heading', { level: 1, name: 'Friction report: self-assessment' })).toBeVisible();
  await expect(sheet.getByRole('img', { name: /Dimension scores out of 100/ })).toBeVisible();
  await expectAccessible(sheet, 'printable report');
  const ink = await printFirstPage(sheet);
  expect(ink).toBeGreaterThan(0.01);
});

test('a workshop report overlays Marketing and IT, exports safe CSV, compares with the earlier workshop and prints', async ({ page, context }) => {
  test.setTimeout(90_000);
  const earlier = answeredWorkshop({ id: 'w-sept', name: 'September', date: '2026-09-01', low: 1 });
  const later = answeredWorkshop({ id: 'w-nov', name: FORMULA, date: '2026-11-24', low: 3 });
  await page.goto('./');
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  await page.getByLabel('Workshop file (JSON)').setInputFiles(earlier.file);
  await page.getByLabel('Workshop file (JSON)').setInputFiles(later.file);
  await page.getByRole('button', { name: `Open ${FORMULA}` }).click();
  await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Reveal/ }).click();
  await page.getByRole('button', { name: 'Reveal the results' }).click();

  // Marketing and IT are overlaid on the radar, told apart by line and marker as well as colour.
  const legend = page.locator('.chart-legend').first();
  await expect(legend.getByText('Marketing')).toBeVisible();
  await expect(legend.getByText('IT', { exact: true })).toBeVisible();
  await page.getByText('The gaps as a table').click();
  const gaps = page.locator('.gap-bars table tbody tr');
  const prioritization = bank.dimensions.findIndex((d) => d.id === 'prioritization');
  const expected = later.report.dimensions[prioritization];
  await expect(gaps.nth(prioritization).locator('td')).toHaveText(`+${(expected.marketing - expected.it).toFixed(1)}`);

  // The trend against September.
  const trend = page.getByRole('region', { name: 'Since last time' });
  await expect(trend.getByRole('row', { name: new RegExp(title('prioritization')) })).toContainText('since 1 September 2026');
  await expectAccessible(page, 'workshop report with charts and trend');

  // CSV: the name cannot run as a formula; the summary is the core's report.
  const answers = parseCsv(await download(page, 'Download answers (CSV)'));
  expect(answers).toHaveLength(1 + 6 * bank.dimensions.flatMap((d) => d.items).length);
  expect(new Set(answers.slice(1).map((row) => row[0]))).toEqual(new Set([`'${FORMULA}`]));
  expect(new Set(answers.slice(1).map((row) => row[3]))).toEqual(new Set(['marketing', 'it']));
  const summary = parseCsv(await download(page, 'Download summary (CSV)'));
  for (const [d, figures] of later.report.dimensions.entries()) {
    const row = summary[d + 1];
    expect([row[2], row[4], row[6], row[7], row[12]]).toEqual([
      figures.id, figures.score.toFixed(1), figures.marketing.toFixed(1), figures.it.toFixed(1), figures.friction.toFixed(1),
    ]);
  }
  expect(await download(page, 'Download report (Markdown)')).toContain('| Dimension | Score | Marketing | IT |');

  const address = await page.getByRole('link', { name: 'Open the report to print' }).first().getAttribute('href');
  const sheet = await context.newPage();
  await sheet.goto(address);
  await expect(sheet.getByRole('heading', { level: 1, name: `Friction report: ${FORMULA}` })).toBeVisible();
  await expectAccessible(sheet, 'printable workshop report');
  expect(await printFirstPage(sheet)).toBeGreaterThan(0.01);

  // The command line reads both exports together.
  const combined = execFileSync(cli, ['report', '--format', 'csv-summary', earlier.file, later.file], { encoding: 'utf8' });
  expect(parseCsv(combined).filter((row) => row[0] === 'all')).toHaveLength(bank.dimensions.length);
});
