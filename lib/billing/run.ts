// The billing run: for a period, one bill per active account with its lines, volumes and
// ledger entry, in a handful of set-based statements whatever the number of accounts.
//
// A run is a `billing_runs` row: `createBillingRun` validates the period and claims it (the partial
// unique index allows one running run per period, so a second start fails fast), `runBilling` does
// the work in chunks of accounts by number — each chunk one statement, written whole or not at all —
// and bumps `bills_created` after each, so a staff page can poll `billingRunStatus`. Rerunning a
// period bills only the accounts without a bill for it: a posted bill is never edited (corrections
// go into the next period), a crashed run is marked failed and a new run carries on where it stopped.
import 'server-only';
import { and, desc, eq, lt, min, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { billingRuns, tariffs, users } from '@/db/schema';
import { formatDate, formatDateTime, formatPeriod, periodOf } from '@/lib/format/dates';
import { readingWindowOf } from '@/lib/readings/settings';
import { readingWindowStatus } from '@/lib/readings/window';
import { isBillingPeriod } from '@/lib/validation/calendar';
import {
  categoryLabels,
  zonePlanLabels,
  zoneShortLabels,
  type TariffCategory,
  type TariffZone,
  type ZonePlan,
} from '@/lib/tariffs/zones';
import { billChunk, CHUNK_STATEMENTS } from './bill-chunk';
import { estimatedCountStatement, planChunksStatement, rowsOf, tariffGapsStatement } from './run-sql';
import { isUniqueViolation } from '@/lib/db-errors';

/** Accounts per chunk (one statement each); more per chunk when that would make over `MAX_CHUNKS`. */
const DEFAULT_CHUNK_SIZE = 2_000;
const MAX_CHUNKS = 25;

import type { BillingRunStatus } from '@/db/enums';
export type { BillingRunStatus };

export interface BillingRunView {
  id: string;
  period: string;
  status: BillingRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  startedBy: { id: string; fullName: string } | null;
  /** Accounts the run had to bill (without a bill for the period when it started); null until counted. */
  accountsTotal: number | null;
  billsCreated: number | null;
  /** 0…1 for a progress bar; 1 when there was nothing to bill. */
  progress: number;
  /** Why the run failed, or which accounts it could not bill (Russian, for staff). */
  error: string | null;
}

export type StartBillingRunResult = { ok: true; runId: string } | { ok: false; message: string; runId?: string };

export interface StartBillingRunInput {
  /** `YYYY-MM-01`. */
  period: string;
  /** The staff user; recorded on the run and on the ledger entries. */
  startedBy: string | null;
  /** The clock (tests); decides which periods are in the future and stamps the bills. */
  now?: Date;
  /** Accounts per chunk (tests use small chunks to exercise chunking). */
  chunkSize?: number;
  /** Bill the period although its reading window is still open (staff confirmed it, knowing how many are estimated). */
  confirmOpenWindow?: boolean;
}

export interface RunBillingOptions {
  now?: Date;
  chunkSize?: number;
}

export interface BillingRunOutcome {
  status: 'done' | 'failed';
  accountsTotal: number;
  billsCreated: number;
  error: string | null;
  chunks: number;
  /** SQL statements the run sent (O(chunks), not O(accounts)): a chunk is its bills and its penalties. */
  statements: number;
}

const ONE_RUNNING_INDEX = 'billing_runs_one_running';

/**
 * A running run whose heartbeat is older than this is taken for dead (its process stopped in the
 * middle: a deploy, a crash). A chunk takes seconds (MAX_CHUNKS bounds their number, not their
 * size, so a utility of a million accounts has 40 000-account chunks of about 15 s).
 */
const STALE_RUN_MINUTES = 10;

/**
 * Marks the period's dead runs failed so the period can be billed again; the bills they wrote stay
 * (each chunk is whole or absent) and a new run bills only the accounts still without a bill.
 * Database time on both sides: the heartbeat is written with now() too.
 */
export async function abandonStaleRuns(period: string): Promise<number> {
  const abandoned = await db()
    .update(billingRuns)
    .set({
      status: 'failed',
      finishedAt: sql`now()`,
      error:
        `Запуск прервался: от него нет вестей больше ${STALE_RUN_MINUTES} минут (процесс остановился). ` +
        'Уже выставленные счета сохранены; повторный запуск начислит только тех, кто остался без счёта.',
    })
    .where(
      and(
        eq(billingRuns.period, period),
        eq(billingRuns.status, 'running'),
        lt(billingRuns.heartbeatAt, sql`now() - make_interval(mins => ${STALE_RUN_MINUTES})`),
      ),
    )
    .returning({ id: billingRuns.id });
  return abandoned.length;
}

/** Running runs whose process went silent (see STALE_RUN_MINUTES): the watchdog queues them again. */
export async function stalledRuns(): Promise<{ id: string; period: string }[]> {
  return db()
    .select({ id: billingRuns.id, period: billingRuns.period })
    .from(billingRuns)
    .where(
      and(
        eq(billingRuns.status, 'running'),
        lt(billingRuns.heartbeatAt, sql`now() - make_interval(mins => ${STALE_RUN_MINUTES})`),
      ),
    );
}

/** Why the period cannot be billed at all (not a period, a month ahead, before the first tariff), or null. */
export async function billingPeriodRefusal(period: unknown, now: Date = new Date()): Promise<string | null> {
  if (typeof period !== 'string' || !isBillingPeriod(period)) {
    return 'Укажите расчётный период: первое число месяца, например 2026-11-01.';
  }
  if (period > periodOf(now)) {
    return `Нельзя начислить за ${formatPeriod(period)}: этот месяц ещё не наступил.`;
  }
  const [first] = await db()
    .select({ from: min(tariffs.effectiveFrom) })
    .from(tariffs);
  if (!first?.from) return 'Тарифы не заведены: начислять не по чему.';
  if (period < first.from) {
    return `Нельзя начислить за ${formatPeriod(period)}: первый тариф действует с ${formatDate(first.from)}.`;
  }
  return null;
}

/**
 * A period is billed once its reading window has closed; before that a run needs staff to confirm,
 * and this says how many accounts it would bill by estimate. Null when the window has closed.
 */
async function openWindowRefusal(period: string, now: Date): Promise<string | null> {
  const window = await readingWindowOf(db());
  const accepting = readingWindowStatus(now, window);
  if (period < accepting.period) return null;
  const [row] = rowsOf<{ n: number }>(await db().execute(estimatedCountStatement(period)));
  const n = Number(row?.n ?? 0);
  return (
    `Приём показаний за ${formatPeriod(period)} ещё идёт — по ${formatDate(accepting.closesOn)}. ` +
    `Если начислить сейчас, ${n} ${accountsWord(n)} без показаний за этот месяц получат счёт по расчёту ` +
    '(по среднему или нормативу). Подтвердите, что начисляете до окончания приёма показаний.'
  );
}

/** «л/с» reads the same for every count; the phrase around it agrees with the number. */
function accountsWord(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'лицевой счёт';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'лицевых счёта';
  return 'лицевых счетов';
}

/** Validates the period and records a running run; does not bill (see `runBilling`). */
export async function createBillingRun(input: StartBillingRunInput): Promise<StartBillingRunResult> {
  const { period, startedBy } = input;
  const now = input.now ?? new Date();
  const refusal = await billingPeriodRefusal(period, now);
  if (refusal) return { ok: false, message: refusal };
  if (!input.confirmOpenWindow) {
    const open = await openWindowRefusal(period, now);
    if (open) return { ok: false, message: open };
  }

  await abandonStaleRuns(period);
  try {
    const [row] = await db()
      .insert(billingRuns)
      .values({ period, status: 'running', startedBy, startedAt: now })
      .returning({ id: billingRuns.id });
    return { ok: true, runId: row!.id };
  } catch (error) {
    if (!isUniqueViolation(error, ONE_RUNNING_INDEX)) throw error;
    const [running] = await db()
      .select({ startedAt: billingRuns.startedAt })
      .from(billingRuns)
      .where(eq(billingRuns.period, period))
      .orderBy(desc(billingRuns.startedAt))
      .limit(1);
    const since = running ? ` (запущено ${formatDateTime(running.startedAt)})` : '';
    return {
      ok: false,
      message: `Начисление за ${formatPeriod(period)} уже выполняется${since}. Дождитесь его окончания — повторный запуск начислит только тех, кто остался без счёта.`,
    };
  }
}

/**
 * Bills a running run's period and marks it done or failed. Statements: the tariff check, the chunk
 * plan, one per chunk, the final status — about five for a small utility, ≤ MAX_CHUNKS + 4 for any.
 * Never throws for a billing problem: the run row carries the outcome.
 */
export async function runBilling(runId: string, options: RunBillingOptions = {}): Promise<BillingRunOutcome> {
  const clock = () => (options.now ?? new Date()).toISOString();
  let statements = 0;
  const execute = async <T>(query: Parameters<ReturnType<typeof db>['execute']>[0]): Promise<T[]> => {
    statements += 1;
    return rowsOf<T>(await db().execute(query));
  };

  const [run] = await db()
    .select({ period: billingRuns.period, status: billingRuns.status, startedBy: billingRuns.startedBy })
    .from(billingRuns)
    .where(eq(billingRuns.id, runId));
  statements += 1;
  if (!run) throw new Error(`No billing run ${runId}`);
  if (run.status !== 'running') {
    return {
      status: 'failed',
      accountsTotal: 0,
      billsCreated: 0,
      error: 'Запуск уже завершён.',
      chunks: 0,
      statements,
    };
  }

  let accountsTotal = 0;
  let billsCreated = 0;
  let chunks = 0;
  let error: string | null = null;
  try {
    const gaps = await execute<{ category: TariffCategory; zonePlan: number; zone: TariffZone; hasRates: boolean }>(
      tariffGapsStatement(run.period),
    );
    if (gaps.length > 0) {
      error = tariffGapsMessage(run.period, gaps);
    } else {
      const plan = await execute<{ upTo: string; total: number }>(
        planChunksStatement({
          runId,
          period: run.period,
          chunkSize: Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE)),
          maxChunks: MAX_CHUNKS,
        }),
      );
      accountsTotal = plan[0]?.total ?? 0;
      const skippedNotes: string[] = [];
      let skipped = 0;
      let after = '';
      for (const { upTo } of plan) {
        const scope = { after, upTo };
        const result = await db().transaction((tx) =>
          billChunk(tx, { runId, period: run.period, scope, at: clock(), startedBy: run.startedBy }),
        );
        statements += CHUNK_STATEMENTS;
        chunks += 1;
        billsCreated += result?.bills ?? 0;
        skipped += result?.skipped ?? 0;
        if (result?.skippedNotes) skippedNotes.push(result.skippedNotes);
        after = upTo;
      }
      if (skipped > 0) {
        error =
          `Не начислено по ${skipped} л/с — исправьте и запустите начисление за ${formatPeriod(run.period)} повторно ` +
          `(будут начислены только они): ${skippedNotes.join('; ')}.`;
      }
    }
  } catch (e) {
    error = `Начисление прервано ошибкой: ${rootMessage(e)}. Уже выставленные счета сохранены; повторный запуск продолжит с оставшихся л/с.`;
  }

  const status = error ? 'failed' : 'done';
  await db()
    .update(billingRuns)
    .set({ status, error: error?.slice(0, 4000) ?? null, finishedAt: new Date(clock()), billsCreated, accountsTotal })
    .where(eq(billingRuns.id, runId));
  statements += 1;
  return { status, accountsTotal, billsCreated, error, chunks, statements };
}

