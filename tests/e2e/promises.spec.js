// The promises under attack: two facilitator tabs, stored values past the bank, storage that is
// full or throws, a backup made while saving failed, a corrected response code, and a hostile
// host page. Each test is the report that broke a promise, replayed against the built dist/.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible, createWorkshop, storageThatFills } from './fixtures.js';
import { bank } from './documents.js';

const items = bank.dimensions.flatMap((d) => d.items);
/** The strict policy of an intranet page, as `serve.mjs` sends it. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const last = bank.dimensions[bank.dimensions.length - 1];

/** A participant on their own device, in a browser of their own: their response code. */
async function codeFrom(browser, joinLink, role = 'Another function') {
  const phone = await browser.newContext();
  const participant = await phone.newPage();
  await participant.goto(joinLink);
  await participant.getByRole('button', { name: role, exact: true }).click();
  await participant.getByRole('button', { name: `${last.title} (0 of ${last.items.length})` }).click();
  await participant.getByRole('button', { name: 'Finish and get my code' }).click();
  const code = (await participant.getByLabel('Response code', { exact: true }).textContent()).trim();
  return { phone, participant, code };
}

/** Steps through the rest of a turn without answering more, and hands the device back. */
async function finishTurn(page) {
  const steps = bank.dimensions.length;
  for (let d = 0; d < steps - 1; d += 1) {
    await page.getByRole('button', { name: /^Next:/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: bank.dimensions[d + 1].title })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Finish and hand back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you!' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to the facilitator' }).click();
}

function respondentsSaved(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('tandem.workshops'))
    .workshops.list[0].respondents.map((r) => [r.role, Object.keys(r.answers).length]));
}

test('a turn belongs to the tab that opened it: another tab neither shows nor overwrites it', async ({ page, context, browser }) => {
  test.setTimeout(90_000);
  await createWorkshop(page, 'Two tabs');
  const joinLink = await page.locator('.join-link a').getAttribute('href');
  const { phone, code } = await codeFrom(browser, joinLink);
  await phone.close();

  // Tab A: a participant begins and answers two statements.
  await page.getByRole('button', { name: "I'm next" }).click();
  await page.getByRole('button', { name: 'Marketing', exact: true }).click();
  for (const item of bank.dimensions[0].items.slice(0, 2)) {
    await page.getByRole('group', { name: item.text }).getByRole('radio', { name: '5 Strongly agree' }).check();
  }

  // Tab B: the turn is open elsewhere; B shows neither it nor its answers, and keeps its paste box.
  const other = await context.newPage();
  await other.goto('./#workshops');
  await expect(other.getByText(/turn is open in another tab or window/)).toBeVisible();
  await expect(other.getByRole('heading', { level: 1, name: 'Your turn' })).toHaveCount(0);
  await expect(other.getByLabel('Paste response codes (one or many)')).toBeVisible();
  await expect(other.getByRole('button', { name: "I'm next" })).toHaveCount(0);
  await expectAccessible(other, 'turn open elsewhere');

  // A: the participant finishes and hands back; A pastes a response code.
  await finishTurn(page);
  await page.getByLabel('Paste response codes (one or many)').fill(code);
  await page.getByRole('button', { name: 'Add codes' }).click();
  await expect(page.locator('.outcomes li')).toContainText('added (Another function)');
  await expect(other.getByText('Answered so far: 1 Marketing · 0 IT · 1 other.')).toBeVisible();
  // The finished turn does not come back to A from B's copy.
  await page.waitForTimeout(800);
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn' })).toHaveCount(0);

  // The next participant starts clean, and is counted as a third respondent.
  await page.getByRole('button', { name: "I'm next" }).click();
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  for (const item of bank.dimensions[0].items.slice(0, 2)) {
    await expect(page.getByRole('group', { name: item.text }).getByRole('radio', { checked: true })).toHaveCount(0);
  }
  await finishTurn(page);
  await expect(page.getByText('Answered so far: 1 Marketing · 1 IT · 1 other.')).toBeVisible();
  await expect(other.getByText('Answered so far: 1 Marketing · 1 IT · 1 other.')).toBeVisible();
  await expect.poll(() => respondentsSaved(page)).toEqual([['marketing', 2], ['other', 0], ['it', 0]]);

  // Taking a turn over happens only when asked, and the first tab then shows it as elsewhere.
  await page.getByRole('button', { name: "I'm next" }).click();
  await expect(other.getByText(/turn is open in another tab or window/)).toBeVisible();
  await other.getByRole('button', { name: 'Take over the turn here' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
  await expect(page.getByText(/turn is open in another tab or window/)).toBeVisible();
});

test('two tabs pressing "I\'m next" at the same moment each keep their own turn, through a reload', async ({ page, context }) => {
  test.setTimeout(90_000);
  // "The same moment": each tab hears of the other's saves only 1.5 s late, so both presses land
  // before either tab knows of the other's turn.
  await context.addInitScript(() => {
    const add = window.addEventListener.bind(window);
    window.addEventListener = (type, listener, options) => add(type, type === 'storage'
      ? (event) => setTimeout(() => listener(event), 1500)
      : listener, options);
  });
  await createWorkshop(page, 'At once');
  const other = await context.newPage();
  await other.goto('./#workshops');
  await expect(other.getByRole('button', { name: "I'm next" })).toBeVisible();
  await Promise.all([
    page.getByRole('button', { name: "I'm next" }).click(),
    other.getByRole('button', { name: "I'm next" }).click(),
  ]);
  const first = bank.dimensions[0].items;
  const chosen = async (tab, role, items, label) => {
    // The tab may already show the other's turn as open elsewhere; its own is kept either way.
    await expect(tab.getByRole('heading', { level: 1, name: 'Your turn' })).toBeVisible();
    await tab.getByRole('button', { name: role, exact: true }).click();
    for (const item of items) {
      await tab.getByRole('group', { name: item.text }).getByRole('radio', { name: label }).check();
    }
  };
  await chosen(page, 'IT', first.slice(0, 3), '2 Disagree');
  await chosen(other, 'Marketing', first.slice(3, 4), '5 Strongly agree');
  // Once each tab has heard of the other's saves, storage holds both turns.
  const answersPerTurn = () => page.evaluate(() => JSON.parse(localStorage.getItem('tandem.turns')).turns
    .map((t) => Object.keys(t.turn.answering?.respondent?.answers ?? {}).length).sort());
  await expect.poll(answersPerTurn, { timeout: 15_000 }).toEqual([1, 3]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: bank.dimensions[0].title })).toBeVisible();
  for (const item of first.slice(0, 3)) {
    await expect(page.getByRole('group', { name: item.text }).getByRole('radio', { name: '2 Disagree' })).toBeChecked();
  }
  await expect(page.getByRole('group', { name: first[3].text }).getByRole('radio', { checked: true })).toHaveCount(0);
  await finishTurn(page);
  await finishTurn(other);
  await expect(page.getByText('Answered so far: 1 Marketing · 1 IT · 0 other.')).toBeVisible();
  await expect(other.getByText('Answered so far: 1 Marketing · 1 IT · 0 other.')).toBeVisible();
});

