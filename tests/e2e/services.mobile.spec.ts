import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// Paid services on a 360 px phone: the price list, the order form, the request page with its
// price to accept — nothing wider than the screen, the main buttons reachable.

async function noOverflow(page: import('@playwright/test').Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('price list, order form and a priced request fit a phone', async ({ page }) => {
  await page.goto('/services');
  await expect(page.getByRole('link', { name: 'Заказать: Восстановление электрощита' })).toBeVisible();

  await loginAt(page, '/fiz/login', '50010003', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  await page.goto('/fiz/services/new?service=EM-SOCKET');
  await expect(page.getByRole('button', { name: 'Отправить заявку' })).toBeVisible();
  await noOverflow(page);

  await page.goto('/fiz/services');
  await page.getByRole('link', { name: /Поиск и устранение неисправности/ }).click();
  await expect(page).toHaveURL(/\/fiz\/services\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('service-status')).toHaveText('Цена подтверждена, ждёт оплаты');
  await expect(page.getByRole('button', { name: /^Принять цену 3\s200,00\s₽$/ })).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await noOverflow(page);
});
