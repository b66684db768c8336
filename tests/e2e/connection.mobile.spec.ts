import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// Technological connection on a 360 px phone: the list, the application form with its calculator,
// an application's page with its deadlines — nothing wider than the screen.

async function noOverflow(page: import('@playwright/test').Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the application form and an application page fit a phone', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  await page.goto('/fiz/connection/new');
  await page.getByLabel(/^Максимальная мощность, кВт/).fill('12');
  await expect(page.getByTestId('connection-fee')).toContainText('60\u00a0000,00\u00a0₽');
  // Up to 15 kW a household may pay by installments; above, the choice is not offered.
  await expect(page.getByLabel(/^Оплатить в рассрочку/)).toBeVisible();
  await page.getByLabel(/^Максимальная мощность, кВт/).fill('20');
  await expect(page.getByLabel(/^Оплатить в рассрочку/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Подать заявку' })).toBeVisible();
  await noOverflow(page);

  await page.goto('/fiz/connection');
  await noOverflow(page);
  const first = page.getByRole('link', { name: /^Заявка № \d+/ }).first();
  if (await first.count()) {
    await first.click();
    await expect(page.getByTestId('connection-status')).toBeVisible();
    await expect(page.getByTestId('timeline')).toBeVisible();
    await noOverflow(page);
  }
});
