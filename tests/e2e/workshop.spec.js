// A facilitated workshop as a facilitator and participants run it, on the built dist/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, expectAccessible } from './fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bank = JSON.parse(readFileSync(join(root, 'crates/core/banks/default.json'), 'utf8'));
const cli = join(root, 'target/debug/tandem');

/** The alerts with something to say: live regions are in the page before they speak. */
const alerts = (page) => page.getByRole('alert').filter({ hasText: /\S/ });

async function createWorkshop(page, name) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** One participant's turn: choose a function, answer every statement with a pattern, finish. */
async function takeTurn(page, role, offset, { audit = false } = {}) {
  await page.getByRole('button', { name: "I'm next" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
  await expect(page.getByText(/Answered so far/)).toHaveCount(0);
  await page.getByRole('button', { name: role, exact: true }).click();
  for (const [d, dimension] of bank.dimensions.entries()) {
    for (const [i, item] of dimension.items.entries()) {
      const value = ((d + i + offset) % 5) + 1;
      await page.getByRole('group', { name: item.text }).getByRole('radio').nth(value - 1).check();
    }
    if (d === 0) {
      // Everyone guesses how the other function rates the first dimension.
      const estimate = (offset % 5) + 1;
      await page.getByRole('group', { name: /would say this area works/ }).getByRole('radio').nth(estimate - 1).check();
    }
    const last = d === bank.dimensions.length - 1;
    await page.getByRole('button', { name: last ? 'Finish and hand back' : /^Next:/ }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();
  if (audit) await expectAccessible(page, 'thank you');
  await page.getByRole('button', { name: 'Back to the facilitator' }).click();
}

test('a workshop with four Marketing and four IT participants reveals the figures the core computes', async ({ page }) => {
  test.setTimeout(120_000);
  await createWorkshop(page, 'Q4 alignment');
  await expectAccessible(page, 'workshop welcome');
  await page.getByRole('button', { name: 'Next: Individual assessment' }).click();
  await expectAccessible(page, 'workshop assessment');
  for (let p = 0; p < 8; p += 1) {
    await takeTurn(page, p % 2 === 0 ? 'Marketing' : 'IT', p);
    if (p === 0) await expectAccessible(page, 'workshop assessment after a turn');
  }
  await expect(page.getByText('Answered so far: 4 Marketing · 4 IT · 0 other.')).toBeVisible();

  await page.getByRole('button', { name: 'Next: Reveal' }).click();
  await expect(page.getByText('Alignment index')).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal the results' }).click();
  await expectAccessible(page, 'reveal');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workshop (JSON)' }).click(),
  ]);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported.respondents).toHaveLength(8);
  const core = JSON.parse(execFileSync(cli, ['report', path], { encoding: 'utf8' })).report;
  expect(exported.report).toEqual(core);
  const cards = page.locator('.dimension');
  for (const [d, figures] of core.dimensions.entries()) {
    const value = (term) => cards.nth(d).locator('div.figure', { has: page.getByText(term, { exact: true }) }).locator('.figure-value');
    await expect(value('Score')).toHaveText(figures.score.toFixed(1));
    await expect(value('Marketing')).toHaveText(figures.marketing.toFixed(1));
    await expect(value('IT')).toHaveText(figures.it.toFixed(1));
    await expect(value('Gap')).toHaveText(figures.gap.toFixed(1));
  }
  const indices = page.locator('.index .number');
  await expect(indices.nth(0)).toHaveText(core.alignment_index.toFixed(1));
  const first = core.dimensions[0];
  await expect(cards.nth(0).getByText(
    `IT thinks Marketing rates this ${first.marketing_as_seen_by_it.toFixed(1)}; Marketing actually rates it ${first.marketing.toFixed(1)}.`,
  )).toBeVisible();
  await expect(cards.nth(0).getByText(
    `Marketing thinks IT rates this ${first.it_as_seen_by_marketing.toFixed(1)}; IT actually rates it ${first.it.toFixed(1)}.`,
  )).toBeVisible();

  // Export, delete, import: the same workshop and report come back.
  await page.getByRole('button', { name: 'All workshops' }).click();
  await page.getByRole('button', { name: 'Delete Q4 alignment' }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByText('No workshops yet')).toBeVisible();
  await page.getByLabel('Workshop file (JSON)').setInputFiles(path);
  await page.getByRole('button', { name: 'Open Q4 alignment' }).click();
  await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Reveal/ }).click();
  await page.getByRole('button', { name: 'Reveal the results' }).click();
  await expect(indices.nth(0)).toHaveText(core.alignment_index.toFixed(1));
  await expectAccessible(page, 'workshop list');
});

