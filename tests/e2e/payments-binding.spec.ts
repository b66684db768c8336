import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';
import { payWithSandboxCard } from './support/sandbox-card';

// Card binding through the built-in sandbox: Сидорова (50010003, in debt) pays part of it with
// «Запомнить карту» and 3-D Secure, sees the bound card (masked number only), pays again with it in
// one click — the balance moves once, by that amount — and deletes the card.
// Her balance is asserted by no later spec (recovery.spec only changes her password), and the
// card is deleted at the end, so the shared e2e database is left with no binding.

test.describe.configure({ mode: 'serial' });

/** What the cabinet home says she owes, in kopecks (negative for an advance). */
async function dueKopecks(page: Page): Promise<number> {
  await page.goto('/fiz');
  const text = (await page.getByTestId('balance').textContent()) ?? '';
  const amount = /(\d[\d\s\u00a0\u202f]*,\d{2})/.exec(text)?.[1];
  if (!amount) throw new Error(`no amount in «${text}»`);
  const kopecks = Number(amount.replace(/[\s\u00a0\u202f]/g, '').replace(',', ''));
  return text.includes('К оплате') ? kopecks : -kopecks;
}

test('bind a card on a 3-D Secure payment, pay with it in one click, delete it', async ({ page }) => {
  // Two payments through the gateway and a wait for the notification: more than the default 30 s.
  test.setTimeout(90_000);
  await loginAt(page, '/fiz/login', '50010003', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  const start = await dueKopecks(page);

  await test.step('the first payment asks to remember the card (Recurring=true)', async () => {
    await page.goto('/fiz/payments');
    await expect(page.getByTestId('no-bindings')).toBeVisible();
    await page.getByLabel(/^Сумма, ₽/).fill('100,00');
    await page.getByLabel('Запомнить карту для следующих платежей').check();
    await page.getByRole('button', { name: 'Оплатить', exact: true }).click();

    await expect(page).toHaveURL(/\/sandbox\/pay\?.*Recurring=true/);
    await payWithSandboxCard(page);
    expect(await dueKopecks(page)).toBe(start - 100_00);
  });

  const card = page.getByTestId('card-binding');
  await test.step('the bound card is listed by its masked number only', async () => {
    await page.goto('/fiz/payments');
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('card-mask')).toHaveText('411111******1111');
    await expect(card).toContainText('Карта •••• 1111');
    await expect(card).toContainText('оплата электроэнергии');
    await expect(page.getByText('4111111111111111')).toHaveCount(0);
  });

  await test.step('one click charges the bound card; the balance changes once', async () => {
    const before = await dueKopecks(page);
    await page.goto('/fiz/payments');
    const form = card.getByRole('form', { name: /^Оплатить картой/ });
    await form.getByLabel(/^Сумма списания, ₽/).fill('250,00');
    await form.getByRole('button', { name: 'Оплатить привязанной картой' }).click();

    // No gateway page: straight to the status, «обрабатывается» until the notification lands.
    await expect(page).toHaveURL(/\/payments\/success\?InvId=\d+&t=[\w-]+$/);
    await expect(page.getByTestId('payment-status')).toContainText(/Платёж обрабатывается|Оплата получена/);
    await expect(page.getByTestId('payment-status')).toContainText('Оплата получена', { timeout: 15_000 });
    await page.reload();
    await expect(page.getByTestId('payment-status')).toContainText('Оплата получена');

    expect(await dueKopecks(page)).toBe(before - 250_00);
    // Looking again later changes nothing.
    await page.waitForTimeout(1_000);
    expect(await dueKopecks(page)).toBe(before - 250_00);
  });

  await test.step('the card is deleted and can no longer be used', async () => {
    await page.goto('/fiz/payments');
    await card.getByRole('button', { name: 'Удалить' }).click();
    await expect(page).toHaveURL(/\/fiz\/payments\?card=removed$/);
    await expect(page.getByTestId('binding-removed')).toBeVisible();
    await expect(page.getByTestId('card-binding')).toHaveCount(0);
    await expect(page.getByTestId('no-bindings')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Оплатить привязанной картой' })).toHaveCount(0);
  });

  expect(await dueKopecks(page)).toBe(start - 350_00);
});
