import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';
import { payWithSandboxCard } from './support/sandbox-card';

// The company's accountant pays one account by card through the sandbox and sees it in the
// account's history; the bank-transfer details (purpose line, requisites, QR) are on the same page.
test.use({ viewport: { width: 1366, height: 900 } });
test.describe.configure({ timeout: 90_000 });

test('the accountant pays by card through the sandbox; the payment is in the account’s history', async ({ page }) => {
  await loginAt(page, '/lk/login', 'accountant@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Оплата' }).click();
  await expect(page).toHaveURL(/\/lk\/payments$/);
  const second = await page.locator('#account option', { hasText: '70020002' }).getAttribute('value');
  await page.getByLabel(/^Лицевой счёт/).selectOption(second!);
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page).toHaveURL(new RegExp(`/lk/payments\\?account=${second}$`));
  await expect(page.getByTestId('selected-account')).toContainText('70020002');
  await expect(page.getByTestId('sandbox-notice')).toBeVisible();
  await page.getByLabel(/^Сумма, ₽/).fill('1234,56');
  await page.getByRole('button', { name: 'Оплатить', exact: true }).click();

  await expect(page).toHaveURL(/\/sandbox\/pay\?/);
  await expect(page.getByTestId('sandbox-amount')).toHaveText(/1\s234,56/);
  await payWithSandboxCard(page);
  await page.getByRole('link', { name: 'В личный кабинет' }).click();
  await expect(page).toHaveURL(/\/lk\/payments$/);

  await page.goto(`/lk/payments?account=${second}`);
  const row = page.getByTestId('history-row').first();
  await expect(row).toHaveAttribute('data-status', 'paid');
  await expect(row).toContainText(/1\s234,56/);
  await expect(row.getByTestId('history-method')).toHaveText('банковская карта');
});

test('bank transfer: the exact purpose line, the utility’s details with copy buttons and the invoice QR', async ({
  page,
}) => {
  await loginAt(page, '/lk/login', 'accountant@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await page.goto('/lk/payments');
  const transfer = page.getByTestId('bank-transfer');
  await expect(page.getByTestId('transfer-purpose')).toHaveText(
    /^Оплата по счёту № \S+ от \d{2}\.\d{2}\.\d{4}, договор № ЮЛ-2021\/014-1, за [а-я]+ \d{4}, (в т\.ч\. НДС \d+% \d+-\d{2}|без НДС)$/,
  );
  const payee = transfer.getByTestId('payee-details');
  for (const text of ['5017012349', '501701001', '044525225', '30101810400000000225', '40702810640000012345']) {
    await expect(payee).toContainText(text);
  }
  await expect(transfer.getByTestId('copy-button').first()).toBeVisible();
  await expect(transfer.getByRole('img', { name: /QR-код для оплаты счёта/ })).toBeVisible();
  const invoice = await page.request.get((await page.getByTestId('transfer-invoice').getAttribute('href'))!);
  expect(invoice.headers()['content-type']).toBe('application/pdf');
  // The engineer has no payments page.
  await page.getByRole('button', { name: 'Выйти' }).click();
  await loginAt(page, '/lk/login', 'engineer@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await page.goto('/lk/payments');
  await expect(page.getByTestId('role-denied')).toContainText('«Энергетик»');
});
