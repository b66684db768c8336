import { expect, test } from '@playwright/test';

// On a 360 px phone nothing may force sideways scrolling of the page, and the menu must open.

for (const path of ['/', '/tariffs', '/outages', '/news', '/documents', '/services', '/contacts']) {
  test(`${path} fits a 360 px screen`, async ({ page }) => {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the menu opens on a phone and leads to the tariffs', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').locator('summary').click();
  await page.getByRole('navigation', { name: 'Меню' }).getByRole('link', { name: 'Тарифы' }).click();
  await expect(page).toHaveURL(/\/tariffs$/);
});
