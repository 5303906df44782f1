// One wasm per journey (issue 19): each address downloads its own entry and no other, a person
// moving between journeys keeps everything, and two tabs of different entries share one store.
import { test, expect, expectAccessible, createWorkshop, storageThatFills } from './fixtures.js';

const ENTRIES = ['participant', 'self-assessment', 'facilitator'];

/** Records which entries' wasm `page` downloads. */
function wasmLoads(page) {
  const loaded = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    const entry = ENTRIES.find((e) => name === `${e}_bg.wasm`);
    if (entry) loaded.push(entry);
  });
  return loaded;
}

test('each address downloads the entry that shows it, and only that one', async ({ page }) => {
  const loaded = wasmLoads(page);
  const cases = [
    ['', 'self-assessment', 'heading', /How well do Marketing and IT work together/],
    ['#join/marketing-it-alignment/0001/Q3%20launch', 'participant', 'heading', /Which function/],
    ['#again/marketing-it-alignment/0001/2.5/Q3%20launch', 'participant', 'heading', /Answer again after discussion/],
    ['#again/marketing-it-alignment/0001/99/Q3', 'participant', 'heading', /This join link does not work/],
    ['#workshops', 'facilitator', 'heading', /Workshops/],
    ['#proposal', 'facilitator', 'heading', /norms/i],
    ['#presenter/nope', 'facilitator', 'heading', /.+/],
    ['#report/', 'facilitator', 'heading', /.+/],
  ];
  for (const [hash, entry, role, name] of cases) {
    // From another document, so each address is a new page load.
    await page.goto('about:blank');
    loaded.length = 0;
    await page.goto(`./${hash}`);
    await expect(page.getByRole(role, { name }).first()).toBeVisible();
    expect(loaded, `${hash || 'no hash'} loads ${entry} only`).toEqual([entry]);
  }
});

