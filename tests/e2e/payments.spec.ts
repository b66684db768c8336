import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';
import { loginByKeyboard, tabTo } from './support/keyboard';
import { submitSandboxCard } from './support/sandbox-card';

// Paying through the built-in sandbox gateway: Petrov (50010002, in debt) pays what is due with a
// 3-D Secure card; the balance changes once. A declined card changes nothing.

test.describe.configure({ mode: 'serial' });

test('pay what is due with 3-D Secure; the balance changes once', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await expect(page.getByTestId('balance')).toContainText('К оплате');

  await page.goto('/fiz/payments');
  await expect(page.getByTestId('sandbox-notice')).toBeVisible();
  const amount = await page.getByLabel(/^Сумма, ₽/).inputValue();
  expect(amount).toMatch(/^\d+,\d{2}$/);
  await page.getByRole('button', { name: 'Оплатить' }).click();

  await expect(page).toHaveURL(/\/sandbox\/pay\?/);
  // «5860,81» in the field is «5 860,81 ₽» on the gateway's page.
  const shown = new RegExp(
    amount.replace(
      /^(\d+?)(\d{3})?(\d{3})?,/,
      (_, a: string, b?: string, c?: string) => [a, b, c].filter(Boolean).join('\\s') + ',',
    ),
  );
  await expect(page.getByTestId('sandbox-amount')).toHaveText(shown);
  await submitSandboxCard(page, '4111 1111 1111 1112');
  await expect(page.getByText('Номер карты введён с ошибкой')).toBeVisible();
  await page.getByLabel(/^Номер карты/).fill('4111 1111 1111 1111');
  await page.getByRole('button', { name: 'Оплатить' }).click();

  await page.getByLabel(/Код из SMS/).fill('00000');
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByText(/Неверный код подтверждения/).first()).toBeVisible();
  await page.getByLabel(/Код из SMS/).fill('12345');
  await page.getByRole('button', { name: 'Подтвердить' }).click();

  await expect(page).toHaveURL(/\/payments\/success\?/);
  await expect(page.getByTestId('payment-status')).toContainText('Оплата получена');
  await expect(page.getByTestId('payment-status')).toHaveText(shown);
  // Coming back to the same page does not pay twice.
  await page.reload();
  await expect(page.getByTestId('payment-status')).toContainText('Оплата получена');

  await page.goto('/fiz');
  await expect(page.getByTestId('balance')).toContainText('Задолженности нет');
  await expect(page.getByTestId('balance')).toContainText('0,00');
});

test('by keyboard alone: a declined card ends on the failure page and changes nothing', async ({ page }) => {
  await loginByKeyboard(page, '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  const before = await page.getByTestId('balance').textContent();
  await page.goto('/fiz/payments');
  await tabTo(page, page.getByLabel(/^Сумма, ₽/));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('150');
  await tabTo(page, page.getByRole('button', { name: 'Оплатить', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sandbox\/pay\?/);
  await tabTo(page, page.getByLabel(/^Номер карты/));
  await page.keyboard.type('4000 0000 0000 0002');
  await tabTo(page, page.getByLabel(/^Срок действия/));
  await page.keyboard.type('12/30');
  await tabTo(page, page.getByLabel(/^CVC/));
  await page.keyboard.type('123');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/payments\/fail\?/);
  await expect(page.getByTestId('payment-status')).toContainText('Деньги не списаны');
  await page.goto('/fiz');
  await expect(page.getByTestId('balance')).toHaveText(before ?? '');
});

test('an amount with a fraction of a kopeck is refused with the reason', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/payments');
  await page.getByLabel(/^Сумма, ₽/).fill('10,555');
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await expect(page.getByText(/не больше двух знаков после запятой/)).toBeVisible();
  await expect(page).toHaveURL(/\/fiz\/payments$/);
});
