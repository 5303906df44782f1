// A workshop made for a room: the presenter view stepped from the facilitator's keyboard at
// 1920×1080, the agenda and its timer's overrun, Copy for links and codes, a refused code kept
// and marked, files named after the workshop, where focus lands, window titles, and no
// horizontal scroll at 320 CSS px (400 % zoom).
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible } from './fixtures.js';
import { answeredWorkshop, bank } from './documents.js';

const last = bank.dimensions[bank.dimensions.length - 1];

/** Presses a control with the keyboard: focus, then Enter. */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.press(key);
}

/** The answered workshop "Q3 launch", imported and open in the facilitator's view. */
async function openQ3(page, query = '') {
  const { file, report } = answeredWorkshop({ id: 'q3', name: 'Q3 launch' });
  await page.goto(`./${query}`);
  await press(page.getByRole('button', { name: /^(Run a workshop|Einen Workshop leiten)$/ }));
  await page.getByLabel(/^(Workshop file \(JSON\)|Workshop-Datei \(JSON\))$/).setInputFiles(file);
  await press(page.getByRole('button', { name: /^(Open Q3 launch|Q3 launch öffnen)$/ }));
  await expect(page.getByRole('heading', { level: 1, name: 'Q3 launch' })).toBeVisible();
  return report;
}

/** Whether the page scrolls: [vertical, horizontal]. */
function scrolls(page) {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    return [root.scrollHeight > innerHeight + 1, root.scrollWidth > innerWidth + 1];
  });
}

async function nextPhase(page) {
  await press(page.getByRole('button', { name: /^Next:/ }));
}

test('the presenter shows one screen per slide at 1920×1080, stepped from the facilitator\'s keyboard', async ({ page, context }) => {
  test.setTimeout(90_000);
  const report = await openQ3(page);
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(await page.getByRole('link', { name: 'Open the presenter view' }).getAttribute('href'));
  const fits = async (slide) => {
    expect(await scrolls(presenter), `${slide} fits the projector`).toEqual([false, false]);
    await expectAccessible(presenter, `presenter ${slide}`);
  };
  await expect(presenter.getByRole('heading', { level: 1, name: 'Welcome and ground rules' })).toBeVisible();
  await expect(presenter.getByText('Answers are anonymous')).toBeVisible();
  await fits('welcome');

  await nextPhase(page);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Individual assessment' })).toBeVisible();
  await expect(presenter.getByRole('img', { name: 'QR code of the join link' })).toBeVisible();
  await expect(presenter.getByText('Answered so far: 3 Marketing · 3 IT · 0 other.')).toBeVisible();
  const join = await page.locator('.join-link a').getAttribute('href');
  // The link as people read it: the name as text, not percent-encoded.
  await expect(presenter.getByText(decodeURI(join))).toBeVisible();
  await fits('join');

  await nextPhase(page);
  await expect(presenter.getByText('The results will appear here')).toBeVisible();
  await fits('waiting for the reveal');
  await press(page.getByRole('button', { name: 'Reveal the results' }));
  const room = page.getByRole('group', { name: 'On the projector' });
  const leading = report.hotspots;
  const total = 2 + leading.length;
  await expect(room.getByText(`The room sees: The two indices (1 of ${total}).`)).toBeVisible();
  await expect(presenter.getByText('Alignment index')).toBeVisible();
  await expect(presenter.getByText('Hotspot 1 of')).toHaveCount(0);
  await fits('indices');
  for (const [n, id] of leading.entries()) {
    const dimension = bank.dimensions.find((d) => d.id === id);
    await press(room.getByRole('button', { name: `Show next: Hotspot: ${dimension.title}` }));
    await expect(presenter.getByText(`Hotspot ${n + 1} of ${leading.length}`)).toBeVisible();
    await expect(presenter.getByRole('heading', { name: dimension.title })).toBeVisible();
    await expect(presenter.getByText('Alignment index')).toHaveCount(0);
    await fits(`hotspot ${n + 1}`);
  }
  await press(room.getByRole('button', { name: 'Show next: Every dimension' }));
  await expect(presenter.getByRole('heading', { name: 'Every dimension' })).toBeVisible();
  for (const dimension of bank.dimensions) {
    await expect(presenter.getByText(dimension.title, { exact: true })).toBeVisible();
  }
  await fits('every dimension');
  // At the last slide "Show next" stays where focus is, and does nothing.
  const end = room.getByRole('button', { name: 'Show next: nothing more in this phase' });
  await expect(end).toBeFocused();
  await expect(end).toHaveAttribute('aria-disabled', 'true');
  await press(end);
  await expect(presenter.getByRole('heading', { name: 'Every dimension' })).toBeVisible();
  await press(room.getByRole('button', { name: 'Show the one before' }));
  await expect(presenter.getByText(`Hotspot ${leading.length} of ${leading.length}`)).toBeVisible();
  // Nothing on the projector to click, and no individual answers.
  await expect(presenter.getByRole('button')).toHaveCount(0);
  await expect(presenter.getByRole('radio')).toHaveCount(0);

  for (const [phase, text] of [['Brainstorm norms', 'No ideas yet'], ['Merge and dot-vote', 'Nobody has voted yet'],
    ['Ranked list and “why?”', 'The ideas appear here'], ['Working agreement', 'No norm has been adopted yet.'],
    ['Summary and next steps', 'No norm has been adopted yet.']]) {
    await nextPhase(page);
    await expect(presenter.getByRole('heading', { level: 1, name: phase })).toBeVisible();
    await expect(presenter.getByText(text).first()).toBeVisible();
    await fits(phase);
  }
  expect(await presenter.title()).toBe('Presenter: Q3 launch – Tandem');
});

