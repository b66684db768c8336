import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// «Платёж не зачислен» as a subscriber meets it: the date and amount of a payment they made, and
// the portal says where it is; a payment that is not there says what to send. Ivanova's (50010001)
// history has the seeded card payments.

test('the cabinet finds a credited payment by its date and amount', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/payments/history');
  const paid = page.locator('[data-testid="history-row"][data-status="paid"]').first();
  await expect(paid).toBeVisible();
  const [when, , amount] = await paid.locator('td').allInnerTexts();
  const [day, month, year] = when!.slice(0, 10).split('.');

  await page.getByRole('link', { name: 'Платёж не зачислен' }).first().click();
  await expect(page).toHaveURL(/\/fiz\/payments\/not-credited$/);
  await page.getByLabel(/^Дата оплаты/).fill(`${year}-${month}-${day}`);
  await page.getByLabel(/^Сумма, ₽/).fill(amount!.replace(/[^\d,]/g, ''));
  await page.getByRole('button', { name: 'Найти платёж' }).click();
  const finding = page.getByTestId('payment-finding');
  await expect(finding).toHaveAttribute('data-outcome', 'credited');
  await expect(finding).toContainText(/зачислен .* на лицевой счёт 50010001/);

  await page.getByRole('link', { name: 'Проверить другой платёж' }).click();
  await page.getByLabel(/^Дата оплаты/).fill(`${year}-${month}-${day}`);
  await page.getByLabel(/^Сумма, ₽/).fill('1,23');
  await page.getByRole('button', { name: 'Найти платёж' }).click();
  await expect(page.getByTestId('payment-finding')).toHaveAttribute('data-outcome', 'not_found');
  await expect(page.getByTestId('payment-finding')).toContainText('номер операции');
});

test('a guest checks a payment by account number, and a wrong number is refused in Russian', async ({ page }) => {
  await page.goto('/pay');
  await page.getByRole('link', { name: 'Проверьте, где он' }).click();
  await expect(page).toHaveURL(/\/pay\/not-credited$/);
  await page.getByLabel(/^Номер лицевого счёта/).fill('99999998');
  await page.getByLabel(/^Дата оплаты/).fill('2026-11-01');
  await page.getByLabel(/^Сумма, ₽/).fill('100');
  await page.getByRole('button', { name: 'Найти платёж' }).click();
  await expect(page.getByText(/Лицевой счёт не найден/).first()).toBeVisible();

  await page.getByLabel(/^Номер лицевого счёта/).fill('50010001');
  await page.getByRole('button', { name: 'Найти платёж' }).click();
  await expect(page.getByTestId('payment-finding')).toHaveAttribute('data-outcome', /not_found|credited/);
  await expect(page.getByTestId('payment-finding')).not.toContainText('Иванова');
});
