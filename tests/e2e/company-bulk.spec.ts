import ExcelJS from 'exceljs';
import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// The company's engineer uploads a readings file with good and bad rows and confirms it; the
// accountant draws the акт сверки and downloads it as PDF and XLSX. Only meter 37220561 (account
// 70020003) gets a reading here: company.spec.ts reads no readings, and bad rows write nothing.
test.use({ viewport: { width: 1366, height: 900 } });
test.describe.configure({ timeout: 90_000 });

const HEADER = 'Лицевой счёт;Заводской номер счётчика;Зона;Показание, кВт·ч;Дата снятия (необязательно)';

/** «1 234,56 ₽» → kopecks. */
const kopecksOf = (text: string) =>
  Math.round(
    Number(
      text
        .replace(/[^\d,−-]/g, '')
        .replace('−', '-')
        .replace(',', '.'),
    ) * 100,
  );

test('the engineer uploads a readings file, sees a verdict per row and confirms the good ones', async ({ page }) => {
  await loginAt(page, '/lk/login', 'engineer@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Показания' }).click();
  await expect(page).toHaveURL(/\/lk\/readings$/);

  const template = await page.request.get((await page.getByTestId('template-csv').getAttribute('href'))!);
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain('70020003;37220561;Круглосуточно');

  const card = page.getByTestId('meter').filter({ hasText: '37220561' });
  const hint = await card
    .getByText(/Предыдущее:/)
    .first()
    .textContent();
  const last = Number(hint!.match(/Предыдущее: ([\d\s\u00a0\u202f]+)/)![1]!.replace(/\D/g, ''));
  const value = last + 150;
  const file = [
    HEADER,
    `70020003;37220561;Круглосуточно;${value};`,
    `70020003;99999999;;100;`,
    `70020002;009026084002731;;12,5;`,
    `70020003;37220561;Круглосуточно;${value};`,
  ].join('\r\n');
  await page.getByLabel(/Файл с показаниями/).setInputFiles({
    name: 'pokazaniya.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${file}\r\n`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Проверить файл' }).click();
  await expect(page).toHaveURL(/\/lk\/readings\/upload\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expect(page.getByTestId('upload-counts')).toContainText('Принимается: 1');
  const rows = page.getByTestId('upload-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: '99999999' })).toContainText('не найден на этом лицевом счёте');
  await expect(rows.filter({ hasText: '009026084002731' })).toContainText('целым числом');
  await expect(
    page.locator('[data-testid="upload-row"][data-status="refused"]').filter({ hasText: '37220561' }),
  ).toContainText('Повтор строки 2');
  await expect(page.locator('[data-testid="upload-row"][data-status="accepted"]')).toHaveCount(1);

  await page.getByRole('button', { name: 'Принять показания (1)' }).click();
  await expect(page).toHaveURL(/\/lk\/readings\?accepted=1$/, { timeout: 20_000 });
  await expect(page.getByTestId('bulk-accepted')).toContainText('Показания из файла приняты: 1');
  const submitted = card.getByTestId('submitted');
  await expect(submitted).toBeVisible();
  expect((await submitted.textContent())!.replace(/\D/g, '')).toContain(String(value));

  // Reconciliation is the accountant's part, not the engineer's.
  await page.goto('/lk/reconciliation');
  await expect(page.getByTestId('role-denied')).toContainText('«Энергетик»');
});

test('the accountant draws the акт сверки and downloads it as PDF and XLSX with the same totals', async ({ page }) => {
  await loginAt(page, '/lk/login', 'accountant@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Акт сверки' }).click();
  await expect(page).toHaveURL(/\/lk\/reconciliation$/);

  const option = await page.locator('#account option', { hasText: '70020002' }).getAttribute('value');
  await page.getByLabel('Лицевой счёт').selectOption(option!);
  await page.getByRole('button', { name: 'Сформировать' }).click();
  await expect(page).toHaveURL(/account=/);
  await expect(page.getByTestId('recon-line').first()).toBeVisible();
  const opening = kopecksOf((await page.getByTestId('recon-opening').textContent())!);
  const debit = kopecksOf((await page.getByTestId('recon-debit').textContent())!);
  const credit = kopecksOf((await page.getByTestId('recon-credit').textContent())!);
  const closing = kopecksOf((await page.getByTestId('recon-closing').textContent())!);
  expect(debit).toBeGreaterThan(0);
  expect(opening + debit - credit).toBe(closing);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reconciliation-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/^akt-sverki-70020002-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = await page.request.get((await page.getByTestId('reconciliation-pdf').getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  const xlsx = await page.request.get((await page.getByTestId('reconciliation-xlsx').getAttribute('href'))!);
  expect(xlsx.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  let turnover: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(2).value === 'Обороты за период') turnover = row;
  });
  expect(turnover!.getCell(4).value).toBe(debit / 100);
  expect(turnover!.getCell(5).value).toBe(credit / 100);

  await page.goto('/lk/reconciliation?account=all&from=2026-11-10&to=2026-11-01');
  await expect(page.getByTestId('range-error')).toContainText('позже даты его конца');
});
