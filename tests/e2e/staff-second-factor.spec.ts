import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD, expect, loginAt, newDevice, test } from './support/fixtures';

// Staff sign in with a password AND a code from an authenticator app; a new staff member enrols
// on first login; logout ends the session on the server, so a copied cookie is dead.

// Several logins and devices per test: more than the default budget on a busy machine.
test.describe.configure({ timeout: 90_000 });
/** A login (argon2, the second factor) can take seconds while the machine is busy. */
const slow = { timeout: 20_000 };

test('a staff login needs the second factor: no code and a wrong code are refused in Russian', async ({ page }) => {
  await loginAt(page, '/admin/login', 'admin@example.com', DEMO_PASSWORD, { code: ' ' });
  await expect(page.getByText(/Введите шестизначный код из приложения/)).toBeVisible(slow);
  await expect(page).toHaveURL(/\/admin\/login/, slow);

  await loginAt(page, '/admin/login', 'admin@example.com', DEMO_PASSWORD, { code: '000000' });
  await expect(page.getByText(/Код не подошёл/)).toBeVisible(slow);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login/, slow);

  await loginAt(page, '/admin/login', 'admin@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/, slow);
  await expect(page.getByRole('link', { name: 'Сотрудники' }).first()).toBeVisible(slow);
});

test('a new staff member is sent to enrol before any console page, then signs in with the app', async ({
  page,
  browser,
  clientIp,
}) => {
  await loginAt(page, '/admin/login', 'admin@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/, slow);
  await page.goto('/admin/staff');
  const email = `e2e.${Date.now()}@example.com`;
  const form = page.getByRole('form', { name: 'Новый сотрудник' });
  await form.getByLabel(/^ФИО/).fill('Новикова Анна Сергеевна');
  await form.getByLabel(/^Служебный e-mail/).fill(email);
  await form.getByRole('button', { name: 'Добавить сотрудника' }).click();
  const password = (await page.getByTestId('temporary-password').textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);

  const newcomer = await newDevice(browser, clientIp);
  await loginAt(newcomer, '/admin/login', email, password, { code: '' });
  await expect(newcomer).toHaveURL(/\/admin\/enrol$/, slow);
  await newcomer.goto('/admin/payments');
  await expect(newcomer).toHaveURL(/\/admin\/enrol$/, slow);
  await expect(newcomer.getByRole('img', { name: /QR-код/ })).toBeVisible(slow);
  const secret = (await newcomer.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  const code = TOTP.generate({ secret: Secret.fromBase32(secret) });
  await newcomer.getByLabel(/^Код из приложения/).fill(code);
  await newcomer.getByRole('button', { name: 'Подключить' }).click();
  await expect(newcomer.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await newcomer.getByRole('link', { name: 'Перейти в консоль' }).click();
  await expect(newcomer).toHaveURL(/\/admin$/, slow);
  await newcomer.context().close();
});

test('logout ends the session on the server: a copied cookie is dead afterwards', async ({
  page,
  browser,
  clientIp,
}) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, slow);

  const thief = await newDevice(browser, clientIp);
  await thief.context().addCookies(await page.context().cookies());
  await thief.goto('/fiz');
  await expect(thief).toHaveURL(/\/fiz$/, slow);

  await page.getByRole('button', { name: 'Выйти' }).first().click();
  await expect(page).toHaveURL(/\/fiz\/login/, slow);

  await thief.goto('/fiz');
  await expect(thief).toHaveURL(/\/fiz\/login/, slow);
  const session = await thief.request.get('/api/auth/session');
  expect(await session.json()).toBeNull();
  await thief.context().close();
});

test('«запомнить меня» keeps the cookie for 30 days; without it the cookie ends with the browser', async ({ page }) => {
  const sessionCookie = async () => (await page.context().cookies()).find((c) => /authjs\.session-token/.test(c.name));

  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, slow);
  expect((await sessionCookie())?.expires).toBe(-1);
  await page.getByRole('button', { name: 'Выйти' }).first().click();

  await page.goto('/fiz/login');
  await page.locator('input[name="login"]').fill('50010002');
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByLabel('Запомнить меня').check();
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/fiz$/, slow);
  const expires = (await sessionCookie())!.expires * 1000;
  expect(expires - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
});