test('a stored turn or participation at a step past the bank opens at its last step', async ({ page, context }) => {
  await createWorkshop(page, 'Step 99');
  const joinLink = await page.locator('.join-link a').getAttribute('href');
  await page.getByRole('button', { name: "I'm next" }).click();
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('tandem.turns'))).toContain('answering');
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('tandem.turns'));
    stored.turns[0].turn.answering.screen = { step: 99 };
    localStorage.setItem('tandem.turns', JSON.stringify(stored));
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: last.title })).toBeVisible();
  await expect(page.getByText(`Step ${bank.dimensions.length} of ${bank.dimensions.length}`)).toBeVisible();

  // A participant's own device, the same way.
  const participant = await context.newPage();
  await participant.goto(joinLink);
  await participant.getByRole('button', { name: 'Marketing', exact: true }).click();
  await expect.poll(() => participant.evaluate(() => localStorage.getItem('tandem.participations'))).toContain('journey');
  await participant.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('tandem.participations'));
    stored.participations[0].journey.screen = { step: 99 };
    localStorage.setItem('tandem.participations', JSON.stringify(stored));
  });
  await participant.reload();
  await expect(participant.getByRole('heading', { level: 1, name: last.title })).toBeVisible();
});

/** Fills this origin's storage with another app's data, leaving no room. */
async function fillStorage(page) {
  await page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 16) {
      try {
        localStorage.setItem(`other-app.${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

test('an unreadable value that cannot be kept aside stays where it is until it is downloaded', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const corrupt = '{"schema":1,"workshops":{"list":[{"id":"w1","name":"Q3"';
  await page.evaluate((raw) => localStorage.setItem('tandem.workshops', raw), corrupt);
  await fillStorage(page);
  // The self-assessment's page never reads the workshops: it leaves them as they are.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/no room in this browser's storage to keep a copy aside/)).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('tandem.workshops'))).toBe(corrupt);
  // The workshops' page reads them, and holds the value where it is.
  await page.goto('about:blank');
  await page.goto('./#workshops');
  await expect(page.getByText(/no room in this browser's storage to keep a copy aside/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
  await expectAccessible(page, 'value held in place');

  // Working on does not remove or overwrite it, not even after a reload.
  await page.getByLabel('Name').fill('In memory');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'In memory' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('tandem.workshops'))).toBe(corrupt);
  await page.reload();
  expect(await page.evaluate(() => localStorage.getItem('tandem.workshops'))).toBe(corrupt);

  // Downloaded, it is the person's: from then on the part is saved over it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable copy' }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(corrupt);
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('other-app.'))
    .forEach((k) => localStorage.removeItem(k)));
  // The reload came back to the workshops (#workshops), where the form is.
  await page.getByLabel('Name').fill('Saved now');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('tandem.workshops'))).toContain('Saved now');
});

test('a corrupt value larger than half the quota is held, not lost', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The largest single value this browser keeps, then a corrupt one of 60 % of it.
  const length = await page.evaluate(() => {
    let low = 0;
    let high = 16 << 20;
    while (high - low > 1024) {
      const mid = Math.floor((low + high) / 2);
      try {
        localStorage.setItem('probe', 'x'.repeat(mid));
        low = mid;
      } catch {
        high = mid;
      }
    }
    localStorage.removeItem('probe');
    const raw = `{${'x'.repeat(Math.floor(low * 0.6))}`;
    localStorage.setItem('tandem.history', raw);
    return raw.length;
  });
  await page.reload();
  await expect(page.getByText(/no room in this browser's storage to keep a copy aside/)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('tandem.history')?.length)).toBe(length);
  expect(await page.evaluate(() => localStorage.getItem('tandem.quarantine.history'))).toBeNull();
});

test('several unreadable values each have their own download', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const values = {
    'tandem.self-assessment': '{"schema":1,"journey":',
    'tandem.proposal': '{"schema":1,"proposal":[',
    'tandem.history': '{"schema":99,"history":{}}',
    'tandem.workshops': 'not json at all',
  };
  await page.evaluate((all) => Object.entries(all).forEach(([k, v]) => localStorage.setItem(k, v)), values);
  // The self-assessment's page reads its own three and keeps them aside; the workshops wait,
  // untouched, for the page that reads them.
  await page.reload();
  const own = page.getByRole('button', { name: /^Download the (unreadable|saved) copy: [a-z-]+ \(\d of 3\)$/ });
  await expect(own).toHaveCount(3);
  expect(await page.evaluate(() => localStorage.getItem('tandem.workshops'))).toBe('not json at all');
  const downloaded = [];
  for (let n = 0; n < 3; n += 1) {
    const [download] = await Promise.all([page.waitForEvent('download'), own.nth(n).click()]);
    downloaded.push(readFileSync(await download.path(), 'utf8'));
  }
  // The workshops' page reads the fourth, and offers it in turn.
  await page.goto('about:blank');
  await page.goto('./#workshops');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable copy' }).click(),
  ]);
  downloaded.push(readFileSync(await download.path(), 'utf8'));
  expect(downloaded.sort()).toEqual(Object.values(values).sort());
});

test('"Export everything now" brings back what a full storage lost, merged by statement', async ({ page, context }) => {
  await storageThatFills(page);
  await page.goto('./');
  await page.getByRole('button', { name: 'Marketing' }).click();
  const answer = async (item, label) => page.getByRole('group', { name: item.text }).getByRole('radio', { name: label }).check();
  const first = bank.dimensions[0].items;
  const second = bank.dimensions[1].items;
  for (const item of first) await answer(item, '4 Agree');
  await page.getByRole('button', { name: /^Next:/ }).click();
  await answer(second[0], '4 Agree');
  await answer(second[1], '4 Agree');
  await expect.poll(() => page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('tandem.self-assessment')).journey.respondent.answers).length)).toBe(6);
  await page.evaluate(() => { window.full = true; });
  await answer(second[2], '2 Disagree');
  await answer(second[3], '2 Disagree');
  await page.getByRole('button', { name: /^Next:/ }).click();
  for (const item of bank.dimensions[2].items.slice(0, 2)) await answer(item, '2 Disagree');
  await expect(page.getByText(/storage is full/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export everything now' }).click(),
  ]);
  const backup = await download.path();
  expect(Object.keys(JSON.parse(readFileSync(backup, 'utf8')).self_assessment.respondent.answers)).toHaveLength(10);

  // A fresh tab holds the six that were saved; restoring brings back the other four.
  // Restoring is on the whole app's page ("Your data").
  const fresh = await context.newPage();
  await fresh.goto('./#data');
  await expect(fresh.getByText('6 of 33 statements answered')).toBeVisible();
  await fresh.getByLabel('Restore a backup (merged into what is here)').setInputFiles(backup);
  await expect(fresh.getByText(/4 answers of the backup's self-assessment came back into the one in progress/)).toBeVisible();
  await expect(fresh.getByText('10 of 33 statements answered')).toBeVisible();
});

test('a corrected code replaces the same participant\'s earlier one, and says how many answers changed', async ({ page, browser, baseURL }) => {
  await createWorkshop(page, 'Corrections');
  const joinLink = await page.locator('.join-link a').getAttribute('href');
  const { phone, participant, code } = await codeFrom(browser, joinLink, 'IT');
  await participant.getByRole('button', { name: 'Change my answers' }).click();
  await participant.getByRole('button', { name: `${last.title} (0 of ${last.items.length})` }).click();
  await participant.getByRole('group', { name: last.items[0].text }).getByRole('radio', { name: '1 Strongly disagree' }).check();
  await participant.getByRole('button', { name: 'Finish and get my code' }).click();
  const corrected = (await participant.getByLabel('Response code', { exact: true }).textContent()).trim();
  const link = await participant.getByRole('link', { name: 'Response link for the facilitator' }).getAttribute('href');
  await phone.close();
  expect(corrected).not.toBe(code);

  await page.getByLabel('Paste response codes (one or many)').fill(`${code}\n${corrected}`);
  await page.getByRole('button', { name: 'Add codes' }).click();
  const outcomes = page.locator('.outcomes li');
  await expect(outcomes.nth(0)).toContainText('added (IT)');
  await expect(outcomes.nth(1)).toContainText('It replaces the one added before: 1 answer changed.');
  await expect(page.getByText('Answered so far: 0 Marketing · 1 IT · 0 other.')).toBeVisible();
  // The earlier code pasted again brings the earlier answers back, said as truthfully.
  await page.getByLabel('Paste response codes (one or many)').fill(code);
  await page.getByRole('button', { name: 'Add codes' }).click();
  await expect(outcomes.nth(0)).toContainText('It replaces the one added before: 1 answer changed.');
  // The corrected response link, then, replaces again.
  await page.goto(link.replace(/^.*#/, `${baseURL}#`));
  await expect(page.getByText(/Another response from the same participant \(IT\), with other answers, replaced the one added before in “Corrections”: 1 answer changed/)).toBeVisible();
  await expect.poll(() => respondentsSaved(page)).toEqual([['it', 1]]);
});

test('a hostile host page cannot hide, mirror or steal focus from the widget', async ({ page }) => {
  const first = items[0];
  await page.route('**/demo/hostile.css', (route) => route.fulfill({
    contentType: 'text/css',
    headers: { 'Content-Security-Policy': CSP },
    body: 'div { display: none !important; } html { direction: rtl; }',
  }));
  await page.route('**/demo/hostile.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'Content-Security-Policy': CSP },
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>Hostile</title>
      <link rel="stylesheet" href="hostile.css"><script type="module" src="../boot.js"></script></head>
      <body><main><h1>Host</h1><button id="item-${first.id}-1">The host's own button</button>
      <div id="widget" data-tandem data-mode="self" data-namespace="hostile"></div></main></body></html>`,
  }));
  await page.goto('demo/hostile.html');
  const widget = page.locator('#widget');
  await expect(widget.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await widget.evaluate((host) => getComputedStyle(host.shadowRoot.querySelector('.tandem-root')).direction)).toBe('ltr');

  await widget.getByRole('button', { name: 'Marketing' }).click();
  await widget.getByRole('button', { name: /Go to the first unanswered statement/ }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('widget');
  expect(await widget.evaluate((host) => host.shadowRoot.activeElement?.id)).toBe(`item-${first.id}-1`);
});

test('a bank address that redirects to another site is refused, with no request to it', async ({ page }) => {
  await page.route('**/demo/moved-bank.json', (route) => route.fulfill({
    status: 302, headers: { Location: 'http://127.0.0.2:9/foreign-bank.json' }, body: '',
  }));
  await page.route('**/demo/redirecting.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No CSP</title>
      <script type="module" src="../boot.js"></script></head>
      <body><main><div id="widget" data-tandem data-bank="moved-bank.json"></div></main></body></html>`,
  }));
  await page.goto('demo/redirecting.html');
  await expect(page.locator('#widget').getByText(/moved-bank\.json.*redirects to another address/)).toBeVisible();
});
