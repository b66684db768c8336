import { DEMO_PASSWORD, expect, linkFromLetter, loginAt, newDevice, test } from './support/fixtures';
import { payWithSandboxCard } from './support/sandbox-card';

// Recovery by an e-mail link; the new password ends every other session and deletes every
// bound card (Sidorova binds one first, on a real 3-D Secure payment through the sandbox).

const email = 'sidorova@example.com';
const newPassword = 'Новый пароль для Ольги';
const sameAnswer = 'Если этот адрес зарегистрирован, мы отправили на него письмо';

test('password recovery: same answer for unknown addresses, single-use link, old sessions end', async ({
  page,
  browser,
}) => {
  const otherDevice = await newDevice(browser, '198.51.98.7');
  test.setTimeout(120_000);
  await test.step('another device is logged in and remembers a card on a payment', async () => {
    await loginAt(otherDevice, '/fiz/login', '50010003', DEMO_PASSWORD);
    await expect(otherDevice).toHaveURL(/\/fiz$/);
    await otherDevice.goto('/fiz/payments');
    await otherDevice.getByLabel(/^Сумма, ₽/).fill('50,00');
    await otherDevice.getByLabel('Запомнить карту для следующих платежей').check();
    await otherDevice.getByRole('button', { name: 'Оплатить', exact: true }).click();
    await payWithSandboxCard(otherDevice);
    await otherDevice.goto('/fiz/payments');
    await expect(otherDevice.getByTestId('card-binding')).toHaveCount(1);
  });

  await test.step('an unknown address gets the same answer and no letter', async () => {
    await page.goto('/fiz/login');
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await expect(page.getByText('все привязанные банковские карты будут удалены')).toBeVisible();
    await page.getByLabel(/Электронная почта/).fill('nobody@example.com');
    await page.getByRole('button', { name: 'Сбросить пароль' }).click();
    await expect(page.getByRole('status').filter({ hasText: sameAnswer })).toBeVisible();
    await page.goto('/dev/mailbox?to=nobody%40example.com');
    await expect(page.getByText('Писем для nobody@example.com нет.')).toBeVisible();
  });

  await test.step('the known address gets the same answer and a letter', async () => {
    await page.goto('/fiz/password/reset');
    await page.getByLabel(/Электронная почта/).fill('  Sidorova@Example.com ');
    await page.getByRole('button', { name: 'Сбросить пароль' }).click();
    await expect(page.getByRole('status').filter({ hasText: sameAnswer })).toBeVisible();
  });

  const link = await linkFromLetter(page, email, /Восстановление пароля/, '/fiz/password/new');
  await test.step('a new password with mistakes, then a good one', async () => {
    await page.goto(link);
    await page.getByLabel(/^Новый пароль\*?$/).fill('short');
    await page.getByLabel(/^Новый пароль ещё раз/).fill('short');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect(page.getByText('Ошибка: Пароль — не короче 12 символов', { exact: false })).toBeVisible();
    await page.getByLabel(/^Новый пароль\*?$/).fill(newPassword);
    await page.getByLabel(/^Новый пароль ещё раз/).fill(newPassword + '!');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect(page.getByText('Пароли не совпадают')).toBeVisible();
    await page.getByLabel(/^Новый пароль ещё раз/).fill(newPassword);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect(page).toHaveURL(/\/fiz\/login\?reset=1$/);
    await expect(page.getByText('Пароль изменён, привязанные карты удалены')).toBeVisible();
  });

  await test.step('the link cannot be used twice', async () => {
    await page.goto(link);
    await expect(page.getByText('Ссылка устарела или уже использована')).toBeVisible();
  });

  await test.step('the old password no longer works, the new one does', async () => {
    await loginAt(page, '/fiz/login', '50010003', DEMO_PASSWORD);
    await expect(page.getByRole('alert').filter({ hasText: 'Неверный логин или пароль' })).toBeVisible();
    await loginAt(page, '/fiz/login', '50010003', newPassword);
    await expect(page).toHaveURL(/\/fiz$/);
  });

  await test.step('the bound card is gone', async () => {
    await page.goto('/fiz/payments');
    await expect(page.getByTestId('no-bindings')).toBeVisible();
    await expect(page.getByTestId('card-binding')).toHaveCount(0);
  });

  await test.step('the other device was signed out', async () => {
    await otherDevice.goto('/fiz/profile');
    await expect(otherDevice).toHaveURL(/\/fiz\/login\?next=%2Ffiz%2Fprofile$/);
  });
  await otherDevice.context().close();

  // Later files log in as Sidorova with the demo password: put it back, as she could herself.
  await test.step('the demo password is restored from the profile', async () => {
    await page.goto('/fiz/profile');
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Пароль', exact: true }) });
    await form.getByLabel(/^Текущий пароль/).fill(newPassword);
    await form.getByLabel(/^Новый пароль\*?$/).fill(DEMO_PASSWORD);
    await form.getByLabel(/^Новый пароль ещё раз/).fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Пароль изменён' })).toBeVisible();
  });
});
