import { expect, test, signInStaff } from './support/fixtures';

// The account card on a 360 px phone: every section is there and nothing scrolls sideways (wide
// tables scroll inside their own boxes).

test('the account card fits a 360 px screen', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await page.goto('/admin/accounts?q=50010003');
  await page.getByTestId('account-row').first().getByRole('link', { name: '50010003' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Лицевой счёт 50010003');
  for (const section of ['meters', 'ledger', 'bills', 'payments', 'users', 'benefits', 'notes', 'audit']) {
    await expect(page.locator(`section[data-testid="card-${section}"]`)).toBeAttached();
  }
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
