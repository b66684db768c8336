// `npm run bench:vitals`: the main pages of the production build loaded in Chromium as a mid-range
// phone sees them (360×740, 4× CPU slowdown, Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s
// down, 750 kbit/s up, cold cache), printing LCP, CLS and total blocking time per page against the
// Core Web Vitals "good" limits, and what moved when the layout shifted.
// Settings (environment): DATABASE_URL (a Postgres server to make the bench database on; default
// 127.0.0.1 as postgres), NEXT_DIST_DIR (default .next; built first when missing), VITALS_RUNS
// (loads per page, the median is printed; default 3). Exits non-zero when a page misses a limit.
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium';
import { BENCH_SECRET, bin, Children, databaseUrlFor, root, runSync, SANDBOX_PASSWORDS, waitFor } from './support';

const PORT = Number(process.env.VITALS_PORT ?? 3330);
const origin = `http://127.0.0.1:${PORT}`;
const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const RUNS = Number(process.env.VITALS_RUNS ?? 3);
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ek_vitals_${Date.now()}`;
const DEMO_PASSWORD = 'Energo-demo-2026';

/** web.dev's "good" thresholds; TBT stands in for INP in a lab run. */
const GOOD = { lcpMs: 2_500, cls: 0.1, tbtMs: 200 };

const PAGES: { path: string; who: 'guest' | 'household' | 'company' }[] = [
  { path: '/', who: 'guest' },
  { path: '/tariffs', who: 'guest' },
  { path: '/outages', who: 'guest' },
  { path: '/news', who: 'guest' },
  { path: '/pay', who: 'guest' },
  { path: '/fiz/login', who: 'guest' },
  { path: '/fiz', who: 'household' },
  { path: '/fiz/readings', who: 'household' },
  { path: '/fiz/bills', who: 'household' },
  { path: '/fiz/payments', who: 'household' },
  { path: '/lk', who: 'company' },
];

const LOGINS = {
  household: { door: '/fiz/login', login: '50010002' },
  company: { door: '/lk/login', login: 'company@example.com' },
} as const;

interface Vitals {
  lcpMs: number;
  cls: number;
  tbtMs: number;
  shifted: string[];
}

declare global {
  interface Window {
    __vitals?: { lcp: number; cls: number; fcp: number; longTasks: [number, number][]; shifted: string[] };
  }
}

// Runs in the page before its own scripts: the observers that Lighthouse and web-vitals read.
function observeVitals() {
  const vitals = { lcp: 0, cls: 0, fcp: 0, longTasks: [] as [number, number][], shifted: [] as string[] };
  window.__vitals = vitals;
  const describe = (node: Node | null | undefined) => {
    if (!(node instanceof Element)) return node?.nodeName ?? '?';
    const id = node.id ? `#${node.id}` : '';
    const cls = typeof node.className === 'string' ? node.className.split(' ').slice(0, 2).join('.') : '';
    const testId = node.getAttribute('data-testid');
    return `${node.tagName.toLowerCase()}${id}${cls ? `.${cls}` : ''}${testId ? `[${testId}]` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) vitals.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  // CLS: the largest session window (shifts less than 1 s apart, at most 5 s long).
  let windowValue = 0;
  let windowStart = 0;
  let last = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node }[];
    })[]) {
      if (entry.hadRecentInput) continue;
      if (entry.startTime - last > 1_000 || entry.startTime - windowStart > 5_000) {
        windowValue = 0;
        windowStart = entry.startTime;
      }
      windowValue += entry.value;
      last = entry.startTime;
      vitals.cls = Math.max(vitals.cls, windowValue);
      for (const source of entry.sources ?? [])
        vitals.shifted.push(`${describe(source.node)} (${entry.value.toFixed(3)})`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') vitals.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) vitals.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

async function measure(context: BrowserContext, pathname: string): Promise<Vitals> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(origin + pathname, { waitUntil: 'load', timeout: 120_000 });
  // Quiet for a while after load: late shifts (fonts, hydration, lazily loaded parts) count too.
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
  await page.waitForTimeout(3_000);
  // LCP stops at the first input; a click on nothing ends it without moving the layout.
  const raw = await page.evaluate(() => window.__vitals!);
  await page.close();
  // TBT: the part of each long task over 50 ms, from first contentful paint on.
  const tbtMs = raw.longTasks
    .filter(([start]) => start >= raw.fcp)
    .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
  return { lcpMs: raw.lcp, cls: raw.cls, tbtMs, shifted: raw.shifted };
}

async function signedIn(context: BrowserContext, who: keyof typeof LOGINS): Promise<void> {
  const page = await context.newPage();
  await page.goto(origin + LOGINS[who].door);
  await page.locator('input[name="login"]').fill(LOGINS[who].login);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 });
  await page.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  if (!fs.existsSync(path.join(root, DIST, 'BUILD_ID'))) runSync(bin('next'), ['build'], { NEXT_DIST_DIR: DIST });
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const url = databaseUrlFor(adminUrl, dbName);
  const children = new Children();
  const browser = await chromium.launch(chromiumLaunchOptions);
  let missed = 0;
  try {
    runSync(bin('tsx'), ['scripts/db-seed.ts'], { DATABASE_URL: url, DEMO: '1' });
    children.start(
      bin('next'),
      ['start', '-p', String(PORT), '-H', '127.0.0.1'],
      {
        DATABASE_URL: url,
        DEMO: '1',
        AUTH_SECRET: BENCH_SECRET,
        APP_URL: origin,
        ...SANDBOX_PASSWORDS,
        NEXT_DIST_DIR: DIST,
        NODE_ENV: 'production',
        BACKGROUND_JOBS: 'off',
      },
      true,
    );
    await waitFor(`${origin}/`);
    const contexts = new Map<string, BrowserContext>();
    for (const who of ['guest', 'household', 'company'] as const) {
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
        extraHTTPHeaders: { 'x-forwarded-for': `10.88.0.${contexts.size + 1}` },
      });
      // As source text: tsx wraps named functions in a `__name` helper the page does not have.
      await context.addInitScript({ content: `var __name = (f) => f; (${observeVitals.toString()})();` });
      if (who !== 'guest') await signedIn(context, who);
      contexts.set(who, context);
    }
    // Warm the server (the route cache, the first render of each route) outside the measurement.
    for (const { path: pathname, who } of PAGES) {
      const page = await contexts.get(who)!.newPage();
      await page.goto(origin + pathname);
      await page.close();
    }

    console.log(`\nPhone profile: 360×740, CPU ×4, slow 4G, cold cache; median of ${RUNS} loads`);
    console.log(
      `${'page'.padEnd(16)}${'LCP, ms'.padStart(10)}${'CLS'.padStart(8)}${'TBT, ms'.padStart(10)}  verdict (good: LCP ≤ ${GOOD.lcpMs}, CLS ≤ ${GOOD.cls}, TBT ≤ ${GOOD.tbtMs})`,
    );
    for (const { path: pathname, who } of PAGES) {
      const runs: Vitals[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(contexts.get(who)!, pathname));
      const lcpMs = median(runs.map((r) => r.lcpMs));
      const cls = median(runs.map((r) => r.cls));
      const tbtMs = median(runs.map((r) => r.tbtMs));
      const misses = [
        lcpMs > GOOD.lcpMs ? 'LCP' : '',
        cls > GOOD.cls ? 'CLS' : '',
        tbtMs > GOOD.tbtMs ? 'TBT' : '',
      ].filter(Boolean);
      if (misses.length > 0) missed++;
      console.log(
        `${pathname.padEnd(16)}${lcpMs.toFixed(0).padStart(10)}${cls.toFixed(3).padStart(8)}${tbtMs.toFixed(0).padStart(10)}  ${misses.length ? `misses ${misses.join(', ')}` : 'good'}`,
      );
      if (cls > GOOD.cls)
        console.log(`${' '.repeat(16)}shifted: ${[...new Set(runs[0]!.shifted)].slice(0, 6).join('; ')}`);
    }
  } finally {
    await browser.close();
    children.stopAll();
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin.end();
  }
  if (missed > 0) {
    console.error(`\n${missed} page(s) miss a "good" limit`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