test('the agenda shows done, current and to come with planned and used time; focus follows each new phase', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-01T09:00:00') });
  await openQ3(page);
  const agenda = page.getByRole('navigation', { name: 'Agenda' });
  await expect(agenda.getByText('Planned: 110 minutes.')).toBeVisible();
  await expect(agenda.getByRole('button', { name: /Welcome and ground rules.*current phase/ })).toHaveAttribute('aria-current', 'step');
  await expect(agenda.getByRole('button', { name: /Reveal.*20 min.*to come/ })).toBeVisible();
  await nextPhase(page);
  const heading = page.getByRole('heading', { level: 2, name: 'Individual assessment' });
  await expect(heading).toBeFocused();
  expect(await heading.evaluate((h) => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < innerHeight)).toBe(true);
  await expect(agenda.getByRole('button', { name: /Welcome and ground rules.*done/ })).toBeVisible();
  await page.clock.fastForward('23:00');
  await expect(agenda.getByText('Used so far: 23 minutes.')).toBeVisible();
  await expectAccessible(page, 'agenda stepper');
  // Going to a phase from the agenda moves focus the same way.
  await press(agenda.getByRole('button', { name: /Reveal/ }));
  await expect(page.getByRole('heading', { level: 2, name: 'Reveal' })).toBeFocused();
  await press(page.getByRole('button', { name: 'Reveal the results' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Reveal' })).toBeFocused();
  await nextPhase(page);
  await nextPhase(page);
  await nextPhase(page);
  await nextPhase(page);
  await press(page.getByRole('button', { name: 'Next: Summary and next steps' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Summary and next steps' })).toBeFocused();
  // The summary is the indices and the agreement, not the whole report again.
  await expect(page.getByText('Alignment index')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Every dimension, Marketing and IT side by side' })).toHaveCount(0);
});

test('a phase starts its countdown; at zero it says time is up and counts the overrun, with no Pause', async ({ page, context }) => {
  await page.clock.install({ time: new Date('2026-12-01T09:00:00') });
  await openQ3(page);
  const presenter = await context.newPage();
  await presenter.clock.install({ time: new Date('2026-12-01T09:00:00') });
  await nextPhase(page);
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^1[45]:\d\d$/);
  await expect(page.getByRole('button', { name: 'Pause timer' })).toBeVisible();
  // The status line is in the page before there is anything to say, so it is announced.
  await expect(page.locator('.countdown-status')).toHaveText('');
  await page.clock.fastForward('16:20');
  await expect(timer).toHaveText('+1:20');
  await expect(timer).toHaveAccessibleName('Time over for Individual assessment');
  await expect(page.getByText('Time is up for Individual assessment.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause timer' })).toHaveCount(0);
  await expect(page.getByText('0:00', { exact: true })).toHaveCount(0);
  await expectAccessible(page, 'timer overrun');
  await press(page.getByRole('button', { name: 'Add a minute' }));
  await expect(timer).toHaveText(/^[01]:\d\d$/);
  await expect(page.getByRole('button', { name: 'Pause timer' })).toBeVisible();
  // Turned off, arriving at a phase leaves its countdown to the facilitator.
  await press(page.getByLabel('Start the countdown when a phase begins'), 'Space');
  await nextPhase(page);
  await expect(timer).toHaveText('20:00');
  await expect(page.getByRole('button', { name: 'Start timer' })).toBeVisible();
  await presenter.close();
});

test('Copy puts the join link, the response code and the response link on the clipboard', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openQ3(page);
  await nextPhase(page);
  const join = await page.locator('.join-link a').getAttribute('href');
  expect(join).toContain('/Q3%20launch');
  await press(page.getByRole('button', { name: 'Copy the join link' }));
  await expect(page.getByRole('status').filter({ hasText: 'Copied the join link.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(join);

  // The participant sees the workshop's name, and finishes with a code to copy.
  const phone = await browser.newContext();
  await phone.grantPermissions(['clipboard-read', 'clipboard-write']);
  const participant = await phone.newPage();
  await participant.goto(join);
  await expect(participant.getByText('Q3 launch').first()).toBeVisible();
  await expect(participant.getByText(/Workshop [0-9A-Z]{4}/)).toHaveCount(0);
  expect(await participant.title()).toBe('Q3 launch – Tandem');
  await expect(participant.getByText(/short code/)).toHaveCount(0);
  await press(participant.getByRole('button', { name: 'Another function', exact: true }));
  await press(participant.getByRole('button', { name: `${last.title} (0 of ${last.items.length})` }));
  await press(participant.getByRole('button', { name: 'Finish and get my code' }));
  const code = (await participant.locator('.code-text').textContent()).trim();
  await press(participant.getByRole('button', { name: 'Copy the response code' }));
  expect((await participant.evaluate(() => navigator.clipboard.readText())).replace(/-/g, '')).toBe(code.replace(/-/g, ''));
  await press(participant.getByRole('button', { name: 'Copy the response link' }));
  const link = await participant.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#code/');
  await expect(participant.getByText('Show this QR code to the facilitator')).toBeVisible();
  await expectAccessible(participant, 'response code with copy buttons');

  // Opened on a device without the workshop, the link says what to do instead.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await expect(stranger.getByText(/If it is your response: show its QR code to the facilitator/)).toBeVisible();
  await phone.close();
});

test('a refused code stays in the paste box with its wrong character marked; the others are added', async ({ page, browser }) => {
  await openQ3(page);
  await nextPhase(page);
  // The outcome list is in the page before the first paste, so its first message is announced.
  await expect(page.locator('#codes-outcomes[aria-live="polite"]')).toHaveCount(1);
  const join = await page.locator('.join-link a').getAttribute('href');
  const phone = await browser.newContext();
  const participant = await phone.newPage();
  await participant.goto(join);
  await participant.getByRole('button', { name: 'Marketing', exact: true }).click();
  await participant.getByRole('button', { name: `${last.title} (0 of ${last.items.length})` }).click();
  await participant.getByRole('button', { name: 'Finish and get my code' }).click();
  const good = (await participant.locator('.code-text').textContent()).trim();
  await phone.close();
  const bad = `${good.slice(0, 7)}!${good.slice(8)}`;
  await page.getByLabel('Paste response codes').fill(`${good}\n${bad}`);
  await press(page.getByRole('button', { name: 'Add codes' }));
  await expect(page.locator('.outcome-added')).toHaveCount(1);
  const box = page.getByLabel('Paste response codes');
  await expect(box).toHaveValue(bad);
  await expect(box).toBeFocused();
  const selected = await box.evaluate((area) => area.value.slice(area.selectionStart, area.selectionEnd));
  expect(selected).toBe('!');
  await expect(page.locator('.outcome-refused mark')).toHaveText('!');
  await expectAccessible(page, 'refused code marked');
  // Mended in place, it is added.
  await box.fill(good.replace(/-/g, ' '));
  await press(page.getByRole('button', { name: 'Add codes' }));
  await expect(page.locator('.outcome-added')).toHaveText(/already added/);
  await expect(box).toHaveValue('');
});

test('the report\'s actions are at its top and foot, print first, and every file carries the workshop\'s name', async ({ page }) => {
  await openQ3(page);
  await press(page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Reveal/ }));
  await press(page.getByRole('button', { name: 'Reveal the results' }));
  const groups = page.getByRole('group', { name: 'Report actions' });
  await expect(groups).toHaveCount(2);
  const first = groups.first();
  await expect(first.locator('a, button').first()).toHaveText('Open the report to print');
  await expect(first.locator('a, button').last()).toHaveText('Download for Tandem (JSON)');
  const day = new Date().toISOString().slice(0, 10);
  for (const [button, name] of [
    ['Download report (Markdown)', `q3-launch-report-${day}.md`],
    ['Download answers (CSV)', `q3-launch-answers-${day}.csv`],
    ['Download summary (CSV)', `q3-launch-summary-${day}.csv`],
    ['Download for Tandem (JSON)', `q3-launch-tandem-${day}.json`],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), press(first.getByRole('button', { name: button }))]);
    expect(download.suggestedFilename()).toBe(name);
    if (name.endsWith('.md')) {
      const markdown = readFileSync(await download.path(), 'utf8');
      expect(markdown).toContain('6 respondents: 3 Marketing, 3 IT, 0 other.');
      expect(markdown).toMatch(/\(level \d, (Initial|Committed|Established|Improved|Optimised)\)/);
    }
  }
  const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Export workshop (JSON)' }))]);
  expect(download.suggestedFilename()).toBe(`q3-launch-tandem-${day}.json`);
});

test('focus lands on what a button brought up, and a refused form points at its field', async ({ page }) => {
  await page.goto('./');
  await press(page.getByRole('button', { name: 'Run a workshop' }));
  await press(page.getByRole('button', { name: 'Create workshop' }));
  const name = page.getByLabel('Name');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('A workshop needs a name.');
  await name.fill('Kickoff');
  await page.getByLabel('Privacy threshold').fill('0');
  await press(page.getByRole('button', { name: 'Create workshop' }));
  const threshold = page.getByLabel('Privacy threshold');
  await expect(threshold).toBeFocused();
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'refused form');
  await threshold.fill('3');
  await press(page.getByRole('button', { name: 'Create workshop' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Kickoff' })).toBeFocused();
  expect(await page.title()).toBe('Kickoff: Welcome and ground rules – Tandem');
  await press(page.getByRole('button', { name: '← All workshops' }));
  expect(await page.title()).toBe('Workshops – Tandem');
  await press(page.getByRole('button', { name: 'Delete Kickoff' }));
  await press(page.getByRole('button', { name: 'Yes, delete it' }));
  await expect(page.getByRole('heading', { name: 'Saved workshops' })).toBeFocused();
  // The brand leads home.
  await press(page.getByRole('button', { name: 'Tandem: back to the start' }));
  await expect(page.getByRole('heading', { level: 1, name: 'How well do Marketing and IT work together?' })).toBeFocused();
  expect(await page.title()).toBe('Marketing × IT alignment – Tandem');
});

test('at 320 CSS px (400 % zoom) no screen scrolls sideways', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const none = async (screen) => expect((await scrolls(page))[1], `${screen} scrolls sideways`).toBe(false);
  await page.goto('./');
  await none('start');
  await press(page.getByRole('button', { name: 'Marketing', exact: true }));
  await none('first step');
  await press(page.getByRole('button', { name: `${last.title} (0 of ${last.items.length})` }));
  await page.getByRole('group', { name: last.items[0].text }).getByRole('radio').first().check();
  await press(page.getByRole('button', { name: 'See my report' }));
  await none('report');
  await press(page.getByRole('button', { name: 'Draft norms to propose' }));
  await none('norms to propose');
  await press(page.getByRole('button', { name: 'Tandem: back to the start' }));
  // The start page is the self-assessment's entry: the hand-over loads it, and only then may
  // the next address be opened (two navigations at once leave either half done).
  await expect(page.getByRole('heading', { level: 1, name: 'How well do Marketing and IT work together?' })).toBeVisible();
  await openQ3(page);
  await none('workshop welcome');
  await press(page.getByText('Workshop details'));
  await none('workshop details');
  await nextPhase(page);
  await none('assessment with join link');
  await press(page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Reveal/ }));
  await press(page.getByRole('button', { name: 'Reveal the results' }));
  await none('reveal');
  await nextPhase(page);
  await press(page.getByRole('button', { name: "I'm next" }));
  await none('idea form');
  for (const text of ['A very long idea about how Marketing and IT could agree on one shared definition of every KPI they report', 'Share the roadmap']) {
    await page.getByLabel('The norm, in one sentence').fill(text);
    await press(page.getByRole('button', { name: 'Add idea' }));
  }
  await press(page.getByRole('button', { name: 'Done: hand the device back' }));
  await press(page.getByRole('button', { name: 'Back to the facilitator' }));
  await press(page.getByRole('button', { name: 'Reveal the ideas' }));
  await none('board with merge');
  await press(page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Working agreement/ }));
  await none('agreement with owners');
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 320, height: 640 });
  await presenter.goto(await page.getByRole('link', { name: 'Open the presenter view' }).getAttribute('href'));
  await expect(presenter.getByRole('heading', { level: 1, name: 'Working agreement' })).toBeVisible();
  expect((await scrolls(presenter))[1], 'presenter scrolls sideways').toBe(false);
});

