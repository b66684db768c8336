import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// The company cabinet on a 360 px phone: every page readable, nothing wider than the screen.

const pages = ['/lk', '/lk/bills', '/lk/readings', '/lk/users'];

test('the owner’s pages fit a phone', async ({ page }) => {
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/);
  await expect(page.getByTestId('account-number')).toHaveCount(3);
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.goto('/lk/users');
  await expect(page.getByRole('button', { name: 'Пригласить' })).toBeVisible();
  // The seeded three, and whoever the desktop journey invited.
  await expect(page.getByTestId('member').filter({ hasText: 'accountant@example.com' })).toBeVisible();
  expect(await page.getByTestId('member').count()).toBeGreaterThanOrEqual(3);
});
