import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// The three doors, their refusals and what each session may reach.

test('cabinet pages send a visitor to the login page and back', async ({ page }) => {
  await page.goto('/fiz/profile');
  await expect(page).toHaveURL(/\/fiz\/login\?next=%2Ffiz%2Fprofile$/);
  await page.locator('input[name="login"]').fill('ivanova@example.com');
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/fiz\/profile$/);
  await expect(page.getByTestId('current-email')).toHaveText('ivanova@example.com');
});

test('a wrong password, an unknown login and a staff login at the household door get the same answer', async ({
  page,
}) => {
  for (const [login, password] of [
    ['50010001', 'not-the-password'],
    ['77777777', DEMO_PASSWORD],
    ['operator@example.com', DEMO_PASSWORD],
  ]) {
    await loginAt(page, '/fiz/login', login!, password!);
    await expect(page.getByRole('alert').filter({ hasText: 'Неверный логин или пароль' })).toBeVisible();
    await expect(page).toHaveURL(/\/fiz\/login$/);
  }
  await page.goto('/fiz');
  await expect(page).toHaveURL(/\/fiz\/login/);
});

test('after five failures the login is paused even for the right password', async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await loginAt(page, '/fiz/login', 'petrov@example.com', `wrong-${i}-password`);
    await expect(page.getByRole('alert').filter({ hasText: 'Неверный логин или пароль' })).toBeVisible();
  }
  await loginAt(page, '/fiz/login', 'petrov@example.com', DEMO_PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: 'Слишком много попыток входа' })).toBeVisible();
});

test('a household session reaches neither the staff console nor the company cabinet', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await expect(page.getByTestId('account-number')).toHaveText(['50010001']);
  await page.goto('/admin/registrations');
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fregistrations$/);
  await page.goto('/lk');
  await expect(page).toHaveURL(/\/lk\/login/);
  // An open redirect through ?next= goes home instead.
  await page.goto('/fiz/login?next=https://evil.example/');
  await expect(page).toHaveURL(/\/fiz$/);
});

test('a company user logs in at /lk/login by e-mail and sees only the company accounts', async ({ page }) => {
  await loginAt(page, '/lk/login', 'company@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/lk$/);
  await expect(page.getByTestId('account-number')).toHaveText(['70020001', '70020002', '70020003']);
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/lk\/login$/);
  await page.goto('/lk');
  await expect(page).toHaveURL(/\/lk\/login/);
});

test('logging out ends the session', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/fiz\/login$/);
  await page.goto('/fiz');
  await expect(page).toHaveURL(/\/fiz\/login/);
});
