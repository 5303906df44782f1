// Nothing lost: everything exports to one backup and restores by merging; a value saved by a
// newer Tandem is kept aside, not overwritten; two tabs editing at once keep each other's answers.
// Every test counts the answers before and after.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible } from './fixtures.js';
import { answeredWorkshop, bank } from './documents.js';

/** Every answer saved in this browser: the self-assessment's and every workshop respondent's. */
async function savedAnswers(page) {
  return page.evaluate(() => {
    const read = (key) => JSON.parse(localStorage.getItem(key) ?? 'null');
    const journey = read('tandem.self-assessment')?.journey?.respondent?.answers ?? {};
    const workshops = read('tandem.workshops')?.workshops?.list ?? [];
    return Object.keys(journey).length + workshops
      .flatMap((w) => w.respondents)
      .reduce((sum, r) => sum + Object.keys(r.answers).length, 0);
  });
}

test('everything exports to one backup, and restoring it merges without losing an answer', async ({ page }) => {
  const first = answeredWorkshop({ id: 'backup-a', name: 'Backup A' });
  const second = answeredWorkshop({ id: 'backup-b', name: 'Backup B', date: '2026-10-01' });
  await page.goto('./');
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  await page.getByLabel('Workshop file (JSON)').setInputFiles(first.file);
  await page.getByLabel('Workshop file (JSON)').setInputFiles(second.file);
  await expect(page.getByRole('button', { name: 'Open Backup B' })).toBeVisible();
  const before = await savedAnswers(page);
  expect(before).toBe(2 * 6 * bank.dimensions.flatMap((d) => d.items).length);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export everything (JSON)' }).click(),
  ]);
  const backup = await download.path();
  expect(JSON.parse(readFileSync(backup, 'utf8')).format).toBe('tandem.backup');

  await page.getByRole('button', { name: 'Delete my data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect.poll(() => savedAnswers(page)).toBe(0);

  await page.getByLabel('Restore a backup (merged into what is here)').setInputFiles(backup);
  await expect(page.getByText('Restored 2 workshops (2 new, 0 merged, 12 respondents added)')).toBeVisible();
  await expect.poll(() => savedAnswers(page)).toBe(before);
  await expectAccessible(page, 'restored backup');

  // The same backup again adds nothing; a workshop file is not a backup and changes nothing.
  await page.getByLabel('Restore a backup (merged into what is here)').setInputFiles(backup);
  await expect(page.getByText('Restored 2 workshops (0 new, 2 merged, 0 respondents added)')).toBeVisible();
  await page.getByLabel('Restore a backup (merged into what is here)').setInputFiles(first.file);
  await expect(page.getByText(/This backup was not restored, and nothing was changed:\s*format: "tandem.workshop" is not a Tandem backup/)).toBeVisible();
  await expect.poll(() => savedAnswers(page)).toBe(before);
  await page.reload();
  await expect.poll(() => savedAnswers(page)).toBe(before);
});

