// `npm run bench`: the production app on a fresh Postgres database at utility scale against a bare
// node:http + postgres.js baseline doing the same queries, measured the same way with autocannon.
// Writes bench/results.json and prints a table. Settings (environment):
//   DATABASE_URL      a Postgres server to create the bench database on (default 127.0.0.1 as postgres)
//   BENCH_ACCOUNTS    generated household accounts (default 100000)
//   BENCH_DURATION    seconds per measurement (default 10)
//   BENCH_CONNECTIONS concurrent connections (default 50)
//   BENCH_SKIP_BUILD  1: reuse the existing build in NEXT_DIST_DIR (default .next)
//   BENCH_KEEP_DB     1: keep the bench database afterwards
// Run it at 10 000 and at 100 000 accounts: each size keeps bench/results-<accounts>.json, and
// bench/results.json (the latest run) lists billing per 1 000 accounts and /fiz p95 at every size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { accountNumber, FIRST_ACCOUNT, generateDataset, registerValue } from './dataset';
import {
  actionBody,
  actionId as findAction,
  BENCH_PASSWORD,
  BENCH_SECRET,
  bin,
  Children,
  databaseUrlFor,
  login,
  notificationBody,
  root,
  runSync as run,
  SANDBOX_PASSWORDS,
  waitFor,
} from './support';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PERIOD = process.env.BENCH_PERIOD ?? '2026-11-01';
const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const APP_PORT = 3300;
const FIZ_SCENARIO = 'GET /fiz (logged in)';
const BASE_PORT = 3301;
/** nginx of the scale-out scenario; its instances listen on the ports after it. */
const CLUSTER_PORT = 3310;
const PASSWORD = BENCH_PASSWORD;
const SECRET = BENCH_SECRET;
const SANDBOX = SANDBOX_PASSWORDS;
const SESSIONS = CONNECTIONS;

const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ek_bench_${Date.now()}`;
const benchUrl = databaseUrlFor(adminUrl, dbName);

const children = new Children();
const log = (line: string) => console.log(`[bench] ${line}`);

// ─── Measuring ──────────────────────────────────────────────────────────────────────────────

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
}

async function measure(
  opts: autocannon.Options,
  ok: (status: number, body?: string) => boolean = (s) => s === 200,
): Promise<Figures> {
  const latencies: number[] = [];
  let bad = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (!ok(statusCode)) bad++;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(latencies.length / DURATION),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    errors: bad + result.errors + result.timeouts,
  };
}

/** Requests that take the next item of a list each time (sessions, notification bodies). */
function rotating<T>(items: T[], build: (item: T, n: number) => autocannon.Request): autocannon.Request[] {
  let n = 0;
  return [
    {
      setupRequest: (req: autocannon.Request) => ({ ...req, ...build(items[n % items.length]!, n++) }),
    } as autocannon.Request,
  ];
}

// ─── First-load JavaScript: the scripts a page's HTML loads, gzipped, read from the build ───────

async function firstLoadKb(route: string, cookie?: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${APP_PORT}${route}`, {
    headers: cookie ? { cookie } : {},
    redirect: 'manual',
  });
  const html = await res.text();
  // `noModule` scripts are polyfills that modern browsers skip.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const files = new Set(
    tags.map((tag) => /src="\/_next\/([^"?]+)/.exec(tag)?.[1]).filter((f): f is string => Boolean(f)),
  );
  let bytes = 0;
  for (const file of files) bytes += gzipSync(fs.readFileSync(path.join(root, DIST, file))).length;
  return Number((bytes / 1024).toFixed(1));
}

// ─── The run ────────────────────────────────────────────────────────────────────────────────