test('every page and window has a title of its own, in German too', async ({ page, context }) => {
  await openQ3(page, '?lang=de');
  expect(await page.title()).toBe('Q3 launch: Begrüßung und Grundregeln – Tandem');
  const presenter = await context.newPage();
  await presenter.goto(await page.getByRole('link', { name: 'Präsentationsansicht öffnen' }).getAttribute('href'));
  await expect(presenter.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await presenter.title()).toBe('Präsentation: Q3 launch – Tandem');
  await press(page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: /Enthüllung/ }));
  await press(page.getByRole('button', { name: /enthüllen/ }));
  const sheet = await context.newPage();
  await sheet.goto(await page.getByRole('link', { name: /Drucken/ }).first().getAttribute('href'));
  await expect(sheet.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await sheet.title()).toBe('Reibungsbericht: Q3 launch – Tandem');
});

test('at 320 CSS px the facilitator\'s phases fit in German too, where words are longer', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await openQ3(page, '?lang=de');
  const agenda = page.getByRole('navigation', { name: 'Agenda' });
  for (const phase of ['Begrüßung', 'Einzelbewertung', 'Enthüllung', 'Normen sammeln', 'Zusammenführen', 'Rangliste', 'Arbeitsvereinbarung', 'Zusammenfassung']) {
    await press(agenda.getByRole('button', { name: new RegExp(phase) }));
    expect((await scrolls(page))[1], `${phase} scrolls sideways`).toBe(false);
  }
  await expectAccessible(page, 'German summary at 320 px');
});