/**
 * Validates, claims the period and bills it; returns when the run has finished. A caller that wants
 * to answer at once uses `createBillingRun` and queues `runBilling` on the job queue (lib/jobs/billing-run.ts).
 */
export async function startBillingRun(input: StartBillingRunInput): Promise<StartBillingRunResult> {
  const created = await createBillingRun(input);
  if (!created.ok) return created;
  const outcome = await runBilling(created.runId, { now: input.now, chunkSize: input.chunkSize });
  if (outcome.status === 'failed')
    return { ok: false, message: outcome.error ?? 'Начисление не выполнено.', runId: created.runId };
  return created;
}

function viewOf(row: {
  id: string;
  period: string;
  status: BillingRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  startedById: string | null;
  startedByName: string | null;
  accountsTotal: number | null;
  billsCreated: number | null;
  error: string | null;
}): BillingRunView {
  const { startedById, startedByName, ...rest } = row;
  const total = row.accountsTotal;
  const progress =
    row.status === 'done' || total === 0 ? 1 : total === null ? 0 : Math.min(1, (row.billsCreated ?? 0) / total);
  return {
    ...rest,
    startedBy: startedById && startedByName ? { id: startedById, fullName: startedByName } : null,
    progress,
  };
}

const runColumns = {
  id: billingRuns.id,
  period: billingRuns.period,
  status: billingRuns.status,
  startedAt: billingRuns.startedAt,
  finishedAt: billingRuns.finishedAt,
  startedById: billingRuns.startedBy,
  startedByName: users.fullName,
  accountsTotal: billingRuns.accountsTotal,
  billsCreated: billingRuns.billsCreated,
  error: billingRuns.error,
};

