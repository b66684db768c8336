import { DEMO_PASSWORD, expect, loginAt, newDevice, test, signInStaff } from './support/fixtures';

// In the browser: Ivanova (50010001) asks to add a 2-zone meter with a photo of
// its nameplate; the operator sees the request with the photo, enters the initial readings and
// confirms; Ivanova sees the meter active and can submit readings measured from the initial ones.
// Petrov (50010002) is warned that his meter's verification is due soon.

test.describe.configure({ mode: 'serial' });

// A real 1×1 PNG, so the browser can draw it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

function moscowDayAgo(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(
    new Date(Date.now() - days * 86_400_000),
  );
}

test('a subscriber requests a 2-zone meter, staff confirm it with initial readings, the subscriber sees it active', async ({
  page,
  browser,
  clientIp,
}) => {
  const serial = `E2E${String(Date.now()).slice(-8)}`;
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/meters');
  await expect(page.locator('[data-testid="meter"][data-serial="41235872"]')).toContainText('Одноставочный');

  const form = page.getByRole('form', { name: 'Добавить счётчик' });
  // A serial already on the account is refused beside the field.
  await form.getByLabel('Заводской номер').fill('41235872');
  await form.getByLabel('Тарифные зоны').selectOption('2');
  await form.getByLabel('Дата установки').fill(moscowDayAgo(5));
  await form.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(form.getByText(/Счётчик № 41235872 уже подключён к этому лицевому счёту/)).toBeVisible();

  await form.getByLabel('Заводской номер').fill(serial);
  await form.getByLabel('Модель').fill('Меркурий 200.02');
  await form
    .getByLabel('Фото таблички счётчика')
    .setInputFiles({ name: 'табличка.png', mimeType: 'image/png', buffer: PNG });
  await form.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(page).toHaveURL(/\/fiz\/meters\?requested=/);
  await expect(page.getByTestId('request-sent')).toContainText(serial);
  const request = page.locator(`[data-testid="meter-request"][data-serial="${serial}"]`);
  await expect(request.getByTestId('request-status')).toHaveText('ждёт подтверждения');
  await expect(request).toContainText('с фото таблички');

  const staff = await newDevice(browser, `${clientIp.split('.').slice(0, 3).join('.')}.251`);
  await signInStaff(staff, 'operator@example.com');
  await staff.goto('/admin/meters');
  const card = staff.locator(`[data-testid="meter-request"][data-serial="${serial}"]`);
  await expect(card).toContainText('50010001');
  await expect(card).toContainText('Иванова Мария Петровна');
  await expect(card).toContainText('Двухзонный');
  const photo = card.getByRole('img', { name: `Фото таблички счётчика № ${serial}` });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  const photoUrl = (await photo.getAttribute('src'))!;
  // The photo is for staff only.
  expect((await page.request.get(photoUrl, { maxRedirects: 0 })).status()).toBe(403);

  const confirm = card.getByRole('form', { name: `Подтвердить счётчик № ${serial}` });
  await confirm.getByLabel('Начальное показание: День (T1)').fill('1250,5');
  await confirm.getByLabel('Начальное показание: Ночь (T2)').fill('430');
  await confirm.getByRole('button', { name: 'Подтвердить и подключить' }).click();
  await expect(confirm.getByText(/целым числом кВт·ч/)).toBeVisible();
  await confirm.getByLabel('Начальное показание: День (T1)').fill('1250');
  await confirm.getByLabel('Следующая поверка').fill('2042-11-11');
  await confirm.getByRole('button', { name: 'Подтвердить и подключить' }).click();
  await expect(staff).toHaveURL(/\/admin\/meters\?confirmed=/);
  await expect(
    staff.getByRole('status').filter({ hasText: `Счётчик № ${serial} подключён к лицевому счёту 50010001` }),
  ).toBeVisible();
  await expect(card).toHaveCount(0);
  await staff.context().close();

  await page.goto('/fiz/meters');
  const active = page.locator(`[data-testid="meter"][data-serial="${serial}"]`);
  await expect(active).toContainText('Меркурий 200.02');
  await expect(active).toContainText('Двухзонный (день/ночь)');
  await expect(active).toContainText('Следующая поверка: 11.11.2042');
  await expect(active.getByTestId('verification-warning')).toHaveCount(0);
  await expect(request).toHaveCount(0);

  // Readings of the new meter are measured from the initial ones.
  await page.goto('/fiz/readings');
  const readings = page.locator(`[data-testid="meter"][data-serial="${serial}"]`);
  await expect(readings.getByText(/Предыдущее: 1\s250\sкВт·ч/)).toBeVisible();
  await expect(readings.getByText(/Предыдущее: 430\sкВт·ч/)).toBeVisible();
});

test('Petrov (50010002) is warned that his meter’s verification is due soon', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/meters');
  const meter = page.locator('[data-testid="meter"][data-serial="009217056004185"]');
  const warning = meter.getByTestId('verification-warning');
  await expect(warning).toHaveAttribute('data-flag', 'soon');
  await expect(warning).toContainText(/Поверка через \d+ (день|дня|дней) \(\d{2}\.\d{2}\.\d{4}\)/);
  await expect(warning.getByRole('link', { name: '«Контакты»' })).toHaveAttribute('href', '/contacts');
});

test('the request form explains what is missing, and a non-image is refused', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010003', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/meters');
  const form = page.getByRole('form', { name: 'Добавить счётчик' });
  await form.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(form.getByText(/Укажите заводской номер/)).toBeVisible();
  await expect(form.getByText(/Укажите дату «Дата установки»/)).toBeVisible();

  await form.getByLabel('Заводской номер').fill(`X${String(Date.now()).slice(-7)}`);
  await form.getByLabel('Дата установки').fill(moscowDayAgo(1));
  // Claims to be a JPEG; the browser cannot open it as a picture, the server would refuse it by its bytes.
  await form
    .getByLabel('Фото таблички счётчика')
    .setInputFiles({ name: 'nameplate.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<script>alert(1)</script>') });
  await form.getByRole('button', { name: 'Отправить заявку' }).click();
  // The field's hint names the formats too: look for the refusal itself.
  await expect(form.getByText(/Прикрепите фото в формате JPEG, PNG или WebP/)).toBeVisible();
  await expect(page).toHaveURL(/\/fiz\/meters$/);
});
