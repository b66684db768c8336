import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';
import { payWithSandboxCard } from './support/sandbox-card';

// A household with a house and a dacha (Белова: 50010005 and 50010006, both owing) ticks both
// accounts and pays them in one sandbox payment; both are credited.
test.describe.configure({ timeout: 90_000 });

test('one sandbox payment pays the house and the dacha; both accounts are credited', async ({ page }) => {
  await loginAt(page, '/fiz/login', 'belova@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  await page.goto('/fiz/payments');
  const form = page.getByRole('form', { name: 'Оплата нескольких лицевых счетов' });
  await expect(form).toContainText('50010005');
  await expect(form).toContainText('50010006');

  // Nothing ticked: the form says so and nothing is started.
  await form.getByRole('button', { name: 'Оплатить отмеченные счета' }).click();
  await expect(form.getByText('Отметьте лицевые счета, которые оплачиваете')).toBeVisible();

  const boxes = form.getByTestId('several-account');
  await expect(boxes).toHaveCount(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await form.getByRole('button', { name: 'Оплатить отмеченные счета' }).click();

  await expect(page).toHaveURL(/\/sandbox\/pay\?/);
  await payWithSandboxCard(page);

  await page.goto('/fiz/payments');
  await expect(page.getByText('50010005: задолженности нет')).toBeVisible();
  await expect(page.getByText('50010006: задолженности нет')).toBeVisible();
  // Nothing left to pay: neither account can be ticked again.
  await expect(form.getByTestId('several-account').nth(0)).toBeDisabled();
  await expect(form.getByTestId('several-account').nth(1)).toBeDisabled();
});
