import { DEMO_PASSWORD, expect, linkFromLetter, loginAt, test, signInStaff } from './support/fixtures';
import { expectFitsScreen } from './support/layout';

// The cards the demo data have none of: each exists only once a visitor files something (a guest's
// appeal, a company's appeal, a connection application, a readings file's check). Each journey files one, then checks its
// page on a 360×740 phone as tests/e2e/support/layout.ts does for the rest of the site.

test.describe.configure({ timeout: 120_000 });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

test('a guest’s appeal, opened by the letter’s link, fits a 360 px screen', async ({ page }) => {
  const email = `guest-layout-${Date.now()}@example.com`;
  await page.goto('/support/appeals/new');
  await page.getByLabel(/^Как к вам обращаться/).fill('Кузнецов Дмитрий');
  await page.getByLabel(/^Электронная почта/).fill(email);
  await page.getByLabel(/^Тема/).selectOption({ index: 3 });
  await page.getByLabel(/^Номер лицевого счёта/).fill('50010004');
  await page.getByLabel(/^Текст обращения/).fill('Оплатил по номеру счёта 1 декабря, платёж не вижу.');
  await page.getByLabel(/Согласен на обработку/).check();
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  const saved = page.locator('p.notice').filter({ hasText: 'сохранено' });
  await expect(saved).toBeVisible();
  const number = ((await saved.textContent()) ?? '').match(/О-\d{4}-\d{6}/)?.[0];
  expect(number).toBeTruthy();
  await expectFitsScreen(
    page,
    await linkFromLetter(page, email, new RegExp(`Подтвердите обращение № ${number}`), '/support/appeals/'),
  );
});

test('a company’s appeal fits a 360 px screen', async ({ page }) => {
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await page.goto('/lk/appeals/new');
  await page.getByLabel(/^Тема/).selectOption({ index: 1 });
  await page.getByLabel(/^Текст обращения/).fill('Прошу проверить начисление по счёту 70020001 за ноябрь.');
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  await expect(page).toHaveURL(/\/lk\/appeals\/[0-9a-f-]{36}\?filed=1$/, { timeout: 20_000 });
  await expectFitsScreen(page, pathOf(page.url()));
});

test('a connection application fits a 360 px screen, in the cabinet and in the console', async ({ page }) => {
  // Петров: the demo data give him no application, so the journeys about Иванова's stay as they are.
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  await page.goto('/fiz/connection/new');
  await page.getByLabel(/^Паспорт: серия, номер/).fill('4510 654321, ОВД Истринского р-на, 03.04.2011');
  await page.getByLabel(/^Адрес заявителя/).fill('143500, г. Истра, ул. Советская, д. 7');
  await page.getByLabel(/^Объект \(что присоединяется\)/).fill('Садовый дом');
  await page.getByLabel(/^Адрес объекта/).fill('Истринский р-н, СНТ «Рассвет», уч. 42');
  await page.getByLabel(/^Кадастровый номер участка/).fill('50:08:0040201:342');
  await page.getByLabel(/^Максимальная мощность, кВт/).fill('15');
  const contactPhone = page.getByLabel(/^Контактный телефон/);
  if (!(await contactPhone.inputValue())) await contactPhone.fill('8 916 555-44-22');
  await page
    .getByLabel(/^Документ, удостоверяющий личность/)
    .setInputFiles({ name: 'паспорт.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel(/^План расположения/).setInputFiles({ name: 'план.png', mimeType: 'image/png', buffer: PNG });
  await page
    .getByLabel(/^Документ о праве собственности/)
    .setInputFiles({ name: 'выписка.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel(/^Согласен на обработку персональных данных/).check();
  await page.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(page).toHaveURL(/\/fiz\/connection\/[0-9a-f-]{36}\?filed=1$/, { timeout: 20_000 });
  const id = new URL(page.url()).pathname.split('/').pop();
  await expectFitsScreen(page, `/fiz/connection/${id}`);

  await page.context().clearCookies();
  await signInStaff(page, 'operator@example.com');
  await expectFitsScreen(page, `/admin/connection/${id}`);
});

test('a readings file’s check fits a 360 px screen', async ({ page }) => {
  await loginAt(page, '/lk/login', 'engineer@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await page.goto('/lk/readings');
  // Rows the check refuses (an unknown meter, a meter of another account): the file is only
  // checked, never confirmed, so no reading is written; the long factory number is the widest cell.
  const file = [
    'Лицевой счёт;Заводской номер счётчика;Зона;Показание, кВт·ч;Дата снятия (необязательно)',
    '70020003;99999999;;100;',
    '70020002;009026084002731;;12,5;',
  ].join('\r\n');
  await page.getByLabel(/Файл с показаниями/).setInputFiles({
    name: 'pokazaniya.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${file}\r\n`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Проверить файл' }).click();
  await expect(page).toHaveURL(/\/lk\/readings\/upload\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expectFitsScreen(page, pathOf(page.url()));
});
