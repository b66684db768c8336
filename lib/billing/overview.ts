// What the staff billing page shows before and around a run: the periods on offer and the one it
// proposes, and for the chosen period what a run would do now — bills already issued, accounts still
// to bill, missing tariffs, whether its reading window is still open, the run in progress. A fixed
// handful of queries whatever the number of accounts; the counts use the run's own `billable` rule.
import 'server-only';
import { and, count, desc, eq, gt, max, min, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { billingRuns, bills, tariffs } from '@/db/schema';
import { periodOf } from '@/lib/format/dates';
import { readingWindowOf } from '@/lib/readings/settings';
import { readingWindowStatus } from '@/lib/readings/window';
import type { TariffCategory, TariffZone } from '@/lib/tariffs/zones';
import { billingPeriodChoices, lastClosedPeriod, proposedBillingPeriod } from './periods';
import {
  abandonStaleRuns,
  billingPeriodRefusal,
  billingRunStatus,
  tariffGapsMessage,
  type BillingRunView,
} from './run';
import { billableCountStatement, estimatedCountStatement, rowsOf, tariffGapsStatement } from './run-sql';

export interface BillingPeriodMenu {
  /** Newest first; empty when no tariff is entered. */
  choices: { period: string; billsIssued: number }[];
  /** The period the page opens with (see `proposedBillingPeriod`); null without tariffs. */
  proposed: string | null;
  /** The latest period whose reading window has closed. */
  closed: string;
  /** The period readings submitted now count for (its window is open or still ahead). */
  accepting: { period: string; closesOn: string };
}

export interface BillingPeriodOverview {
  period: string;
  /** Bills issued for the period so far. */
  billsIssued: number;
  /** Accounts a run would bill now: active, with a meter, no bill for the period yet. */
  billable: number;
  /** Why a run would stop at once (tariffs missing for the period), or null. */
  tariffProblem: string | null;
  /** Why the period cannot be billed at all (a month ahead, before the first tariff), or null. */
  refusal: string | null;
  /** The period's reading window has not closed yet: readings may still arrive after the bills. */
  windowClosesOn: string | null;
  /** While the window is open: accounts a run now would bill with some register estimated. */
  estimatedIfBilledNow: number | null;
  /** The period's run in progress, if any. */
  running: BillingRunView | null;
}

/** Bills issued per period, as the runs counted them (one small table rather than every bill). */
async function billsPerPeriod(): Promise<Map<string, number>> {
  const rows = await db()
    .select({ period: billingRuns.period, bills: sql<number>`coalesce(sum(${billingRuns.billsCreated}), 0)::int` })
    .from(billingRuns)
    .groupBy(billingRuns.period);
  return new Map(rows.map((r) => [r.period, Number(r.bills)]));
}

async function billableCount(period: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db().execute(billableCountStatement(period)));
  return Number(row?.n ?? 0);
}

export async function billingPeriodMenu(now: Date = new Date()): Promise<BillingPeriodMenu> {
  const window = await readingWindowOf(db());
  const status = readingWindowStatus(now, window);
  const closed = lastClosedPeriod(now, window);
  const [[first], [latest], perPeriod] = await Promise.all([
    db()
      .select({ from: min(tariffs.effectiveFrom) })
      .from(tariffs),
    db()
      .select({ period: max(billingRuns.period) })
      .from(billingRuns)
      .where(gt(billingRuns.billsCreated, 0)),
    billsPerPeriod(),
  ]);
  const periods = billingPeriodChoices(periodOf(now), first?.from ?? null);
  const latestBilled = latest?.period ?? null;
  const proposed =
    periods.length === 0
      ? null
      : proposedBillingPeriod(closed, {
          latestBilled,
          leftInLatest: latestBilled ? await billableCount(latestBilled) : 0,
        });
  return {
    choices: periods.map((period) => ({ period, billsIssued: perPeriod.get(period) ?? 0 })),
    proposed:
      proposed && periods.includes(proposed) ? proposed : (periods.find((p) => p <= closed) ?? periods[0] ?? null),
    closed,
    accepting: { period: status.period, closesOn: status.closesOn },
  };
}

export async function billingPeriodOverview(period: string, now: Date = new Date()): Promise<BillingPeriodOverview> {
  const refusal = await billingPeriodRefusal(period, now);
  // A run whose process died would otherwise show «выполняется» and block the period for good.
  if (!refusal) await abandonStaleRuns(period);
  const window = await readingWindowOf(db());
  const accepting = readingWindowStatus(now, window);
  const [[issued], billable, gaps, [latestRun]] = await Promise.all([
    db().select({ n: count() }).from(bills).where(eq(bills.period, period)),
    billableCount(period),
    refusal
      ? Promise.resolve([])
      : db()
          .execute(tariffGapsStatement(period))
          .then((r) => rowsOf<{ category: TariffCategory; zonePlan: number; zone: TariffZone; hasRates: boolean }>(r)),
    db()
      .select({ id: billingRuns.id })
      .from(billingRuns)
      .where(and(eq(billingRuns.period, period), eq(billingRuns.status, 'running')))
      .orderBy(desc(billingRuns.startedAt))
      .limit(1),
  ]);
  return {
    period,
    billsIssued: Number(issued?.n ?? 0),
    billable,
    tariffProblem: gaps.length > 0 ? tariffGapsMessage(period, gaps) : null,
    refusal,
    windowClosesOn: period >= accepting.period ? `${period.slice(0, 8)}${String(window.toDay).padStart(2, '0')}` : null,
    estimatedIfBilledNow:
      period >= accepting.period && !refusal
        ? Number(rowsOf<{ n: number }>(await db().execute(estimatedCountStatement(period)))[0]?.n ?? 0)
        : null,
    running: latestRun ? await billingRunStatus(latestRun.id) : null,
  };
}
