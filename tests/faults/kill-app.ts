// The app killed outright (SIGKILL: what the OOM killer or a lost host does, no shutdown hook runs)
// in the middle of its background work, then started again. A billing run must finish once: one
// finished run of the period, one bill per account, one ledger charge per bill, no line twice. An
// e-mail delivery must get every letter to the provider once: the provider here is a fake Resend
// that answers slowly and, like Resend, sends a letter once per Idempotency-Key, so a letter handed
// over just before the kill and sent again under the same key is fine; one letter under two keys,
// or a letter the outbox calls sent that never reached the provider, is a violation.
// Its own database and port; run by faults.ts after the database faults.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { hash } from '@node-rs/argon2';
import { generateDataset } from '../../bench/dataset';
import {
  BENCH_PASSWORD,
  BENCH_SECRET,
  bin,
  databaseUrlFor,
  root,
  runSync,
  SANDBOX_PASSWORDS,
  waitFor,
} from '../../bench/support';

// Enough accounts for a run of several seconds (about 0.2 s per 1000 on the bench machine), in chunks.
const ACCOUNTS = 20_000;
const LETTERS = 200;
const PROVIDER_DELAY_MS = 20;
// The kill comes once this many letters reached the provider: well inside the delivery.
const KILL_AFTER_LETTERS = 40;
const PORT = Number(process.env.FAULTS_KILL_PORT ?? 3311);
const origin = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface KillAppContext {
  adminUrl: string;
  dist: string;
  problems: string[];
  log: (line: string) => void;
}

/** The previous month's first day: a period the billing run accepts whatever today is. */
function lastMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 10);
}

interface FakeResend {
  url: string;
  /** Requests answered, repeats included. */
  received: () => number;
  /** Requests per Idempotency-Key. */
  perKey: Map<string, number>;
  /** The keys each letter (recipient and subject) came with. */
  keysPerLetter: Map<string, Set<string>>;
  close: () => Promise<void>;
}