test('below the privacy threshold Marketing and IT are not told apart, and the threshold cannot be lowered', async ({ page }) => {
  await createWorkshop(page, 'Small group');
  await page.getByRole('button', { name: 'Next: Individual assessment' }).click();
  await takeTurn(page, 'Marketing', 0, { audit: true });
  await takeTurn(page, 'IT', 1);
  await page.getByRole('button', { name: 'Next: Reveal' }).click();
  await expect(page.getByText('Marketing and IT will not be told apart: each needs at least 3 respondents.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Reveal the results' }).click();
  await expect(page.getByText('Marketing and IT are not told apart: fewer than 3 respondents in a group.', { exact: false })).toBeVisible();
  await expect(page.getByText(/thinks Marketing rates this/)).toHaveCount(0);

  // Every figure on screen is the one computed without roles (the CLI applies the same rule),
  // so friction's formula cannot give the hidden gap back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workshop (JSON)' }).click(),
  ]);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  const core = JSON.parse(execFileSync(cli, ['report', path], { encoding: 'utf8' })).report;
  expect(exported.report).toEqual(core);
  expect(core.groups_visible).toBe(false);
  const scores = exported.respondents.map((r) => {
    const values = bank.dimensions[0].items.map((item) => {
      const v = r.answers[item.id];
      return ((item.reverse ? 6 - v : v) - 1) * 25;
    });
    return values.reduce((a, b) => a + b, 0) / values.length;
  });
  const everyone = (scores[0] + scores[1]) / 2;
  // Rounded half away from zero to one decimal, as every figure is.
  expect(core.dimensions[0].score).toBe(Math.round(everyone * 10) / 10);
  for (const figures of core.dimensions) {
    for (const key of ['marketing', 'it', 'gap', 'perception_gap', 'marketing_as_seen_by_it', 'it_as_seen_by_marketing']) {
      expect(figures[key], key).toBeNull();
    }
  }
  const cards = page.locator('.dimension');
  for (const [d, figures] of core.dimensions.entries()) {
    const value = (term) => cards.nth(d).locator('div.figure', { has: page.getByText(term, { exact: true }) }).locator('.figure-value');
    await expect(value('Score')).toHaveText(figures.score.toFixed(1));
    await expect(value('Friction')).toHaveText(figures.friction.toFixed(1));
  }

  // The threshold the participants answered under cannot be lowered afterwards.
  await page.getByText('Workshop details').click();
  await page.getByLabel('Privacy threshold').fill('1');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(alerts(page)).toHaveText(
    'The privacy threshold stays at 3: answers came in under it, and participants were promised it. It can be raised, but not lowered to 1.',
  );
  await page.reload();
  await expect(page.getByText('Marketing and IT are not told apart: fewer than 3 respondents in a group.', { exact: false })).toBeVisible();
  await expect(cards.nth(0).locator('div.figure', { has: page.getByText('Gap', { exact: true }) })).toHaveCount(0);
});

test('the facilitator controls work with the keyboard alone, and a reload resumes the phase', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.textContent === 'Run a workshop')); i += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.getByLabel('Name').focus();
  await page.keyboard.type('Keyboard session');
  await page.keyboard.press('Enter'); // submits the form
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard session' })).toBeVisible();
  const press = async (name) => {
    await page.getByRole('button', { name, exact: true }).focus();
    await page.keyboard.press('Enter');
  };
  await press('Start timer');
  await expect(page.getByRole('button', { name: 'Pause timer' })).toBeVisible();
  await press('Pause timer');
  await press('Add a minute');
  await expect(page.getByRole('timer')).toHaveText('11:00');
  await press('Next: Individual assessment');
  // Arriving at a phase starts its countdown.
  await expect(page.getByRole('button', { name: 'Pause timer' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^1[45]:\d\d$/);
  await press("I'm next");
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
  await expectAccessible(page, 'participant turn');
  await press('Cancel this turn');
  await press('Yes, cancel the turn');
  await expect(page.getByText('Answered so far: No answers yet.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Individual assessment' })).toBeVisible();
  await press('Next: Reveal');
  // Nobody answered: there is no report to reveal.
  await expect(page.getByRole('button', { name: 'Reveal the results' })).toHaveCount(0);
  await expect(page.getByText('Nobody has answered yet, so there is no report to reveal.')).toBeVisible();
});

