import { expect, test } from './support/fixtures';

// The public pages come from the route cache: rendered on the first request, then served as they
// are; their internal addresses are closed; a filtered search is rendered per request.

test('a public page is served from the route cache on the next request', async ({ request }) => {
  await request.get('/tariffs');
  const again = await request.get('/tariffs');
  expect(again.status()).toBe(200);
  expect(again.headers()['x-nextjs-cache']).toBe('HIT');
  expect(await again.text()).toContain('Тарифы на электроэнергию');
});

test('a filtered outage search is rendered per request, the internal address is a 404', async ({ page, request }) => {
  const filtered = await request.get('/outages?kind=emergency');
  expect(filtered.status()).toBe(200);
  expect(filtered.headers()['x-nextjs-cache']).toBeUndefined();

  const internal = await page.goto('/cached/public/tariffs');
  expect(internal?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
  // The 404 page keeps the site's header, like every other page.
  await expect(page.getByRole('link', { name: 'Личный кабинет', exact: true })).toBeVisible();
});
