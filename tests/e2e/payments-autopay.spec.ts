import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';
import { submitSandboxCard } from './support/sandbox-card';

// Autopay in the household cabinet: Белова binds a card by paying her house (50010005), turns
// autopay on for the house (a fixed sum under a cap; the form's rules are the server's) and for the
// dacha (each bill in full), and turns the house's off again.
test.describe.configure({ timeout: 90_000 });

test('bind a card, turn autopay on with a monthly cap, then off', async ({ page }) => {
  await loginAt(page, '/fiz/login', 'belova@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });

  await page.goto('/fiz/payments/autopay');
  await expect(page.getByTestId('autopay-no-card')).toBeVisible();

  await page.goto('/fiz/payments');
  const house = await page
    .locator('select[name="accountId"] option', { hasText: '50010005' })
    .first()
    .getAttribute('value');
  await page.getByLabel(/^Лицевой счёт/).selectOption(house!);
  await page.getByLabel(/^Сумма, ₽/).fill('100');
  await page.getByLabel('Запомнить карту для следующих платежей').check();
  await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\?/);
  await submitSandboxCard(page, '5555 5555 5555 4444');
  await expect(page).toHaveURL(/\/payments\/success\?/);
  await expect(page.getByTestId('payment-status')).toContainText('Оплата получена');

  await page.goto('/fiz/payments/autopay');
  const houseCard = page.getByTestId('autopay-account').filter({ hasText: '50010005' });
  await houseCard.getByLabel(/^Сколько списывать/).selectOption('fixed');
  await houseCard.getByLabel(/^Не больше в месяц/).fill('3000');
  await houseCard.getByRole('button', { name: 'Включить автоплатёж' }).click();
  await expect(houseCard.getByText('Укажите сумму, которую списывать')).toBeVisible();
  await houseCard.getByLabel(/^Сумма, ₽/).fill('5000');
  await houseCard.getByRole('button', { name: 'Включить автоплатёж' }).click();
  await expect(houseCard.getByText('Сумма больше лимита в месяц — её не спишем')).toBeVisible();
  await houseCard.getByLabel(/^Сумма, ₽/).fill('1500');
  await houseCard.getByLabel(/^Предупредить о списании/).selectOption('48');
  await houseCard.getByRole('button', { name: 'Включить автоплатёж' }).click();
  await expect(page.getByTestId('autopay-saved')).toBeVisible();
  await expect(houseCard.getByTestId('autopay-state')).toHaveText(
    /1\s500,00\s₽ по каждому счёту, не больше 3\s000,00\s₽ в месяц, предупредим за 2 дня/,
  );

  // The dacha with the defaults: each new bill in full, the same card.
  const dachaCard = page.getByTestId('autopay-account').filter({ hasText: '50010006' });
  await dachaCard.getByRole('button', { name: 'Включить автоплатёж' }).click();
  await expect(dachaCard.getByTestId('autopay-state')).toContainText('каждый новый счёт полностью');

  await houseCard.getByRole('button', { name: 'Выключить автоплатёж' }).click();
  await expect(page.getByTestId('autopay-off')).toBeVisible();
  await expect(houseCard.getByText('Автоплатёж выключен.')).toBeVisible();
});
