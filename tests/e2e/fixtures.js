// Shared test set-up: every page is watched for requests that leave the app's own files and for
// errors (a CSP violation is one), and axe-core audits against WCAG 2.1 AA.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const foreign = [];
    const errors = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(baseURL) && !url.startsWith('blob:')) foreign.push(url);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await use(page);
    expect(foreign, 'requests beyond the app\'s own files').toEqual([]);
    expect(errors, 'console errors (including CSP violations)').toEqual([]);
  },
});

export { expect };

export async function expectAccessible(page, screen) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on the ${screen} screen`).toEqual([]);
}

/** A new workshop, created at the workshops' address and moved on to its individual
 * assessment. */
export async function createWorkshop(page, name) {
  await page.goto('./#workshops');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('button', { name: 'Next: Individual assessment' }).click();
}

/** Storage that throws `QuotaExceededError` for Tandem's keys once the page sets `window.full`. */
export async function storageThatFills(page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function guarded(key, value) {
      if (window.full && key.startsWith('tandem.')) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
}