test('a person moves from the self-assessment to workshops and back, and nothing is lost', async ({ page }) => {
  const loaded = wasmLoads(page);
  await page.goto('./');
  await page.getByRole('button', { name: 'Marketing' }).first().click();
  await page.getByRole('radio', { name: /Agree/ }).first().check();
  expect(loaded).toEqual(['self-assessment']);
  // Home, then the workshops: the facilitator's entry opens at #workshops.
  await page.getByRole('button', { name: /Tandem/ }).first().click();
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#workshops$/);
  expect(loaded).toEqual(['self-assessment', 'facilitator']);
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeFocused();
  await expectAccessible(page, 'workshops, opened from the self-assessment');
  // A reload stays on the workshops, in the facilitator's entry.
  loaded.length = 0;
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
  expect(loaded).toEqual(['facilitator']);
  // Home again: the self-assessment, answer kept, and the address without a hash.
  await page.getByRole('button', { name: /Tandem/ }).first().click();
  await expect(page.getByText(/1 of \d+ answered|answered 1/)).toBeVisible();
  await expect(page).not.toHaveURL(/#/);
  // The bare address is the self-assessment's, wherever the last visit left off: the
  // workshops are at their own address.
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
  loaded.length = 0;
  await page.goto('./');
  await expect(page.getByText(/1 of \d+ answered|answered 1/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(loaded).toEqual(['self-assessment']);
  await expect(page).not.toHaveURL(/#/);
});

test('Back, Forward and a typed address move between the views without a new page', async ({ page }) => {
  await page.goto('./#workshops');
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
  const loaded = wasmLoads(page);
  const heading = (name) => page.getByRole('heading', { name, level: 1 });
  await page.evaluate(() => { window.location.hash = '#proposal'; });
  await expect(heading('Norms to propose')).toBeVisible();
  await page.evaluate(() => { window.location.hash = '#data'; });
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeFocused();
  await expect(heading('Norms to propose')).toBeVisible();
  await page.evaluate(() => { window.location.hash = ''; });
  await expect(heading(/How well do Marketing and IT work together/)).toBeVisible();
  // `#data` names no view: the one shown stays, with its "Your data" in focus.
  await page.goBack();
  await expect(page).toHaveURL(/#data$/);
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeFocused();
  await expect(heading(/How well do Marketing and IT work together/)).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#proposal$/);
  await expect(heading('Norms to propose')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#workshops$/);
  await expect(heading('Workshops')).toBeVisible();
  await page.goForward();
  await expect(heading('Norms to propose')).toBeVisible();
  expect(loaded, 'the facilitator\'s page follows its own address').toEqual([]);
});

test('a participant holding the device is brought back to their turn from the bare address', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Marketing' }).first().click();
  await page.getByRole('radio', { name: /Agree/ }).first().check();
  await createWorkshop(page, 'Held');
  await page.getByRole('button', { name: "I'm next" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
  // The participant edits the address to reach the device owner's self-assessment; so does a
  // typed #proposal.
  for (const address of ['./', './#proposal']) {
    await page.goto('about:blank');
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
    await expect(page).toHaveURL(/#workshops$/);
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  }
  await page.evaluate(() => { window.location.hash = '#proposal'; });
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
});

test('while storage refuses to save, leaving for another journey opens a new tab and keeps the answers', async ({ page, context }) => {
  await storageThatFills(page);
  await page.goto('./');
  await page.getByRole('button', { name: 'IT' }).first().click();
  await page.evaluate(() => { window.full = true; });
  await page.getByRole('radio', { name: /Agree/ }).first().check();
  await page.getByRole('radio', { name: /Agree/ }).nth(1).check();
  await expect(page.getByText(/storage is full/)).toBeVisible();
  const answered = page.getByRole('radio', { name: /Agree/, checked: true });
  await expect(answered).toHaveCount(2);
  // The backups link and "Run a workshop" each open in a new tab; this one stays as it was.
  for (const open of [
    () => page.getByRole('link', { name: /Export everything or restore/ }).click(),
    async () => {
      await page.getByRole('button', { name: /Tandem/ }).first().click();
      await page.getByRole('button', { name: 'Run a workshop' }).click();
    },
  ]) {
    const [tab] = await Promise.all([context.waitForEvent('page'), open()]);
    await tab.close();
  }
  await expect(page.getByText(/2 of \d+ answered|answered 2/)).toBeVisible();
  await expect(page).not.toHaveURL(/#/);
  // Leaving the page itself asks first.
  let asked = '';
  page.once('dialog', (dialog) => { asked = dialog.type(); dialog.dismiss(); });
  await page.evaluate(() => window.location.reload()).catch(() => {});
  await expect.poll(() => asked).toBe('beforeunload');
  await expect(page.getByText(/2 of \d+ answered|answered 2/)).toBeVisible();
});

test('"Your data" of the self-assessment leads to the backups, and a facilitator tab sees its answers', async ({ page, context }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'IT' }).first().click();
  await page.getByRole('radio', { name: /Agree/ }).first().check();
  // A second tab, another entry: the facilitator's workshops.
  const other = await context.newPage();
  await other.goto('./#workshops');
  await expect(other.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
  // A second answer in the first tab reaches the second through storage.
  await page.getByRole('radio', { name: /Agree/ }).nth(1).check();
  await other.getByRole('button', { name: /Tandem/ }).first().click();
  await expect(other.getByText(/2 of \d+/)).toBeVisible();
  // Backups live in the facilitator's entry: the link opens it with "Your data" in focus.
  await page.getByRole('link', { name: /Export everything or restore/ }).click();
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeFocused();
  await expectAccessible(page, 'your data, opened from the self-assessment');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export everything/ }).click();
  const backup = JSON.parse(await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString()));
  expect(Object.values(backup.self_assessment.respondent.answers).filter((v) => v !== null)).toHaveLength(2);
  // Deleting everything in one entry empties the other.
  await page.getByRole('button', { name: 'Delete my data' }).click();
  await page.getByRole('button', { name: /Yes, delete/ }).click();
  await expect(other.getByRole('heading', { name: /Which function/ })).toBeVisible();
  await other.close();
});