test('long names, chat logs and broken links: nothing widens the page, nothing noisy, nothing misleading', async ({ page, context, browser }) => {
  test.setTimeout(90_000);
  const long = 'Kundenzufriedenheitsbefragungsauswertungsworkshop '.repeat(2)
    + 'with Marketing and IT for the third quarter launch of the new website and the app';
  await page.goto('./');
  await press(page.getByRole('button', { name: 'Run a workshop' }));
  // The name field stops at 120 characters, and the core refuses more.
  await page.getByLabel('Name').fill(`${long} ${'x'.repeat(100)}`);
  expect((await page.getByLabel('Name').inputValue()).length).toBe(120);
  await press(page.getByRole('button', { name: 'Create workshop' }));
  const name = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
  expect(name.length).toBe(120);
  await page.setViewportSize({ width: 320, height: 640 });
  expect((await scrolls(page))[1], 'facilitator with a long name').toBe(false);
  await nextPhase(page);
  const join = await page.locator('.join-link a').getAttribute('href');
  // The link opens in a window of its own, and reads with the name as text, cut with "…".
  await expect(page.locator('.join-link a')).toHaveAttribute('target', 'tandem-join');
  await expect(page.locator('.join-link a')).toContainText('/Kundenzufriedenheitsbefragungsauswertungsworkshop Kund');
  await expect(page.locator('.join-link a')).toContainText('…');
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(await page.getByRole('link', { name: 'Open the presenter view' }).getAttribute('href'));
  await expect(presenter.getByRole('img', { name: 'QR code of the join link' })).toBeVisible();
  expect(await scrolls(presenter), 'presenter with a long name').toEqual([false, false]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await press(page.getByRole('button', { name: '← All workshops' }));
  // The delete button says "Delete"; its accessible name carries the workshop's.
  const del = page.getByRole('button', { name: `Delete ${name}` });
  await expect(del).toHaveText('Delete');

  const phone = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const participant = await phone.newPage();
  await participant.goto(join);
  await expect(participant.getByText(/…$/).first()).toBeVisible();
  expect((await scrolls(participant))[1], 'join page with a long name').toBe(false);
  await press(participant.getByRole('button', { name: 'IT', exact: true }));
  expect(await participant.title()).toMatch(new RegExp(`^${bank.dimensions[0].title} – Kundenzufriedenheits`));
  await press(participant.getByRole('button', { name: `${last.title} (0 of ${last.items.length})` }));
  await press(participant.getByRole('button', { name: 'Finish and get my code' }));
  expect(await participant.title()).toMatch(/^Your response code – /);
  const code = (await participant.locator('.code-text').textContent()).trim();
  await phone.close();

  // A chat log: the code is found, the chat's words are not reported as codes.
  await page.getByRole('button', { name: /^Open Kundenzufriedenheits/ }).click();
  await page.getByLabel('Paste response codes').fill(`[10:01] Anna: here is mine ${code}\n[10:02] Ben: thanks! 🙂`);
  await press(page.getByRole('button', { name: 'Add codes' }));
  await expect(page.locator('.outcomes li')).toHaveCount(1);
  await expect(page.locator('.outcome-added')).toHaveCount(1);
  await expect(page.getByLabel('Paste response codes')).not.toHaveAttribute('aria-invalid', 'true');
  // Junk: a few refusals listed and the rest counted; the box is marked invalid.
  const junk = Array.from({ length: 40 }, (_, i) => `${'7'.repeat(44)}${i % 10}`).join('\n');
  await page.getByLabel('Paste response codes').fill(junk);
  await press(page.getByRole('button', { name: 'Add codes' }));
  await expect(page.locator('.outcomes li')).toHaveCount(11);
  await expect(page.getByText('… and 30 more were refused; they are in the box too.')).toBeVisible();
  await expect(page.getByLabel('Paste response codes')).toHaveAttribute('aria-invalid', 'true');

  // A broken response link, opened where no workshop is saved, says it is broken.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`${join.split('#')[0]}#code/3CZB-XXXX`);
  await expect(stranger.getByText(/This response link could not be read/)).toBeVisible();
});
