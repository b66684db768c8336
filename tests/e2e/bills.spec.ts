import { DEMO_PASSWORD, expect, loginAt, newDevice, test } from './support/fixtures';

// In the browser: bills in the cabinet. Petrov (50010002) has 12 bills, the last two
// (September, October) unpaid; Ivanova (50010001) has paid all of hers and must never see his.

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

test('Petrov: 12 bills, one opened with its lines and the payment QR code, the PDF receipt downloaded', async ({
  page,
}) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/bills');
  await expect(page).toHaveTitle(/Счета/);

  const rows = page.getByTestId('bill-row');
  await expect(rows).toHaveCount(12);
  await expect(page.locator('[data-testid="bill-row"][data-status="unpaid"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="bill-row"][data-status="paid"]')).toHaveCount(10);
  await expect(page.getByTestId('bills-owed')).toContainText(/Не оплачено по счетам: [\d\s\u00a0]+,\d{2}\u00a0₽/);
  // Newest first: the first row is the last billed month, not paid, past its due date.
  const newest = rows.first();
  await expect(newest).toHaveAttribute('data-receipt', /^R-\d{6}-50010002$/);
  await expect(newest.getByTestId('bill-status')).toHaveText(/^Не оплачен/);
  const receipt = (await newest.getAttribute('data-receipt'))!;
  const billId = (await newest.getAttribute('data-bill-id'))!;
  await expect(newest.getByRole('link', { name: `Квитанция ${receipt} в PDF` })).toHaveAttribute(
    'href',
    `/fiz/bills/${billId}/receipt`,
  );

  await newest.getByRole('rowheader').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/fiz/bills/${billId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Счёт за [а-я]+ \d{4}$/);
  await expect(page.getByTestId('receipt-number')).toHaveText(receipt);

  // The lines of the 2-zone meter: day and night, estimated by the average (no readings for those months).
  const lines = page.getByTestId('bill-line');
  expect(await lines.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('table', { name: /Счётчик № 009217056004185/ })).toBeVisible();
  await expect(lines.filter({ hasText: 'День (T1)' }).first()).toContainText('по среднему');
  await expect(lines.filter({ hasText: 'Ночь (T2)' }).first()).toContainText(/₽\/кВт·ч/);
  await expect(page.getByTestId('bill-total')).toContainText(/\d,\d{2}\u00a0₽/);

  // The QR code, with the details beside it for people who type them.
  const qr = page.getByRole('img', { name: new RegExp(`QR-код для оплаты квитанции ${receipt}`) });
  await expect(qr).toBeVisible();
  await expect(qr.locator('path')).toHaveCount(1);
  await expect(page.getByText('Отсканируйте в приложении банка')).toBeVisible();
  const payee = page.getByTestId('payee-details');
  for (const text of [
    'МУП «Объединение Истринские электросети»',
    '5017012349',
    '501701001',
    'ПАО Сбербанк',
    '044525225',
    '30101810400000000225',
    '40702810640000012345',
    receipt,
  ]) {
    await expect(payee).toContainText(text);
  }

  // «Оплатить» leads to the payment page for this account and bill.
  await expect(page.getByTestId('pay-link')).toHaveAttribute(
    'href',
    new RegExp(`^/fiz/payments\\?account=${UUID}&bill=${billId}$`),
  );

  // The PDF, with the session's cookie.
  const href = (await page.getByRole('link', { name: 'Скачать квитанцию (PDF)' }).getAttribute('href'))!;
  expect(href).toBe(`/fiz/bills/${billId}/receipt`);
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toBe(`inline; filename="kvitanciya-${receipt}.pdf"`);
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(body.length).toBeLessThan(300 * 1024);

  // A 360 px phone: the page does not scroll sideways, the QR code fits.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const box = await qr.boundingBox();
  expect(box!.width).toBeGreaterThan(150);
  expect(box!.width).toBeLessThanOrEqual(360);
});

test("Ivanova gets a 404 for Petrov's bill and its PDF, and sees only her own paid bills", async ({
  page,
  browser,
  clientIp,
}) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/bills');
  const petrovsBill = (await page.getByTestId('bill-row').first().getAttribute('data-bill-id'))!;
  expect(petrovsBill).toMatch(new RegExp(`^${UUID}$`));

  const ivanova = await newDevice(
    browser,
    clientIp.replace(/\d+$/, (n) => String((Number(n) % 250) + 1)),
  );
  try {
    await loginAt(ivanova, '/fiz/login', '50010001', DEMO_PASSWORD);
    await expect(ivanova).toHaveURL(/\/fiz$/);
    const pageResponse = await ivanova.goto(`/fiz/bills/${petrovsBill}`);
    expect(pageResponse?.status()).toBe(404);
    await expect(ivanova.getByText('Петров')).toHaveCount(0);
    const pdf = await ivanova.request.get(`/fiz/bills/${petrovsBill}/receipt`);
    expect(pdf.status()).toBe(404);
    expect(pdf.headers()['content-type']).not.toContain('pdf');
    // Malformed ids are the same 404.
    expect((await ivanova.goto('/fiz/bills/not-a-bill'))?.status()).toBe(404);
    expect((await ivanova.request.get('/fiz/bills/not-a-bill/receipt')).status()).toBe(404);

    await ivanova.goto('/fiz/bills');
    await expect(ivanova.getByTestId('bill-row')).toHaveCount(12);
    await expect(ivanova.locator('[data-testid="bill-row"][data-status="paid"]')).toHaveCount(12);
    await expect(ivanova.getByTestId('bills-owed')).toHaveText('Все счета оплачены.');
    await expect(ivanova.locator(`[data-bill-id="${petrovsBill}"]`)).toHaveCount(0);
  } finally {
    await ivanova.context().close();
  }
});

test('without a session the bills and the receipt send to the login page, and back after it', async ({
  page,
  request,
}) => {
  await page.goto('/fiz/bills');
  await expect(page).toHaveURL(/\/fiz\/login\?next=%2Ffiz%2Fbills$/);

  const anonymous = await request.get('/fiz/bills/00000000-0000-4000-8000-000000000000/receipt', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()['location']).toBe(
    `/fiz/login?next=${encodeURIComponent('/fiz/bills/00000000-0000-4000-8000-000000000000/receipt')}`,
  );
});
