import { expectAccessible } from './support/axe';
import { expect, test, signInStaff } from './support/fixtures';

// In the browser: the operator finds the background work in the console menu, sees every queue with
// its counts (the e-mail queue has run by now: letters go out every minute), and the page is
// accessible. A job that failed and «Повторить» are covered on a real queue in
// tests/integration/jobs-console.test.ts.

test('staff see the background job queues from the console menu', async ({ page }) => {
  await signInStaff(page, 'operator@example.com');
  await page.getByRole('navigation').getByRole('link', { name: 'Фоновые задания' }).click();
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Фоновые задания');
  for (const label of ['Отправка писем', 'Напоминания о показаниях', 'Начисление за период']) {
    await expect(page.getByRole('rowheader', { name: label })).toBeVisible();
  }
  await expectAccessible(page, '/admin/jobs');
});

test('the jobs page is for staff only', async ({ page }) => {
  await page.goto('/admin/jobs');
  await expect(page).toHaveURL(/\/admin\/login/);
});
