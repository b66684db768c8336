// The staff billing page's logic on seven metered accounts billed from November 2025 to October 2026
// (reading window 15th–25th), as of 20 November 2026: which period it proposes,
// what it says a run would do, how a start from the page refuses, explains «nothing new» and hands
// the run to the background, and who may poll a run's progress.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, auditLog, billingRuns, bills, ledgerEntries, tariffs } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import type { SessionUser } from '@/lib/auth/session';
import { balances } from '@/lib/billing/balance';
import { billingPeriodMenu, billingPeriodOverview } from '@/lib/billing/overview';
import { createBillingRun, runBilling } from '@/lib/billing/run';
import { startBillingFromConsole } from '@/lib/billing/start';
import { billQueuedRun } from '@/lib/jobs/billing-run';
import { shiftPeriod } from '@/lib/readings/window';
import {
  billPeriod,
  createMeteredAccount,
  createSubscriber,
  createUser,
  createUtilityProfile,
} from '../support/factories';
import { useTestDatabase } from '../support/test-db';
import { signInAs } from '../support/signed-in-browser';

// The progress route reads the session through Auth.js; here the test says who is signed in.
vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));

const { GET: getRunStatus } = await import('@/app/admin/(console)/billing/runs/[id]/route');

/** What the billing page's poller gets from GET /admin/billing/runs/<id> as this user. */
async function pollRun(user: SessionUser | null, runId: string): Promise<{ status: number; body: unknown }> {
  await signInAs(user);
  const response = await getRunStatus(
    new Request(`http://test.local/admin/billing/runs/${encodeURIComponent(runId)}`),
    {
      params: Promise.resolve({ id: runId }),
    },
  );
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  return { status: response.status, body: await response.json() };
}

/** 20 Nov, 12:00 Moscow: November's window is open. */
const inWindow = new Date('2026-11-20T09:00:00Z');
/** 26 Nov, 10:00 Moscow: November's window closed yesterday. */
const afterWindow = new Date('2026-11-26T07:00:00Z');
const OCT_2025 = '2025-10-01';
const OCT = '2026-10-01';
const NOV = '2026-11-01';

const t = useTestDatabase();
let operator: SessionUser;
let household: SessionUser;

async function billsOf(period: string): Promise<number> {
  return (await t.db.select({ n: count() }).from(bills).where(eq(bills.period, period)))[0]!.n;
}

async function runsOf(period: string) {
  return t.db.select().from(billingRuns).where(eq(billingRuns.period, period));
}

/** Collects the runs a start queues, to run their job's handler when the test says so. */
function backgroundQueue() {
  const tasks: (() => Promise<unknown>)[] = [];
  return {
    schedule: async (run: { runId: string }) => void tasks.push(() => billQueuedRun(run)),
    async drain() {
      while (tasks.length > 0) await tasks.shift()!();
    },
    get size() {
      return tasks.length;
    },
  };
}

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  operator = await createUser(t.db, { fullName: 'Смирнова Елена Андреевна' });
  // Initial readings in October 2025, then one every month up to November 2026.
  for (let i = 0; i < 7; i++) {
    const { accountId } = await createMeteredAccount(t.db, {
      account: { contractStart: '2025-10-01' },
      meter: { installedAt: '2025-10-01' },
      registers: Array.from({ length: 14 }, (_, k) => [
        shiftPeriod(OCT_2025, k),
        { all_day: 5_000 + (150 + i * 10) * k },
      ]),
    });
    if (i === 0) household = await createSubscriber(t.db, accountId);
  }
  for (let k = 1; k <= 12; k++) await billPeriod(shiftPeriod(OCT_2025, k));
  // October's run took 40 seconds, as a real one would.
  await t.db
    .update(billingRuns)
    .set({ finishedAt: sql`${billingRuns.startedAt} + interval '40 seconds'` })
    .where(eq(billingRuns.period, OCT));
});

describe('the proposed period', () => {
  it('while November is still taking readings: October, billed, and the page offers every month since the first tariff', async () => {
    const menu = await billingPeriodMenu(inWindow);
    expect(menu.closed).toBe(OCT);
    expect(menu.proposed).toBe(OCT);
    expect(menu.accepting).toEqual({ period: NOV, closesOn: '2026-11-25' });
    // November 2026 back to January 2025, when the first demo tariff starts.
    expect(menu.choices).toHaveLength(23);
    expect(menu.choices[0]).toEqual({ period: NOV, billsIssued: 0 });
    expect(menu.choices.at(-1)).toEqual({ period: '2025-01-01', billsIssued: 0 });
    expect(menu.choices.find((c) => c.period === OCT)).toEqual({ period: OCT, billsIssued: 7 });

    const october = await billingPeriodOverview(OCT, inWindow);
    expect(october).toMatchObject({
      billsIssued: 7,
      billable: 0,
      tariffProblem: null,
      refusal: null,
      windowClosesOn: null,
      running: null,
    });
  });

  it('once the window has closed: November, with all seven accounts to bill', async () => {
    const menu = await billingPeriodMenu(afterWindow);
    expect(menu.closed).toBe(NOV);
    expect(menu.proposed).toBe(NOV);
    expect(await billingPeriodOverview(NOV, afterWindow)).toMatchObject({
      billsIssued: 0,
      billable: 7,
      tariffProblem: null,
      refusal: null,
      windowClosesOn: null,
    });
    // Seen while the window is open, the page warns that readings may still come in.
    expect((await billingPeriodOverview(NOV, inWindow)).windowClosesOn).toBe('2026-11-25');
  });
});

