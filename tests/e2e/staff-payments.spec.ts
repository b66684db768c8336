import { DEMO_PASSWORD, expect, letterText, loginAt, newDevice, test, signInStaff } from './support/fixtures';

// In the browser: the operator finds one of Ivanova's (50010001) paid payments by
// account number and then by InvId, refunds 10 ₽ of it; Ivanova sees the refund in her payment
// history and the letter in the development mailbox. Runs late in the alphabetical serial run:
// only staff-readings comes after, and it touches neither Ivanova nor payments.

test.describe.configure({ mode: 'serial' });

test('staff find a payment by account and by InvId, refund part of it; the payer sees it and gets a letter', async ({
  page,
  browser,
}) => {
  await signInStaff(page, 'operator@example.com');
  await page
    .getByRole('navigation', { name: 'Разделы кабинета' })
    .getByRole('link', { name: 'Платежи', exact: true })
    .click();
  await expect(page).toHaveURL(/\/admin\/payments$/);

  // By account number (and state «оплачен»): a plain GET form.
  await page.getByLabel('Лицевой счёт').fill('50010001');
  await page.getByLabel('Состояние').selectOption('paid');
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(/account=50010001/);
  const rows = page.getByTestId('staff-payment-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(3);
  for (const text of await rows.allTextContents()) expect(text).toContain('50010001');
  await expect(page.locator('[data-testid="staff-payment-row"]:not([data-status="paid"])')).toHaveCount(0);
  // The newest paid electricity payment of at least 100 ₽ (a spec before this one may have paid a
  // small sum, or paid for a grid connection, which has no electricity ledger entry).
  const amounts = await rows.evaluateAll((trs) =>
    trs.map(
      (tr) =>
        [
          tr.getAttribute('data-inv-id'),
          Number(tr.getAttribute('data-amount')),
          tr.getAttribute('data-purpose'),
        ] as const,
    ),
  );
  const invId = amounts.find(([, kopecks, purpose]) => kopecks >= 100_00 && purpose === 'electricity')?.[0] ?? '';
  expect(invId).toMatch(/^\d+$/);

  // By InvId: exactly that payment.
  await page.goto('/admin/payments');
  await page.getByLabel('Номер платежа (InvId)').fill(invId);
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(new RegExp(`inv=${invId}`));
  await expect(rows).toHaveCount(1);
  await rows.getByRole('link', { name: invId }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Платёж № ${invId}`);
  await expect(page.getByTestId('payment-summary').getByTestId('payment-status')).toHaveText('оплачен');
  await expect(page.locator('[data-testid="ledger-row"][data-kind="payment"]')).toHaveCount(1);

  // More than was paid is refused, in Russian, next to the field.
  const form = page.getByRole('form', { name: `Возврат по платежу № ${invId}` });
  await form.getByLabel(/^Сумма возврата/).fill('400000');
  await form.getByLabel(/^Причина возврата/).fill('Ошибочный платёж, заявление абонента');
  await form.getByRole('button', { name: 'Вернуть деньги на карту' }).click();
  await expect(form.getByText(/Можно вернуть не больше суммы платежа/).first()).toBeVisible();
  await expect(page.getByTestId('refunds')).toHaveCount(0);

  await form.getByLabel(/^Сумма возврата/).fill('10,00');
  await form.getByRole('button', { name: 'Вернуть деньги на карту' }).click();
  await expect(page).toHaveURL(/refunded=/);
  await expect(page.getByTestId('refund-done')).toContainText(/Возврат 10,00\s₽ оформлен/);
  await expect(page.getByTestId('payment-summary').getByTestId('payment-status')).toHaveText('возвращён частично');
  await expect(page.getByTestId('refunded-total')).toHaveText(/^10,00\s₽$/);
  await expect(page.getByTestId('refund-row')).toHaveCount(1);
  await expect(page.getByTestId('refund-row')).toContainText('Ошибочный платёж, заявление абонента');
  await expect(page.getByTestId('refund-row')).toContainText('Смирнова Елена Андреевна');
  await expect(page.locator('[data-testid="ledger-row"][data-kind="refund"]')).toContainText(/\+10,00\s₽/);

  // The payer: the refund in «Платежи», the letter in the mailbox, the refund policy one click away.
  const payer = await newDevice(browser, '198.51.100.233');
  await loginAt(payer, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(payer).toHaveURL(/\/fiz$/);
  await payer
    .getByRole('navigation', { name: 'Разделы кабинета' })
    .getByRole('link', { name: 'Платежи', exact: true })
    .click();
  await expect(payer).toHaveURL(/\/fiz\/payments\/history$/);
  const mine = payer.locator(`[data-testid="history-row"][data-inv-id="${invId}"]`);
  await expect(mine).toContainText('возвращён частично');
  await expect(mine.getByTestId('history-refunds')).toContainText(/10,00\s₽/);
  await expect(mine).toContainText('50010001');
  for (const text of await payer.getByTestId('history-row').allTextContents()) expect(text).toContain('50010001');

  const letter = await letterText(payer, 'ivanova@example.com', /Возврат 10,00\s₽ по платежу/);
  expect(letter).toContain(`№ ${invId}`);
  expect(letter).toContain('/documents/poryadok-vozvrata');

  await payer.goto('/fiz/payments/history');
  await payer.getByTestId('refund-policy-link').click();
  await expect(payer).toHaveURL(/\/documents\/poryadok-vozvrata$/);
  await expect(payer.getByRole('heading', { level: 1 })).toHaveText('Порядок возврата денежных средств');
  await payer.context().close();
});

test('a household session cannot open /admin/payments', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/admin/payments');
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fpayments$/);
  await expect(page.getByTestId('staff-payments')).toHaveCount(0);
  const detail = await page.request.get('/admin/payments', { maxRedirects: 0 });
  expect(detail.status()).toBeGreaterThanOrEqual(300);
  expect(detail.status()).toBeLessThan(400);
});
