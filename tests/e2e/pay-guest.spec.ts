import AxeBuilder from '@axe-core/playwright';
import { expect, letterText, test } from './support/fixtures';
import { payWithSandboxCard } from './support/sandbox-card';

// Paying by account number without an account. Кузнецов (50010004) has no cabinet, so the
// guest form is how he pays; the payee is shown masked before any money moves. His demo ГИС ЖКХ
// identifiers (db/seed/accounts.ts): ЕЛС 50АБ010004, and his newest bill — the 12th, not paid —
// has the ИПД 50АБ010004-01-0012. This file's first test pays that bill, before the others pay him.

test('a guest pays one bill by the ИПД printed on it: the sum is what the bill owes', async ({ page }) => {
  await page.goto('/pay');
  // A malformed identifier is explained before anything is looked up.
  await page.getByLabel(/^Номер лицевого счёта/).fill('50АБ0100');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await expect(
    page.getByText(/Не похоже ни на номер лицевого счёта, ни на идентификатор ГИС ЖКХ/).first(),
  ).toBeVisible();

  // Typed in lower case with a Latin «A» and no sum: the ИПД names the bill and its sum.
  await page.getByLabel(/^Номер лицевого счёта/).fill('50аб010004-01-0012'.replace('а', 'a'));
  await page.getByRole('button', { name: 'Продолжить' }).click();
  const payee = page.getByTestId('guest-payee');
  await expect(payee).toContainText('К***в Д. А.');
  await expect(page.getByTestId('guest-reference')).toHaveText('50АБ010004-01-0012');
  await expect(payee).toContainText(/квитанция за \S+ \d{4}/);
  await expect(page.getByText(/Кузнецов|Ленина/)).toHaveCount(0);
  const sum = (await page.getByTestId('guest-amount').textContent())!;
  expect(sum).toMatch(/^[\d\s\u00a0]+,\d{2}\u00a0₽$/);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  await payee.getByRole('button', { name: 'Всё верно, оплатить' }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\?/);
  await expect(page.getByTestId('sandbox-amount')).toHaveText(sum);
  await payWithSandboxCard(page);

  // Paid: the same ИПД has nothing left to pay.
  await page.goto('/pay');
  await page.getByLabel(/^Номер лицевого счёта/).fill('50АБ010004-01-0012');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await expect(page.getByText(/Платёжный документ за .+ уже оплачен/).first()).toBeVisible();
  await expect(page.getByTestId('guest-payee')).toHaveCount(0);
});

test('a mistyped number or amount is explained and nothing is shown about anyone', async ({ page }) => {
  await page.goto('/pay');
  await expect(page.getByTestId('sandbox-notice')).toBeVisible();
  await page.getByLabel(/^Номер лицевого счёта/).fill('50019999');
  await page.getByLabel(/^Сумма, ₽/).fill('0');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await expect(page.getByText('Минимальная сумма — 1 ₽').first()).toBeVisible();

  await page.getByLabel(/^Сумма, ₽/).fill('500');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await expect(
    page.getByText('Лицевой счёт не найден. Проверьте номер: он напечатан в квитанции и в договоре.').first(),
  ).toBeVisible();
  await expect(page.getByTestId('guest-payee')).toHaveCount(0);
});

test('a guest sees the masked payee, pays with 3-D Secure and gets the receipt letter', async ({ page }) => {
  await page.goto('/pay');
  await page.getByLabel(/^Номер лицевого счёта/).fill('50010004');
  await page.getByLabel(/^Сумма, ₽/).fill('1 250,50');
  await page.getByLabel(/^Электронная почта для чека/).fill('kuznetsov.guest@example.com');
  await page.getByRole('button', { name: 'Продолжить' }).click();

  const payee = page.getByTestId('guest-payee');
  await expect(payee).toContainText('К***в Д. А.');
  await expect(payee).toContainText('г. Истра, ул. Л***');
  await expect(payee).toContainText(/1\s250,50/);
  await expect(page.getByRole('link', { name: 'Порядок возврата денежных средств' })).toHaveAttribute(
    'href',
    '/documents/poryadok-vozvrata',
  );
  // The full name, the street and the house never reach the page.
  await expect(page.getByText(/Кузнецов|Ленина/)).toHaveCount(0);
  await expect(payee).not.toContainText('д. 5');
  await payee.getByRole('button', { name: 'Всё верно, оплатить' }).click();

  await expect(page).toHaveURL(/\/sandbox\/pay\?/);
  await expect(page.getByTestId('sandbox-amount')).toHaveText(/1\s250,50/);
  await payWithSandboxCard(page);
  await expect(page.getByTestId('payment-status')).toContainText(/1\s250,50/);
  expect(await letterText(page, 'kuznetsov.guest@example.com', /Платёж .* получен/)).toContain('50010004');
});
