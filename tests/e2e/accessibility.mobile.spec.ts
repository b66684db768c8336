import { expectAccessible, HOUSEHOLD_PAGES, PUBLIC_PAGES } from './support/axe';
import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// The same axe-core check at 360 px, where most subscribers are: the public pages and the household cabinet.

// A dozen or more pages with axe on each: more than the default minute.
test.describe.configure({ timeout: 180_000 });

test('public pages on a phone', async ({ page }) => {
  for (const path of PUBLIC_PAGES) await expectAccessible(page, path);
});

test('household cabinet on a phone', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  for (const path of HOUSEHOLD_PAGES) await expectAccessible(page, path);
});