async function main() {
  const results: Record<string, unknown> = {
    takenAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: { accounts: ACCOUNTS, durationSeconds: DURATION, connections: CONNECTIONS, period: PERIOD },
  };

  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the production app…');
    const tsconfig = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
    const started = Date.now();
    try {
      run(bin('next'), ['build'], { NEXT_DIST_DIR: DIST });
    } finally {
      fs.writeFileSync(path.join(root, 'tsconfig.json'), tsconfig); // a custom distDir makes Next rewrite it
    }
    results.buildSeconds = Math.round((Date.now() - started) / 1000);
  }

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  log(`database ${dbName}`);
  try {
    run(bin('tsx'), ['scripts/db-seed.ts'], { DATABASE_URL: benchUrl });
    const sql = postgres(benchUrl, { max: 4, onnotice: () => {} });
    const genStarted = Date.now();
    const timings = await generateDataset(benchUrl, {
      accounts: ACCOUNTS,
      period: PERIOD,
      passwordHash: await hash(PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
    });
    results.dataset = { seconds: Math.round((Date.now() - genStarted) / 100) / 10, stepsMs: timings };
    log(`dataset: ${ACCOUNTS} accounts in ${(results.dataset as { seconds: number }).seconds} s`);

    // Sessions for one-rate meters only (one register per reading form).
    const oneRate = Array.from({ length: SESSIONS * 2 }, (_, k) => k + 1)
      .filter((i) => i % 10 < 7)
      .slice(0, SESSIONS);
    const who = await sql<{ i: number; user_id: string; meter_id: string }[]>`
      select a.number::bigint - ${FIRST_ACCOUNT}::bigint as i, au.user_id, m.id as meter_id
      from accounts a join account_users au on au.account_id = a.id join meters m on m.account_id = a.id
      where a.number = any(${oneRate.map(accountNumber)})`;
    // Pending payments for the notification measurements, two disjoint sets.
    const pending = await sql<{ inv_id: number; amount_kopecks: number }[]>`
      insert into payments (account_id, user_id, amount_kopecks, status, gateway, description)
      select a.id, null, 10000 + (g % 500) * 100, 'pending', 'sandbox', 'Нагрузочный платёж'
      from generate_series(1, 200000) g join accounts a on a.number = (${FIRST_ACCOUNT}::bigint + 1 + g % ${ACCOUNTS})::text
      returning inv_id, amount_kopecks`;
    const half = Math.floor(pending.length / 2);
    await sql.unsafe('analyze payments');

    const env = {
      DATABASE_URL: benchUrl,
      AUTH_SECRET: SECRET,
      ...SANDBOX,
      // The benchmark pays through the sandbox, which exists only in demo mode.
      DEMO: '1',
      NODE_ENV: 'production',
      NEXT_DIST_DIR: DIST,
      DB_POOL_MAX: '10',
      PORT: String(APP_PORT),
      BACKGROUND_JOBS: 'off',
    };
    const appProcess = children.start(bin('next'), ['start', '-p', String(APP_PORT), '-H', '127.0.0.1'], env);
    children.start(bin('tsx'), ['bench/baseline.ts'], {
      DATABASE_URL: benchUrl,
      PORT: String(BASE_PORT),
      SANDBOX_PASSWORD2: SANDBOX.SANDBOX_PASSWORD2,
      BENCH_PERIOD: PERIOD,
      DB_POOL_MAX: '10',
    });
    await waitFor(`http://127.0.0.1:${APP_PORT}/`);
    await waitFor(`http://127.0.0.1:${BASE_PORT}/tariffs`);

    const sessions: { cookie: string; userId: string; meterId: string; i: number }[] = [];
    for (const row of who)
      sessions.push({
        cookie: await login(`http://127.0.0.1:${APP_PORT}`, Number(row.i)),
        userId: row.user_id,
        meterId: row.meter_id,
        i: Number(row.i),
      });
    log(`${sessions.length} sessions logged in`);

    const manifest = JSON.parse(
      fs.readFileSync(path.join(root, DIST, 'server', 'server-reference-manifest.json'), 'utf8'),
    ) as {
      node: Record<string, { exportedName?: string; filename?: string }>;
    };
    const actionId = findAction(manifest, 'submitMeterReadings');

    // Warm up both (JIT, connection pools, Next's route caches).
    for (let k = 0; k < 20; k++) {
      await fetch(`http://127.0.0.1:${APP_PORT}/tariffs`);
      await fetch(`http://127.0.0.1:${APP_PORT}/fiz`, { headers: { cookie: sessions[k % sessions.length]!.cookie } });
    }

    const app = `http://127.0.0.1:${APP_PORT}`;
    const base = `http://127.0.0.1:${BASE_PORT}`;
    const scenarios: Record<string, { app: Figures; baseline: Figures }> = {};
    const pair = async (name: string, appRun: () => Promise<Figures>, baseRun: () => Promise<Figures>) => {
      log(`${name}: app…`);
      const a = await appRun();
      log(`${name}: baseline…`);
      const b = await baseRun();
      scenarios[name] = { app: a, baseline: b };
    };

    await pair(
      'GET /tariffs',
      () => measure({ url: `${app}/tariffs` }),
      () => measure({ url: `${base}/tariffs` }),
    );
    // The public pages are served from the route cache: what a warm request says about it.
    results.routeCache = {
      '/tariffs': (await fetch(`${app}/tariffs`)).headers.get('x-nextjs-cache'),
      '/': (await fetch(`${app}/`)).headers.get('x-nextjs-cache'),
      '/news': (await fetch(`${app}/news`)).headers.get('x-nextjs-cache'),
    };
    await pair(
      FIZ_SCENARIO,
      () =>
        measure({
          url: app,
          requests: rotating(sessions, (s) => ({ method: 'GET', path: '/fiz', headers: { cookie: s.cookie } })),
        }),
      () =>
        measure({
          url: base,
          requests: rotating(sessions, (s) => ({ method: 'GET', path: '/fiz', headers: { 'x-user-id': s.userId } })),
        }),
    );
    // A reading a little above the register each time, so every submission is stored (not «unchanged»).
    const readingValue = (s: { i: number }, n: number) => String(registerValue(s.i, 1, 24) + 1 + (n % 40));
    await pair(
      'POST reading (Server Action)',
      () =>
        measure({
          url: app,
          requests: rotating(sessions, (s, n) => {
            const { body, contentType } = actionBody({ meterId: s.meterId, zone_all_day: readingValue(s, n) });
            return {
              method: 'POST',
              path: '/fiz/readings',
              headers: {
                cookie: s.cookie,
                'next-action': actionId,
                accept: 'text/x-component',
                'content-type': contentType,
              },
              body,
            };
          }),
        }),
      () =>
        measure({
          url: base,
          requests: rotating(sessions, (s, n) => ({
            method: 'POST',
            path: '/reading',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ meterId: s.meterId, value: readingValue(s, n) }).toString(),
          })),
        }),
    );
    await pair(
      'POST payment notification',
      () =>
        measure({
          url: app,
          requests: rotating(pending.slice(0, half), (p) => ({
            method: 'POST',
            path: '/api/payments/sandbox/result',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: notificationBody(p.inv_id, Number(p.amount_kopecks)),
          })),
        }),
      () =>
        measure({
          url: base,
          requests: rotating(pending.slice(half), (p) => ({
            method: 'POST',
            path: '/result',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: notificationBody(p.inv_id, Number(p.amount_kopecks)),
          })),
        }),
    );
    const fizThrough = (origin: string) =>
      measure({
        url: origin,
        requests: rotating(sessions, (s) => ({ method: 'GET', path: '/fiz', headers: { cookie: s.cookie } })),
      });
    // Scale-out: the same /fiz load through nginx onto one instance, then onto two (npm run cluster),
    // so both sides pay for nginx; «baseline» here is the one instance.
    await children.stop(appProcess);
    const clusterOf = async (instances: number) => {
      const cluster = children.start(
        bin('tsx'),
        ['scripts/cluster.ts'],
        {
          ...env,
          PORT: String(CLUSTER_PORT),
          CLUSTER_FIRST_PORT: String(CLUSTER_PORT + 1),
          CLUSTER_INSTANCES: String(instances),
        },
        true,
      );
      const origin = `http://127.0.0.1:${CLUSTER_PORT}`;
      await waitFor(`${origin}/`);
      for (let k = 0; k < 40; k++)
        await fetch(`${origin}/fiz`, { headers: { cookie: sessions[k % sessions.length]!.cookie } });
      return { cluster, origin };
    };
    log('GET /fiz through nginx: one instance…');
    const one = await clusterOf(1);
    const oneFigures = await fizThrough(one.origin);
    await children.stop(one.cluster);
    log('GET /fiz through nginx: two instances…');
    const two = await clusterOf(2);
    scenarios['GET /fiz, 2 instances vs 1 behind nginx'] = { app: await fizThrough(two.origin), baseline: oneFigures };
    await children.stop(two.cluster);
    children.start(bin('next'), ['start', '-p', String(APP_PORT), '-H', '127.0.0.1'], env);
    await waitFor(`${app}/`);

    results.http = Object.fromEntries(
      Object.entries(scenarios).map(([k, v]) => {
        const ratio = Number((v.app.requestsPerSecond / Math.max(1, v.baseline.requestsPerSecond)).toFixed(2));
        return [k, { ...v, ratio, throughputRatio: ratio }];
      }),
    );
    const [credits] = await sql<{ paid: number; credits: number }[]>`
      select count(*) filter (where p.status = 'paid')::int as paid, count(l.id)::int as credits
      from payments p left join ledger_entries l on l.payment_id = p.id and l.kind = 'payment'
      where p.description = 'Нагрузочный платёж'`;
    results.notificationsCheck = credits;

    const cookie = sessions[0]!.cookie;
    const routes: [string, string?][] = [
      ['/'],
      ['/tariffs'],
      ['/outages'],
      ['/news'],
      ['/pay'],
      ['/fiz/login'],
      ['/fiz', cookie],
      ['/fiz/readings', cookie],
      ['/fiz/readings/history', cookie],
      ['/fiz/bills', cookie],
      ['/fiz/payments', cookie],
    ];
    const firstLoad: Record<string, number> = {};
    for (const [route, c] of routes) firstLoad[route] = await firstLoadKb(route, c);
    results.firstLoadJsKbGzip = firstLoad;

    children.stopAll();
    await sql.end();

    log('billing run over the generated accounts…');
    const billing = run('node', ['--conditions=react-server', '--import', 'tsx', 'bench/billing.ts'], {
      DATABASE_URL: benchUrl,
      BENCH_PERIOD: PERIOD,
    });
    results.billing = JSON.parse(billing.trim().split('\n').pop()!);
  } finally {
    children.stopAll();
    if (process.env.BENCH_KEEP_DB !== '1')
      await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin.end();
  }

  // Each size keeps its own file; results.json is the latest run with the cost at every size run so far.
  fs.writeFileSync(path.join(root, 'bench', `results-${ACCOUNTS}.json`), `${JSON.stringify(results, null, 2)}\n`);
  results.scale = scaleFigures();
  fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
}