/** POST /emails answered after `delayMs` with an id that depends only on the key, as Resend's idempotency does. */
async function fakeResend(delayMs: number): Promise<FakeResend> {
  const perKey = new Map<string, number>();
  const keysPerLetter = new Map<string, Set<string>>();
  let received = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      setTimeout(() => {
        const key = req.headers['idempotency-key'];
        res.setHeader('content-type', 'application/json');
        if (req.method !== 'POST' || req.url !== '/emails' || typeof key !== 'string') {
          res.statusCode = 422;
          res.end(
            JSON.stringify({
              name: 'validation_error',
              statusCode: 422,
              message: 'POST /emails with an Idempotency-Key',
            }),
          );
          return;
        }
        const letter = JSON.parse(body) as { to: string | string[]; subject: string };
        received++;
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
        const name = `${[letter.to].flat().join(',')} «${letter.subject}»`;
        keysPerLetter.set(name, (keysPerLetter.get(name) ?? new Set()).add(key));
        res.end(JSON.stringify({ id: `fake-${key}` }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    perKey,
    keysPerLetter,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `next start` in a process group of its own, so that a kill reaches every process it started. */
class App {
  private child: ChildProcess | null = null;
  private tail: string[] = [];

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const child = spawn(bin('next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    // Always drained: a full pipe would block the server (see Children in bench/support.ts).
    const sink = (d: Buffer) => {
      if (process.env.FAULTS_VERBOSE === '1') process.stderr.write(d);
      this.tail = [...this.tail, ...d.toString().split('\n').filter(Boolean)].slice(-60);
    };
    child.stdout?.on('data', sink);
    child.stderr?.on('data', sink);
    this.child = child;
    await waitFor(`${origin}/`);
  }

  /** SIGKILL to the whole group; resolves once the server has exited. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
    await exited;
  }

  recentOutput(): string {
    return this.tail.join('\n');
  }
}

/** Polls `check` every `everyMs` until it returns a value; null after `seconds`. */
async function until<T>(seconds: number, everyMs: number, check: () => Promise<T | null>): Promise<T | null> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== null) return value;
    await sleep(everyMs);
  }
  return null;
}

export async function killAppScenarios(ctx: KillAppContext): Promise<void> {
  const { adminUrl, problems, log } = ctx;
  const dbName = `ek_faults_kill_${Date.now()}`;
  const url = databaseUrlFor(adminUrl, dbName);
  const period = lastMonth();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const fake = await fakeResend(PROVIDER_DELAY_MS);
  const app = new App({
    DATABASE_URL: url,
    AUTH_SECRET: BENCH_SECRET,
    ...SANDBOX_PASSWORDS,
    DEMO: '1',
    NEXT_DIST_DIR: ctx.dist,
    NODE_ENV: 'production',
    DB_POOL_MAX: '5',
    // Letters go through the real Resend transport, to the fake.
    RESEND_API_KEY: 're_faults_fake_key',
    RESEND_API_URL: fake.url,
  });
  const call = (...args: string[]) =>
    JSON.parse(
      runSync(bin('tsx'), ['--conditions=react-server', 'tests/faults/app-calls.ts', ...args], {
        DATABASE_URL: url,
        BACKGROUND_JOBS: 'off',
        LOG_LEVEL: 'warn',
      })
        .trim()
        .split('\n')
        .at(-1)!,
    ) as Record<string, unknown>;
  const before = problems.length;
  try {
    const seeded = Date.now();
    runSync(bin('tsx'), ['scripts/db-seed.ts'], { DATABASE_URL: url });
    await generateDataset(url, {
      accounts: ACCOUNTS,
      period,
      passwordHash: await hash(BENCH_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
    });
    log(`kill-app: ${ACCOUNTS} accounts generated in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    await app.start();
    await emailScenario();
    await billingScenario();
  } finally {
    await app.kill('SIGTERM');
    if (problems.length > before) {
      const output = app.recentOutput();
      if (output) console.error(`[faults] kill-app: the server's last output:\n${output}`);
    }
    await fake.close();
    await sql.end().catch(() => {});
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
    await admin.end();
  }

  async function emailScenario() {
    const { queued } = call('letters', String(LETTERS));
    if (queued !== LETTERS) problems.push(`e-mail: ${String(queued)} of ${LETTERS} letters queued`);
    const started = Date.now();
    const reached = await until(90, 20, async () => (fake.received() >= KILL_AFTER_LETTERS ? true : null));
    if (!reached) {
      problems.push(`e-mail: delivery did not reach ${KILL_AFTER_LETTERS} letters within 90 s`);
      return;
    }
    await app.kill();
    const [atKill] = await sql<{ sent: number; sending: number }[]>`
      select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status = 'sending')::int as sending
      from email_outbox where dedupe_key like 'faults-letter-%'`;
    log(
      `e-mail: app killed ${((Date.now() - started) / 1000).toFixed(1)} s into delivery: ${fake.received()} letters at the provider, ${atKill!.sent} marked sent, ${atKill!.sending} claimed`,
    );
    await app.start();
    const restarted = Date.now();
    const done = await until(180, 500, async () => {
      const [left] = await sql<{ n: number }[]>`
        select count(*)::int as n from email_outbox where dedupe_key like 'faults-letter-%' and status <> 'sent'`;
      return left!.n === 0 ? true : null;
    });
    if (!done) problems.push('e-mail: 180 s after the restart letters are still not sent');
    else log(`e-mail: every letter sent ${((Date.now() - restarted) / 1000).toFixed(1)} s after the restart`);

    const rows = await sql<{ id: string; status: string }[]>`
      select id, status from email_outbox where dedupe_key like 'faults-letter-%'`;
    let resent = 0;
    for (const row of rows) {
      const n = fake.perKey.get(`email-outbox-${row.id}`) ?? 0;
      if (row.status === 'sent' && n === 0)
        problems.push(`e-mail: letter ${row.id} is marked sent but never reached the provider`);
      if (n > 1) resent += n - 1;
    }
    let twoKeys = 0;
    for (const [letter, keys] of fake.keysPerLetter) {
      if (keys.size > 1) {
        twoKeys++;
        problems.push(`e-mail: ${letter} reached the provider under ${keys.size} keys: sent ${keys.size} times`);
      }
    }
    const accepted = rows.filter((r) => fake.perKey.has(`email-outbox-${r.id}`)).length;
    log(
      `e-mail: ${accepted}/${rows.length} letters accepted once each; ${resent} re-sent with the same key (de-duplicated by the provider), ${twoKeys} under two keys`,
    );
  }

  async function billingScenario() {
    // The demo seed bills its own accounts through the same runs: only the runs started here count.
    const earlier = (await sql<{ id: string }[]>`select id::text from billing_runs where period = ${period}`).map(
      (r) => r.id,
    );
    const { runId, billable } = call('billing', period) as { runId: string | null; billable: number };
    if (!runId) {
      problems.push(`billing: no run started for ${period}`);
      return;
    }
    const started = Date.now();
    if (process.env.FAULTS_VERBOSE === '1') log(`billing: run ${runId} started at ${new Date(started).toISOString()}`);
    type RunRow = { status: string; bills_created: number | null; accounts_total: number | null };
    const mid = await until(120, 50, async () => {
      const [run] = await sql<
        RunRow[]
      >`select status, bills_created, accounts_total from billing_runs where id = ${runId}`;
      if (run?.status !== 'running') return run ?? null;
      return (run.bills_created ?? 0) > 0 ? run : null;
    });
    if (!mid || mid.status !== 'running') {
      problems.push(
        `billing: the run was never caught running (${mid?.status ?? 'not running within 120 s'}): nothing to kill`,
      );
      return;
    }
    await app.kill();
    log(
      `billing: app killed ${((Date.now() - started) / 1000).toFixed(1)} s into the run, ${mid.bills_created}/${mid.accounts_total} bills written`,
    );
    await app.start();
    const restarted = Date.now();
    const finished = await until(150, 500, async () => {
      const [run] = await sql<
        RunRow[]
      >`select status, bills_created, accounts_total from billing_runs where id = ${runId}`;
      return run && run.status !== 'running' ? run : null;
    });
    if (!finished) problems.push('billing: 150 s after the restart the run is still running');
    else
      log(
        `billing: the run ended ${finished.status} ${((Date.now() - restarted) / 1000).toFixed(1)} s after the restart`,
      );

    const runs = await sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from billing_runs
      where period = ${period} and not (id::text = any(${earlier}::text[])) group by status`;
    const done = runs.find((r) => r.status === 'done')?.n ?? 0;
    const total = runs.reduce((sum, r) => sum + r.n, 0);
    if (done !== 1 || total !== 1) problems.push(`billing: the period has ${JSON.stringify(runs)} runs, not one done`);
    const [bills] = await sql<{ bills: number; twice: number }[]>`
      select count(*) filter (where billing_run_id = ${runId})::int as bills,
        (select count(*)::int from (select account_id from bills where period = ${period} group by 1 having count(*) > 1) d) as twice
      from bills where period = ${period}`;
    if (bills!.twice > 0) problems.push(`billing: ${bills!.twice} accounts have more than one bill for ${period}`);
    if (bills!.bills !== billable)
      problems.push(`billing: the run wrote ${bills!.bills} bills for ${billable} billable accounts`);
    const [charges] = await sql<{ n: number }[]>`
      select count(*)::int as n from bills b
      where b.period = ${period} and (select count(*) from ledger_entries l where l.bill_id = b.id and l.kind = 'charge') <> 1`;
    if (charges!.n > 0) problems.push(`billing: ${charges!.n} bills are not charged to the ledger exactly once`);
    const [lines] = await sql<{ n: number }[]>`
      select count(*)::int as n from (
        select 1 from bill_lines l join bills b on b.id = l.bill_id where b.period = ${period}
        group by l.bill_id, l.kind, l.meter_id, l.zone, l.method, l.for_period, l.kwh, l.tariff_id, l.price_kopecks, l.amount_kopecks, l.description
        having count(*) > 1) d`;
    if (lines!.n > 0) problems.push(`billing: ${lines!.n} bill lines are there twice`);
    log(
      `billing: ${total} run(s) of ${period} (${done} done), ${bills!.bills} bills for ${billable} accounts, ${charges!.n} bills charged other than once, ${lines!.n} duplicate lines`,
    );
  }
}
