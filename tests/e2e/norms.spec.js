// From friction to a working agreement: the norms phases of a workshop and an individual's
// proposal, on the built dist/, with the keyboard alone.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible } from './fixtures.js';
import { answeredWorkshop, bank, title } from './documents.js';

/** Text a participant types that would run as script if it were ever treated as HTML. */
const HOSTILE = '<img src=x onerror="window.__pwned=1"><b>Ask why</b> before ranking';
const MERGED = 'Ask why before a request is ranked';
const GLOSSARY = 'One KPI glossary, owned by both';

/** Operates a control from the keyboard: focus it, press a key. */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

/** Types into a field from the keyboard. */
async function type(locator, text) {
  await locator.focus();
  await locator.page().keyboard.type(text);
}

/** Chooses an option of a select from the keyboard: first option, then down until it is selected. */
async function choose(select, label) {
  await select.focus();
  await select.page().keyboard.press('Home');
  for (let i = 0; i < 12; i += 1) {
    const chosen = await select.evaluate((el) => el.options[el.selectedIndex].text);
    if (chosen === label) return;
    await select.page().keyboard.press('ArrowDown');
  }
  throw new Error(`could not choose "${label}"`);
}

async function phase(page, name) {
  await press(page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name }));
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** One person's private brainstorming turn on the shared device. */
async function writeIdeas(page, ideas, { audit = false } = {}) {
  await press(page.getByRole('button', { name: "I'm next" }));
  await expect(page.getByRole('heading', { level: 1, name: 'Your ideas' })).toBeVisible();
  for (const [text, dimension] of ideas) {
    await type(page.getByLabel('The norm, in one sentence'), text);
    await choose(page.getByLabel('Dimension it serves'), title(dimension));
    await press(page.getByRole('button', { name: 'Add idea' }));
    await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Your ideas so far' })).toBeVisible();
  if (audit) await expectAccessible(page, 'writing ideas');
  await press(page.getByRole('button', { name: 'Done: hand the device back' }));
  await press(page.getByRole('button', { name: 'Back to the facilitator' }));
}

/** One person's dots. */
async function vote(page, dots, { audit = false } = {}) {
  await press(page.getByRole('button', { name: "I'm next to vote" }));
  await expect(page.getByRole('heading', { level: 1, name: 'Your dots' })).toBeVisible();
  for (const text of dots) {
    await press(page.getByRole('button', { name: `Add a dot to “${text}”` }));
  }
  if (audit) await expectAccessible(page, 'ballot');
  await press(page.getByRole('button', { name: 'Done: hand the device back' }));
  await press(page.getByRole('button', { name: 'Back to the facilitator' }));
}

test('a workshop goes from hotspots to an adopted working agreement with the keyboard alone', async ({ page, context }) => {
  test.setTimeout(120_000);
  const { file, report } = answeredWorkshop();
  await page.goto('./');
  await press(page.getByRole('button', { name: 'Run a workshop' }));
  await page.getByLabel('Workshop file (JSON)').setInputFiles(file);
  await press(page.getByRole('button', { name: 'Open Norms day' }));
  await phase(page, 'Brainstorm norms');
  await press(page.getByRole('button', { name: 'Reveal the results' }));

  // The prompts come from the hotspots.
  const top = report.hotspots[0];
  const prompts = page.getByRole('region', { name: 'Prompts from the hotspots' });
  await expect(prompts.getByText(title(top), { exact: false })).toBeVisible();
  for (const prompt of bank.dimensions.find((d) => d.id === top).prompts) {
    await expect(prompts.getByText(prompt.text)).toBeVisible();
  }
  await expectAccessible(page, 'brainstorm');

  // Two people write in private; nobody sees the ideas until the reveal.
  await writeIdeas(page, [[HOSTILE, 'prioritization'], [GLOSSARY, 'kpis']], { audit: true });
  await expect(page.getByText('2 ideas from 1 person.')).toBeVisible();
  await press(page.getByRole('button', { name: "I'm next" }));
  await expect(page.getByText(GLOSSARY)).toHaveCount(0);
  await type(page.getByLabel('The norm, in one sentence'), MERGED);
  await press(page.getByRole('button', { name: 'Add idea' }));
  await press(page.getByRole('button', { name: 'Done: hand the device back' }));
  await press(page.getByRole('button', { name: 'Back to the facilitator' }));
  await expect(page.getByText('3 ideas from 2 people.')).toBeVisible();
  await expect(page.getByText(GLOSSARY)).toHaveCount(0);
  await press(page.getByRole('button', { name: 'Reveal the ideas' }));
  await expect(page.getByRole('heading', { name: 'Ideas' })).toBeFocused();
  await expect(page.locator('.idea-text', { hasText: HOSTILE })).toBeVisible();

  // Merge the duplicate: both wordings stay, with their authors.
  const idea = (text) => page.locator('.idea', { has: page.locator('.idea-text', { hasText: text }) });
  const duplicate = idea(MERGED);
  await choose(duplicate.getByLabel('Merge into'), HOSTILE);
  await press(duplicate.getByRole('button', { name: `Merge “${MERGED}”` }));
  await expect(page.locator('.idea')).toHaveCount(2);
  await expect(page.getByRole('button', { name: `Edit “${HOSTILE}”` })).toBeFocused();
  const kept = idea(HOSTILE);
  await press(kept.getByText('Original wordings (2)'));
  await expect(kept.getByText(`“${MERGED}” by contributor 2`)).toBeVisible();
  await expectAccessible(page, 'revealed ideas');

  // Dots: two each, one person at a time, totals hidden until voting closes.
  await phase(page, 'Merge and dot-vote');
  await press(page.getByLabel(/Dots per person/), 'Control+A');
  await page.keyboard.type('2');
  await press(page.getByRole('button', { name: 'Set dots' }));
  await expect(page.getByLabel('Dots per person (now 2)')).toBeVisible();
  await vote(page, [GLOSSARY, GLOSSARY], { audit: true });
  await press(page.getByRole('button', { name: "I'm next to vote" }));
  await press(page.getByRole('button', { name: `Add a dot to “${HOSTILE}”` }));
  await press(page.getByRole('button', { name: `Add a dot to “${GLOSSARY}”` }));
  await expect(page.getByText('Dots left: 0 of 2.')).toBeVisible();
  const spent = page.getByRole('button', { name: `Add a dot to “${HOSTILE}”` });
  await expect(spent).toHaveAttribute('aria-disabled', 'true');
  await press(spent);
  await expect(spent).toBeFocused();
  await expect(page.getByRole('alert')).toHaveText('You have placed all 2 of your dots. Take one back to place it elsewhere.');
  await expect(page.getByText(/in all/)).toHaveCount(0);
  await press(page.getByRole('button', { name: 'Done: hand the device back' }));
  await press(page.getByRole('button', { name: 'Back to the facilitator' }));
  await expect(page.getByText('2 people have voted. Voting is open.')).toBeVisible();
  await expect(page.getByText(/dots? from/)).toHaveCount(0);
  await press(page.getByRole('button', { name: 'Close voting' }));
  await expect(page.getByRole('button', { name: 'Reopen voting' })).toBeFocused();
  await expect(page.getByText('3 dots from 2 people')).toBeVisible();

  // The ranked list: the glossary leads; the facilitator moves the other up by keyboard.
  await phase(page, 'Ranked list and “why?”');
  const ranked = page.locator('.ranked-list > li');
  await expect(ranked.nth(0)).toContainText(GLOSSARY);
  await press(page.getByRole('button', { name: `Move up “${HOSTILE}”` }));
  await expect(ranked.nth(0)).toContainText(HOSTILE);
  await expect(page.getByRole('button', { name: `Move down “${HOSTILE}”` })).toBeFocused();
  await type(ranked.nth(0).getByLabel('Why does this matter?'), 'Less emotion in prioritization');
  await type(ranked.nth(0).getByLabel(/Success signal/), 'No escalations for a quarter');
  await expectAccessible(page, 'ranked list');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'ranked list in the dark theme');
  await page.emulateMedia({ colorScheme: 'light' });

  // Adopt both, one with a named owner.
  await phase(page, 'Working agreement');
  await press(page.getByRole('checkbox', { name: `Adopt into the working agreement “${HOSTILE}”` }), 'Space');
  await press(page.getByRole('checkbox', { name: `Adopt into the working agreement “${GLOSSARY}”` }), 'Space');
  const first = page.locator('.agreement-editor > li').nth(0);
  await choose(first.getByLabel('Owner', { exact: true }), 'A named person');
  await expect(first.getByText("Type the owner's name.")).toBeVisible();
  await type(first.getByLabel("Owner's name"), 'Dana <IT lead>');
  await expect(first.getByLabel('Review on')).toHaveValue('2027-01-05');
  const agreement = page.getByRole('region', { name: 'Adopted norms' });
  await expect(agreement.getByText('Dana <IT lead>')).toBeVisible();
  await expect(agreement.getByText('Marketing and IT together')).toBeVisible();
  await expect(agreement.getByText('5 January 2027')).toHaveCount(2);
  await expectAccessible(page, 'working agreement');

  // The Markdown names every adopted norm with its owner and review date, as plain text.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    press(page.getByRole('button', { name: 'Download the agreement (Markdown)' })),
  ]);
  const markdown = readFileSync(await download.path(), 'utf8');
  expect(download.suggestedFilename()).toBe('norms-day-agreement-2026-11-24.md');
  expect(markdown).toContain('# Working agreement: Norms day');
  expect(markdown).toContain('## 1. &lt;img src=x onerror="window.\\_\\_pwned=1"&gt;&lt;b&gt;Ask why&lt;/b&gt; before ranking');
  expect(markdown).toContain('- **Owner:** Dana &lt;IT lead&gt;');
  expect(markdown).toContain(`## 2. ${GLOSSARY}`);
  expect(markdown).toContain('- **Owner:** Marketing and IT together');
  expect(markdown.match(/- \*\*Review on:\*\* 5 January 2027/g)).toHaveLength(2);
  expect(markdown).not.toContain('<img');

  // The presenter view shows the agreement, as text.
  const address = await page.getByRole('link', { name: 'Open the presenter view' }).getAttribute('href');
  const presenter = await context.newPage();
  await presenter.goto(address);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Working agreement' })).toBeVisible();
  await expect(presenter.getByText(HOSTILE)).toBeVisible();
  await expect(presenter.getByRole('button')).toHaveCount(0);
  await expectAccessible(presenter, 'presenter agreement');

  // The printable page fits on one page.
  const sheetAddress = await page.getByRole('link', { name: 'Open the agreement to print' }).getAttribute('href');
  const sheet = await context.newPage();
  await sheet.goto(sheetAddress);
  await expect(sheet.getByRole('heading', { level: 1, name: 'Working agreement: Norms day' })).toBeVisible();
  await expect(sheet.getByText('Dana <IT lead>')).toBeVisible();
  await expectAccessible(sheet, 'printable agreement');
  await sheet.emulateMedia({ media: 'print' });
  const pdf = (await sheet.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

  // The summary carries the agreement with the report; nothing typed ever ran as markup.
  await page.bringToFront();
  await phase(page, 'Summary and next steps');
  await expect(page.getByRole('region', { name: 'Adopted norms' }).getByText(HOSTILE)).toBeVisible();
  for (const each of [page, presenter, sheet]) {
    expect(await each.evaluate(() => window.__pwned)).toBeUndefined();
    await expect(each.locator('.tandem img, .tandem b')).toHaveCount(0);
  }
});

