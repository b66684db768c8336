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

// Every page at 1366×900, as each kind of visitor sees it, has no serious or critical WCAG 2.2 AA
// finding of axe-core and fits the screen as on a phone (tests/e2e/support/layout.ts); a cabinet's
// key figure is on the first screen.
test.use({ viewport: { width: 1366, height: 900 } });

// Each sweep opens a dozen or more pages and runs axe on each: more than the default minute.
test.describe.configure({ timeout: 180_000 });

test('public pages', async ({ page }) => {
  for (const path of PUBLIC_PAGES) await expectFitsScreen(page, path);
});

test('public cards and the account doors', async ({ page }) => {
  for (const path of await detailPaths(page, PUBLIC_DETAILS)) await expectFitsScreen(page, path);
  for (const path of DOOR_PAGES) await expectFitsScreen(page, path);
  await expectFitsScreen(page, '/takoy-stranitsy-net', { status: 404 });
});

test('household cabinet', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  for (const path of HOUSEHOLD_PAGES) await expectFitsScreen(page, path);
  const details = await detailPaths(page, HOUSEHOLD_DETAILS);
  for (const path of details) await expectFitsScreen(page, path);
  await expectAboveTheFold(page, '/fiz', 'balance');
  await expectAboveTheFold(page, details[0]!, 'bill-amount');
});

test('company cabinet', async ({ page }) => {
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  for (const path of COMPANY_PAGES) await expectFitsScreen(page, path);
  for (const path of await detailPaths(page, COMPANY_DETAILS)) await expectFitsScreen(page, path);
  await expectAboveTheFold(page, '/lk', 'total-due');
});

test('staff console', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  for (const path of STAFF_PAGES) await expectFitsScreen(page, path);
});

test('staff console: cards and forms', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  for (const path of await detailPaths(page, STAFF_DETAILS)) await expectFitsScreen(page, path);
  for (const path of STAFF_FORM_PAGES) await expectFitsScreen(page, path);
});

test('staff console: administrator pages', async ({ page }) => {
  await signInStaff(page, 'admin@example.com');
  for (const path of ADMIN_PAGES) await expectFitsScreen(page, path);
});
