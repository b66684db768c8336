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
  '/offline',
];

// The account doors' steps a visitor reaches from a letter or a form: without the letter's token
// each still renders its page (a «link is not valid» notice), and so must fit and pass axe.
export const DOOR_PAGES = [
  '/fiz/register/sent',
  '/fiz/register/confirm',
  '/fiz/register/confirmed',
  '/fiz/email/confirm',
  '/fiz/password/reset',
  '/fiz/password/new',
  '/lk/register',
  '/lk/register/sent',
  '/lk/register/confirm',
  '/lk/invite',
  '/payments/success',
  '/payments/fail',
  '/unsubscribe/ssylka-bez-podpisi',
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
  '/fiz/appeals/new',
  '/fiz/services/new',
  '/fiz/connection/new',
  '/fiz/payments/autopay',
  '/fiz/notifications',
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
  '/lk/appeals/new',
  '/lk/applications/new',
  '/lk/services/new',
  '/lk/connection/new',
  '/lk/notifications',
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

// The console's forms and back-office pages, kept apart from STAFF_PAGES so each sweep stays within its time.
export const STAFF_FORM_PAGES = [
  '/admin/news/new',
  '/admin/outages/new',
  '/admin/support/articles/new',
  '/admin/services/catalogue',
  '/admin/connection/rates',
  '/admin/jobs',
];

/** Pages only an administrator opens. */
export const ADMIN_PAGES = ['/admin/staff'];

/** A page reached from a list: the list's address and the pattern of its entries' links. */
interface DetailPage {
  list: string;
  link: RegExp;
}

// One card of each kind the demo data has (a news item, a bill, an appeal…), found by opening its
// list: ids are generated, slugs may be edited by staff.
export const PUBLIC_DETAILS: DetailPage[] = [
  { list: '/news', link: /^\/news\/[^/?#]+$/ },
  { list: '/documents', link: /^\/documents\/[^/?#]+$/ },
  { list: '/support', link: /^\/support\/(?!appeals(?:$|\/))[^/?#]+$/ },
];

export const HOUSEHOLD_DETAILS: DetailPage[] = [
  { list: '/fiz/bills', link: /^\/fiz\/bills\/[^/?#]+$/ },
  { list: '/fiz/appeals', link: /^\/fiz\/appeals\/(?!new$)[^/?#]+$/ },
  { list: '/fiz/services', link: /^\/fiz\/services\/(?!new$)[^/?#]+$/ },
];

export const COMPANY_DETAILS: DetailPage[] = [{ list: '/lk/services', link: /^\/lk\/services\/(?!new$)[^/?#]+$/ }];

export const STAFF_DETAILS: DetailPage[] = [
  { list: '/admin/accounts?q=50010002', link: /^\/admin\/accounts\/[^/?#]+$/ },
  { list: '/admin/payments', link: /^\/admin\/payments\/[^/?#]+$/ },
  { list: '/admin/services', link: /^\/admin\/services\/(?!catalogue$)[^/?#]+$/ },
  { list: '/admin/news', link: /^\/admin\/news\/(?!new$)[^/?#]+$/ },
  { list: '/admin/support', link: /^\/admin\/support\/(?!settings$|articles$)[^/?#]+$/ },
  { list: '/admin/support/articles', link: /^\/admin\/support\/articles\/(?!new$)[^/?#]+$/ },
];

/** The first entry of each list, as a path: the demo data has one of each, so a missing one fails. */
export async function detailPaths(page: Page, details: DetailPage[]): Promise<string[]> {
  const paths: string[] = [];
  for (const { list, link } of details) {
    await page.goto(list);
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const found = hrefs.find((href) => link.test(href));
    expect(found, `${list}: no link like ${link}`).toBeDefined();
    if (found) paths.push(found);
  }
  return paths;
}

/**
 * Opens the page and records its serious or critical findings: the test fails at its end with every page's list.
 * `status`: the one answer expected of a page that is an error on purpose (the «not found» page).
 */
export async function expectAccessible(page: Page, path: string, options: { status?: number } = {}): Promise<void> {
  const response = await page.goto(path);
  if (options.status) expect(response?.status(), path).toBe(options.status);
  else expect(response?.status(), path).toBeLessThan(400);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect.soft(blocking, `${path}\n${blocking.join('\n')}`).toEqual([]);
}