test('the presenter view follows the facilitator live, without controls or answers', async ({ page, context }) => {
  test.setTimeout(120_000);
  await createWorkshop(page, 'Projected session');
  const address = await page.getByRole('link', { name: 'Open the presenter view' }).getAttribute('href');
  // The page's own address: the presenter view opens the same page, with the same data.
  expect(address).toMatch(/\/intranet\/tools\/tandem\/#presenter\/r-/);
  const presenter = await context.newPage();
  await presenter.goto(address);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Welcome and ground rules' })).toBeVisible();
  await expect(presenter.getByRole('button')).toHaveCount(0);
  await expectAccessible(presenter, 'presenter');
  // The projector window sits beside the facilitator's; the facilitator's stays in front, as a
  // background tab gets no animation frames.
  await page.bringToFront();

  await page.getByRole('button', { name: 'Next: Individual assessment' }).click();
  await expect(presenter.getByRole('heading', { level: 1, name: 'Individual assessment' })).toBeVisible();
  // The countdown started with the phase.
  await expect(presenter.getByRole('timer')).not.toHaveText('15:00');

  for (const [p, role] of ['Marketing', 'IT', 'Marketing', 'IT', 'Marketing', 'IT'].entries()) {
    await takeTurn(page, role, p);
  }
  await expect(presenter.getByText('Answered so far: 3 Marketing · 3 IT · 0 other')).toBeVisible();
  await page.getByRole('button', { name: 'Next: Reveal' }).click();
  await expect(presenter.getByText('The results will appear here')).toBeVisible();
  await page.getByRole('button', { name: 'Reveal the results' }).click();
  await expect(presenter.getByText('Alignment index')).toBeVisible();
  // The rest follows slide by slide, as the facilitator steps the room on.
  await expect(presenter.getByRole('heading', { name: 'Every dimension' })).toHaveCount(0);
  const room = page.getByRole('group', { name: 'On the projector' });
  while (await room.getByRole('button', { name: /^Show next: (?!nothing more)/ }).count() > 0) {
    await room.getByRole('button', { name: /^Show next/ }).click();
  }
  await expect(presenter.getByRole('heading', { name: 'Every dimension' })).toBeVisible();
  await expect(presenter.getByRole('button')).toHaveCount(0);
  await expect(presenter.getByRole('radio')).toHaveCount(0);
  await expectAccessible(presenter, 'presenter after the reveal');
});

test('details can be edited, and the end of the timer is announced', async ({ page }) => {
  await createWorkshop(page, 'Draft name');
  await page.getByText('Workshop details').click();
  await page.getByLabel('Name', { exact: true }).fill(' ');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(alerts(page)).toHaveText('A workshop needs a name.');
  await page.getByLabel('Name', { exact: true }).fill('Final name');
  await page.getByLabel('Privacy threshold').fill('0');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(alerts(page)).toHaveText('The privacy threshold must be between 1 and 10; 0 is not.');
  await page.getByLabel('Privacy threshold').fill('4');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Final name' })).toBeVisible();
  await expect(alerts(page)).toHaveCount(0);

  // A running timer that is about to end: the end is shown and announced.
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('tandem.workshops'));
    stored.workshops.list[0].timer = { state: 'running', ends_at_ms: Date.now() + 1500 };
    localStorage.setItem('tandem.workshops', JSON.stringify(stored));
  });
  await page.reload();
  const status = page.locator('.countdown-status');
  await expect(status).toHaveAttribute('aria-live', 'assertive');
  await expect(status).toHaveText('Time is up for Welcome and ground rules.');
  // Past zero it counts the overrun, not a frozen 0:00.
  await expect(page.getByRole('timer')).toHaveText(/^\+0:0\d$/);
});

test('a bad workshop file is refused precisely, and a known one asks to merge or keep both', async ({ page }) => {
  await createWorkshop(page, 'Imported twice');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workshop (JSON)' }).click(),
  ]);
  const path = await download.path();
  const document = JSON.parse(readFileSync(path, 'utf8'));
  await page.getByRole('button', { name: 'All workshops' }).click();

  const bad = structuredClone(document);
  bad.respondents = [{ id: 'x', role: 'it', answers: { [bank.dimensions[0].items[0].id]: 6 }, estimates: {} }];
  await page.getByLabel('Workshop file (JSON)').setInputFiles({
    name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(alerts(page)).toContainText(
    `respondents[0].answers["${bank.dimensions[0].items[0].id}"]: 6 is not between 1 and 5`,
  );
  await expect(alerts(page)).toContainText('nothing was changed');
  await expect(page.locator('.workshop-card')).toHaveCount(1);

  await page.getByLabel('Workshop file (JSON)').setInputFiles(path);
  await expect(page.getByText('“Imported twice” is already saved here.')).toBeVisible();
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.locator('.workshop-card')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Imported twice (imported)' })).toBeVisible();

  await page.getByLabel('Workshop file (JSON)').setInputFiles(path);
  await page.getByRole('button', { name: 'Merge into the saved workshop' }).click();
  await expect(page.locator('.workshop-card')).toHaveCount(2);
  await expectAccessible(page, 'workshop list with two workshops');
});
