// The self-assessment journey as a person does it, on the built dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, expectAccessible } from './fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bank = JSON.parse(readFileSync(join(root, 'crates/core/banks/default.json'), 'utf8'));
const items = bank.dimensions.flatMap((d) => d.items);
const cli = join(root, 'target/debug/tandem');

/** The scripted answers: a rating 1–5, or null for "don't know", for each item in bank order. */
function scripted(index) {
  return index % 7 === 6 ? null : ((index * 3) % 5) + 1;
}
/** Estimates of the other side for some dimensions (1–5), none for the rest. */
function scriptedEstimate(d) {
  return d % 3 === 1 ? null : (d % 5) + 1;
}

const AGREEMENT = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];

/** Presses Tab until the focused element's text starts with `text`, at most `limit` times. */
async function tabTo(page, text, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused.startsWith(text)) return;
  }
  throw new Error(`could not reach "${text}" with Tab`);
}

/** Answers the step on screen with the keyboard alone, starting with focus on its heading. */
async function answerStepByKeyboard(page, d, firstIndex) {
  const dimension = bank.dimensions[d];
  for (let i = 0; i < dimension.items.length; i += 1) {
    const value = scripted(firstIndex + i);
    await page.keyboard.press('Tab'); // onto the first option of the next statement
    await page.keyboard.press('Space'); // choose 1
    const moves = value === null ? 5 : value - 1;
    for (let m = 0; m < moves; m += 1) await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Tab'); // onto the estimate's checked option, "No estimate"
  const estimate = scriptedEstimate(d);
  if (estimate !== null) {
    for (let m = 0; m < 6 - estimate; m += 1) await page.keyboard.press('ArrowLeft');
  }
  const next = d === bank.dimensions.length - 1 ? 'See my report' : 'Next:';
  await tabTo(page, next);
  await page.keyboard.press('Enter');
}

/** The workshop document for the scripted answers, built independently of the app. */
function scriptedDocument(role) {
  const answers = {};
  items.forEach((item, index) => { answers[item.id] = scripted(index); });
  const estimates = {};
  bank.dimensions.forEach((dimension, d) => {
    const estimate = scriptedEstimate(d);
    if (estimate !== null) estimates[dimension.id] = estimate;
  });
  return { format: 'tandem.workshop', version: 1, bank, threshold: 3,
    respondents: [{ id: 'scripted', role, answers, estimates }] };
}

/** The core's report for a document, from `tandem report`. */
function coreReport(document) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  const file = join(dir, 'document.json');
  writeFileSync(file, JSON.stringify(document));
  return JSON.parse(execFileSync(cli, ['report', file], { encoding: 'utf8' })).report;
}

const oneDecimal = (value) => value.toFixed(1);

test('the start screen says what Tandem is and offers the three functions', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Marketing and IT/);
  await expect(page.getByText(/about \d+ minutes/)).toBeVisible();
  await expect(page.getByText(/never leave it/)).toBeVisible();
  for (const name of ['Marketing', 'IT', 'Another function']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expectAccessible(page, 'start');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'start, dark theme');
});

test('the whole assessment can be done with the keyboard alone, and the report shows the figures the core computes', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await tabTo(page, 'Marketing');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Step 1 of 8')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectAccessible(page, 'question');

  let index = 0;
  for (let d = 0; d < bank.dimensions.length; d += 1) {
    await expect(page.getByText(`Step ${d + 1} of 8`)).toBeVisible();
    await answerStepByKeyboard(page, d, index);
    index += bank.dimensions[d].items.length;
  }

  await expect(page.getByRole('heading', { level: 1, name: 'Your friction report' })).toBeVisible();
  await expectAccessible(page, 'report');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'report, dark theme');

  const expected = coreReport(scriptedDocument('marketing'));
  const indices = page.locator('.index .number');
  await expect(indices.nth(0)).toHaveText(oneDecimal(expected.alignment_index));
  await expect(indices.nth(1)).toHaveText(oneDecimal(expected.friction_index));
  const cards = page.locator('.dimension');
  await expect(cards).toHaveCount(bank.dimensions.length);
  for (const [d, figures] of expected.dimensions.entries()) {
    const card = cards.nth(d);
    await expect(card.getByRole('heading')).toHaveText(bank.dimensions[d].title);
    const value = (term) => card.locator('div', { has: page.getByText(term, { exact: true }) }).locator('dd');
    await expect(value('Score')).toHaveText(oneDecimal(figures.score));
    await expect(value('Friction')).toHaveText(oneDecimal(figures.friction));
    await expect(value('Spread')).toHaveText(oneDecimal(figures.spread));
    await expect(value('Estimated gap')).toHaveText(
      figures.estimated_gap === null ? 'no estimate given' : oneDecimal(figures.estimated_gap),
    );
  }
  const hotspotTitles = page.locator('.hotspot h3');
  const leading = expected.hotspots.slice(0, 3)
    .map((id) => bank.dimensions.find((d) => d.id === id).title);
  await expect(hotspotTitles).toHaveText(leading);

  // Download the results with the keyboard and check the file is the core's document.
  await tabTo(page, 'Download for Tandem (JSON)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^self-assessment-tandem-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.format).toBe('tandem.workshop');
  expect(saved.respondents).toHaveLength(1);
  const { id: _id, ...answered } = saved.respondents[0];
  const { id: _scriptedId, ...script } = scriptedDocument('marketing').respondents[0];
  expect(answered).toEqual(script);
  expect(saved.report).toEqual({ ...expected, respondents: expected.respondents, groups_visible: true });
});

