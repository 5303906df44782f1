// Re-rating after discussion: a workshop whose second round came in shows how far Marketing and
// IT came together, in the report, the brainstorm's prompts, the presenter, the exports and the
// printable report, by keyboard, with axe on each screen.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible } from './fixtures.js';
import { answeredWorkshop, bank, parseCsv, title } from './documents.js';

async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.page().keyboard.press(key);
}

/** Opens a phase from the agenda; focus moves to its heading once it is shown, and only then
 * may the next key go elsewhere. */
async function phase(page, name) {
  await press(page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name }));
  await expect(page.getByRole('heading', { level: 2, name })).toBeFocused();
}

async function download(page, button) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    press(page.getByRole('button', { name: button }).first()),
  ]);
  return readFileSync(await file.path(), 'utf8');
}

test('a second round shows what converged and where Marketing and IT are still apart', async ({ page, context }) => {
  test.setTimeout(90_000);
  const { file, report } = answeredWorkshop({
    id: 'rerate-w', name: 'Second look', rerate: { converged: ['prioritization'], apart: ['kpis'] },
  });
  const { convergence } = report;
  expect(convergence.converged).toBe(1);
  await page.goto('./#workshops');
  await page.getByLabel('Workshop file (JSON)').setInputFiles(file);
  await press(page.getByRole('button', { name: 'Open Second look' }));
  await phase(page, 'Reveal');
  await press(page.getByRole('button', { name: 'Reveal the results' }));

  const section = page.getByRole('region', { name: 'After discussion', exact: true });
  await expect(section.getByRole('heading', { level: 2, name: 'After discussion' })).toBeVisible();
  await expect(section.getByText('1 of 2 re-rated dimensions converged.')).toBeVisible();
  await expect(section.getByText(`The spread changed by ${convergence.spread_change.toFixed(1)} points on average`)).toBeVisible();
  await expect(section.getByRole('img', { name: 'Score of each re-rated dimension before and after discussion' })).toBeVisible();
  const rows = section.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  for (const [n, moved] of convergence.dimensions.entries()) {
    const cells = rows.nth(n + 1).getByRole('cell');
    await expect(rows.nth(n + 1).getByRole('rowheader')).toHaveText(title(moved.id));
    await expect(cells.first()).toHaveText(moved.converged ? 'converged' : 'still apart');
    await expect(cells.nth(1)).toHaveText(`${moved.score_before.toFixed(1)} → ${moved.score_after.toFixed(1)}`);
    await expect(cells.nth(2)).toHaveText(`${moved.gap_before.toFixed(1)} → ${moved.gap_after.toFixed(1)}`);
    await expect(cells.nth(3)).toHaveText(`${moved.spread_before.toFixed(1)} → ${moved.spread_after.toFixed(1)}`);
  }
  await expect(section.getByText(`Still apart: ${title('kpis')}. Start the norms here.`)).toBeVisible();
  await expectAccessible(page, 'reveal with the second round');

  // The brainstorm's prompts lead with the dimension still apart.
  await phase(page, 'Brainstorm norms');
  const prompts = page.getByRole('region', { name: 'Prompts from the hotspots' });
  const first = prompts.locator('.prompt-dimension').first();
  await expect(first).toContainText(title('kpis'));
  await expect(first).toContainText('still apart after discussion');
  await expectAccessible(page, 'brainstorm after a second round');

  // The room sees it in the summary, first.
  await phase(page, 'Summary and next steps');
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(await page.getByRole('link', { name: 'Open the presenter view' }).getAttribute('href'));
  await expect(presenter.getByRole('heading', { level: 2, name: 'After discussion' })).toBeVisible();
  await expect(presenter.getByText('1 of 2 re-rated dimensions converged.')).toBeVisible();
  await expect(presenter.getByText(`Still apart: ${title('kpis')}.`, { exact: false })).toBeVisible();
  // The room's slide fits the projector: the chart and the verdicts, not the full table.
  expect(await presenter.evaluate(() => {
    const root = document.scrollingElement;
    return [root.scrollHeight > innerHeight + 1, root.scrollWidth > innerWidth + 1];
  })).toEqual([false, false]);
  await expectAccessible(presenter, 'presenter after discussion');
  await press(page.getByRole('group', { name: 'On the projector' }).getByRole('button', { name: 'Show next: Summary' }));
  await expect(presenter.getByRole('heading', { level: 2, name: 'After discussion' })).toHaveCount(0);

  // The exports carry the second round.
  await phase(page, 'Reveal');
  const summary = parseCsv(await download(page, 'Download summary (CSV)'));
  expect(summary[0]).toContain('round');
  const second = summary.filter((row) => row[1] === '2');
  expect(second.map((row) => [row[2], row[row.length - 1]])).toEqual(
    convergence.dimensions.map((moved) => [moved.id, String(moved.converged)]),
  );
  const answers = parseCsv(await download(page, 'Download answers (CSV)'));
  expect(new Set(answers.slice(1).filter((row) => row[1] === '2').map((row) => row[4])))
    .toEqual(new Set(['prioritization', 'kpis']));
  const markdown = await download(page, 'Download report (Markdown)');
  expect(markdown).toContain('## After discussion');
  expect(markdown).toContain(`Still apart: ${title('kpis')}.`);
  const json = JSON.parse(await download(page, 'Download for Tandem (JSON)'));
  expect(json.rerate.dimensions).toEqual(['prioritization', 'kpis']);
  expect(json.report.convergence).toEqual(convergence);

  // And the printable report.
  const sheet = await context.newPage();
  await sheet.goto(await page.getByRole('link', { name: 'Open the report to print' }).first().getAttribute('href'));
  await expect(sheet.getByRole('heading', { level: 2, name: 'After discussion' })).toBeVisible();
  await expectAccessible(sheet, 'printable report with the second round');
});

