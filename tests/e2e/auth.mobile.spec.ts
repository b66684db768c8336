import { expect, test } from './support/fixtures';

// The registration and login forms on a 360 px phone: nothing wider than the screen.

for (const path of ['/fiz/register', '/fiz/login', '/fiz/password/reset', '/lk/login']) {
  test(`${path} fits a phone`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('form').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
