import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';
import { loginByKeyboard, tabTo } from './support/keyboard';

// In the browser: Ivanova (50010001, one-rate meter 41235872) submits readings.
// The server's clock decides the period, so messages are matched for any day of the month.

test.describe.configure({ mode: 'serial' });

test('the cabinet home shows the account, balance, latest bill and the reading status', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await expect(page.getByTestId('account-number').first()).toHaveText('50010001');
  await expect(page.getByTestId('balance').first()).toContainText(/Задолженности нет|Переплата|К оплате/);
  await expect(page.getByTestId('latest-bill').first()).toContainText(/квитанция R-\d{6}-50010001/);
  await expect(page.getByText(/Договор/).first()).toBeVisible();
  await page.getByRole('link', { name: 'Передать показания' }).first().click();
  await expect(page).toHaveURL(/\/fiz\/readings$/);
});

test('readings: fractions and lower values are refused with the reason, a whole number is accepted and can be corrected', async ({
  page,
}) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/readings');
  const meter = page.locator('[data-testid="meter"][data-serial="41235872"]');
  const hint = await meter.getByText(/Предыдущее:/).textContent();
  const previous = Number((hint ?? '').replace(/\(.*$/, '').replace(/\D/g, ''));
  expect(previous).toBeGreaterThan(0);
  const input = meter.getByLabel(/Круглосуточно/);
  const submit = meter.getByRole('button', { name: 'Передать показания' });

  await input.fill('123,5');
  await submit.click();
  await expect(meter.getByText(/целым числом кВт·ч, без дробной части/)).toBeVisible();

  await input.fill(String(previous - 10));
  await submit.click();
  await expect(meter.getByText(/не может быть меньше предыдущего/)).toBeVisible();

  await input.fill(String(previous + 210));
  await submit.click();
  await expect(meter.getByRole('status').filter({ hasText: /Показания .*(приняты|учтены)/ })).toBeVisible();
  await page.reload();
  await expect(meter.getByTestId('submitted')).toContainText(
    (previous + 210).toLocaleString('ru-RU').replace(/\s/g, '\u00a0'),
  );

  await input.fill(String(previous + 215));
  await submit.click();
  await expect(meter.getByRole('status').filter({ hasText: /исправлены|уже приняты|приняты/ })).toBeVisible();
  await page.reload();
  await expect(meter.getByTestId('submitted')).toContainText(
    String(previous + 215).replace(/(\d)(?=(\d{3})+$)/g, '$1\u00a0'),
  );
});

test('by keyboard alone: log in, open the readings from the cabinet home, correct the reading', async ({ page }) => {
  await loginByKeyboard(page, '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await tabTo(page, page.getByRole('link', { name: 'Передать показания' }).first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/fiz\/readings$/);
  const meter = page.locator('[data-testid="meter"][data-serial="41235872"]');
  const hint = await meter.getByText(/Предыдущее:/).textContent();
  const previous = Number((hint ?? '').replace(/\(.*$/, '').replace(/\D/g, ''));
  await tabTo(page, meter.getByLabel(/Круглосуточно/));
  await page.keyboard.press('ControlOrMeta+A');
  // A fraction first: the error is tied to the field and read out with it.
  await page.keyboard.type('1,5');
  await page.keyboard.press('Enter');
  const input = meter.getByLabel(/Круглосуточно/);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(/целым числом кВт·ч/);
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(String(previous + 220));
  await tabTo(page, meter.getByRole('button', { name: 'Передать показания' }));
  await page.keyboard.press('Enter');
  await expect(meter.getByRole('status').filter({ hasText: /исправлены|уже приняты|приняты/ })).toBeVisible();
  await page.reload();
  await expect(meter.getByTestId('submitted')).toContainText(
    String(previous + 220).replace(/(\d)(?=(\d{3})+$)/g, '$1\u00a0'),
  );
});

test('a huge jump needs an explicit confirmation', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/readings');
  const meter = page.locator('[data-testid="meter"][data-serial="41235872"]');
  const hint = await meter.getByText(/Предыдущее:/).textContent();
  const previous = Number((hint ?? '').replace(/\(.*$/, '').replace(/\D/g, ''));
  await meter.getByLabel(/Круглосуточно/).fill(String(previous + 90_000));
  await meter.getByRole('button', { name: 'Передать показания' }).click();
  await expect(meter.getByText(/намного больше обычного/).first()).toBeVisible();
  const confirm = meter.getByLabel(/Да, показания верные/);
  await confirm.check();
  await meter.getByRole('button', { name: 'Передать показания' }).click();
  await expect(meter.getByRole('status').filter({ hasText: /Показания .*(приняты|исправлены|учтены)/ })).toBeVisible();
});
