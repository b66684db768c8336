import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// In the browser: the bills page shows what is overdue apart from what is owed, and «Оплатить всё»
// opens the payment form with the whole amount. Petrov (50010002) has his last two bills unpaid, the
// older one past its due date. Reads only: nothing is paid here.

const kopecksIn = (text: string) => {
  const amount = /(\d[\d\s\u00a0\u202f]*,\d{2})/.exec(text)?.[1];
  if (!amount) throw new Error(`no amount in «${text}»`);
  return Number(amount.replace(/[\s\u00a0\u202f]/g, '').replace(',', ''));
};

test('Petrov sees the overdue part of his debt and pays the whole amount from the bills page', async ({ page }) => {
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await page.goto('/fiz/bills');

  const debt = page.getByTestId('bills-debt');
  await expect(debt).toContainText(/К оплате [\d\s\u00a0]+,\d{2}\u00a0₽/);
  const overdue = debt.getByTestId('bills-overdue');
  await expect(overdue).toContainText(/^просрочено [\d\s\u00a0]+,\d{2}\u00a0₽ — срок оплаты прошёл/);
  const owed = kopecksIn((await debt.locator('strong').textContent())!);
  const overdueText = (await overdue.textContent())!;
  expect(kopecksIn(overdueText)).toBeLessThan(owed);

  // The home page says the same.
  await page.goto('/fiz');
  const overdueAmount = overdueText.replace(/^просрочено /, '').replace(/ — .*$/, '');
  await expect(page.getByTestId('overdue').first()).toContainText(`просрочено ${overdueAmount}`);

  await page.goto('/fiz/bills');
  await page.getByTestId('bills-pay-all').click();
  await expect(page).toHaveURL(/\/fiz\/payments\?account=/);
  expect(kopecksIn(await page.getByLabel(/^Сумма, ₽/).inputValue())).toBe(owed);
});