test('a value saved by a newer Tandem is kept aside unchanged, and the person is told', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const newer = JSON.stringify({ schema: 99, workshops: { list: [], shape: 'from the future' } });
  await page.evaluate((raw) => localStorage.setItem('tandem.workshops', raw), newer);
  // The workshops' page is the one that reads them.
  await page.goto('about:blank');
  await page.goto('./#workshops');
  await expect(page.getByText(/saved by a newer version of Tandem/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download the saved copy' })).toBeVisible();
  await expectAccessible(page, 'newer version notice');
  // Working on does not overwrite it.
  await page.getByLabel('Name').fill('Fresh start');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fresh start' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('tandem.quarantine.workshops'))).toBe(newer);
});

test('two tabs answering the same self-assessment at once keep every answer', async ({ page, context }) => {
  const items = bank.dimensions[0].items;
  await page.goto('./');
  await page.getByRole('button', { name: 'Marketing' }).click();
  const other = await context.newPage();
  await other.goto('./');
  await expect(other.getByRole('group', { name: items[0].text })).toBeVisible();
  // Each tab answers a different statement in turn; each save lands while the other tab holds
  // an older copy, which without merging would overwrite it.
  for (let i = 0; i < 4; i += 1) {
    const tab = i % 2 === 0 ? page : other;
    await tab.bringToFront();
    await tab.getByRole('group', { name: items[i].text }).getByRole('radio').nth(i).check();
  }
  await expect.poll(() => savedAnswers(page)).toBe(4);
  for (const tab of [page, other]) {
    await tab.bringToFront();
    for (let i = 0; i < 4; i += 1) {
      await expect(tab.getByRole('group', { name: items[i].text }).getByRole('radio').nth(i)).toBeChecked();
    }
  }
  await page.reload();
  for (let i = 0; i < 4; i += 1) {
    await expect(page.getByRole('group', { name: items[i].text }).getByRole('radio').nth(i)).toBeChecked();
  }
});

test('with storage full the work carries on in memory, the person is told at once, and the export has every answer', async ({ page }) => {
  const items = bank.dimensions[0].items;
  await page.goto('./');
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await page.getByRole('group', { name: items[0].text }).getByRole('radio').nth(3).check();
  await expect.poll(() => savedAnswers(page)).toBe(1);
  // Fill the rest of this origin's storage with another application's data.
  await page.evaluate(() => {
    const block = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i += 1) {
      try { localStorage.setItem(`other-app.${i}`, block); } catch { break; }
    }
    for (let i = 0; ; i += 1) {
      try { localStorage.setItem(`other-app.small.${i}`, 'x'.repeat(1024)); } catch { break; }
    }
  });
  for (let i = 1; i < 4; i += 1) {
    await page.getByRole('group', { name: items[i].text }).getByRole('radio').nth(3).check();
  }
  await expect(page.getByText(/storage is full/)).toBeVisible();
  await expectAccessible(page, 'storage full');
  expect(await savedAnswers(page)).toBeLessThan(4);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export everything now' }).click(),
  ]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(Object.keys(backup.self_assessment.respondent.answers)).toHaveLength(4);
  // Nothing of the other application's was touched.
  expect(await page.evaluate(() => localStorage.getItem('other-app.0')?.length)).toBe(256 * 1024);
});

test('with a retention chosen, workshops older than it are deleted on start, and the person is told', async ({ page }) => {
  const old = answeredWorkshop({ id: 'ret-old', name: 'Last year', date: '2025-01-15' });
  const recent = answeredWorkshop({ id: 'ret-new', name: 'This week', date: new Date().toISOString().slice(0, 10) });
  await page.goto('./');
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  await page.getByLabel('Workshop file (JSON)').setInputFiles(old.file);
  await page.getByLabel('Workshop file (JSON)').setInputFiles(recent.file);
  const each = 6 * bank.dimensions.flatMap((d) => d.items).length;
  await expect.poll(() => savedAnswers(page)).toBe(2 * each);
  await page.getByLabel('Keep earlier runs and workshops').selectOption({ label: '90 days after their date' });
  await page.reload();
  await expect(page.getByText('Deleted 0 earlier runs and 1 workshop older than 90 days, as set under “Your data”.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open This week' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Last year' })).toHaveCount(0);
  await expect.poll(() => savedAnswers(page)).toBe(each);
  await expect(page.getByLabel('Keep earlier runs and workshops')).toHaveValue('90');
});

test('a corrupt value is kept aside beside an earlier one, and every other answer is still there', async ({ page }) => {
  const workshop = answeredWorkshop({ id: 'corrupt-w', name: 'Kept' });
  await page.goto('./');
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  await page.getByLabel('Workshop file (JSON)').setInputFiles(workshop.file);
  // The import is saved by an effect after it renders: count once it is there.
  await expect.poll(() => savedAnswers(page)).toBeGreaterThan(0);
  const before = await savedAnswers(page);
  for (const broken of ['{"schema":1,"journey":', '{"schema":1,"journey":{"respondent":7}}']) {
    await page.evaluate((raw) => localStorage.setItem('tandem.self-assessment', raw), broken);
    await page.reload();
    await expect(page.getByText(/could not be read, so Tandem started afresh/)).toBeVisible();
  }
  expect(await page.evaluate(() => [
    localStorage.getItem('tandem.quarantine.self-assessment'),
    localStorage.getItem('tandem.quarantine.self-assessment.2'),
  ])).toEqual(['{"schema":1,"journey":', '{"schema":1,"journey":{"respondent":7}}']);
  await expect.poll(() => savedAnswers(page)).toBe(before);
});
