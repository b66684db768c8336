import { expect, test, signInStaff } from './support/fixtures';

// An emergency outage entered from a 360 px phone: settlement, a street and its houses, an
// estimate, a reason — and it is on the home page and on /outages at once.

test('an emergency outage entered on a phone is on / and /outages at once', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await page.goto('/admin/outages');
  await page.getByRole('link', { name: 'Аварийное отключение' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Аварийное отключение');
  const form = page.getByRole('form', { name: 'Аварийное отключение' });
  // No sideways scrolling on the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await form.getByLabel('Населённый пункт').selectOption('д. Лешково');
  await form.getByLabel('ул. Лесная').check();
  await form.getByLabel('Дома на улице ул. Лесная').fill('1–15, 17а');
  await form.getByLabel('Восстановим ориентировочно через').selectOption('3');
  await form.getByLabel('Причина').fill('обрыв провода ВЛ-0,4 кВ');
  await form.getByRole('button', { name: 'Опубликовать отключение' }).click();
  await expect(page.getByTestId('outage-published')).toBeVisible();

  await page.goto('/');
  const home = page.locator('section', { has: page.getByRole('heading', { name: 'Отключения электроэнергии' }) });
  await expect(home.getByText('ул. Лесная, д. 1–15, 17а')).toBeVisible();
  await page.goto('/outages');
  const card = page.locator('article', { hasText: 'обрыв провода ВЛ-0,4 кВ' });
  await expect(card).toContainText('Аварийное отключение');
  await expect(card).toContainText('д. Лешково');
  await expect(card).toContainText('сейчас');
});
