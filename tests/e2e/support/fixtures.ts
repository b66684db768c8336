import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every test speaks from its own client address: the login and registration limits are per IP,
 * and one test's failed attempts must not lock the next test out.
 */
let counter = 0;
function nextIp(workerIndex: number): string {
  counter += 1;
  return `198.51.${100 + (workerIndex % 50)}.${(counter % 250) + 1}`;
}

export const test = base.extend<{ clientIp: string }>({
  clientIp: [
    async ({}, use, info) => {
      await use(nextIp(info.workerIndex));
    },
    { option: false },
  ],
  context: async ({ context, clientIp }, use) => {
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': clientIp });
    await use(context);
  },
});

export { expect };

export const DEMO_PASSWORD = 'Energo-demo-2026';

/** The password field's label carries a required-marker; match the label, not the marker. */
export const passwordLabel = /^Пароль\*?$/;

/** The demo staff's published TOTP key (db/seed/demo-logins.ts). */
const DEMO_TOTP_SECRET = 'ENERGOKABINETDEMOSTAFFTOTPKEYAAA';

// Kept in a file, not in memory: Playwright starts a fresh worker after a failed test, and a code of
// a step the server already accepted (from the worker before) would be refused as a replay.
const stepsFile = path.join(os.tmpdir(), `ek-e2e-totp-steps-${process.env.E2E_PORT ?? 3100}.json`);

function lastStepOf(login: string): number {
  try {
    const steps = JSON.parse(fs.readFileSync(stepsFile, 'utf8')) as Record<string, number>;
    return steps[login] ?? -Infinity;
  } catch {
    return -Infinity;
  }
}

function rememberStep(login: string, step: number): void {
  let steps: Record<string, number> = {};
  try {
    steps = JSON.parse(fs.readFileSync(stepsFile, 'utf8')) as Record<string, number>;
  } catch {
    // first code of this machine
  }
  steps[login] = step;
  fs.writeFileSync(stepsFile, JSON.stringify(steps));
}

/**
 * A TOTP code the server has not seen for this staff member: it accepts one step either side of
 * now and never the same step twice, so back-to-back logins take the next step, or wait for one.
 */
async function staffCode(login: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = TOTP.counter({ period: 30, timestamp: now });
    // Never the step before now: the server's window moves on if a step boundary falls between
    // this line and the server's check, and an old step would then be refused.
    const step = Math.max(lastStepOf(login) + 1, current);
    if (step <= current + 1) {
      rememberStep(login, step);
      return TOTP.generate({ secret: Secret.fromBase32(DEMO_TOTP_SECRET), timestamp: step * 30_000 + 1 });
    }
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (now % 30_000) + 200));
  }
}

/** Logs in at a door; at the staff door also types the demo staff's second-factor code. */
export async function loginAt(
  page: Page,
  path: '/fiz/login' | '/lk/login' | '/admin/login',
  login: string,
  password: string,
  options: { code?: string } = {},
) {
  await page.goto(path);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  if (path === '/admin/login') {
    await page.locator('input[name="code"]').fill(options.code ?? (await staffCode(login)));
  }
  await page.getByRole('button', { name: 'Войти' }).click();
}

type SavedCookies = Awaited<ReturnType<BrowserContext['cookies']>>;

const staffStateFile = (login: string) =>
  path.join(os.tmpdir(), `ek-e2e-staff-${login}-${process.env.E2E_PORT ?? 3100}.json`);

/**
 * Opens the console as a staff member, reusing the session an earlier journey opened: a full staff
 * login spends a TOTP step, and the server takes at most a few per half minute. Logs in afresh
 * when there is no saved session or it has ended (a journey logged out, the server restarted).
 * Journeys about the login itself use loginAt.
 */
export async function signInStaff(page: Page, login: string): Promise<void> {
  const file = staffStateFile(login);
  if (fs.existsSync(file)) {
    const { cookies } = JSON.parse(fs.readFileSync(file, 'utf8')) as { cookies: SavedCookies };
    await page.context().addCookies(cookies);
    await page.goto('/admin');
    if (new URL(page.url()).pathname === '/admin') return;
    await page.context().clearCookies();
  }
  await loginAt(page, '/admin/login', login, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/admin$/, { timeout: 20_000 });
  fs.writeFileSync(file, JSON.stringify({ cookies: await page.context().cookies() }));
}

/** A second, independent browser (another device) for session tests. */
export async function newDevice(browser: Browser, ip: string): Promise<Page> {
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': ip },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  return context.newPage();
}

/**
 * Opens the newest letter to `to` whose subject matches, from the development mailbox, and
 * returns the link in it that contains `pathPart` (as a same-origin path).
 */
export async function linkFromLetter(page: Page, to: string, subject: RegExp, pathPart: string): Promise<string> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
  await page.getByRole('link', { name: subject }).first().click();
  const links = page.locator('section', { has: page.getByRole('heading', { name: 'Ссылки из письма' }) });
  const link = links.locator(`a[href*="${pathPart}"]`).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`no ${pathPart} link in the letter to ${to}`);
  const url = new URL(href, page.url());
  return `${url.pathname}${url.search}`;
}

/** The text of the newest letter to `to` whose subject matches. */
export async function letterText(page: Page, to: string, subject: RegExp): Promise<string> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
  await page.getByRole('link', { name: subject }).first().click();
  return (await page.locator('pre').first().textContent()) ?? '';
}
