import {
  ADMIN_PAGES,
  COMPANY_DETAILS,
  COMPANY_PAGES,
  detailPaths,
  DOOR_PAGES,
  HOUSEHOLD_DETAILS,
  HOUSEHOLD_PAGES,
  PUBLIC_DETAILS,
  PUBLIC_PAGES,
  STAFF_DETAILS,
  STAFF_FORM_PAGES,
  STAFF_PAGES,
} from './support/axe';
import { DEMO_PASSWORD, expect, loginAt, test, signInStaff } from './support/fixtures';
import { expectAboveTheFold, expectFitsScreen } from './support/layout';

// Every page a visitor can open with the demo data, on a 360×740 phone, fits it
// (tests/e2e/support/layout.ts says what that means), and a cabinet's key figure is on the first
// screen. Read-only: the journeys only open pages.

// Each sweep opens a dozen or more pages and runs axe on each: more than the default minute.
test.describe.configure({ timeout: 240_000 });

test('public pages fit a 360 px screen', async ({ page }) => {
  for (const path of PUBLIC_PAGES) await expectFitsScreen(page, path);
});

test('public cards and the account doors fit a 360 px screen', async ({ page }) => {
  for (const path of await detailPaths(page, PUBLIC_DETAILS)) await expectFitsScreen(page, path);
  for (const path of DOOR_PAGES) await expectFitsScreen(page, path);
  // A mistyped or outdated link: the «not found» page answers 404 and must fit too.
  await expectFitsScreen(page, '/takoy-stranitsy-net', { status: 404 });
});

test('household pages fit a 360 px screen', async ({ page }) => {
  // Петров: a debt, estimated bills, a two-zone meter, an open appeal: the widest household pages.
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  for (const path of HOUSEHOLD_PAGES) await expectFitsScreen(page, path);
  const details = await detailPaths(page, HOUSEHOLD_DETAILS);
  for (const path of details) await expectFitsScreen(page, path);
  await expectAboveTheFold(page, '/fiz', 'balance');
  await expectAboveTheFold(page, details[0]!, 'bill-amount');
});

test('company pages fit a 360 px screen', async ({ page }) => {
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  for (const path of COMPANY_PAGES) await expectFitsScreen(page, path);
  for (const path of await detailPaths(page, COMPANY_DETAILS)) await expectFitsScreen(page, path);
  await expectAboveTheFold(page, '/lk', 'total-due');
});

test('staff pages fit a 360 px screen', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  for (const path of STAFF_PAGES) await expectFitsScreen(page, path);
});

test('staff cards and forms fit a 360 px screen', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  for (const path of await detailPaths(page, STAFF_DETAILS)) await expectFitsScreen(page, path);
  for (const path of STAFF_FORM_PAGES) await expectFitsScreen(page, path);
});

test('administrator pages fit a 360 px screen', async ({ page }) => {
  await signInStaff(page, 'admin@example.com');
  for (const path of ADMIN_PAGES) await expectFitsScreen(page, path);
});

test('the current page is marked in the menus, and «Личный кабинет» opens the own cabinet', async ({ page }) => {
  await page.goto('/tariffs');
  await page.locator('header summary').click();
  await expect(page.getByRole('navigation', { name: 'Меню' }).getByRole('link', { name: 'Тарифы' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await page.goto('/lk/bills');
  const nav = page.getByRole('navigation', { name: 'Разделы кабинета' });
  await expect(nav.getByRole('link', { name: 'Счета и документы' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  await page.goto('/news');
  await page.getByRole('banner').getByRole('link', { name: 'Личный кабинет', exact: true }).click();
  await expect(page).toHaveURL(/\/lk$/);
});