test('an individual drafts norms to propose after a self-assessment', async ({ page, context }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'IT', exact: true }).click();
  for (const [d, dimension] of bank.dimensions.entries()) {
    for (const item of dimension.items) {
      await page.getByRole('group', { name: item.text }).getByRole('radio').nth(item.reverse ? 3 : 1).check();
    }
    const last = d === bank.dimensions.length - 1;
    await page.getByRole('button', { name: last ? 'See my report' : /^Next:/ }).click();
  }
  await press(page.getByRole('button', { name: 'Draft norms to propose' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Norms to propose' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Prompts from the hotspots' })).toBeVisible();
  await type(page.getByLabel('The norm, in one sentence'), GLOSSARY);
  await choose(page.getByLabel('Dimension it serves'), title('kpis'));
  await press(page.getByRole('button', { name: 'Add idea' }));
  // A second tab of the same browser is open; typing fast here, every key a save that the
  // other tab receives, must not have the other tab write an older text back.
  const other = await context.newPage();
  await other.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    window.__writes = [];
    Storage.prototype.setItem = function record(key, value) {
      window.__writes.push(key);
      return setItem.call(this, key, value);
    };
  });
  await other.goto('./#proposal');
  await expect(other.getByRole('heading', { level: 1, name: 'Norms to propose' })).toBeVisible();
  await other.evaluate(() => { window.__writes = []; });
  await page.bringToFront();
  await page.getByLabel('Why does this matter?').focus();
  await page.keyboard.type('We argue about numbers, not customers', { delay: 25 });
  await expect(other.getByLabel('Why does this matter?')).toHaveValue('We argue about numbers, not customers');
  // The other tab took in every key and wrote none of them back: a write of what it had just
  // received could land after a later key and undo it.
  expect(await other.evaluate(() => window.__writes)).toEqual([]);
  for (const tab of [page, other]) {
    await tab.reload();
    await expect(tab.getByLabel('Why does this matter?')).toHaveValue('We argue about numbers, not customers');
  }
  await other.close();
  await expect(page.getByLabel('Status')).toHaveValue('proposed');
  await expectAccessible(page, 'proposal');

  // Reload: everything typed is still there.
  await page.reload();
  await expect(page.getByLabel('Why does this matter?')).toHaveValue('We argue about numbers, not customers');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    press(page.getByRole('button', { name: 'Download the agreement (Markdown)' })),
  ]);
  const markdown = readFileSync(await download.path(), 'utf8');
  expect(markdown).toContain('# Proposed working agreement');
  expect(markdown).toContain(`## 1. ${GLOSSARY}`);
  expect(markdown).toContain('- **Status:** Proposed');
  expect(markdown).toContain('- **Why it matters:** We argue about numbers, not customers');

  // The report shows the proposal.
  await press(page.getByRole('button', { name: '← Back to my report' }));
  await expect(page.getByRole('region', { name: 'Norms you propose' }).getByText(GLOSSARY)).toBeVisible();
});
