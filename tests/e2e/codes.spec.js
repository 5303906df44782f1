// Participants on their own devices: a join link, a response code, and the facilitator's import,
// across two separate browsers (contexts) with nothing in common but the code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, expectAccessible } from './fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bank = JSON.parse(readFileSync(join(root, 'crates/core/banks/default.json'), 'utf8'));

test('a participant answers on their own device and the facilitator imports the code', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  // The facilitator's browser.
  await page.goto('./');
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  await page.getByLabel('Name').fill('Remote session');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('button', { name: 'Next: Individual assessment' }).click();
  const joinLink = await page.locator('.join-link a').getAttribute('href');
  expect(joinLink).toMatch(/#join\/marketing-it-alignment\/[0-9A-Z]{4}\/Remote%20session$/);
  await expect(page.getByRole('img', { name: 'QR code of the join link' })).toBeVisible();
  await expectAccessible(page, 'assessment with join link');

  // The participant's own browser: nothing shared with the facilitator's.
  const phone = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const participant = await phone.newPage();
  await participant.goto(joinLink);
  await expect(participant.getByRole('heading', { level: 1, name: 'Your answers for the workshop' })).toBeVisible();
  await participant.getByRole('button', { name: 'IT', exact: true }).click();
  for (const [d, dimension] of bank.dimensions.entries()) {
    for (const [i, item] of dimension.items.entries()) {
      await participant.getByRole('group', { name: item.text }).getByRole('radio').nth((d + i) % 5).check();
    }
    const last = d === bank.dimensions.length - 1;
    await participant.getByRole('button', { name: last ? 'Finish and get my code' : /^Next:/ }).click();
  }
  await expect(participant.getByRole('heading', { level: 1, name: 'Your response code' })).toBeVisible();
  const code = (await participant.getByLabel('Response code', { exact: true }).textContent()).trim();
  expect(code.replaceAll('-', '').length).toBeLessThanOrEqual(48);
  await expect(participant.getByRole('img', { name: 'QR code of your response link' })).toBeVisible();
  await expectAccessible(participant, 'response code');
  const responseLink = await participant.getByRole('link', { name: 'Response link for the facilitator' }).getAttribute('href');
  await phone.close();

  // Back at the facilitator: a mistyped code is refused, the real one added once.
  const mistyped = code.slice(0, 5) + (code[5] === 'A' ? 'B' : 'A') + code.slice(6);
  await page.getByLabel('Paste response codes (one or many)').fill(`${mistyped}\n${code}\n${code}`);
  await page.getByRole('button', { name: 'Add codes' }).click();
  const outcomes = page.locator('.outcomes li');
  await expect(outcomes).toHaveCount(3);
  await expect(outcomes.nth(0)).toContainText('refused. The code does not check out');
  await expect(outcomes.nth(1)).toContainText('added (IT)');
  await expect(outcomes.nth(2)).toContainText('already added with these same answers; nothing changed');
  await expect(page.getByText('Answered so far: 0 Marketing · 1 IT · 0 other.')).toBeVisible();

  // Opening the response link on the facilitator's device changes nothing more.
  await page.goto(responseLink.replace(/^.*#/, `${baseURL}#`));
  await expect(page.getByText(/was already in “Remote session” with these same answers; nothing changed/)).toBeVisible();
  await expect(page.getByText('Answered so far: 0 Marketing · 1 IT · 0 other.')).toBeVisible();

  // The same link opened in a new tab of the facilitator's browser (a fresh load).
  const tab = await page.context().newPage();
  await tab.goto(responseLink.replace(/^.*#/, `${baseURL}#`));
  await expect(tab.getByText(/was already in “Remote session” with these same answers; nothing changed/)).toBeVisible();
  await tab.close();

  await page.getByRole('button', { name: 'Next: Reveal' }).click();
  await page.getByRole('button', { name: 'Reveal the results' }).click();
  // The reveal is computed from that one participant: every dimension has a score.
  await expect(page.locator('.index .number').first()).toHaveText(/^\d+\.\d$/);
  await expect(page.getByText('Not assessed')).toHaveCount(0);
});

test('a code for another workshop is refused with both workshop codes named', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  for (const name of ['First', 'Second']) {
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('button', { name: 'All workshops' }).click();
  }
  // A participant of "First" on this same browser would get a code for First's workshop code.
  await page.getByRole('button', { name: 'Open First' }).click();
  await page.getByRole('button', { name: 'Next: Individual assessment' }).click();
  const firstLink = await page.locator('.join-link a').getAttribute('href');
  const workshopCode = (link) => link.match(/#join\/[^/]+\/([0-9A-Z]{4})/)[1];
  const firstCode = workshopCode(firstLink);
  await page.getByRole('button', { name: 'All workshops' }).click();
  await page.getByRole('button', { name: 'Open Second' }).click();
  await page.getByRole('button', { name: 'Next: Individual assessment' }).click();
  const secondCode = workshopCode(await page.locator('.join-link a').getAttribute('href'));
  // A well-formed code for First, built by answering through First's join link.
  const participant = await page.context().newPage();
  await participant.goto(firstLink);
  await participant.getByRole('button', { name: 'Another function' }).click();
  await participant.getByRole('button', { name: 'Candor and shared credit (0 of 4)' }).click();
  await participant.getByRole('button', { name: 'Finish and get my code' }).click();
  const code = (await participant.getByLabel('Response code', { exact: true }).textContent()).trim();
  await participant.close();
  await page.getByLabel('Paste response codes (one or many)').fill(code);
  await page.getByRole('button', { name: 'Add codes' }).click();
  await expect(page.locator('.outcomes li')).toContainText(
    `refused. This code belongs to workshop ${firstCode}, not to this one (${secondCode}).`,
  );
});

test('joining a second workshop in the same tab keeps the first workshop\'s code', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Run a workshop' }).click();
  const links = [];
  for (const name of ['Morning', 'Afternoon']) {
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('button', { name: 'Next: Individual assessment' }).click();
    links.push(await page.locator('.join-link a').getAttribute('href'));
    await page.getByRole('button', { name: 'All workshops' }).click();
  }
  const participant = await page.context().newPage();
  await participant.goto(links[0]);
  await participant.getByRole('button', { name: 'Another function' }).click();
  await participant.getByRole('button', { name: 'Candor and shared credit (0 of 4)' }).click();
  await participant.getByRole('button', { name: 'Finish and get my code' }).click();
  const morning = (await participant.getByLabel('Response code', { exact: true }).textContent()).trim();

  // The second link followed in the same tab: only the hash changes, and the page follows it.
  await participant.evaluate((link) => { window.location.href = link; }, links[1]);
  // The participant sees which workshop by its name.
  await expect(participant.getByText('Afternoon').first()).toBeVisible();
  await expect(participant.getByRole('heading', { level: 1, name: 'Your answers for the workshop' })).toBeVisible();
  await participant.getByRole('button', { name: 'IT', exact: true }).click();

  await participant.evaluate((link) => { window.location.href = link; }, links[0]);
  await expect(participant.getByLabel('Response code', { exact: true })).toHaveText(morning);
});
