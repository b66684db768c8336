import { COMPANY_PAGES, HOUSEHOLD_PAGES, PUBLIC_PAGES, STAFF_PAGES } from './support/axe';
import { DEMO_PASSWORD, expect, loginAt, test, signInStaff } from './support/fixtures';
import { expectFitsPhone } from './support/layout';

// Every main page on a 360×740 phone fits it (tests/e2e/support/layout.ts says what that means).
// Read-only: the journeys only open pages.

// Each sweep opens a dozen or more pages and runs axe on each: more than the default minute.
test.describe.configure({ timeout: 240_000 });

test('public pages fit a 360 px screen', async ({ page }) => {
  for (const path of PUBLIC_PAGES) await expectFitsPhone(page, path);
});

test('household pages fit a 360 px screen', async ({ page }) => {
  // Петров: a debt, estimated bills, a two-zone meter: the widest household pages.
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  for (const path of HOUSEHOLD_PAGES) await expectFitsPhone(page, path);
  await page.goto('/fiz/bills');
  const bill = await page.locator('main a[href^="/fiz/bills/"]').first().getAttribute('href');
  if (bill) await expectFitsPhone(page, bill);
});

test('company pages fit a 360 px screen', async ({ page }) => {
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  for (const path of COMPANY_PAGES) await expectFitsPhone(page, path);
});

test('staff pages fit a 360 px screen', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  for (const path of STAFF_PAGES) await expectFitsPhone(page, path);
  await page.goto('/admin/accounts?q=50010002');
  const card = await page.locator('main a[href^="/admin/accounts/"]').first().getAttribute('href');
  if (card) await expectFitsPhone(page, card);
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
