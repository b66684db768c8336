import { expect, letterText, test } from './support/fixtures';

// Paying by account number without an account. Кузнецов (50010004) has no cabinet, so the
// guest form is how he pays; the payee is shown masked before any money moves.

test('a mistyped number or amount is explained and nothing is shown about anyone', async ({ page }) => {
  await page.goto('/pay');
  await expect(page.getByTestId('sandbox-notice')).toBeVisible();
  await page.getByLabel(/^Номер лицевого счёта/).fill('50019999');
  await page.getByLabel(/^Сумма, ₽/).fill('0');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await expect(page.getByText('Минимальная сумма — 1 ₽').first()).toBeVisible();

  await page.getByLabel(/^Сумма, ₽/).fill('500');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await expect(
    page.getByText('Лицевой счёт не найден. Проверьте номер: он напечатан в квитанции и в договоре.').first(),
  ).toBeVisible();
  await expect(page.getByTestId('guest-payee')).toHaveCount(0);
});

test('a guest sees the masked payee, pays with 3-D Secure and gets the receipt letter', async ({ page }) => {
  await page.goto('/pay');
  await page.getByLabel(/^Номер лицевого счёта/).fill('50010004');
  await page.getByLabel(/^Сумма, ₽/).fill('1 250,50');
  await page.getByLabel(/^Электронная почта для чека/).fill('kuznetsov.guest@example.com');
  await page.getByRole('button', { name: 'Продолжить' }).click();

  const payee = page.getByTestId('guest-payee');
  await expect(payee).toContainText('К***в Д. А.');
  await expect(payee).toContainText('г. Истра, ул. Л***');
  await expect(payee).toContainText(/1\s250,50/);
  await expect(page.getByRole('link', { name: 'Порядок возврата денежных средств' })).toHaveAttribute(
    'href',
    '/documents/poryadok-vozvrata',
  );
  // The full name, the street and the house never reach the page.
  await expect(page.getByText(/Кузнецов|Ленина/)).toHaveCount(0);
  await expect(payee).not.toContainText('д. 5');
  await payee.getByRole('button', { name: 'Всё верно, оплатить' }).click();

  await expect(page).toHaveURL(/\/sandbox\/pay\?/);
  await expect(page.getByTestId('sandbox-amount')).toHaveText(/1\s250,50/);
  await page.getByLabel(/^Номер карты/).fill('4111 1111 1111 1111');
  await page.getByLabel(/^Срок действия/).fill('12/30');
  await page.getByLabel(/^CVC/).fill('123');
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await page.getByLabel(/Код из SMS/).fill('12345');
  await page.getByRole('button', { name: 'Подтвердить' }).click();

  await expect(page).toHaveURL(/\/payments\/success\?/);
  await expect(page.getByTestId('payment-status')).toContainText('Оплата получена');
  await expect(page.getByTestId('payment-status')).toContainText(/1\s250,50/);
  expect(await letterText(page, 'kuznetsov.guest@example.com', /Платёж .* получен/)).toContain('50010004');
});
