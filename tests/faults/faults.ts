// `npm run test:faults`: the production build on a fresh Postgres database while readings and
// payment notifications stream in, and the database drops every connection three times and refuses
// connections for 4 s (what a restart looks like to a client). Checks that the app answers while the
// database is away (a reading gets a Russian failure message, never an error page; the gateway gets
// 503 and retries), recovers by itself, and that everything it acknowledged is in the database
// exactly once; then 100 concurrent duplicates of one notification → one credit. Then the app
// itself is killed during a billing run and during e-mail delivery (kill-app.ts).
// Needs a build (`npm run build`; NEXT_DIST_DIR respected) and Postgres (DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres). Exits non-zero on any violation.
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { hash } from '@node-rs/argon2';
import { accountNumber, FIRST_ACCOUNT, generateDataset, registerValue } from '../../bench/dataset';
import {
  actionBody,
  actionId,
  BENCH_PASSWORD,
  BENCH_SECRET,
  bin,
  Children,
  databaseUrlFor,
  login,
  notificationBody,
  root,
  runSync,
  SANDBOX_PASSWORDS,
  waitFor,
} from '../../bench/support';
import { killAppScenarios } from './kill-app';

const ACCOUNTS = 40;
const SESSIONS = 16;
const WORKLOAD_MS = 20_000;
const RECOVERY_MS = 15_000;
const PORT = Number(process.env.FAULTS_PORT ?? 3310);
const origin = `http://127.0.0.1:${PORT}`;
const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ek_faults_${Date.now()}`;
const url = databaseUrlFor(adminUrl, dbName);
const children = new Children();
const problems: string[] = [];
const log = (line: string) => console.log(`[faults] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Outcome = 'acknowledged' | 'refused' | 'error' | 'timeout';
const tally: Record<'readings' | 'notifications', Record<Outcome, number>> = {
  readings: { acknowledged: 0, refused: 0, error: 0, timeout: 0 },
  notifications: { acknowledged: 0, refused: 0, error: 0, timeout: 0 },
};
const statuses: Record<number, number> = {};

