// One wasm per journey (issue 19): each address downloads its own entry and no other, a person
// moving between journeys keeps everything, and two tabs of different entries share one store.
import { test, expect, expectAccessible } from './fixtures.js';

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
  // The bare address of someone who left off on the workshops opens them again.
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  loaded.length = 0;
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Workshops', level: 1 })).toBeVisible();
  expect(loaded).toEqual(['self-assessment', 'facilitator']);
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
