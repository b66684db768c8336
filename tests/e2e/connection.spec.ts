import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, loginAt, newDevice, test, signInStaff } from './support/fixtures';
import { payWithSandboxCard } from './support/sandbox-card';

// Technological connection as a household would use it: Иванова (50010001) files a 15 kW
// application with the documents of п. 10 and sees the fee by the preferential rate; staff post the
// offer and the technical conditions; she sees the payment deadline counting down, opens the PDFs,
// pays the invoice through the sandbox and sees the contract concluded with the works' deadline.
// The payment is for the connection, not for electricity: her balance stays as it was.

test.describe.configure({ mode: 'serial' });

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function balanceText(page: Page): Promise<string> {
  await page.goto('/fiz');
  return ((await page.getByTestId('balance').textContent()) ?? '').trim();
}

test('a household files 15 kW with documents, staff post the offer, she pays and sees the countdown', async ({
  page,
  browser,
  clientIp,
}) => {
  test.setTimeout(150_000);
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  const balanceBefore = await balanceText(page);

  await page.goto('/fiz/connection');
  await page.getByRole('link', { name: 'Подать заявку' }).click();
  await expect(page).toHaveURL(/\/fiz\/connection\/new$/);
  await page.getByLabel(/^Паспорт: серия, номер/).fill('4510 123456, ОВД Истринского р-на, 01.02.2010');
  await page.getByLabel(/^Адрес заявителя/).fill('143500, г. Истра, ул. Ленина, д. 1');
  await page.getByLabel(/^Объект \(что присоединяется\)/).fill('Жилой дом');
  await page.getByLabel(/^Адрес объекта/).fill('Истринский р-н, д. Лечищево, уч. 15');
  await page.getByLabel(/^Кадастровый номер участка/).fill('50:08:0040201:155');
  await page.getByLabel(/^Максимальная мощность, кВт/).fill('15');
  await expect(page.getByTestId('connection-fee')).toContainText('75\u00a0000,00\u00a0₽');
  const contactPhone = page.getByLabel(/^Контактный телефон/);
  if (!(await contactPhone.inputValue())) await contactPhone.fill('8 916 555-44-33');

  // A «PDF» that is not one is refused by its bytes; nothing is filed.
  await page.getByLabel(/^Документ, удостоверяющий личность/).setInputFiles({
    name: 'паспорт.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('not a pdf at all'),
  });
  await page.getByLabel(/^План расположения/).setInputFiles({ name: 'план.png', mimeType: 'image/png', buffer: PNG });
  await page
    .getByLabel(/^Документ о праве собственности/)
    .setInputFiles({ name: 'выписка.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel(/^Согласен на обработку персональных данных/).check();
  await page.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(page.getByText(/не в формате PDF, JPEG или PNG/)).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/fiz\/connection\/new$/);

  await page
    .getByLabel(/^Документ, удостоверяющий личность/)
    .setInputFiles({ name: 'паспорт.pdf', mimeType: 'application/pdf', buffer: PDF });
  // The browser keeps the other files chosen only until the page re-renders: choose them again.
  await page.getByLabel(/^План расположения/).setInputFiles({ name: 'план.png', mimeType: 'image/png', buffer: PNG });
  await page
    .getByLabel(/^Документ о праве собственности/)
    .setInputFiles({ name: 'выписка.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(page).toHaveURL(/\/fiz\/connection\/[0-9a-f-]{36}\?filed=1$/, { timeout: 15_000 });
  const applicationUrl = page.url().replace(/\?.*$/, '');
  const number = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/\D/g, '');
  await expect(page.getByTestId('connection-status')).toHaveText('Поступила, на проверке');
  await expect(page.getByTestId('deadline-offer')).toContainText(/остал(ось|ся) \d+\s(рабочих|рабочий) д/);
  await expect(page.getByRole('list', { name: 'Документы заявителя' }).getByRole('link')).toHaveCount(3);

  // Staff post the offer and the technical conditions.
  const staff = await newDevice(browser, `${clientIp.replace(/\.\d+$/, '')}.252`);
  await signInStaff(staff, 'operator@example.com');
  await staff.goto('/admin/connection');
  await staff.getByRole('link', { name: `№ ${number}`, exact: true }).click();
  await expect(staff.getByRole('heading', { name: `Заявка № ${number}` })).toBeVisible();
  await staff.getByLabel(/^Точка присоединения/).fill('Опора № 12 ВЛ-0,4 кВ ф. 3 ТП-115');
  await staff
    .getByLabel(/^Мероприятия сетевой организации/)
    .fill('Ответвление от опоры № 12 до границы участка, прибор учёта');
  await staff.getByLabel(/^Мероприятия заявителя/).fill('Ввод в дом, вводное устройство с автоматом 25 А');
  await staff.getByRole('button', { name: 'Разместить договор и ТУ' }).click();
  await expect(staff.getByText('Договор, счёт и ТУ размещены в кабинете заявителя.')).toBeVisible({ timeout: 15_000 });

  // The household sees the offer, the PDFs and the payment deadline counting down.
  await page.goto(applicationUrl);
  await expect(page.getByTestId('connection-status')).toHaveText('Договор и ТУ размещены, ждёт оплаты');
  await expect(page.getByTestId('connection-price')).toHaveText('75\u00a0000,00\u00a0₽');
  await expect(page.getByTestId('deadline-payment')).toContainText(
    /(остал(ось|ся) \d+\s(рабочих|рабочий) д|последний день)/,
  );
  const offerHref = await page.getByRole('link', { name: 'Договор (оферта) и счёт, PDF' }).getAttribute('href');
  const offer = await page.request.get(offerHref!);
  expect(offer.status()).toBe(200);
  expect((await offer.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByRole('link', { name: 'Технические условия, PDF' })).toBeVisible();

  await expect(page.getByTestId('sandbox-notice')).toBeVisible();
  await page.getByRole('button', { name: /^Оплатить счёт 75\s000,00\s₽ картой$/ }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\?/);
  await payWithSandboxCard(page);

  await page.goto(applicationUrl);
  await expect(page.getByTestId('connection-status')).toHaveText('Договор заключён, выполняются мероприятия');
  await expect(page.getByTestId('deadline-works')).toContainText(/остал(ось|ся) \d+\sкалендарн/);
  await expect(page.getByTestId('timeline')).toContainText('Счёт оплачен — договор заключён');
  await expect(page.getByRole('heading', { name: 'Оплата счёта' })).toHaveCount(0);

  // Not an electricity payment: the balance is what it was.
  expect(await balanceText(page)).toBe(balanceBefore);

  // The staff queue shows it with the works' deadline.
  await staff.goto('/admin/connection');
  await expect(staff.getByRole('row', { name: new RegExp(`№ ${number}`) })).toContainText('Выполнение мероприятий');
  await staff.context().close();
});

test('another applicant’s application is 404 on the page and its files', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010003', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  const id = '00000000-0000-4000-8000-000000000000';
  expect((await page.goto(`/fiz/connection/${id}`))?.status()).toBe(404);
  expect((await page.request.get(`/fiz/connection/${id}/files/${id}`)).status()).toBe(404);
});