interface ScaleRow {
  accounts: number;
  takenAt: string;
  billingSecondsPer1000Accounts: number;
  fizP95Ms: number;
  fizRequestsPerSecond: number;
}

interface SizeResults {
  takenAt: string;
  settings: { accounts: number };
  billing: { runSeconds: number; bills: number };
  http: Record<string, { app: Figures }>;
}

/** Billing time per 1 000 accounts and `/fiz` p95 at each size in bench/results-<accounts>.json: flat is the goal. */
function scaleFigures(): ScaleRow[] {
  return fs
    .readdirSync(path.join(root, 'bench'))
    .filter((name) => /^results-\d+\.json$/.test(name))
    .map((name) => JSON.parse(fs.readFileSync(path.join(root, 'bench', name), 'utf8')) as SizeResults)
    .map((r) => {
      const fiz = r.http[FIZ_SCENARIO]!.app;
      return {
        accounts: Number(r.settings.accounts),
        takenAt: String(r.takenAt),
        billingSecondsPer1000Accounts: Number((r.billing.runSeconds / (r.billing.bills / 1000)).toFixed(3)),
        fizP95Ms: fiz.p95,
        fizRequestsPerSecond: fiz.requestsPerSecond,
      };
    })
    .sort((a, b) => a.accounts - b.accounts);
}