const started = Date.now();
const ANSWER_WITHIN_MS = 60_000;
let slowest = 0;
async function post(
  pathname: string,
  init: RequestInit,
): Promise<{ status: number; body: string } | 'timeout' | 'error'> {
  const sentAt = Date.now();
  try {
    const res = await fetch(`${origin}${pathname}`, {
      ...init,
      method: 'POST',
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    const body = await res.text();
    const took = Date.now() - sentAt;
    slowest = Math.max(slowest, took);
    if (took > 5_000 && process.env.FAULTS_VERBOSE === '1')
      log(
        `slow answer ${res.status} to ${pathname} sent at +${((sentAt - started) / 1000).toFixed(1)} s: ${(took / 1000).toFixed(1)} s`,
      );
    return { status: res.status, body };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    if (timedOut) log(`no answer to ${pathname} sent at +${((sentAt - started) / 1000).toFixed(1)} s`);
    return timedOut ? 'timeout' : 'error';
  }
}

async function main() {
  if (!fs.existsSync(path.join(root, DIST, 'BUILD_ID'))) {
    log('no build found: building…');
    runSync(bin('next'), ['build'], { NEXT_DIST_DIR: DIST });
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  // One connection: the kill spares only the backend that runs it.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    runSync(bin('tsx'), ['scripts/db-seed.ts'], { DATABASE_URL: url });
    await generateDataset(url, {
      accounts: ACCOUNTS,
      period: '2026-11-01',
      passwordHash: await hash(BENCH_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
    });
    const pending = await sql<{ inv_id: number; amount_kopecks: number }[]>`
      insert into payments (account_id, amount_kopecks, status, gateway, description)
      select a.id, 10000 + g * 100, 'pending', 'sandbox', 'Платёж под сбоями'
      from generate_series(1, 400) g join accounts a on a.number = (${FIRST_ACCOUNT}::bigint + 1 + g % ${ACCOUNTS})::text
      returning inv_id, amount_kopecks`;

    children.start(
      bin('next'),
      ['start', '-p', String(PORT), '-H', '127.0.0.1'],
      {
        DATABASE_URL: url,
        AUTH_SECRET: BENCH_SECRET,
        ...SANDBOX_PASSWORDS,
        // The harness pays through the sandbox, which exists only in demo mode.
        DEMO: '1',
        NEXT_DIST_DIR: DIST,
        NODE_ENV: 'production',
        BACKGROUND_JOBS: 'off',
        DB_POOL_MAX: '5',
      },
      process.env.FAULTS_VERBOSE !== '1',
    );
    await waitFor(`${origin}/`);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(root, DIST, 'server', 'server-reference-manifest.json'), 'utf8'),
    );
    const readingAction = actionId(manifest, 'submitMeterReadings');

    const oneRate = Array.from({ length: ACCOUNTS }, (_, k) => k + 1)
      .filter((i) => i % 10 < 7)
      .slice(0, SESSIONS);
    const meters = await sql<{ number: string; meter_id: string }[]>`
      select a.number, m.id as meter_id from accounts a join meters m on m.account_id = a.id where a.number = any(${oneRate.map(accountNumber)})`;
    const sessions: { i: number; cookie: string; meterId: string }[] = [];
    for (const i of oneRate) {
      sessions.push({
        i,
        cookie: await login(origin, i),
        meterId: meters.find((m) => m.number === accountNumber(i))!.meter_id,
      });
    }
    log(`${sessions.length} sessions; workload for ${WORKLOAD_MS / 1000} s with faults`);

    const acknowledgedReadings: { meterId: string; value: number }[] = [];
    const acknowledgedPayments = new Set<number>();
    const deadline = Date.now() + WORKLOAD_MS;
    log(`workload starts at +${((Date.now() - started) / 1000).toFixed(1)} s`);

    const readingWorker = async (s: (typeof sessions)[number]) => {
      let value = registerValue(s.i, 1, 24) + 1;
      while (Date.now() < deadline) {
        value += 1;
        const { body, contentType } = actionBody({ meterId: s.meterId, zone_all_day: String(value) });
        const res = await post('/fiz/readings', {
          headers: {
            cookie: s.cookie,
            'next-action': readingAction,
            accept: 'text/x-component',
            'content-type': contentType,
          },
          body,
        });
        if (res === 'timeout' || res === 'error') tally.readings[res]++;
        else if (res.status === 200 && res.body.includes('"ok":true')) {
          tally.readings.acknowledged++;
          acknowledgedReadings.push({ meterId: s.meterId, value });
        } else tally.readings[res.status === 200 && res.body.includes('"ok":false') ? 'refused' : 'error']++;
        await sleep(20);
      }
    };
    let next = 0;
    const notificationWorker = async () => {
      while (Date.now() < deadline && next < pending.length) {
        const p = pending[next++]!;
        // Each notification twice, as gateways retry.
        for (let k = 0; k < 2; k++) {
          const res = await post('/api/payments/sandbox/result', {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: notificationBody(p.inv_id, Number(p.amount_kopecks)),
          });
          if (res === 'timeout' || res === 'error') tally.notifications[res]++;
          else if (res.status === 200 && res.body === `OK${p.inv_id}`) {
            tally.notifications.acknowledged++;
            acknowledgedPayments.add(p.inv_id);
          } else tally.notifications[res.status >= 500 ? 'error' : 'refused']++;
        }
        await sleep(20);
      }
    };
    const kill = () =>
      sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid()`;
    const mark = (what: string) => log(`${what} at +${((Date.now() - started) / 1000).toFixed(1)} s`);
    const faults = async () => {
      await sleep(3_000);
      mark('dropping every connection');
      await kill();
      await sleep(3_000);
      mark('dropping every connection');
      await kill();
      await sleep(2_000);
      mark('refusing connections for 4 s');
      await admin.unsafe(`alter database "${dbName}" allow_connections false`);
      await kill();
      await sleep(4_000);
      await admin.unsafe(`alter database "${dbName}" allow_connections true`);
      mark('connections allowed again');
      await sleep(3_000);
      mark('dropping every connection');
      await kill();
    };
    await Promise.all([
      ...sessions.map(readingWorker),
      notificationWorker(),
      notificationWorker(),
      notificationWorker(),
      faults(),
    ]);

    const stuck =
      await sql`select pid, state, wait_event_type, wait_event, now() - xact_start as xact_age, left(query, 100) as query from pg_stat_activity where datname = ${dbName} and pid <> pg_backend_pid() and state <> 'idle'`;
    if (stuck.length > 0) log(`sessions not idle after the workload: ${JSON.stringify(stuck)}`);
    // Recovery: with the database back, the app serves again without a restart.
    // The first query on a connection that died may still fail; the app must be serving within seconds.
    const back = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - back < RECOVERY_MS) {
      recovered = (await fetch(`${origin}/tariffs`)).status === 200;
      if (!recovered) await sleep(250);
    }
    if (!recovered) problems.push(`${RECOVERY_MS / 1000} s after the faults /tariffs still fails`);
    else log(`serving again ${((Date.now() - back) / 1000).toFixed(1)} s after the workload`);
    const s0 = sessions[0]!;
    const { body, contentType } = actionBody({
      meterId: s0.meterId,
      zone_all_day: String(registerValue(s0.i, 1, 24) + 100_00),
    });
    const after = await post('/fiz/readings', {
      headers: {
        cookie: s0.cookie,
        'next-action': readingAction,
        accept: 'text/x-component',
        'content-type': contentType,
      },
      body: body,
    });
    if (after === 'timeout' || after === 'error' || after.status !== 200 || !after.body.includes('"ok":'))
      problems.push('after the faults a reading could not be submitted');

    // Everything acknowledged is there, once.
    const stored = await sql<{ meter_id: string; value: number; n: number }[]>`
      select meter_id, value, count(*)::int as n from readings where meter_id = any(${sessions.map((s) => s.meterId)}) group by meter_id, value`;
    const storedKey = new Map(stored.map((r) => [`${r.meter_id}:${r.value}`, r.n]));
    for (const r of acknowledgedReadings) {
      const n = storedKey.get(`${r.meterId}:${r.value}`) ?? 0;
      if (n !== 1) problems.push(`reading ${r.value} of meter ${r.meterId} was acknowledged but is stored ${n} times`);
    }
    const [accepted] = await sql<{ n: number }[]>`
      select count(*)::int as n from (select meter_id, period, zone from readings where status = 'accepted' group by 1, 2, 3 having count(*) > 1) d`;
    if (accepted!.n > 0) problems.push(`${accepted!.n} meter periods have more than one accepted reading`);

    const credits = await sql<{ inv_id: number; status: string; credits: number }[]>`
      select p.inv_id, p.status, count(l.id)::int as credits from payments p
      left join ledger_entries l on l.payment_id = p.id and l.kind = 'payment'
      where p.description = 'Платёж под сбоями' group by p.inv_id, p.status`;
    for (const c of credits) {
      if (c.credits > 1) problems.push(`payment ${c.inv_id} credited ${c.credits} times`);
      if (acknowledgedPayments.has(c.inv_id) && (c.status !== 'paid' || c.credits !== 1))
        problems.push(`payment ${c.inv_id} was acknowledged but is ${c.status} with ${c.credits} credits`);
      if (c.status === 'paid' && c.credits !== 1)
        problems.push(`payment ${c.inv_id} is paid with ${c.credits} credits`);
    }

    // 100 concurrent duplicates of one fresh notification.
    const [fresh] = await sql<{ inv_id: number; amount_kopecks: number }[]>`
      insert into payments (account_id, amount_kopecks, status, gateway, description)
      select id, 54321, 'pending', 'sandbox', 'Сто одинаковых уведомлений' from accounts where number = ${accountNumber(1)}
      returning inv_id, amount_kopecks`;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        post('/api/payments/sandbox/result', {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: notificationBody(fresh!.inv_id, 54321),
        }),
      ),
    );
    const ok = answers.filter((a) => a !== 'timeout' && a !== 'error' && a.body === `OK${fresh!.inv_id}`).length;
    const [dup] = await sql<{ n: number; sum: number }[]>`
      select count(*)::int as n, coalesce(sum(l.amount_kopecks), 0)::int as sum from ledger_entries l join payments p on p.id = l.payment_id
      where p.inv_id = ${fresh!.inv_id} and l.kind = 'payment'`;
    if (dup!.n !== 1 || dup!.sum !== -54321)
      problems.push(`100 duplicate notifications left ${dup!.n} credits (${dup!.sum})`);
    log(`100 concurrent duplicates: ${ok} answered OK, ${dup!.n} ledger credit`);

    log(
      `readings: ${JSON.stringify(tally.readings)}; notifications: ${JSON.stringify(tally.notifications)}; HTTP statuses: ${JSON.stringify(statuses)}`,
    );
    log(
      `acknowledged: ${acknowledgedReadings.length} readings, ${acknowledgedPayments.size} payments — all found once`,
    );
    if (tally.readings.acknowledged === 0 || tally.notifications.acknowledged === 0)
      problems.push('nothing was acknowledged: the workload did not run');
    log(`slowest answer: ${(slowest / 1000).toFixed(1)} s`);
    if (tally.readings.error > 0)
      problems.push(
        `${tally.readings.error} reading submissions got a server error, a broken connection or an unexpected answer instead of a failure message`,
      );
    if (tally.readings.refused === 0 || tally.notifications.error === 0)
      problems.push('no request failed: the faults did not reach the app');
    if (tally.readings.timeout + tally.notifications.timeout > 0)
      problems.push(`some requests got no answer within ${ANSWER_WITHIN_MS / 1000} s`);
  } finally {
    children.stopAll();
    await sql.end().catch(() => {});
    await admin.unsafe(`alter database "${dbName}" allow_connections true`).catch(() => {});
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin.end();
  }
  await killAppScenarios({ adminUrl, dist: DIST, problems, log });
  if (problems.length > 0) {
    const output = children.recentOutput();
    if (output) console.error(`[faults] the server's last output:\n${output}`);
    console.error(`[faults] FAILED:\n  ${problems.slice(0, 30).join('\n  ')}`);
    process.exit(1);
  }
  log('passed');
}

main().catch((error) => {
  console.error(error);
  children.stopAll();
  process.exit(1);
});
