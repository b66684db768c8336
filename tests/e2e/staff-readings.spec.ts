import fs from 'node:fs';
import { DEMO_PASSWORD, expect, loginAt, test, signInStaff } from './support/fixtures';

// In the browser: the operator opens the period's readings, finds Kuznetsov's
// meter (50010004, no cabinet: nobody submits for it) without a reading, enters one dictated by
// phone, and downloads the period as CSV for Excel.

const KUZNETSOV_METER = '011075132904417';

test('staff see a missing reading, enter it, and the CSV has it as entered by «сотрудник»', async ({ page }) => {
  // Two staff logins (the operator enters, the admin exports).
  test.setTimeout(90_000);
  await signInStaff(page, 'operator@example.com');
  await page.goto('/admin/readings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Показания за [а-я]+ \d{4}$/);

  const counts = page.getByTestId('counts');
  const count = async (filter: string) => Number(await counts.locator(`[data-filter="${filter}"] span`).textContent());
  const missingBefore = await count('missing');
  const submittedBefore = await count('submitted');
  expect(missingBefore).toBeGreaterThan(0);
  expect(await count('all')).toBe(missingBefore + submittedBefore + (await count('estimated')));

  // The «missing» filter lists only rows without a reading, Kuznetsov's among them.
  await counts.locator('[data-filter="missing"]').click();
  await expect(page).toHaveURL(/status=missing/);
  await expect(page.locator('[data-testid="reading-row"]:not([data-state="missing"])')).toHaveCount(0);
  const row = page.locator(`[data-testid="reading-row"][data-serial="${KUZNETSOV_METER}"]`);
  await expect(row).toContainText('50010004');
  await expect(row).toContainText('нет показаний');

  await row.locator('summary').click();
  const form = row.getByRole('form', { name: `Показание счётчика № ${KUZNETSOV_METER}` });
  const hint = await form.getByText(/Предыдущее:/).textContent();
  const previous = Number((hint ?? '').replace(/\(.*$/, '').replace(/\D/g, ''));
  expect(previous).toBeGreaterThan(0);
  await form.getByLabel('Круглосуточно').fill(String(previous - 1));
  await form.getByRole('button', { name: 'Внести показание' }).click();
  await expect(form.getByText(/не может быть меньше предыдущего/)).toBeVisible();
  await form.getByLabel('Круглосуточно').fill(String(previous + 150));
  await form.getByRole('button', { name: 'Внести показание' }).click();

  await expect(page).toHaveURL(/status=missing.*entered=|entered=.*status=missing/);
  await expect(page.getByTestId('entered')).toContainText(`лицевой счёт 50010004, счётчик № ${KUZNETSOV_METER}`);
  await expect(row).toHaveCount(0); // no longer missing
  // The counts cover the whole registry, where journeys running alongside add households and
  // readings of their own: they are checked to agree with each other, not against the first look.
  expect(await count('all')).toBe((await count('missing')) + (await count('submitted')) + (await count('estimated')));

  await page.goto('/admin/readings?q=50010004');
  await expect(row).toHaveAttribute('data-state', 'submitted');
  await expect(row.getByTestId('reading-source')).toContainText('сотрудник (Смирнова Елена Андреевна)');

  // The export holds every household's address: an operator has no button, an admin downloads it.
  await expect(page.getByTestId('export-csv')).toHaveCount(0);
  await page.getByRole('button', { name: 'Выйти' }).first().click();
  // A login of its own rather than the suite's shared admin session, which journeys running
  // alongside use too.
  await loginAt(page, '/admin/login', 'admin@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
  await page.goto('/admin/readings?q=50010004');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^readings-\d{4}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split('\r\n');
  expect(lines[0]).toBe('Лицевой счёт;Абонент;Адрес;Счётчик;Зона;Период;Показание;Источник;Принято');
  const line = lines.find((l) => l.includes(KUZNETSOV_METER))!.split(';');
  expect(line.slice(0, 5)).toEqual([
    '50010004',
    'Кузнецов Дмитрий Андреевич',
    'г. Истра, ул. Ленина, д. 5, кв. 7',
    KUZNETSOV_METER,
    'Круглосуточно',
  ]);
  expect(line.slice(6, 8)).toEqual([String(previous + 150), 'сотрудник']);
  expect(line[8]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
});

test('the export needs a staff session: 401 without one, 403 for a subscriber, no redirect', async ({
  page,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const response = await anonymous.get('/admin/readings/export', { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  await anonymous.dispose();

  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  const asSubscriber = await page.request.get('/admin/readings/export', { maxRedirects: 0 });
  expect(asSubscriber.status()).toBe(403);
});
