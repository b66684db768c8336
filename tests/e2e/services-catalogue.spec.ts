import { DEMO_PASSWORD, expect, loginAt, newDevice, test, signInStaff } from './support/fixtures';

// The paid-services catalogue in the console and payment by invoice, in the browser: staff add a
// service of their own (a code only this spec uses, so no other spec's prices move) and change its
// price from tomorrow; the public price list shows it at today's price; the company orders it and
// downloads the invoice for the request, with the purpose line naming the request.

test.describe.configure({ mode: 'serial' });

test('staff add a service and change its price from tomorrow; a company orders it and downloads the invoice', async ({
  page,
  browser,
  clientIp,
}) => {
  test.setTimeout(120_000);
  const n = Date.now() % 100_000;
  const code = `E2E-CAT-${n}`;
  const title = `Монтаж светильника, проверка ${n}`;

  await signInStaff(page, 'operator@example.com');
  await page.goto('/admin/services');
  await page.getByRole('link', { name: /Прейскурант/ }).click();
  await expect(page).toHaveURL(/\/admin\/services\/catalogue$/);

  const form = page.getByRole('form', { name: 'Новая услуга' });
  await form.getByLabel(/^Код/).fill(code);
  await form.getByLabel(/^Название/).fill(title);
  await form.getByLabel(/^Раздел/).fill('Электромонтажные работы');
  await form.getByLabel(/^Единица/).fill('шт.');
  await form.getByLabel(/^Цена с НДС/).fill('780');
  await form.getByRole('button', { name: 'Добавить услугу' }).click();
  await expect(page.getByRole('status')).toHaveText(/Услуга добавлена/);

  // A price in the past is refused; from tomorrow it is kept for later.
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(card).toContainText(/Цена сейчас: 780,00\s₽ за шт\./);
  await card.getByText('Изменить цену или снять с продажи').click();
  const priceForm = card.getByRole('form', { name: `Новая цена: ${title}` });
  const moscowDay = (offset: number) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(new Date(Date.now() + offset * 86_400_000));
  await priceForm.getByLabel(/^Новая цена/).fill('990');
  await priceForm.getByLabel(/^Действует с/).fill(moscowDay(-1));
  await priceForm.getByRole('button', { name: 'Изменить цену' }).click();
  await expect(priceForm.getByText('Выберите сегодняшнюю или будущую дату')).toBeVisible();
  await priceForm.getByLabel(/^Действует с/).fill(moscowDay(1));
  await priceForm.getByRole('button', { name: 'Изменить цену' }).click();
  await expect(page.getByRole('status')).toHaveText(/Новая цена сохранена/);
  const tomorrow = moscowDay(1);
  await expect(card).toContainText(
    new RegExp(`С ${tomorrow.slice(8, 10)}\\.${tomorrow.slice(5, 7)}\\.${tomorrow.slice(0, 4)}: 990,00\\s₽`),
  );
  await expect(card).toContainText(/Цена сейчас: 780,00\s₽/);

  // The public price list, refreshed by the write, shows the new service at today's price.
  const guest = await newDevice(browser, clientIp);
  await guest.goto('/services');
  const row = guest.getByRole('row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/780,00\s₽/);

  // The company orders it; the fixed price is payable at once, also by invoice.
  const company = await newDevice(browser, clientIp);
  await loginAt(company, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(company).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await company.goto(`/lk/services/new?service=${code}`);
  await expect(company.getByLabel(/^Услуга/).locator('option:checked')).toHaveText(new RegExp(title));
  const account = company.getByLabel(/^Лицевой счёт заказчика/);
  if (await account.count()) await account.selectOption({ index: 1 });
  await company.getByLabel(/^Контактный телефон/).fill('8 916 555-00-11');
  await company.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(company).toHaveURL(/\/lk\/services\/[0-9a-f-]{36}/);
  const number = ((await company.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/\D/g, '');
  const invoice = company.getByTestId('service-invoice');
  await expect(invoice).toBeVisible();
  await expect(company.getByTestId('service-invoice-purpose')).toContainText(`Заявка № ${number}`);
  await expect(invoice.getByRole('button', { name: /^Копировать\s*: назначение платежа$/ })).toBeVisible();
  const [download] = await Promise.all([
    company.waitForEvent('download'),
    invoice.getByRole('link', { name: /^Скачать счёт/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`schet-uslugi-${number}.pdf`);
  const href = await invoice.getByRole('link', { name: /^Скачать счёт/ }).getAttribute('href');
  const response = await company.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Staff see the bank-transfer form on the request.
  await page.goto(href!.replace(/^\/lk\//, '/admin/').replace(/\/invoice.*$/, ''));
  await expect(page.getByRole('form', { name: 'Оплата по счёту получена' })).toBeVisible();
});
