import { expect, linkFromLetter, loginAt, newDevice, passwordLabel, test, signInStaff } from './support/fixtures';

// A company without a contract: registers its owner, confirms the address, applies for a contract
// with documents (a file that is not a PDF/JPEG/PNG by its bytes is refused); staff take it into
// review and offer a contract; the applicant sees «Договор предложен» and downloads the offer PDF.
test.use({ viewport: { width: 1366, height: 900 } });
test.describe.configure({ timeout: 120_000 });

/** A fresh organisation ИНН (10 digits, the last one the check digit), so reruns on one database work. */
function freshInn(): string {
  const body = String(Date.now()).slice(-9).padStart(9, '7');
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (weights.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11) % 10;
  return `${body}${check}`;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

test('a new company applies with documents; staff offer a contract; the applicant gets the offer PDF', async ({
  page,
  browser,
  clientIp,
}) => {
  const stamp = Date.now();
  const email = `new-company-${stamp}@example.com`;
  const password = 'Novaya-firma-2026';
  const inn = freshInn();
  const name = `ООО «Тепличный комбинат ${stamp % 100000}»`;

  await page.goto('/lk/login');
  await page.getByRole('link', { name: 'Заключить договор' }).click();
  await expect(page).toHaveURL(/\/lk\/register$/);
  const form = page.getByRole('form', { name: 'Регистрация организации' });
  await form.getByLabel(/^Наименование/).fill(name);
  await form.getByLabel(/^ИНН/).fill(inn.slice(0, 9) + String((Number(inn[9]) + 1) % 10));
  await form.getByLabel(/^КПП/).fill('501701001');
  await form.getByLabel(/^Юридический адрес/).fill('г. Истра, ул. Заводская, д. 3');
  await form.getByLabel(/^ФИО/).fill('Орлова Мария Андреевна');
  await form.getByLabel(/^Рабочая электронная почта/).fill(email);
  await form.getByLabel(/^Телефон/).fill('+7 916 555-44-33');
  await form.getByLabel(passwordLabel).fill(password);
  await form.getByLabel(/^Пароль ещё раз/).fill(password);
  await form.getByLabel(/Даю согласие/).check();
  await form.getByRole('button', { name: 'Зарегистрировать организацию' }).click();
  await expect(form.getByText(/не проходит проверку контрольных цифр/)).toBeVisible();
  await form.getByLabel(/^ИНН/).fill(inn);
  await form.getByRole('button', { name: 'Зарегистрировать организацию' }).click();
  await expect(page).toHaveURL(/\/lk\/register\/sent$/);

  await page.goto(await linkFromLetter(page, email, /Подтвердите адрес/, '/lk/register/confirm'));
  await page.getByRole('button', { name: 'Подтвердить адрес' }).click();
  await expect(page).toHaveURL(/\/lk\/login\?confirmed=1$/);
  await loginAt(page, '/lk/login', email, password);
  await expect(page).toHaveURL(/\/lk$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Разделы кабинета' })
    .getByRole('link', { name: 'Заявки на договор' })
    .click();
  await page.getByRole('link', { name: 'Подать заявку' }).click();
  await expect(page.getByTestId('application-company')).toContainText(inn);
  const apply = page.getByRole('form', { name: 'Заявка на договор' });
  await apply.getByLabel(/^Адрес объекта/).fill('г. Истра, ул. Заводская, д. 3, стр. 1');
  await apply.getByLabel(/^Максимальная мощность/).fill('150,5');
  await apply.getByLabel(/^Категория надёжности/).selectOption('2');
  await apply.getByRole('button', { name: 'Подать заявку' }).click();
  await expect(page).toHaveURL(/\/lk\/applications\/[0-9a-f-]{36}\?created=1$/);
  const applicationUrl = page.url().replace(/\?.*$/, '');
  const number = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/\D/g, '');
  await expect(page.getByTestId('application-status').first()).toHaveText('Подана');

  const upload = page.getByRole('form', { name: 'Приложить документ' });
  await upload.getByLabel(/^Документ из перечня/).selectOption('authority');
  await upload.getByLabel(/^Файл/).setInputFiles({ name: 'prikaz.pdf', mimeType: 'application/pdf', buffer: PDF });
  await upload.getByRole('button', { name: 'Приложить' }).click();
  await expect(upload.getByText('Документ «prikaz.pdf» приложен к заявке')).toBeVisible();
  await expect(page.getByTestId('checklist-item').filter({ hasText: 'prikaz.pdf' })).toHaveAttribute(
    'data-done',
    'true',
  );

  await upload.getByLabel(/^Документ из перечня/).selectOption('registration');
  await upload.getByLabel(/^Файл/).setInputFiles({
    name: 'vypiska.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<html><script>alert(1)</script></html>'),
  });
  await upload.getByRole('button', { name: 'Приложить' }).click();
  await expect(upload.getByText(/не в формате PDF, JPEG или PNG/)).toBeVisible();
  await upload.getByLabel(/^Файл/).setInputFiles({ name: 'vypiska.png', mimeType: 'image/png', buffer: PNG });
  await upload.getByRole('button', { name: 'Приложить' }).click();
  await expect(upload.getByText('Документ «vypiska.png» приложен к заявке')).toBeVisible();
  const fileHref = await page.getByTestId('application-file').first().getAttribute('href');
  expect((await page.request.get(fileHref!)).status()).toBe(200);

  // Staff: the queue, the documents, into review, the contract offer.
  const staff = await newDevice(browser, `${clientIp.replace(/\.\d+$/, '')}.252`);
  await signInStaff(staff, 'operator@example.com');
  await staff.goto('/admin/applications');
  await staff.getByTestId('queue-row').filter({ hasText: name }).getByRole('link').click();
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(number);
  const staffFile = await staff.getByTestId('application-file').first().getAttribute('href');
  expect((await staff.request.get(staffFile!)).headers()['content-type']).toBe('application/pdf');
  await staff.getByRole('button', { name: 'Взять на рассмотрение' }).click();
  await expect(staff.getByTestId('staff-done')).toContainText('взята на рассмотрение');
  await staff.getByLabel(/^Номер договора/).fill(`ЮЛ-2026/${number}`);
  await staff.getByRole('button', { name: 'Предложить договор' }).click();
  await expect(staff.getByTestId('staff-done')).toContainText('Договор сформирован');
  await staff.context().close();

  // The applicant sees the offer.
  await page.goto(applicationUrl);
  await expect(page.getByTestId('application-status').first()).toHaveText('Договор предложен');
  await expect(page.getByTestId('application-timeline')).toContainText(`Договор № ЮЛ-2026/${number}`);
  const offer = await page.request.get((await page.getByTestId('offer-link').getAttribute('href'))!);
  expect(offer.status()).toBe(200);
  expect(offer.headers()['content-type']).toBe('application/pdf');
  expect((await offer.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // The document list is closed now: no more uploads after the offer.
  await expect(page.getByRole('form', { name: 'Приложить документ' })).toHaveCount(0);
});
