import { expectAccessible } from './axe';
import { createHousehold } from './db';
import { DEMO_PASSWORD, expect, loginAt, test } from './fixtures';
import { payWithSandboxCard } from './sandbox-card';
import { sendSmsToApp, smsTo } from './sms-mailbox';
import type { Page } from '@playwright/test';

// Pay by SMS, the phone journey of the desktop and the mobile spec: a household of the journey's
// own (each run its own phone and account, so no other spec's balance moves) binds a card on a
// cabinet payment with «Запомнить карту», then from the phone in its profile sends «ОПЛАТА 150»,
// gets the code and the amount by SMS, answers once with a wrong code (refused in Russian, nothing
// charged) and then with the code, and gets «… зачислена» once the sandbox's notification lands.
// The payment is in the cabinet's history.

export async function payBySms(page: Page, key: string): Promise<void> {
  // Two gateway payments, a wait for the asynchronous notification, several mailbox reads.
  test.setTimeout(120_000);
  const household = await createHousehold(key, { all_day: 12_000 });
  const { email, phone, accountNumber } = household;

  await test.step('a cabinet payment with «Запомнить карту» binds the card for electricity', async () => {
    await loginAt(page, '/fiz/login', email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
    await page.goto('/fiz/payments');
    await page.getByLabel(/^Сумма, ₽/).fill('100,00');
    await page.getByLabel('Запомнить карту для следующих платежей').check();
    await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
    await expect(page).toHaveURL(/\/sandbox\/pay\?.*Recurring=true/);
    await payWithSandboxCard(page);
    await page.goto('/fiz/payments');
    await expect(page.getByTestId('card-binding')).toContainText('Карта •••• 1111');
  });

  let code = '';
  await test.step('«ОПЛАТА 150» from the profile’s phone: the answer tells the amount and a code', async () => {
    await sendSmsToApp(page, email, phone, 'ОПЛАТА 150');
    const answer = await smsTo(page, email, `Оплата по л/с ${accountNumber}`);
    await expect(answer).toContainText(/150,00\s₽ с карты •••• 1111/);
    const text = (await answer.textContent()) ?? '';
    code = /кодом (\d{6})/.exec(text)?.[1] ?? '';
    expect(code, text).toMatch(/^\d{6}$/);
  });

  await test.step('a wrong code is refused in Russian, and nothing is charged', async () => {
    const wrong = code === '000000' ? '111111' : '000000';
    await sendSmsToApp(page, email, phone, wrong);
    await smsTo(page, email, 'Неверный код. Осталось попыток: 2. Деньги не списаны.');
  });

  await test.step('the code alone charges the bound card; the result SMS says «зачислена»', async () => {
    await sendSmsToApp(page, email, phone, code);
    await smsTo(page, email, new RegExp(`Код принят: списание 150,00\\s₽ по л/с ${accountNumber}`));
    // The sandbox's notification comes on its own, a moment after the charge.
    await smsTo(page, email, new RegExp(`Оплата 150,00\\s₽ по л/с ${accountNumber} зачислена\\.`));
  });

  await test.step('the payment is in the cabinet’s history', async () => {
    await page.goto('/fiz/payments/history');
    const rows = page.getByTestId('history-row');
    await expect(rows).toHaveCount(2);
    const bySms = rows.filter({ hasText: /150,00\s₽/ });
    await expect(bySms).toHaveAttribute('data-status', 'paid');
    await expect(bySms.getByTestId('payment-status')).toHaveText('оплачен');
    await expectAccessible(page, '/fiz/payments/history');
  });
}
