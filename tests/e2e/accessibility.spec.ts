import { COMPANY_PAGES, expectAccessible, HOUSEHOLD_PAGES, PUBLIC_PAGES, STAFF_PAGES } from './support/axe';
import { DEMO_PASSWORD, expect, loginAt, test, signInStaff } from './support/fixtures';

// Every page at 1366 px, as each kind of visitor sees it, has no serious or critical WCAG 2.2 AA
// finding of axe-core.

test('public pages', async ({ page }) => {
  for (const path of PUBLIC_PAGES) await expectAccessible(page, path);
});

test('household cabinet', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  for (const path of HOUSEHOLD_PAGES) await expectAccessible(page, path);
});

test('company cabinet', async ({ page }) => {
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  for (const path of COMPANY_PAGES) await expectAccessible(page, path);
});

test('staff console', async ({ page }) => {
  test.setTimeout(120_000);
  await signInStaff(page, 'operator@example.com');
  for (const path of STAFF_PAGES) await expectAccessible(page, path);
});
