import { DEMO_PASSWORD, expect, linkFromLetter, loginAt, newDevice, test, signInStaff } from './support/fixtures';
import { expectAccessible } from './support/axe';

// An appeal as a subscriber and staff would live it: the subscriber writes one with a photo and
// sees its number and answer day at once; staff find the overdue appeal at the top of the queue,
// answer this one from a template with a file (an internal note stays internal); the letter is in
// the mailbox; the subscriber reads the answer, downloads the file, closes the appeal and rates it.

// The smallest valid PNG (1×1): its bytes say PNG, whatever the name.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test('file an appeal with a photo, staff answer by letter, the subscriber closes and rates it', async ({
  page,
  browser,
  clientIp,
}) => {
  test.setTimeout(150_000);
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Обращения' }).click();
  await expect(page).toHaveURL(/\/fiz\/appeals$/);
  await expectAccessible(page, '/fiz/appeals');
  await page.getByRole('link', { name: 'Написать обращение' }).click();
  await expect(page).toHaveURL(/\/fiz\/appeals\/new$/);
  await expectAccessible(page, '/fiz/appeals/new');

  await page.getByLabel(/^Тема/).selectOption({ index: 2 });
  await page
    .getByLabel(/^Текст обращения/)
    .fill('Форма не принимает показания ночной зоны, прикладываю фото счётчика.');
  // A file that is not a picture is refused by its bytes; nothing is filed.
  await page
    .getByLabel(/^Файл 1/)
    .setInputFiles({ name: 'счётчик.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture') });
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  await expect(page.getByText(/не в формате/)).toBeVisible();
  await expect(page).toHaveURL(/\/fiz\/appeals\/new$/);
  await page.getByLabel(/^Файл 1/).setInputFiles({ name: 'счётчик.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  await expect(page).toHaveURL(/\/fiz\/appeals\/[0-9a-f-]{36}\?filed=1$/, { timeout: 20_000 });
  const appealUrl = page.url().replace(/\?.*$/, '');
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const number = heading.match(/О-\d{4}-\d{6}/)?.[0];
  expect(number).toBeTruthy();
  await expect(page.getByRole('status').filter({ hasText: 'Обращение зарегистрировано' })).toContainText(
    `Номер — ${number}, ответ — до `,
  );
  await expect(page.getByTestId('appeal-deadline')).toHaveText(/^до \d{2}\.\d{2}\.\d{4} включительно$/);
  await expect(page.getByTestId('appeal-status')).toHaveText('На рассмотрении');
  const photo = page.getByRole('link', { name: 'счётчик.png' });
  await expect(photo).toBeVisible();
  const photoHref = (await photo.getAttribute('href'))!;
  const photoResponse = await page.request.get(photoHref);
  expect(photoResponse.headers()['content-type']).toBe('image/png');

  // Staff: the overdue appeal is at the top, highlighted; then they answer this one.
  const staff = await newDevice(browser, `${clientIp.replace(/\.\d+$/, '')}.252`);
  await signInStaff(staff, 'operator@example.com');
  await staff.goto('/admin/support');
  const rows = staff.getByTestId('appeal-queue').locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('data-overdue', 'yes');
  await expect(rows.first()).toContainText('Просрочено');
  await expectAccessible(staff, '/admin/support');
  await staff.getByRole('link', { name: `№ ${number}` }).click();
  await expect(staff.getByRole('heading', { name: `Обращение № ${number}` })).toBeVisible();
  await expect(staff.getByRole('link', { name: /карточка счёта/ })).toHaveAttribute('href', /\/admin\/accounts\//);
  await staff.getByLabel(/^Заметка для сотрудников/).fill('Проверить смену зон в октябре');
  await staff.getByRole('button', { name: 'Добавить заметку' }).click();
  await expect(staff.getByText('Заметка добавлена.')).toBeVisible();
  await staff.getByLabel('Шаблон ответа').selectOption({ label: 'Нужны показания' });
  await expect(staff.getByLabel(/^Ответ заявителю/)).toHaveValue(/пришлите, пожалуйста, фото/);
  await staff
    .getByLabel(/^Ответ заявителю/)
    .fill('Зоны были переставлены местами — исправили. Передайте показания ещё раз.');
  // Staff's files pass the same check by their bytes as the subscriber's.
  await staff
    .getByLabel(/^Файл 1/)
    .setInputFiles({ name: 'акт.png', mimeType: 'image/png', buffer: Buffer.from('<html>not a picture</html>') });
  await staff.getByRole('button', { name: 'Отправить ответ' }).click();
  await expect(staff.getByText(/не в формате/)).toBeVisible();
  await staff.getByLabel(/^Файл 1/).setInputFiles({ name: 'акт проверки.png', mimeType: 'image/png', buffer: PNG });
  await staff.getByRole('button', { name: 'Отправить ответ' }).click();
  await expect(staff.getByText('Ответ отправлен заявителю письмом.')).toBeVisible();
  await expectAccessible(staff, '/admin/support/settings');

  // The letter is in the development mailbox.
  await page.goto('/dev/mailbox');
  await expect(page.getByRole('link', { name: new RegExp(`Ответ на обращение № ${number}`) }).first()).toBeVisible();

  // The subscriber reads the answer (not the note), closes the appeal and rates it.
  await page.goto(appealUrl);
  await expect(page.getByTestId('appeal-status')).toHaveText('Дан ответ');
  await expect(page.getByTestId('appeal-message-staff')).toContainText('Зоны были переставлены местами');
  await expect(page.getByText('Проверить смену зон в октябре')).toHaveCount(0);
  const act = page.getByTestId('appeal-message-staff').getByRole('link', { name: 'акт проверки.png' });
  const actHref = (await act.getAttribute('href'))!;
  const actResponse = await page.request.get(actHref);
  expect(actResponse.status()).toBe(200);
  expect(actResponse.headers()['content-type']).toBe('image/png');
  await page.getByLabel(/^Оценка ответа/).selectOption('5');
  await page.getByRole('button', { name: 'Закрыть обращение' }).click();
  await expect(page).toHaveURL(/\?closed=1$/);
  await expect(page.getByTestId('appeal-status')).toHaveText('Закрыто');
  await expect(page.getByText('5 из 5')).toBeVisible();
  await staff.context().close();

  // Another household opens the same addresses: 404, for the page, the photo and staff's file.
  const other = await newDevice(browser, `${clientIp.replace(/\.\d+$/, '')}.253`);
  await loginAt(other, '/fiz/login', '50010003', DEMO_PASSWORD);
  await expect(other).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  expect((await other.goto(appealUrl))?.status()).toBe(404);
  expect((await other.request.get(photoHref)).status()).toBe(404);
  expect((await other.request.get(actHref)).status()).toBe(404);
  await other.context().close();
});

test('a guest writes from /support with a photo, staff see it only after the letter’s link confirms the e-mail', async ({
  page,
  browser,
  clientIp,
}) => {
  test.setTimeout(120_000);
  const email = `guest-${Date.now()}@example.com`;
  await page.goto('/support');
  await page.getByRole('link', { name: 'напишите обращение' }).click();
  await expect(page).toHaveURL(/\/support\/appeals\/new$/);
  await expectAccessible(page, '/support/appeals/new');
  await page.getByLabel(/^Как к вам обращаться/).fill('Кузнецов Дмитрий');
  await page.getByLabel(/^Электронная почта/).fill(email);
  await page.getByLabel(/^Тема/).selectOption({ index: 3 });
  await page.getByLabel(/^Номер лицевого счёта/).fill('50010004');
  await page.getByLabel(/^Текст обращения/).fill('Оплатил по номеру счёта 1 декабря, платёж не вижу.');
  await page.getByLabel(/^Файл 1/).setInputFiles({ name: 'чек.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel(/Согласен на обработку/).check();
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  const saved = page.locator('p.notice').filter({ hasText: 'сохранено' });
  await expect(saved).toBeVisible();
  const number = ((await saved.textContent()) ?? '').match(/О-\d{4}-\d{6}/)?.[0];
  expect(number).toBeTruthy();

  const staff = await newDevice(browser, `${clientIp.replace(/\.\d+$/, '')}.254`);
  await signInStaff(staff, 'operator@example.com');
  await staff.goto('/admin/support');
  await expect(staff.getByRole('link', { name: `№ ${number}` })).toHaveCount(0);

  const link = await linkFromLetter(page, email, new RegExp(`Подтвердите обращение № ${number}`), '/support/appeals/');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: `Обращение № ${number}` })).toBeVisible();
  await page.getByRole('button', { name: 'Подтвердить обращение' }).click();
  await expect(page.getByText('Адрес подтверждён — обращение передано специалистам.')).toBeVisible();
  await expect(page.getByTestId('appeal-deadline')).toHaveText(/^до \d{2}\.\d{2}\.\d{4} включительно$/);
  // The guest's photo opens by the letter's signed link, as the page does.
  const receipt = await page.request.get((await page.getByRole('link', { name: 'чек.png' }).getAttribute('href'))!);
  expect(receipt.headers()['content-type']).toBe('image/png');
  await staff.goto('/admin/support');
  await staff.getByRole('link', { name: `№ ${number}` }).click();
  // The number the guest typed leads to the registry's search: it may be mistyped.
  await expect(staff.getByRole('link', { name: /найти в реестре/ })).toHaveAttribute(
    'href',
    '/admin/accounts?q=50010004',
  );
  await staff.context().close();
});
