// A billing run on the job queue, seven metered accounts to bill for November once its window has
// closed: a run whose process died after its first chunk is
// found by the watchdog, resumed by a worker, and bills every account exactly once.
import { count, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { billingRuns, bills, ledgerEntries } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import { billChunk } from '@/lib/billing/bill-chunk';
import { createBillingRun } from '@/lib/billing/run';
import { planChunksStatement, rowsOf } from '@/lib/billing/run-sql';
import { BILLING_RUN_QUEUE } from '@/lib/jobs/billing-run';
import { jobDefinition } from '@/lib/jobs/definitions';
import { openJobQueue } from '@/lib/jobs/queue';
import { log } from '@/lib/log';
import { createMeteredAccount, createUser, createUtilityProfile } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

const NOV = '2026-11-01';
const afterWindow = new Date('2026-11-26T07:00:00Z');
const t = useTestDatabase();
let boss: PgBoss | undefined;
let operator: { id: string };

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  operator = await createUser(t.db);
  for (let i = 0; i < 7; i++) {
    await createMeteredAccount(t.db, {
      registers: [
        ['2026-10-01', { all_day: 5_000 + i * 100 }],
        [NOV, { all_day: 5_180 + i * 110 }],
      ],
    });
  }
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 40_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a billing run on the job queue', () => {
  it('resumes a run whose worker died half-way and bills each account once', async () => {
    vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    const created = await createBillingRun({ period: NOV, startedBy: operator.id, now: afterWindow });
    if (!created.ok) throw new Error(created.message);
    const { runId } = created;

    // The dead process: it planned chunks of two accounts, billed the first and stopped; its
    // heartbeat is now a quarter of an hour old.
    const plan = rowsOf<{ upTo: string; total: number }>(
      await t.db.execute(planChunksStatement({ runId, period: NOV, chunkSize: 2, maxChunks: 100 })),
    );
    expect(plan[0]?.total).toBe(7);
    await t.db.transaction((tx) =>
      billChunk(tx, {
        runId,
        period: NOV,
        scope: { after: '', upTo: plan[0]!.upTo },
        at: afterWindow.toISOString(),
        startedBy: operator.id,
      }),
    );
    await t.db
      .update(billingRuns)
      .set({ heartbeatAt: sql`now() - interval '15 minutes'` })
      .where(eq(billingRuns.id, runId));
    const billedBefore = (await t.db.select({ n: count() }).from(bills).where(eq(bills.period, NOV)))[0]!.n;
    expect(billedBefore).toBe(2);

    boss = await openJobQueue(t.handle, {
      runsJobs: true,
      definitions: [
        jobDefinition(BILLING_RUN_QUEUE)!,
        jobDefinition('billing-watchdog')!,
        jobDefinition('bill-notices')!,
      ],
    });
    // The watchdog's cron tick, sent by hand; twice, as two instances' ticks might.
    await boss.send('billing-watchdog', {});
    await boss.send('billing-watchdog', {});

    const run = await waitFor(async () => {
      const [row] = await t.db.select().from(billingRuns).where(eq(billingRuns.id, runId));
      return row?.status === 'running' ? undefined : row;
    });
    expect(run).toMatchObject({ status: 'done', error: null });
    const perAccount = await t.db
      .select({ accountId: bills.accountId, n: count() })
      .from(bills)
      .where(eq(bills.period, NOV))
      .groupBy(bills.accountId);
    expect(perAccount).toHaveLength(7);
    expect(perAccount.every((a) => a.n === 1)).toBe(true);
    const [charges] = await t.db
      .select({ n: count() })
      .from(ledgerEntries)
      .where(
        sql`${ledgerEntries.kind} = 'charge' and ${ledgerEntries.billId} in (select id from bills where period = ${NOV})`,
      );
    expect(charges!.n).toBe(7);
    // A late duplicate of the job (a retry, «Повторить») finds the run finished and bills nothing.
    const again = await jobDefinition(BILLING_RUN_QUEUE)!.run({ runId }, boss);
    expect(again).toMatchObject({ billsCreated: 0 });
    expect((await t.db.select({ n: count() }).from(bills).where(eq(bills.period, NOV)))[0]!.n).toBe(7);
  }, 90_000);
});
