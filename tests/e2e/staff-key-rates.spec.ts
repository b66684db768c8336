import { expect, test, signInStaff } from './support/fixtures';

// In the browser: staff add a key rate and see it in the history; a second rate for the same day is
// refused with the reason. The day is decades ahead (the form takes years up to 2099), so no bill of
// another spec is priced by it.

test('staff add a key rate, and a second one for the same day is refused', async ({ page }) => {
  const n = Date.now() % 1_000;
  const day = `20${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 9}`;
  const shown = `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
  await signInStaff(page, 'operator@example.com');
  await page.getByRole('navigation').getByRole('link', { name: 'Ключевая ставка' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ключевая ставка и пени');
  await expect(page.getByTestId('relief-periods')).toContainText('ПП РФ от 28.03.2022 № 497');

  const rateForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Добавить ставку' }) });
  await rateForm.getByLabel('Действует с').fill(day);
  await rateForm.getByLabel(/^Ключевая ставка, % годовых/).fill('14,25');
  await rateForm.getByRole('button', { name: 'Добавить ставку' }).click();
  await expect(page.getByTestId('key-rate-added')).toBeVisible();
  await expect(page.locator(`[data-testid="key-rate-history"] li[data-from="${day}"]`)).toContainText('14,25\u00a0%');

  await rateForm.getByLabel('Действует с').fill(day);
  await rateForm.getByLabel(/^Ключевая ставка, % годовых/).fill('15');
  await rateForm.getByRole('button', { name: 'Добавить ставку' }).click();
  await expect(page.getByText(`Ставка с ${shown} уже заведена: на один день — одна ставка.`)).toBeVisible();
});
