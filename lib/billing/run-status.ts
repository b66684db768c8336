// A billing run as the staff page's progress panel polls it: plain JSON with the Moscow-time labels
// already made, so the client component only renders.
import 'server-only';
import { formatDateTime, formatPeriod } from '@/lib/format/dates';
import { formatRunDuration } from './periods';
import { billingRunStatus, type BillingRunStatus, type BillingRunView } from './run';
import { isUuid } from '@/lib/validation/ids';

export interface BillingRunJson {
  id: string;
  period: string;
  periodLabel: string;
  status: BillingRunStatus;
  statusLabel: string;
  /** ISO instants. */
  startedAt: string;
  finishedAt: string | null;
  /** «25.11.2026, 13:50» in Moscow. */
  startedAtLabel: string;
  /** How long it took, or has been running so far. */
  durationLabel: string;
  startedBy: string | null;
  accountsTotal: number | null;
  billsCreated: number | null;
  /** 0…1 */
  progress: number;
  error: string | null;
}

export const runStatusLabels: Record<BillingRunStatus, string> = {
  running: 'выполняется',
  done: 'завершено',
  failed: 'с ошибкой',
};

export function billingRunJson(run: BillingRunView, now: Date = new Date()): BillingRunJson {
  return {
    id: run.id,
    period: run.period,
    periodLabel: formatPeriod(run.period),
    status: run.status,
    statusLabel: runStatusLabels[run.status],
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    startedAtLabel: formatDateTime(run.startedAt),
    durationLabel: formatRunDuration((run.finishedAt ?? now).getTime() - run.startedAt.getTime()),
    startedBy: run.startedBy?.fullName ?? null,
    accountsTotal: run.accountsTotal,
    billsCreated: run.billsCreated,
    progress: run.progress,
    error: run.error,
  };
}

/** The run's progress, or null for an id that is malformed or names no run. */
export async function billingRunJsonById(runId: string): Promise<BillingRunJson | null> {
  if (!isUuid(runId)) return null;
  const run = await billingRunStatus(runId);
  return run && billingRunJson(run);
}