function printTable(results: Record<string, unknown>) {
  const http = results.http as Record<string, { app: Figures; baseline: Figures; throughputRatio: number }>;
  console.log(`\nEnergokabinet bench — ${ACCOUNTS} accounts, ${CONNECTIONS} connections × ${DURATION} s\n`);
  console.log('scenario                         | side     |  req/s |   p50 ms |   p95 ms |   p99 ms | errors');
  console.log('---------------------------------|----------|--------|----------|----------|----------|-------');
  for (const [name, v] of Object.entries(http)) {
    for (const side of ['app', 'baseline'] as const) {
      const f = v[side];
      console.log(
        `${name.padEnd(33)}| ${side.padEnd(9)}| ${String(f.requestsPerSecond).padStart(6)} | ${String(f.p50).padStart(8)} | ${String(f.p95).padStart(8)} | ${String(f.p99).padStart(8)} | ${f.errors}`,
      );
    }
    console.log(`${''.padEnd(33)}| app/base | ${v.throughputRatio.toFixed(2).padStart(6)} |`);
  }
  const billing = results.billing as {
    runSeconds: number;
    sameRowsSeconds: number;
    ratio: number;
    oneRowPerAccountSeconds: number;
    oldRatio: number;
    bills: number;
  };
  console.log(
    `\nbilling: ${billing.bills} bills in ${billing.runSeconds} s; the same rows by hand ${billing.sameRowsSeconds} s ` +
      `(ratio ${billing.ratio}); one row per account ${billing.oneRowPerAccountSeconds} s (old ratio ${billing.oldRatio})`,
  );
  console.log('\ncost as the work grows (flat is the goal):');
  for (const row of results.scale as ScaleRow[])
    console.log(
      `  ${String(row.accounts).padStart(7)} accounts: billing ${row.billingSecondsPer1000Accounts} s per 1 000 accounts, /fiz p95 ${row.fizP95Ms} ms (${row.fizRequestsPerSecond} req/s)`,
    );
  console.log('\nfirst-load JS (gzip KB):');
  for (const [route, kb] of Object.entries(results.firstLoadJsKbGzip as Record<string, number>))
    console.log(`  ${route.padEnd(26)} ${kb}`);
  console.log(`\nnotifications: ${JSON.stringify(results.notificationsCheck)}`);
  console.log('written to bench/results.json');
}

main().catch((error) => {
  console.error(error);
  children.stopAll();
  process.exit(1);
});