describe('starting a run from the page', () => {
  it('refuses a month ahead and says «nothing new» for a billed period, starting no run', async () => {
    const queue = backgroundQueue();
    const ahead = await startBillingFromConsole(
      { period: '2026-12-01', staffId: operator.id, now: afterWindow },
      queue.schedule,
    );
    expect(ahead).toEqual({
      ok: false,
      fieldErrors: {},
      message: 'Нельзя начислить за декабрь 2026: этот месяц ещё не наступил.',
    });

    const runsBefore = await runsOf(OCT);
    const again = await startBillingFromConsole(
      { period: OCT, staffId: operator.id, now: afterWindow },
      queue.schedule,
    );
    expect(again).toEqual({ ok: true, runId: null, message: 'Счета за октябрь 2026 уже выставлены: 7, новых нет.' });
    expect(await runsOf(OCT)).toEqual(runsBefore);
    expect(await billsOf(OCT)).toBe(7);
    expect(queue.size).toBe(0);
  });

  it('names the missing tariff before any run when the period has none', async () => {
    // The urban one-rate tariff from October 2026 moved to December: November has none in force.
    // October is billed, so the database freezes that tariff; the test lifts the freeze to stage a
    // registry with a gap, which is what the console must name.
    await t.db.execute(sql`alter table tariffs disable trigger tariffs_billed_frozen`);
    const moved = await t.db
      .update(tariffs)
      .set({ effectiveFrom: '2026-12-01' })
      .where(and(eq(tariffs.effectiveFrom, OCT), eq(tariffs.category, 'urban'), eq(tariffs.zonePlan, 1)))
      .returning({ id: tariffs.id });
    expect(moved).toHaveLength(1);
    try {
      const message =
        'Нет действующего на 01.11.2026 тарифа: Городское население, одноставочный, круглосуточно. Заведите тариф и запустите начисление снова.';
      expect((await billingPeriodOverview(NOV, afterWindow)).tariffProblem).toBe(message);
      const queue = backgroundQueue();
      expect(
        await startBillingFromConsole({ period: NOV, staffId: operator.id, now: afterWindow }, queue.schedule),
      ).toEqual({
        ok: false,
        fieldErrors: {},
        message,
      });
      expect(await runsOf(NOV)).toHaveLength(0);
    } finally {
      await t.db
        .update(tariffs)
        .set({ effectiveFrom: OCT })
        .where(
          inArray(
            tariffs.id,
            moved.map((m) => m.id),
          ),
        );
      await t.db.execute(sql`alter table tariffs enable trigger tariffs_billed_frozen`);
    }
  });

  it('claims the period, answers before billing, refuses a second start meanwhile, then bills once', async () => {
    const queue = backgroundQueue();
    const started = await startBillingFromConsole(
      { period: NOV, staffId: operator.id, ip: '203.0.113.7', now: afterWindow },
      queue.schedule,
    );
    expect(started.ok).toBe(true);
    const runId = (started as { runId: string }).runId;
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);

    // Nothing is billed until the background task runs; the run is «running» and the page shows it.
    expect(queue.size).toBe(1);
    expect(await billsOf(NOV)).toBe(0);
    const during = await billingPeriodOverview(NOV, afterWindow);
    expect(during.running).toMatchObject({ id: runId, status: 'running', startedBy: { id: operator.id } });
    const polled = await pollRun(operator, runId);
    expect(polled).toMatchObject({
      status: 200,
      body: {
        id: runId,
        status: 'running',
        statusLabel: 'выполняется',
        periodLabel: 'ноябрь 2026',
        startedBy: 'Смирнова Елена Андреевна',
      },
    });

    const second = await startBillingFromConsole(
      { period: NOV, staffId: operator.id, now: afterWindow },
      queue.schedule,
    );
    expect(second.ok).toBe(false);
    expect((second as { message: string }).message).toMatch(
      /^Начисление за ноябрь 2026 уже выполняется \(запущено \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\)\. Дождитесь его окончания/,
    );
    expect(queue.size).toBe(1);

    await queue.drain();
    expect(await billsOf(NOV)).toBe(7);
    const done = await pollRun(operator, runId);
    expect(done).toMatchObject({
      status: 200,
      body: { status: 'done', statusLabel: 'завершено', accountsTotal: 7, billsCreated: 7, progress: 1, error: null },
    });
    expect((done.body as { finishedAt: string | null }).finishedAt).not.toBeNull();

    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'billing.run_started'), eq(auditLog.subjectId, runId)));
    expect(entry).toMatchObject({
      actorUserId: operator.id,
      subjectType: 'billing_run',
      ip: '203.0.113.7',
      details: { period: NOV, accounts: 7, billsBefore: 0 },
    });

    // A rerun bills nothing and says so; no second charge anywhere.
    const charges = (await t.db.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.kind, 'charge')))[0]!
      .n;
    const rerun = await startBillingFromConsole(
      { period: NOV, staffId: operator.id, now: afterWindow },
      queue.schedule,
    );
    expect(rerun).toEqual({ ok: true, runId: null, message: 'Счета за ноябрь 2026 уже выставлены: 7, новых нет.' });
    expect(queue.size).toBe(0);
    expect(await billsOf(NOV)).toBe(7);
    expect((await t.db.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.kind, 'charge')))[0]!.n).toBe(
      charges,
    );
    expect(await runsOf(NOV)).toHaveLength(1);

    // With November billed and December's window not closed, the page proposes November again.
    expect((await billingPeriodMenu(afterWindow)).proposed).toBe(NOV);
  });

  it('the month of the meters’ initial readings bills every account at zero (what the e2e journey bills)', async () => {
    const ids = (await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.status, 'active'))).map(
      (a) => a.id,
    );
    const before = await balances(ids);
    const queue = backgroundQueue();
    const started = await startBillingFromConsole(
      { period: OCT_2025, staffId: operator.id, now: afterWindow },
      queue.schedule,
    );
    expect(started.ok).toBe(true);
    await queue.drain();
    const rows = await t.db.select({ amount: bills.amountKopecks }).from(bills).where(eq(bills.period, OCT_2025));
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((r) => r.amount === 0)).toBe(true);
    // The readings of that month are each meter's baseline: nothing consumed, nothing charged.
    expect(await balances(ids)).toEqual(before);
  });

  it('a run whose process died stops blocking the period once its heartbeat is 10 minutes old', async () => {
    const dead = await createBillingRun({ period: NOV, startedBy: operator.id, now: afterWindow });
    expect(dead.ok).toBe(true);
    const deadId = (dead as { runId: string }).runId;
    // Alive (fresh heartbeat): a second run is refused and the page shows the first.
    expect((await createBillingRun({ period: NOV, startedBy: operator.id, now: afterWindow })).ok).toBe(false);
    expect((await billingPeriodOverview(NOV, afterWindow)).running).toMatchObject({ id: deadId, status: 'running' });

    // Its process stops: no chunk bumps the heartbeat any more.
    await t.db
      .update(billingRuns)
      .set({ heartbeatAt: sql`now() - interval '11 minutes'` })
      .where(eq(billingRuns.id, deadId));
    const overview = await billingPeriodOverview(NOV, afterWindow);
    expect(overview.running).toBeNull();
    const [row] = await t.db.select().from(billingRuns).where(eq(billingRuns.id, deadId));
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.finishedAt).not.toBeNull();
    expect(row!.error).toMatch(/^Запуск прервался: от него нет вестей больше 10 минут/);

    // A new run takes the period and bills only who is left (nobody): no second bill, no second charge.
    const again = await createBillingRun({ period: NOV, startedBy: operator.id, now: afterWindow });
    expect(again.ok).toBe(true);
    const outcome = await runBilling((again as { runId: string }).runId, { now: afterWindow });
    expect(outcome).toMatchObject({ status: 'done', billsCreated: 0 });
    expect(await billsOf(NOV)).toBe(7);
  });
});

describe('the progress route', () => {
  it('answers 401 without a session, 403 to a household, 404 for no such run, JSON to staff', async () => {
    const [run] = await t.db.select({ id: billingRuns.id }).from(billingRuns).where(eq(billingRuns.period, OCT));
    expect(await pollRun(null, run!.id)).toEqual({
      status: 401,
      body: { error: 'Войдите как сотрудник, чтобы видеть ход начисления' },
    });
    expect(await pollRun(household, run!.id)).toEqual({
      status: 403,
      body: { error: 'Ход начисления доступен только сотрудникам' },
    });
    expect((await pollRun(operator, 'not-a-uuid')).status).toBe(404);
    expect((await pollRun(operator, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const answer = await pollRun(operator, run!.id);
    expect(answer).toMatchObject({
      status: 200,
      body: { id: run!.id, period: OCT, status: 'done', accountsTotal: 7, billsCreated: 7, durationLabel: '40 с' },
    });
  });
});
