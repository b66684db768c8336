import { DEMO_PASSWORD, expect, loginAt, test, signInStaff } from './support/fixtures';
import { expectFitsScreen } from './support/layout';

// Appeals on a 360 px phone: the appeal form (cabinet and guest), an appeal's page with its thread
// (a fresh one with a photo, and one with staff's answer), the staff queue and an appeal in the
// console — each fits the screen (tests/e2e/support/layout.ts) with its forms usable.

// The smallest valid PNG (1×1).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test.describe.configure({ timeout: 120_000 });

test('a subscriber writes an appeal with a photo and reads the thread on a phone', async ({ page }) => {
  // Иванова: the demo data give her an answered appeal.
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  await expectFitsScreen(page, '/fiz/appeals/new');
  await page.getByLabel(/^Тема/).selectOption({ index: 1 });
  await page.getByLabel(/^Текст обращения/).fill('Счёт за ноябрь больше обычного, прошу проверить начисление.');
  await page.getByLabel(/^Файл 1/).setInputFiles({ name: 'квитанция.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  await expect(page).toHaveURL(/\/fiz\/appeals\/[0-9a-f-]{36}\?filed=1$/, { timeout: 20_000 });
  await expect(page.getByTestId('appeal-deadline')).toBeVisible();
  await expectFitsScreen(page, page.url().replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByRole('link', { name: 'квитанция.png' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Закрыть обращение' })).toBeVisible();

  await expectFitsScreen(page, '/fiz/appeals');
  await page
    .getByRole('list', { name: 'Мои обращения' })
    .getByRole('link', { name: /Показания счётчика/ })
    .first()
    .click();
  await expect(page.getByTestId('appeal-message-staff')).toBeVisible();
  await expectFitsScreen(page, page.url().replace(/^https?:\/\/[^/]+/, ''));
});

test('a guest’s appeal form fits a phone', async ({ page }) => {
  await expectFitsScreen(page, '/support/appeals/new');
  await expect(page.getByRole('button', { name: 'Отправить обращение' })).toBeVisible();
});

test('the staff queue and an appeal in the console fit a phone', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await expectFitsScreen(page, '/admin/support');
  const rows = page.getByTestId('appeal-queue').locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('data-overdue', 'yes');
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('button', { name: 'Отправить ответ' })).toBeVisible();
  await expectFitsScreen(page, page.url().replace(/^https?:\/\/[^/]+/, ''));
  await expectFitsScreen(page, '/admin/support/settings');
});