/** One run, for polling while it runs; null when there is no such run. */
export async function billingRunStatus(runId: string): Promise<BillingRunView | null> {
  const [row] = await db()
    .select(runColumns)
    .from(billingRuns)
    .leftJoin(users, eq(users.id, billingRuns.startedBy))
    .where(eq(billingRuns.id, runId));
  return row ? viewOf(row) : null;
}

/** The latest runs, newest first. */
export async function listBillingRuns(limit = 20): Promise<BillingRunView[]> {
  const rows = await db()
    .select(runColumns)
    .from(billingRuns)
    .leftJoin(users, eq(users.id, billingRuns.startedBy))
    .orderBy(desc(billingRuns.startedAt), desc(billingRuns.period))
    .limit(Math.max(1, Math.min(200, Math.floor(limit))));
  return rows.map(viewOf);
}

/** The staff message for missing or incomplete tariffs of the period (also shown before a run). */
export function tariffGapsMessage(
  period: string,
  gaps: { category: TariffCategory; zonePlan: number; zone: TariffZone; hasRates: boolean }[],
): string {
  const list = gaps
    .map(
      (g) =>
        `${categoryLabels[g.category]}, ${zonePlanLabels[g.zonePlan as ZonePlan].toLowerCase()}, ${zoneShortLabels[g.zone].toLowerCase()}` +
        (g.hasRates ? ' (диапазоны объёма не покрывают весь объём)' : ''),
    )
    .join('; ');
  return `Нет действующего на ${formatDate(period)} тарифа: ${list}. Заведите тариф и запустите начисление снова.`;
}

/** The database's own message: drizzle wraps it in «Failed query: <the whole statement>» with the original as `cause`. */
function rootMessage(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e instanceof Error && e.cause instanceof Error; depth++) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}
