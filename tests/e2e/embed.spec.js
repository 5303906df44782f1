// Tandem embedded in intranet pages it does not control: the demo host pages of dist/demo/,
// served under the strict Content-Security-Policy of serve.mjs (no inline script,
// 'wasm-unsafe-eval' only; a CSP violation is a console error, which fails every test).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.js';
import { cli } from './documents.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The host page's own elements, and the properties its stylesheet sets on them. */
const HOST_ELEMENTS = ['body', 'h1', '.intro', '.host-button', '.intranet-nav a', 'h2', '.outro'];
const PROPERTIES = [
  'font-family', 'font-size', 'line-height', 'letter-spacing', 'text-transform', 'text-align',
  'color', 'background-color', 'margin-top', 'padding-left', 'border-bottom-style', 'display',
];

function hostStyles(page) {
  return page.evaluate(([selectors, properties]) => selectors.map((selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return [selector, Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]))];
  }), [HOST_ELEMENTS, PROPERTIES]);
}

/**
 * axe-core on parts of the page. Without `preload`: axe would copy each shadow root's
 * stylesheets into `<style>` elements of its own to read them, which the page's strict CSP
 * rightly blocks (and reports as console errors); only css-orientation-lock needs that copy.
 * `also` lists rules to leave out, with the reason at the call.
 */
