import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';
import { expectAccessible } from './support/axe';

// With more than one gateway configured the payer chooses on the payment page, household and
// guest alike; with one (the suite's own server runs the sandbox alone) there is nothing to choose.
// A second production server of the same build, with Robokassa and МОНЕТА configured, plays the
// first case; the gateways' own pages are stood in for, so nothing leaves this machine.

const port = Number(process.env.E2E_PORT ?? 3100) + 60;
const origin = `http://127.0.0.1:${port}`;
const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial', timeout: 150_000 });

test.beforeAll(async () => {
  // Its own embedded database with the demo data: the payments it starts never reach the rows the
  // other journeys count.
  const env = { ...(process.env as Record<string, string>) };
  delete env.DATABASE_URL;
  delete env.ROUTE_CACHE;
  server = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...env,
      PGLITE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ek-e2e-gateways-')),
      NODE_ENV: 'production',
      DEMO: '1',
      APP_URL: origin,
      BACKGROUND_JOBS: 'off',
      ROBOKASSA_MERCHANT_LOGIN: 'energokabinet-e2e',
      ROBOKASSA_PASSWORD1: 'e2e-password-one',
      ROBOKASSA_PASSWORD2: 'e2e-password-two',
      MONETA_ACCOUNT_ID: '54600817',
      MONETA_INTEGRITY_CODE: 'e2e-integrity-code',
    },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 110_000;
  while (Date.now() < deadline) {
    const up = await fetch(`${origin}/pay`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the second server did not start');
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

/** A page of the two-gateway server whose hand-over to МОНЕТА is caught instead of sent. */
async function twoGatewayPage(browser: Browser, clientIp: string): Promise<{ page: Page; posted: Promise<string> }> {
  const context = await browser.newContext({ baseURL: origin, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  const page = await context.newPage();
  const posted = new Promise<string>((resolve) => {
    void page.route('https://moneta.ru/**', async (route) => {
      resolve(route.request().postData() ?? '');
      await route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html lang="ru"><title>МОНЕТА</title><h1>МОНЕТА</h1></html>',
      });
    });
  });
  return { page, posted };
}

test('one gateway: the guest page offers no choice', async ({ page }) => {
  await page.goto('/pay');
  await page.getByLabel(/^Номер лицевого счёта/).fill('50010004');
  await page.getByLabel(/^Сумма, ₽/).fill('100');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await expect(page.getByTestId('guest-payee')).toBeVisible();
  await expect(page.getByLabel(/^Платёжный сервис/)).toHaveCount(0);
});

test('two gateways: a guest chooses МОНЕТА and is handed over with its signed form', async ({ browser, clientIp }) => {
  const { page, posted } = await twoGatewayPage(browser, clientIp);
  await page.goto('/pay');
  await page.getByLabel(/^Номер лицевого счёта/).fill('50010004');
  await page.getByLabel(/^Сумма, ₽/).fill('321,50');
  await page.getByRole('button', { name: 'Продолжить' }).click();
  const choice = page.getByLabel(/^Платёжный сервис/);
  await expect(choice).toBeVisible();
  await expect(choice.locator('option')).toHaveText(['Robokassa', 'МОНЕТА (НКО «МОНЕТА»)']);
  await choice.selectOption('moneta');
  await page.getByRole('button', { name: 'Всё верно, оплатить' }).click();
  const form = new URLSearchParams(await posted);
  expect(form.get('MNT_ID')).toBe('54600817');
  expect(form.get('MNT_AMOUNT')).toBe('321.50');
  expect(form.get('MNT_SIGNATURE')).toMatch(/^[0-9a-f]{32}$/);
  await page.context().close();
});

test('two gateways: the household page offers the choice, and a card is remembered only where it can be', async ({
  browser,
  clientIp,
}) => {
  const { page, posted } = await twoGatewayPage(browser, clientIp);
  await loginAt(page, '/fiz/login', '50010002', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);
  await expectAccessible(page, '/fiz/payments');
  const choice = page.getByLabel(/^Платёжный сервис/);
  await expect(choice).toHaveValue('robokassa');
  await expect(page.getByLabel(/Запомнить карту/)).toBeVisible();
  await choice.selectOption('moneta');
  await expect(page.getByLabel(/Запомнить карту/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Оплатить' }).click();
  const form = new URLSearchParams(await posted);
  expect(form.get('MNT_TRANSACTION_ID')).toMatch(/^electricity-\d+$/);
  await page.context().close();
});
