import { DEMO_PASSWORD, expect, loginAt, test } from '../e2e/support/fixtures';

// Two instances behind nginx, as the README's scale-out set-up runs them: a page one instance
// rendered is served by the other from the shared route cache; a staff publication on one is on
// the other's public pages at once; a session started on one is valid on the other.

const port = Number(process.env.CLUSTER_PORT ?? 3320);
const instanceA = `http://127.0.0.1:${port + 1}`;
const instanceB = `http://127.0.0.1:${port + 2}`;

test('a page rendered by one instance is served by the other from the shared cache', async ({ request }) => {
  await request.get(`${instanceA}/documents`);
  const fromB = await request.get(`${instanceB}/documents`);
  expect(fromB.status()).toBe(200);
  expect(fromB.headers()['x-nextjs-cache']).toBe('HIT');
});

test('news published through one instance is on the other instance’s /news at once', async ({ page, request }) => {
  // Both instances have /news in the cache before the publication.
  for (const origin of [instanceA, instanceB]) await request.get(`${origin}/news`);
  expect((await request.get(`${instanceB}/news`)).headers()['x-nextjs-cache']).toBe('HIT');

  await loginAt(page, '/admin/login', 'operator@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`${instanceA}/admin/news/new`);
  const title = `Приём по субботам ${Date.now()}`;
  await page.getByLabel('Заголовок').fill(title);
  await page.getByLabel('Кратко').fill('Новый день приёма');
  await page.getByLabel('Текст').fill('Приём абонентов по субботам с 9:00 до 14:00.');
  await page.getByLabel('Публикация').selectOption('now');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('news-saved')).toContainText('Опубликовано');

  const onB = await request.get(`${instanceB}/news`);
  expect(await onB.text()).toContain(title);
});

test('a household session started on one instance is valid on the other, through nginx too', async ({ page }) => {
  await page.goto(`${instanceA}/fiz/login`);
  await page.locator('input[name="login"]').fill('50010001');
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  // Cookies belong to the host, not the port: the same session goes to B and to nginx.
  await page.goto(`${instanceB}/fiz`);
  await expect(page.getByTestId('account-number')).toHaveText(['50010001']);
  for (let i = 0; i < 4; i++) {
    await page.goto('/fiz/bills');
    await expect(page.getByRole('heading', { name: 'Счета', level: 1 })).toBeVisible();
  }
});
