import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, loginAt, newDevice, test, signInStaff } from './support/fixtures';

// Security headers on every kind of page, and a strict CSP that still lets every page hydrate:
// a nonce on the framework's scripts, no CSP violation in the console while clicking through.

/** Collects every CSP violation the page reports, and every uncaught error (a failed hydration). */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame|send)/i.test(message.text()))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return problems;
}

function nonceOf(policy: string): string {
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  if (!nonce) throw new Error(`no nonce in ${policy}`);
  return nonce;
}

/** The headers every page carries; returns the page's nonce. */
async function expectSecurityHeaders(response: { headers(): Record<string, string> } | null): Promise<string> {
  expect(response, 'a document response').not.toBeNull();
  const headers = response!.headers();
  const policy = headers['content-security-policy'] ?? '';
  const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain("form-action 'self' https://auth.robokassa.ru");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-frame-options']).toBe('DENY');
  // The test server runs on plain http: no HSTS (it is sent only when APP_URL is https).
  expect(headers['strict-transport-security']).toBeUndefined();
  return nonceOf(policy);
}

/**
 * Every script the server rendered carries the response's nonce (the DOM exposes it as a property).
 * A framework chunk the router loads later has none: 'strict-dynamic' trusts it because a nonced
 * script inserted it (a parser-inserted script without the nonce would be blocked, and reported).
 */
async function expectScriptsCarry(page: Page, nonce: string) {
  const scripts = await page.locator('script').evaluateAll((all) =>
    all.map((s) => ({
      nonce: (s as HTMLScriptElement).nonce,
      src: new URL((s as HTMLScriptElement).src || location.href).pathname,
      inline: !(s as HTMLScriptElement).src,
    })),
  );
  expect(scripts.length).toBeGreaterThan(0);
  const rendered = scripts.filter((s) => s.inline || s.nonce);
  expect(new Set(rendered.map((s) => s.nonce))).toEqual(new Set([nonce]));
  for (const loaded of scripts.filter((s) => !s.inline && !s.nonce)) expect(loaded.src).toMatch(/^\/_next\/static\//);
}

/** A click on a <Link> that keeps the window: only a hydrated router navigates without a reload. */
async function clientNavigate(page: Page, link: ReturnType<Page['getByRole']>, url: RegExp) {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await link.click();
  // Generous: the router fetches the page's payload from a shared, busy test machine.
  await expect(page).toHaveURL(url, { timeout: 20_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
}

test('public pages: headers, one nonce for the build, hydrated navigation, no violations', async ({ page }) => {
  const problems = await watchViolations(page);
  const home = await page.goto('/');
  const nonce = await expectSecurityHeaders(home);
  await expectScriptsCarry(page, nonce);
  // Route-cached pages share the build's nonce, so a cached copy still matches its header.
  expect(await expectSecurityHeaders(await page.request.get('/tariffs'))).toBe(nonce);

  const header = page.getByRole('banner');
  await clientNavigate(page, header.getByRole('link', { name: 'Тарифы' }).first(), /\/tariffs$/);
  await clientNavigate(page, header.getByRole('link', { name: 'Новости' }).first(), /\/news$/);
  await clientNavigate(page, header.getByRole('link', { name: 'Оплатить без регистрации' }), /\/pay$/);

  // The guest payment page is not cached: it has a nonce of its own.
  const pay = await page.goto('/pay');
  const payNonce = await expectSecurityHeaders(pay);
  expect(payNonce).not.toBe(nonce);
  await expectScriptsCarry(page, payNonce);
  expect(problems).toEqual([]);
});

test('household cabinet: a fresh nonce per request, hydrated pages, no violations', async ({ page }) => {
  const problems = await watchViolations(page);
  const login = await page.goto('/fiz/login');
  await expectSecurityHeaders(login);
  // The reveal button exists only once the form has hydrated.
  await expect(page.getByRole('button', { name: 'Показать' })).toBeVisible();
  await loginAt(page, '/fiz/login', 'ivanova@example.com', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/fiz$/);

  const first = await expectSecurityHeaders(await page.goto('/fiz'));
  await expectScriptsCarry(page, first);
  const second = await expectSecurityHeaders(await page.reload());
  expect(second).not.toBe(first);
  await expectScriptsCarry(page, second);

  const nav = page.getByRole('navigation', { name: 'Разделы кабинета' });
  await clientNavigate(page, nav.getByRole('link', { name: 'Показания' }), /\/fiz\/readings$/);
  await clientNavigate(page, nav.getByRole('link', { name: 'История' }), /\/fiz\/readings\/history$/);
  await clientNavigate(page, nav.getByRole('link', { name: 'Счета' }), /\/fiz\/bills$/);
  await clientNavigate(page, nav.getByRole('link', { name: 'Профиль' }), /\/fiz\/profile$/);
  expect(problems).toEqual([]);
});

test('staff console: headers, hydrated pages, no violations', async ({ browser }) => {
  const staff = await newDevice(browser, '198.51.98.7');
  const problems = await watchViolations(staff);
  await signInStaff(staff, 'operator@example.com');
  const nonce = await expectSecurityHeaders(await staff.goto('/admin'));
  await expectScriptsCarry(staff, nonce);
  const nav = staff.getByRole('navigation').filter({ has: staff.getByRole('link', { name: 'Платежи' }) });
  await clientNavigate(staff, nav.getByRole('link', { name: 'Показания' }), /\/admin\/readings$/);
  await clientNavigate(staff, nav.getByRole('link', { name: 'Платежи' }), /\/admin\/payments$/);
  await clientNavigate(staff, nav.getByRole('link', { name: 'Начисления' }), /\/admin\/billing$/);
  expect(problems).toEqual([]);
  await staff.context().close();
});

test('a public page first re-rendered by a prefetch after a publication still carries the nonce', async ({
  page,
  browser,
  clientIp,
}) => {
  const staff = await newDevice(browser, `${clientIp.replace(/\.\d+$/, '')}.249`);
  await signInStaff(staff, 'operator@example.com');
  await staff.goto('/admin/news/new');
  await staff.getByLabel('Заголовок').fill(`Проверка политики ${Date.now()}`);
  await staff.getByLabel('Кратко').fill('Страница после публикации');
  await staff.getByLabel('Текст').fill('Текст новости.');
  await staff.getByLabel('Публикация').selectOption('now');
  await staff.getByRole('button', { name: 'Сохранить' }).click();
  await expect(staff.getByTestId('news-saved')).toContainText('Опубликовано');
  await staff.context().close();

  // The first request after the publication is a router prefetch, as when a page links to «/».
  await page.request.get('/news', { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } });
  const problems = await watchViolations(page);
  const nonce = await expectSecurityHeaders(await page.goto('/news'));
  await expectScriptsCarry(page, nonce);
  await clientNavigate(page, page.getByRole('banner').getByRole('link', { name: 'Тарифы' }).first(), /\/tariffs$/);
  expect(problems).toEqual([]);
});
