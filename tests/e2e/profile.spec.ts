import { DEMO_PASSWORD, expect, linkFromLetter, letterText, loginAt, newDevice, test } from './support/fixtures';

// Preferences and the profile: contacts, password, e-mail, sessions.
// Petrov (50010002) is this file's subscriber; the tests run in order.

test.describe.configure({ mode: 'serial' });

const newPassword = 'Петров меняет пароль 2026';
const newEmail = 'petrov.new@example.com';

test('contacts and notification preferences are saved', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/profile');

  const contacts = page.locator('section', { has: page.getByRole('heading', { name: 'Контактные данные' }) });
  await contacts.getByLabel(/^Телефон/).fill('12-34');
  await contacts.getByRole('button', { name: 'Сохранить' }).click();
  await expect(contacts.getByText('Укажите телефон в формате +7 900 000-00-00')).toBeVisible();
  await contacts.getByLabel(/^Телефон/).fill('8 916 111-22-33');
  await contacts.getByRole('button', { name: 'Сохранить' }).click();
  await expect(contacts.getByText('Контактные данные сохранены')).toBeVisible();

  const prefs = page.locator('section', { has: page.getByRole('heading', { name: 'Уведомления' }) });
  const cell = (event: string, channel: string) => prefs.getByRole('group', { name: event }).getByLabel(channel);
  await cell('Выставлен счёт', 'Эл. почта').uncheck();
  await cell('Новости', 'Эл. почта').check();
  await cell('Отключение по моему адресу', 'СМС').check();
  await prefs.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(prefs.getByText('Настройки уведомлений сохранены')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel(/^Телефон/)).toHaveValue('+79161112233');
  await expect(cell('Выставлен счёт', 'Эл. почта')).not.toBeChecked();
  await expect(cell('Новости', 'Эл. почта')).toBeChecked();
  await expect(cell('Отключение по моему адресу', 'СМС')).toBeChecked();
  await expect(cell('Приём показаний скоро закончится', 'Эл. почта')).toBeChecked();
  await expect(cell('Приём показаний скоро закончится', 'СМС')).not.toBeChecked();
});

test('changing the password needs the current one and ends the other sessions only', async ({ page, browser }) => {
  const otherDevice = await newDevice(browser, '198.51.97.3');
  await loginAt(otherDevice, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(otherDevice).toHaveURL(/\/fiz$/);

  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/profile');
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Пароль', exact: true }) });
  await form.getByLabel(/^Текущий пароль/).fill('not-my-password');
  await form.getByLabel(/^Новый пароль\*?$/).fill(newPassword);
  await form.getByLabel(/^Новый пароль ещё раз/).fill(newPassword);
  await form.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(form.getByText('Текущий пароль указан неверно').first()).toBeVisible();

  await form.getByLabel(/^Текущий пароль/).fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Пароль изменён' })).toBeVisible();

  // This browser carries on; the other device is signed out.
  await page.reload();
  await expect(page).toHaveURL(/\/fiz\/profile\?password=changed$/);
  await expect(page.getByRole('heading', { name: 'Профиль', level: 1 })).toBeVisible();
  await otherDevice.goto('/fiz');
  await expect(otherDevice).toHaveURL(/\/fiz\/login/);
  await otherDevice.context().close();
  expect(await letterText(page, 'petrov@example.com', /Пароль изменён/)).toContain('пароль');
});

test('the login e-mail changes only after the new address is confirmed', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010002', newPassword);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/profile');
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Адрес электронной почты' }) });
  await form.getByLabel(/^Новый адрес/).fill('not-an-email');
  await form.getByRole('button', { name: /Отправить ссылку/ }).click();
  await expect(form.getByText('Проверьте адрес электронной почты')).toBeVisible();
  await form.getByLabel(/^Новый адрес/).fill(newEmail);
  await form.getByLabel(/^Текущий пароль/).fill(newPassword);
  await form.getByRole('button', { name: /Отправить ссылку/ }).click();
  await expect(form.getByText(`Мы отправили ссылку на ${newEmail}`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('current-email')).toHaveText('petrov@example.com');

  expect(await letterText(page, 'petrov@example.com', /Запрошена смена адреса/)).toContain(newEmail);
  await page.goto(await linkFromLetter(page, newEmail, /Подтвердите новый адрес/, '/fiz/email/confirm'));
  await page.getByRole('button', { name: 'Подтвердить новый адрес' }).click();
  await expect(page.getByText(`теперь для входа используется ${newEmail}`)).toBeVisible();

  await page.goto('/fiz/profile');
  await expect(page.getByTestId('current-email')).toHaveText(newEmail);
});

test('«выйти на всех устройствах» signs every browser out', async ({ page, browser }) => {
  const otherDevice = await newDevice(browser, '198.51.97.4');
  await loginAt(otherDevice, '/fiz/login', newEmail, newPassword);
  await expect(otherDevice).toHaveURL(/\/fiz$/);
  await loginAt(page, '/fiz/login', '50010002', newPassword);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/profile');
  await page.getByRole('button', { name: 'Выйти на всех устройствах' }).click();
  await expect(page).toHaveURL(/\/fiz\/login\?everywhere=1$/);
  await expect(page.getByText('Вы вышли на всех устройствах')).toBeVisible();
  await otherDevice.goto('/fiz');
  await expect(otherDevice).toHaveURL(/\/fiz\/login/);
  await otherDevice.context().close();
});

// Later files log in as Petrov with the demo password, so the serial run ends by setting it back.
test('the demo password can be chosen again', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010002', newPassword);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/profile');
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Пароль', exact: true }) });
  await form.getByLabel(/^Текущий пароль/).fill(newPassword);
  await form.getByLabel(/^Новый пароль\*?$/).fill(DEMO_PASSWORD);
  await form.getByLabel(/^Новый пароль ещё раз/).fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Пароль изменён' })).toBeVisible();
});
