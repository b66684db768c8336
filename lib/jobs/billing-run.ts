import 'server-only';
import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { db } from '@/db/client';
import { billingRuns } from '@/db/schema';
import { runBilling, stalledRuns } from '@/lib/billing/run';
import { log } from '@/lib/log';

export const BILLING_RUN_QUEUE = 'billing-run';

export interface BillingRunJob {
  runId: string;
}

/** A run's job: one queued and one active per period (the queue is `stately`, keyed by the period). */
export function billingRunSendOptions(period: string): PgBoss.SendOptions {
  return { singletonKey: period };
}

/**
 * Bills the run, or what is left of it: the chunk plan takes only the accounts still without a bill
 * for the period (and bills_account_period_key refuses a second one), so a run picked up again after
 * a crash or a deploy continues where it stopped. A run already finished is left alone.
 */
export async function billQueuedRun(
  data: object,
): Promise<{ period: string; status: string; billsCreated: number; accountsTotal: number }> {
  const { runId } = data as Partial<BillingRunJob>;
  if (typeof runId !== 'string') throw new Error('billing-run job without a runId');
  const outcome = await runBilling(runId);
  const [run] = await db().select({ period: billingRuns.period }).from(billingRuns).where(eq(billingRuns.id, runId));
  if (!run) throw new Error(`No billing run ${runId}`);
  return {
    period: run.period,
    status: outcome.status,
    billsCreated: outcome.billsCreated,
    accountsTotal: outcome.accountsTotal,
  };
}

/**
 * The watchdog: a running run whose heartbeat stopped lost its worker. Its job, if pg-boss still
 * holds it as active, is failed now (pg-boss then retries it on a live instance, without waiting for
 * the job's expiry); a run without any job (the queue was unreachable when it started) gets one.
 */
export async function requeueStalledRuns(boss: PgBoss): Promise<number> {
  let requeued = 0;
  for (const run of await stalledRuns()) {
    const { rows } = await boss
      .getDb()
      .executeSql(
        `select id, state from pgboss.job where name = $1 and singleton_key = $2 and state in ('created', 'retry', 'active') and data->>'runId' = $3`,
        [BILLING_RUN_QUEUE, run.period, run.id],
      );
    const jobs = rows as { id: string; state: string }[];
    const active = jobs.find((j) => j.state === 'active');
    if (active) {
      await boss.fail(BILLING_RUN_QUEUE, active.id, { error: 'the worker stopped: no heartbeat from the run' });
    } else if (jobs.length === 0) {
      await boss.send(BILLING_RUN_QUEUE, { runId: run.id } satisfies BillingRunJob, billingRunSendOptions(run.period));
    } else continue;
    requeued++;
    log.warn({ runId: run.id, period: run.period, hadJob: Boolean(active) }, 'billing.run_requeued');
  }
  return requeued;
}
