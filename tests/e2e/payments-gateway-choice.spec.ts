import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, loginAt, test } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { payUrlNotification, readPayUrlAnswer } from '../support/moneta-peer';
import { notificationQuery, readForm } from '../support/netpay-peer';

// With more than one gateway configured the payer chooses on the payment page, household and
// guest alike; with one (the suite's own server runs the sandbox alone) there is nothing to choose.
// A second production server of the same build, with Robokassa and МОНЕТА configured, plays the
// first case; the gateways' own pages are stood in for, so nothing leaves this machine.

const port = Number(process.env.E2E_PORT ?? 3100) + 60;
const origin = `http://127.0.0.1:${port}`;
const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
let server: ChildProcess | undefined;
// The second server's МОНЕТА and NET PAY accounts, as their protocol peers (tests/support) know them.
const moneta = { accountId: '54600817', code: 'e2e-integrity-code' };
const netpay = { apiKey: 'e2e-netpay-api-key', auth: 'e2e-netpay-auth' };

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
      MONETA_ACCOUNT_ID: moneta.accountId,
      MONETA_INTEGRITY_CODE: moneta.code,
      NETPAY_API_KEY: netpay.apiKey,
      NETPAY_AUTH: netpay.auth,
      NETPAY_RECEIPTS: '1',
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

/** A page of the several-gateway server whose hand-over to МОНЕТА or NET PAY is caught instead of sent. */
async function twoGatewayPage(browser: Browser, clientIp: string): Promise<{ page: Page; posted: Promise<string> }> {
  const context = await browser.newContext({ baseURL: origin, extraHTTPHeaders: { 'x-forwarded-for': clientIp } });
  const page = await context.newPage();
  const posted = new Promise<string>((resolve) => {
    for (const [gatewayOrigin, name] of [
      ['https://moneta.ru/**', 'МОНЕТА'],
      ['https://my.net2pay.ru/**', 'NET PAY'],
    ]) {
      void page.route(gatewayOrigin!, async (route) => {
        resolve(route.request().postData() ?? '');
        await route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="ru"><title>${name}</title><h1>${name}</h1></html>`,
        });
      });
    }
  });
  return { page, posted };
}

/** The guest page up to the choice of gateway, for an amount on the account of 50010004. */
async function guestChooses(page: Page, amount: string, gateway: string) {
  await page.goto('/pay');
  await page.getByLabel(/^Номер лицевого счёта/).fill('50010004');
  await page.getByLabel(/^Сумма, ₽/).fill(amount);
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await page.getByLabel(/^Платёжный сервис/).selectOption(gateway);
  await page.getByRole('button', { name: 'Всё верно, оплатить' }).click();
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
  await expect(choice.locator('option')).toHaveText(['Robokassa', 'МОНЕТА (НКО «МОНЕТА»)', 'NET PAY']);
  await choice.selectOption('moneta');
  await page.getByRole('button', { name: 'Всё верно, оплатить' }).click();
  const form = Object.fromEntries(new URLSearchParams(await posted));
  expect(form.MNT_ID).toBe(moneta.accountId);
  expect(form.MNT_AMOUNT).toBe('321.50');
  expect(form.MNT_SIGNATURE).toMatch(/^[0-9a-f]{32}$/);

  // МОНЕТА's Pay URL notification, twice (a retry): one credit, the same signed receipt each time.
  const notification = payUrlNotification(moneta, form);
  const answers = [];
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${origin}/api/payments/moneta/result`, {
      method: 'POST',
      body: new URLSearchParams(notification),
    });
    expect(res.status).toBe(200);
    answers.push(await res.text());
  }
  expect(answers[1]).toBe(answers[0]);
  const answer = readPayUrlAnswer(moneta, notification, answers[0]!);
  expect(answer).toMatchObject({ resultCode: '200', signatureValid: true });
  // What pays 50010004's debt is a full payment at the general rate, anything above it an advance
  // at the calculated rate; together the lines are the amount paid.
  for (const line of answer!.inventory) {
    expect([line.pm, line.vatTag, line.po]).toEqual(
      line.pm === 'full_payment' ? ['full_payment', '1102', 'service'] : ['advance', '1106', 'service'],
    );
  }
  expect(answer!.inventory.reduce((sum, line) => sum + Math.round(Number(line.price) * 100), 0)).toBe(321_50);

  // The payer, on МОНЕТА's page, comes back to the status page МОНЕТА was told: paid.
  await expect(page).toHaveTitle('МОНЕТА');
  await page.goto(form.MNT_SUCCESS_URL!);
  await expect(page.getByTestId('payment-status')).toContainText('Оплата получена: 321,50');
  await page.context().close();
});

test('several gateways: a guest pays through NET PAY, its receipt rides in the encrypted request, its notification credits once', async ({
  browser,
  clientIp,
}) => {
  const { page, posted } = await twoGatewayPage(browser, clientIp);
  await guestChooses(page, '45,10', 'netpay');
  const order = readForm(netpay, Object.fromEntries(new URLSearchParams(await posted)));
  expect(order.amount).toBe('45.10');
  const cashbox = JSON.parse(order.cashbox_data!) as { receipt: { total: string; items: { tax: string }[] } };
  expect(cashbox.receipt.total).toBe('45.10');
  expect(cashbox.receipt.items.every((item) => ['vat22', 'vat122'].includes(item.tax))).toBe(true);

  const query = notificationQuery(netpay, order);
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${origin}/api/payments/netpay/result?${query.toString()}`);
    expect([res.status, await res.text()]).toEqual([200, expect.stringContaining('<status>1</status>')]);
  }
  await expect(page).toHaveTitle('NET PAY');
  await page.goto(order.successUrl!);
  await expect(page.getByTestId('payment-status')).toContainText('Оплата получена: 45,10');
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