async function expectAccessibleIn(page, selectors, screen, also = []) {
  let builder = new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .options({ preload: false })
    .disableRules(also);
  for (const selector of selectors) builder = builder.include(selector);
  const results = await builder.analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations in ${screen}`).toEqual([]);
}

test('two embeds on a hostile intranet page work, keep their own data and leave the page alone', async ({ page, browser }) => {
  // What the host page looks like with no Tandem at all: its styles are the baseline.
  const bare = await browser.newContext({ javaScriptEnabled: false });
  const barePage = await bare.newPage();
  await barePage.goto(page.context()._options.baseURL + 'demo/');
  const baseline = await hostStyles(barePage);
  await bare.close();

  await page.goto('demo/');
  const teamA = page.locator('#team-a');
  const teamB = page.locator('#team-b');
  await expect(teamA.getByRole('heading', { level: 3 })).toHaveText('How well do Marketing and IT work together?');
  await expect(teamB.getByRole('heading', { level: 3 })).toHaveText('How well do Marketing and IT work together?');
  // Team B's own bank: four statements, and its questions, not the default bank's 33.
  await expect(teamA.getByText('Tandem asks you 33 short questions')).toBeVisible();
  await expect(teamB.getByText('Tandem asks you 4 short questions')).toBeVisible();
  // data-mode="self": no way into workshops.
  await expect(teamA.getByRole('button', { name: 'Run a workshop' })).toHaveCount(0);

  // The host's elements are exactly as without Tandem.
  expect(await hostStyles(page)).toEqual(baseline);
  // Nothing outside the two elements was added to the page.
  expect(await page.evaluate(() => document.body.querySelectorAll('[data-tandem] *').length)).toBe(0);
  expect(await page.evaluate(() => document.head.querySelectorAll('style, link[rel=stylesheet]').length)).toBe(1);

  // The host's resets and element rules do not reach into the widget.
  const heading = await teamA.getByRole('heading', { level: 3 }).evaluate((h) => {
    const s = getComputedStyle(h);
    return { size: s.fontSize, family: s.fontFamily, transform: s.textTransform, spacing: s.letterSpacing, align: s.textAlign };
  });
  expect(heading).toEqual({ size: '28px', family: expect.not.stringContaining('Comic'), transform: 'none', spacing: 'normal', align: 'start' });
  const role = teamA.getByRole('button', { name: 'Marketing' });
  expect(await role.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe('rgb(255, 105, 180)');
  expect(await role.evaluate((b) => getComputedStyle(b).textTransform)).toBe('none');

  // Each embed links every stylesheet the page's own Tandem links, in its shadow root.
  const own = [...readFileSync(join(root, 'dist/index.html'), 'utf8').matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"/g)].map((m) => m[1]);
  const linked = await page.evaluate(() => [...document.querySelector('#team-a').shadowRoot.querySelectorAll('link[rel=stylesheet]')]
    .map((link) => new URL(link.href).pathname.split('/').pop()));
  expect(linked).toEqual(own);

  // Each embed is one region of the page, named by its data-label (or its namespace), and its
  // headings start under the host's own h2 (data-heading-level="3"): two copies of the widget
  // repeat no landmark, and the page's outline has no second h1.
  await expect(page.getByRole('region', { name: "Team A's check" })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Tandem (team-b)' })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Your data' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(teamA.getByRole('heading', { level: 4, name: 'Which function do you work in?' })).toBeVisible();
  await expectAccessibleIn(page, ['#team-a', '#team-b'], 'the two embeds (light)');

  // By keyboard: team A answers as Marketing, team B as IT with its own questions.
  await role.focus();
  await page.keyboard.press('Enter');
  await expect(teamA.getByRole('heading', { level: 3 })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await teamB.getByRole('button', { name: 'IT', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(teamB.getByRole('heading', { level: 3 })).toHaveText('Planning launches together');
  await expect(teamB.getByRole('group', { name: 'IT hears about a campaign launch at least four weeks ahead.' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');

  // The host's colour reaches team B's primary button; team A keeps Tandem's.
  const primary = (embed) => embed.locator('.button.primary').first().evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(await primary(teamB)).toBe('rgb(11, 107, 79)');
  expect(await primary(teamA)).toBe('rgb(31, 95, 191)');

  // Separate data: one namespace each, nothing under the page's own Tandem's keys.
  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  const journey = (key) => JSON.parse(stored[key]).journey.respondent;
  expect(journey('tandem:team-a.self-assessment').role).toBe('marketing');
  expect(Object.values(journey('tandem:team-a.self-assessment').answers)).toEqual([1]);
  expect(journey('tandem:team-b.self-assessment').role).toBe('it');
  expect(journey('tandem:team-b.self-assessment').answers).toEqual({ p1: 4 });
  expect(Object.keys(stored).filter((k) => k.startsWith('tandem.'))).toEqual([]);

  // A reload brings each back to its own place.
  await page.reload();
  await expect(teamA.getByText('1 of 33 statements answered')).toBeVisible();
  await expect(teamB.getByRole('heading', { level: 3 })).toHaveText('Planning launches together');
  await expect(teamB.getByText('1 of 4 statements answered')).toBeVisible();

  // Dark for a visitor who prefers it, unless the host fixed the theme (team B is light).
  await page.emulateMedia({ colorScheme: 'dark' });
  const background = (embed) => embed.locator('.tandem').evaluate((t) => getComputedStyle(t).backgroundColor);
  expect(await background(teamA)).toBe('rgb(22, 24, 29)');
  expect(await background(teamB)).toBe('rgb(247, 247, 244)');
  await expectAccessibleIn(page, ['#team-a', '#team-b'], 'the two embeds (dark)', ['landmark-unique']);

  // The page's own Tandem opened with the namespace shows team A's data, as the links from
  // the embed (presenter view, printable pages) do.
  await page.goto('index.html?namespace=team-a');
  await expect(page.getByText('1 of 33 statements answered')).toBeVisible();
  await page.goto('index.html?namespace=team-b');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planning launches together');
});

test('a question bank with mistakes shows the page author every mistake, as tandem check-bank does', async ({ page }) => {
  const html = readFileSync(join(root, 'demo/broken-bank.html'), 'utf8');
  const json = html.match(/<script type="application\/json" id="broken-bank">([\s\S]*?)<\/script>/)[1];
  const file = join(mkdtempSync(join(tmpdir(), 'tandem-bank-')), 'broken.json');
  writeFileSync(file, json);
  const checked = spawnSync(cli, ['check-bank', file], { encoding: 'utf8' });
  expect(checked.status).toBe(1);
  const expected = checked.stderr.trim().split('\n').map((line) => line.replace(`tandem: ${file}: `, ''));
  expect(expected.length).toBe(3);

  await page.goto('demo/broken-bank.html');
  const alert = page.locator('[data-tandem]').getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('Tandem cannot start here');
  await expect(alert.getByRole('listitem')).toHaveText(['The question bank #broken-bank has mistakes:', ...expected]);
  // No widget: nothing to answer.
  await expect(page.locator('[data-tandem]').getByRole('button')).toHaveCount(0);
  await expectAccessibleIn(page, ['[data-tandem]'], 'the bank error');
});

test('in an iframe with lang=de the whole UI is German, with German dates, and a bank file beside dist/', async ({ page }) => {
  await page.goto('demo/iframe.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Wie gut arbeiten Marketing und IT zusammen?');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'de');
  // The bank file has six statements.
  await expect(frame.getByText('Tandem stellt Ihnen 6 kurze Fragen')).toBeVisible();
  // No English and no catalogue key is left on the screen (the questions are the bank's).
  const words = await frame.locator('body').innerText();
  expect(words).not.toMatch(/\b(the|and|your|you|of)\b/i);
  expect(words).not.toMatch(/\b[a-z]+\.[a-z][a-z-]*\b/);
  await expectAccessibleIn(page, ['iframe'], 'the German start screen');

  // A workshop in German, with its date as German writes it.
  await frame.getByRole('button', { name: 'Einen Workshop leiten' }).focus();
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Workshops');
  await frame.getByLabel('Name').fill('Planung');
  await frame.getByRole('button', { name: 'Workshop anlegen' }).focus();
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Planung');
  await expect(frame.locator('.workshop-meta')).toHaveText(/^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4} · Noch keine Antworten$/);
  await expect(frame.getByRole('heading', { level: 2, name: 'Begrüßung und Grundregeln' })).toBeVisible();
  const workshop = await frame.locator('body').innerText();
  expect(workshop).not.toMatch(/\b(the|and|your|you|of)\b/i);
  await expectAccessibleIn(page, ['iframe'], 'a German workshop');

  // Without a bank of the host's, a German page asks the default bank's questions in German.
  await page.goto('index.html?lang=de');
  await page.getByRole('button', { name: 'Marketing' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gegenseitiges Verständnis');
  await expect(page.getByRole('group', { name: /^Ich könnte einer neuen Kollegin erklären/ })).toBeVisible();
  await expect(page.getByText('Schritt 1 von 8')).toBeVisible();
});

test('without lang the browser\'s language decides, English when Tandem does not speak it; lang wins over it', async ({ browser, baseURL }) => {
  // German is fetched only when it is asked for: English visitors never download it.
  const languageFiles = (page) => {
    const fetched = [];
    page.on('request', (request) => {
      if (request.url().includes('/languages/')) fetched.push(new URL(request.url()).pathname.split('/').pop());
    });
    return fetched;
  };
  const german = await browser.newContext({ locale: 'de-DE' });
  const page = await german.newPage();
  const fetchedInGerman = languageFiles(page);
  await page.goto(baseURL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie gut arbeiten Marketing und IT zusammen?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(fetchedInGerman.sort()).toEqual(['de.txt', 'default.de.json']);
  await page.goto(`${baseURL}index.html?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How well do Marketing and IT work together?');
  await german.close();
  const french = await browser.newContext({ locale: 'fr-FR' });
  const other = await french.newPage();
  const fetchedInEnglish = languageFiles(other);
  await other.goto(baseURL);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('How well do Marketing and IT work together?');
  expect(fetchedInEnglish).toEqual([]);
  await french.close();

  // When the German files cannot be had (a dist/ copied without languages/), Tandem still starts,
  // in English, rather than showing keys.
  const cut = await browser.newContext({ locale: 'de-DE' });
  await cut.route('**/languages/**', (route) => route.fulfill({ status: 404, body: '' }));
  const english = await cut.newPage();
  await english.goto(baseURL);
  await expect(english.getByRole('heading', { level: 1 })).toHaveText('How well do Marketing and IT work together?');
  await expect(english.locator('html')).toHaveAttribute('lang', 'en');
  await cut.close();
});
