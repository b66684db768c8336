import { DEMO_PASSWORD, expect, letterText, loginAt, newDevice, test, signInStaff } from './support/fixtures';

// Debtors as staff work them, on a debt this spec makes itself, so it holds on any day of the month
// and touches no balance another spec asserts: the operator refunds Ivanova's (50010001) three
// OLDEST payments (staff-payments later refunds part of her newest one, still paid), which makes
// her a debtor of г. Истра; the filtered list is downloaded, a debt notice is sent, the letter is in
// the mailbox, and only she can download the PDF from her home page.

test.describe.configure({ mode: 'serial' });

test('a debtor is found by the filters, the list downloaded, a notice sent and seen only by its subscriber', async ({
  page,
  browser,
}) => {
  // Three refunds, two downloads, a letter and two more sessions: more than the default 30 s under load.
  test.setTimeout(120_000);
  await signInStaff(page, 'operator@example.com');

  // The debt: her three oldest payments refunded in full. Payments pay the oldest debt first, so the
  // refunded sum is owed on her newest bills; three months of payments are more than the one bill
  // that may not be due yet, so part of it is overdue whatever the day of the month.
  await page.goto('/admin/payments?account=50010001&status=paid');
  const rows = page.getByTestId('staff-payment-row');
  await expect(rows.first()).toBeVisible();
  const payments = await rows.evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-inv-id') ?? '', Number(tr.getAttribute('data-amount'))] as const),
  );
  const oldest = payments.filter(([, kopecks]) => kopecks >= 100_00).slice(-3);
  expect(oldest).toHaveLength(3);
  for (const [invId, kopecks] of oldest) {
    await page.goto(`/admin/payments?inv=${invId}`);
    await rows.getByRole('link', { name: invId, exact: true }).click();
    const refund = page.getByRole('form', { name: `Возврат по платежу № ${invId}` });
    const amount = `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;
    await refund.getByLabel(/^Сумма возврата/).fill(amount);
    await refund.getByLabel(/^Причина возврата/).fill('Ошибочный платёж, заявление абонента');
    await refund.getByRole('button', { name: 'Вернуть деньги на карту' }).click();
    await expect(page.getByTestId('refund-done')).toContainText('оформлен');
  }

  // The filters: by settlement she is there, Petrov (д. Лешково) is not; above 100 000 ₽ she is not.
  await page
    .getByRole('navigation', { name: 'Разделы кабинета' })
    .getByRole('link', { name: 'Должники', exact: true })
    .click();
  await expect(page).toHaveURL(/\/admin\/debtors$/);
  await page.getByLabel('Населённый пункт').selectOption('г. Истра');
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(/settlement=/);
  const ivanova = page.locator('[data-account="50010001"]');
  await expect(ivanova).toBeVisible();
  const overdue = ((await ivanova.getByTestId('overdue').textContent()) ?? '').trim();
  expect(overdue).toMatch(/^[\d\s]+,\d{2}\s₽$/);
  await expect(page.locator('[data-account="50010002"]')).toHaveCount(0);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^dolzhniki-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await csv.createReadStream()).toArray()).map((b: Buffer) => b.toString('utf8')).join('');
  expect(text).toContain('Лицевой счёт;Абонент');
  expect(text).toContain('50010001;Иванова Мария Петровна');
  expect(text).not.toContain('50010002');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'XLSX' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByLabel('Просрочено больше, ₽').fill('100000');
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(/min=100000/);
  await expect(page.locator('[data-account="50010001"]')).toHaveCount(0);

  // The notice: a warning of restriction above two months of normative charges (п. 118), a reminder below.
  await page.goto('/admin/debtors?settlement=%D0%B3.+%D0%98%D1%81%D1%82%D1%80%D0%B0');
  const warning = ((await ivanova.textContent()) ?? '').includes('выше порога п. 118');
  await ivanova.getByRole('button', { name: 'Направить уведомление' }).click();
  await expect(ivanova).toContainText(
    new RegExp(`${warning ? 'Предупреждение' : 'Напоминание'} отправлено.* срок оплаты — до \\d{2}\\.\\d{2}\\.\\d{4}`),
  );
  await page.reload();
  await expect(ivanova.getByTestId('last-notice')).toContainText('Направлено');

  const letter = await letterText(
    page,
    'ivanova@example.com',
    new RegExp(`${warning ? 'Предупреждение' : 'Напоминание'} о задолженности по лицевому счёту 50010001`),
  );
  expect(letter).toContain(`задолженность ${overdue}`);
  expect(letter).toContain('/fiz');

  // The subscriber: the notice on her home page, the PDF downloaded.
  const subscriber = await newDevice(browser, '198.51.100.241');
  await loginAt(subscriber, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(subscriber).toHaveURL(/\/fiz$/);
  const notices = subscriber.getByTestId('debt-notices');
  await expect(notices).toContainText(warning ? 'Предупреждение об ограничении подачи' : 'Напоминание о задолженности');
  await expect(notices).toContainText(`задолженность ${overdue}`);
  const link = notices.getByRole('link', { name: 'Скачать уведомление (PDF)' }).first();
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/fiz\/notices\/[0-9a-f-]{36}$/);
  const [pdf] = await Promise.all([subscriber.waitForEvent('download'), link.click()]);
  expect(pdf.suggestedFilename()).toMatch(/^uvedomlenie-o-zadolzhennosti-50010001-.*\.pdf$/);
  await subscriber.context().close();

  // Another subscriber: the same address is a plain 404, and her home page names no one else's debt.
  const stranger = await newDevice(browser, '198.51.100.242');
  await loginAt(stranger, '/fiz/login', '50010003', DEMO_PASSWORD);
  await expect(stranger).toHaveURL(/\/fiz$/);
  expect((await stranger.request.get(href)).status()).toBe(404);
  await expect(stranger.getByText('50010001')).toHaveCount(0);
  await stranger.context().close();
});

test('beneficiaries: the demo benefit ending soon is highlighted, the list exported', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await page.goto('/admin/benefits');
  const petrov = page.getByTestId('benefits-current').locator('[data-account="50010002"]');
  await expect(petrov.getByTestId('benefit-state')).toHaveText('истекает');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Список для соцзащиты, CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^lgotniki-.*\.csv$/);
});