test('reloading midway resumes at the same step with every answer kept', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  const answer = async (item, value) => {
    const group = page.getByRole('group', { name: item.text });
    const name = value === null ? "Don't know" : `${value} ${AGREEMENT[value - 1]}`;
    await group.getByRole('radio', { name }).check();
  };
  const first = bank.dimensions[0].items;
  for (const [i, item] of first.entries()) await answer(item, scripted(i));
  await page.getByRole('radio', { name: '2 Poorly' }).check();
  await page.getByRole('button', { name: /^Next:/ }).click();
  const second = bank.dimensions[1].items.slice(0, 2);
  for (const [i, item] of second.entries()) await answer(item, scripted(first.length + i));

  await page.reload();
  await expect(page.getByText('Step 2 of 8')).toBeVisible();
  await expect(page.getByText(`${first.length + 2} of ${items.length} statements answered`)).toBeVisible();
  for (const [i, item] of second.entries()) {
    const value = scripted(first.length + i);
    const name = value === null ? "Don't know" : `${value} ${AGREEMENT[value - 1]}`;
    await expect(page.getByRole('group', { name: item.text }).getByRole('radio', { name })).toBeChecked();
  }
  const untouched = page.getByRole('group', { name: bank.dimensions[1].items[2].text });
  for (const radio of await untouched.getByRole('radio').all()) await expect(radio).not.toBeChecked();

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  for (const [i, item] of first.entries()) {
    const value = scripted(i);
    const name = value === null ? "Don't know" : `${value} ${AGREEMENT[value - 1]}`;
    await expect(page.getByRole('group', { name: item.text }).getByRole('radio', { name })).toBeChecked();
  }
  await expect(page.getByRole('radio', { name: '2 Poorly' })).toBeChecked();
});

test('"go to the first unanswered statement" jumps to it and focuses it', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Another function' }).click();
  await expect(page.getByRole('group', { name: /would say this area works/ })).toHaveCount(0);
  const first = bank.dimensions[0].items[0];
  await page.getByRole('group', { name: first.text }).getByRole('radio', { name: '3 Neutral' }).check();
  await page.getByRole('button', { name: 'Next: Goals, roles and procedures' }).click();
  await page.getByRole('button', { name: 'Next: Joint responsibility' }).click();
  await page.getByRole('button', { name: /first unanswered statement/ }).click();
  await expect(page.getByText('Step 1 of 8')).toBeVisible();
  const target = page.getByRole('group', { name: bank.dimensions[0].items[1].text });
  await expect(target.getByRole('radio').first()).toBeFocused();
});

test('start over and delete my data ask first, then clear everything', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Marketing' }).click();
  const first = bank.dimensions[0].items[0];
  await page.getByRole('group', { name: first.text }).getByRole('radio', { name: '5 Strongly agree' }).check();

  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByText('Clear all your answers and start again')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Start over' })).toBeFocused();
  await expect(page.getByRole('group', { name: first.text }).getByRole('radio', { name: '5 Strongly agree' })).toBeChecked();

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Delete my data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('heading', { name: 'Which function do you work in?' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tandem.')))).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Which function do you work in?' })).toBeVisible();
});

test('an unreadable saved value is kept aside and the person is told', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(); // the app has loaded
  await page.evaluate(() => localStorage.setItem('tandem.self-assessment', '{"schema":1,"journey":'));
  await page.reload();
  await expect(page.getByText(/could not be read, so Tandem started afresh/)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('tandem.quarantine.self-assessment')))
    .toBe('{"schema":1,"journey":');
  await expect(page.getByRole('button', { name: 'Download the unreadable copy' })).toBeVisible();
});

test('with storage blocked the assessment still works in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto('./');
  await expect(page.getByText(/not letting Tandem save/)).toBeVisible();
  await page.getByRole('button', { name: 'Marketing' }).click();
  const first = bank.dimensions[0].items[0];
  await page.getByRole('group', { name: first.text }).getByRole('radio', { name: '4 Agree' }).check();
  await expect(page.getByText(`1 of ${items.length} statements answered`)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export everything now' }).click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.self_assessment.respondent.answers).toEqual({ [first.id]: 4 });
});
