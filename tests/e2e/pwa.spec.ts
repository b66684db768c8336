import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';

// The installable app: its manifest, a service worker that shows the offline page (the emergency
// number and the amount last seen on this device, forgotten at logout) when there is no network,
// keeps nothing personal, and never hands out a page older than the server's.

test('the manifest names the app, its start and its icons', async ({ request }) => {
  const manifest = await request.get('/manifest.webmanifest');
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { display: string; icons: { sizes: string; type: string }[] };
  expect(body.display).toBe('standalone');
  expect(body.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of body.icons) expect(icon.type).toMatch(/^image\//);
});

test('the offline page: the emergency number and the last balance; after logout the balance is gone', async ({
  page,
}) => {
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  await expect(page.getByTestId('balance').first()).toBeVisible();
  const figure = await page.evaluate(() => localStorage.getItem('energokabinet:last-balance'));
  expect(figure).toMatch(/Задолженности нет|К оплате/);

  await page.goto('/offline');
  await expect(page.getByRole('heading', { name: 'Нет соединения с интернетом' })).toBeVisible();
  await expect(page.getByTestId('offline-emergency-phone')).toHaveAttribute('href', /^tel:\d+$/);
  await expect(page.getByTestId('offline-balance')).toContainText(JSON.parse(figure ?? '{}').figure);

  await page.goto('/fiz');
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/fiz\/login/);
  expect(await page.evaluate(() => localStorage.getItem('energokabinet:last-balance'))).toBeNull();
});

test('Chromium finds the app installable, and offline a page load shows the offline page', async ({
  clientIp,
}, testInfo) => {
  // A profile on disk: Chromium never offers to install from an incognito (throw-away) context.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ek-e2e-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL: testInfo.project.use.baseURL,
    extraHTTPHeaders: { 'x-forwarded-for': clientIp },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect
      .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active)))
      .toBe(true);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);

    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await context.setOffline(true);
    await page.goto('/tariffs');
    await expect(page.getByRole('heading', { name: 'Нет соединения с интернетом' })).toBeVisible();
    await expect(page.getByTestId('offline-emergency-phone')).toHaveAttribute('href', /^tel:\d+$/);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('the worker keeps no cabinet page: after a household visit its caches hold only shared files', async ({
  page,
}) => {
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await loginAt(page, '/fiz/login', '50010001', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/, { timeout: 20_000 });
  await page.goto('/fiz/bills');
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached.length).toBeGreaterThan(0);
  expect(cached.filter((path) => /^\/(fiz|lk|admin|api|pay)(\/|$)/.test(path))).toEqual([]);
  for (const path of cached) expect(path).toMatch(/^\/(_next\/static\/|icons\/|offline$|manifest|favicon|serwist\/)/);
});