test('the room re-rates two dimensions in turns and by a code, and sees how far it came', async ({ page, context, browser }) => {
  test.setTimeout(120_000);
  const { file } = answeredWorkshop({
    id: 'again-w', name: 'Come together',
    phases: ['welcome', 'assessment', 'reveal', 'rerate', 'brainstorm', 'vote', 'rank', 'agree', 'summary'],
  });
  // The hotspots, in bank order: the order they are answered and listed in.
  const rerated = bank.dimensions.map((d) => d.id).filter((id) => ['prioritization', 'kpis'].includes(id));
  const titles = rerated.map(title).join(', ');
  await page.goto('./#workshops');
  // The re-rate phase is offered when a workshop is created, unticked.
  await expect(page.getByRole('checkbox', { name: /^Re-rate after discussion/ })).not.toBeChecked();
  await page.getByLabel('Workshop file (JSON)').setInputFiles(file);
  await press(page.getByRole('button', { name: 'Open Come together' }));

  // Before the reveal there is nothing to re-rate.
  await phase(page, 'Re-rate after discussion');
  await expect(page.getByText('Reveal the results first', { exact: false }).first()).toBeVisible();
  await phase(page, 'Reveal');
  await press(page.getByRole('button', { name: 'Reveal the results' }));

  // The hotspots are ticked; the facilitator keeps them.
  await phase(page, 'Re-rate after discussion');
  const choice = page.getByRole('group', { name: 'Dimensions to answer again' });
  for (const id of ['prioritization', 'kpis']) {
    await expect(choice.getByRole('checkbox', { name: `${title(id)} (hotspot)` })).toBeChecked();
  }
  await expect(choice.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expectAccessible(page, 're-rate: choosing the dimensions');
  // The room waits for the choice: no link yet.
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(await page.getByRole('link', { name: 'Open the presenter view' }).getAttribute('href'));
  await expect(presenter.getByText('The facilitator is choosing the dimensions to answer again')).toBeVisible();
  await press(page.getByRole('button', { name: 'Start the second round' }));
  await expect(page.getByText(`Answering again: ${titles}.`)).toBeVisible();
  const againLink = await page.locator('.join-link a').getAttribute('href');
  expect(againLink).toMatch(/#again\/marketing-it-alignment\/[0-9A-Z]{4}\/[0-9.]+\/Come%20together$/);
  await expect(page.getByRole('img', { name: 'QR code of the second-round link' })).toBeVisible();
  await expectAccessible(page, 're-rate: collecting');

  // A turn on this device: only the two dimensions, no estimate.
  await press(page.getByRole('button', { name: "I'm next" }));
  await expect(page.getByRole('heading', { level: 1, name: 'Your turn to answer again' })).toBeVisible();
  await press(page.getByRole('button', { name: 'IT', exact: true }));
  for (const [n, id] of rerated.entries()) {
    await expect(page.getByRole('heading', { name: title(id) })).toBeVisible();
    await expect(page.getByRole('group', { name: /would say this area works/ })).toHaveCount(0);
    for (const item of bank.dimensions.find((d) => d.id === id).items) {
      await page.getByRole('group', { name: item.text }).getByRole('radio').nth(item.reverse ? 4 : 0).check();
    }
    if (n === 0) await expectAccessible(page, 'second-round turn');
    await press(page.getByRole('button', { name: n === 1 ? 'Finish and hand back' : /^Next:/ }));
  }
  await press(page.getByRole('button', { name: 'Back to the facilitator' }));
  await expect(page.getByText('Answered again so far: 0 Marketing · 1 IT · 0 other', { exact: false })).toBeVisible();

  // Answered dimensions cannot be taken out of the round: ticked, and not to be unticked.
  await press(page.getByRole('button', { name: 'Change the dimensions' }));
  for (const id of rerated) {
    const box = choice.getByRole('checkbox', { name: new RegExp(`^${title(id)} .*answered again, so it stays`) });
    await expect(box).toBeChecked();
    await expect(box).toBeDisabled();
  }
  await press(page.getByRole('button', { name: 'Save the dimensions' }));
  await expect(page.getByText(`Answering again: ${titles}.`)).toBeVisible();

  // A participant on their own phone, from the second-round link.
  const phone = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const participant = await phone.newPage();
  await participant.goto(againLink);
  await expect(participant.getByRole('heading', { level: 1, name: 'Answer again after discussion' })).toBeVisible();
  await expectAccessible(participant, 'second-round start on a phone');
  await press(participant.getByRole('button', { name: 'Marketing', exact: true }));
  for (const [n, id] of rerated.entries()) {
    await expect(participant.getByRole('group', { name: /would say this area works/ })).toHaveCount(0);
    for (const item of bank.dimensions.find((d) => d.id === id).items) {
      await participant.getByRole('group', { name: item.text }).getByRole('radio').nth(item.reverse ? 1 : 3).check();
    }
    await press(participant.getByRole('button', { name: n === 1 ? 'Finish and get my second-round code' : /^Next:/ }));
  }
  await expect(participant.getByRole('heading', { level: 1, name: 'Your second-round code' })).toBeVisible();
  await expectAccessible(participant, 'second-round code');
  const code = (await participant.getByLabel('Response code', { exact: true }).textContent()).trim();
  await phone.close();

  // Pasted into the first round's box, it is refused and says where it belongs.
  await phase(page, 'Individual assessment');
  await page.getByLabel('Paste response codes (one or many)').fill(code);
  await press(page.getByRole('button', { name: 'Add codes' }));
  await expect(page.locator('#codes-outcomes')).toContainText('This code is from the second round');
  await expect(page.getByText('Answered so far: 3 Marketing · 3 IT · 0 other', { exact: false }).first()).toBeVisible();

  // In the second round's box it is added.
  await phase(page, 'Re-rate after discussion');
  await page.getByLabel('Paste second-round codes (one or many)').fill(code);
  await press(page.getByRole('button', { name: 'Add codes' }));
  await expect(page.locator('#codes-outcomes')).toContainText('added (Marketing)');
  await expect(page.getByText('Answered again so far: 1 Marketing · 1 IT · 0 other', { exact: false })).toBeVisible();

  // Hidden until shown; then the section, its chart and its table.
  await expect(page.getByRole('region', { name: 'After discussion', exact: true })).toHaveCount(0);
  await press(page.getByRole('button', { name: 'Show how far we came' }));
  const section = page.getByRole('region', { name: 'After discussion', exact: true });
  await expect(section.getByRole('img', { name: 'Score of each re-rated dimension before and after discussion' })).toBeVisible();
  await expect(section.getByRole('table').getByRole('row')).toHaveCount(3);
  await expect(section.getByText(`Still apart: ${titles}.`, { exact: false })).toBeVisible();
  await expectAccessible(page, 're-rate: after discussion');

  // The presenter: the second-round link first, then how far the room came.
  await expect(presenter.getByRole('heading', { level: 2, name: 'How to answer again' })).toBeVisible();
  await expect(presenter.getByRole('img', { name: 'QR code of the second-round link' })).toBeVisible();
  await expectAccessible(presenter, 'presenter: second-round link');
  await press(page.getByRole('group', { name: 'On the projector' }).getByRole('button', { name: 'Show next: After discussion' }));
  await expect(presenter.getByRole('heading', { level: 2, name: 'After discussion' })).toBeVisible();
  await expectAccessible(presenter, 'presenter: after discussion');

  // The report beside the first round's figures, in the reveal.
  await phase(page, 'Reveal');
  await expect(page.getByRole('region', { name: 'After discussion', exact: true }).getByRole('table').getByRole('row')).toHaveCount(3);

  // The brainstorm's prompts lead with what is still apart.
  await phase(page, 'Brainstorm norms');
  const first = page.getByRole('region', { name: 'Prompts from the hotspots' }).locator('.prompt-dimension').first();
  await expect(first).toContainText('still apart after discussion');
});
