import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// WCAG 2.2 AA by axe-core: what a page must not have. Serious and critical findings fail the
// test, listed with the elements, so the report says what to fix.

export const PUBLIC_PAGES = [
  '/',
  '/tariffs',
  '/outages',
  '/news',
  '/documents',
  '/services',
  '/contacts',
  '/support',
  '/support/pochemu-nachislili-po-srednemu',
  '/support/appeals/new',
  '/pay',
  '/pay/not-credited',
  '/fiz/login',
  '/fiz/register',
  '/lk/login',
  '/admin/login',
];

export const HOUSEHOLD_PAGES = [
  '/fiz',
  '/fiz/readings',
  '/fiz/readings/history',
  '/fiz/meters',
  '/fiz/bills',
  '/fiz/payments',
  '/fiz/payments/history',
  '/fiz/payments/not-credited',
  '/fiz/services',
  '/fiz/profile',
  '/fiz/connection',
  '/fiz/appeals',
];

export const COMPANY_PAGES = [
  '/lk',
  '/lk/bills',
  '/lk/readings',
  '/lk/reconciliation',
  '/lk/payments',
  '/lk/applications',
  '/lk/info',
  '/lk/users',
  '/lk/services',
  '/lk/connection',
  '/lk/appeals',
];

export const STAFF_PAGES = [
  '/admin',
  '/admin/accounts',
  '/admin/registrations',
  '/admin/meters',
  '/admin/readings',
  '/admin/billing',
  '/admin/key-rates',
  '/admin/payments',
  '/admin/debtors',
  '/admin/benefits',
  '/admin/applications',
  '/admin/services',
  '/admin/connection',
  '/admin/news',
  '/admin/outages',
  '/admin/tariffs',
  '/admin/documents',
  '/admin/support',
  '/admin/support/settings',
  '/admin/support/articles',
  '/admin/audit',
];

/** Opens the page and records its serious or critical findings: the test fails at its end with every page's list. */
export async function expectAccessible(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect.soft(blocking, `${path}\n${blocking.join('\n')}`).toEqual([]);
}
