// A billing run as the staff page's progress panel polls it: plain JSON with the Moscow-time labels
// already made, so the client component only renders; and the status route's answer with its own
// access check (a route handler does not go through the console layout or a page's requireUser).
import 'server-only';
import { rolesByKind } from '@/lib/auth/login-kinds';
import type { SessionUser } from '@/lib/auth/session';
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

export type RunStatusAnswer =
  { status: 200; body: BillingRunJson } | { status: 400 | 401 | 403 | 404; body: { error: string } };

/** GET /admin/billing/runs/[id]: 401 without a session, 403 for anyone but staff, 404 for no such run. */
export async function billingRunStatusAnswer(user: SessionUser | null, runId: string): Promise<RunStatusAnswer> {
  if (!user) return { status: 401, body: { error: 'Войдите как сотрудник, чтобы видеть ход начисления' } };
  // The same rule as canUseDoor(user, 'staff'), without pulling the Auth.js session module in here.
  if (!(rolesByKind.staff as readonly string[]).includes(user.role))
    return { status: 403, body: { error: 'Ход начисления доступен только сотрудникам' } };
  if (!isUuid(runId)) return { status: 404, body: { error: 'Такого запуска начисления нет' } };
  const run = await billingRunStatus(runId);
  if (!run) return { status: 404, body: { error: 'Такого запуска начисления нет' } };
  return { status: 200, body: billingRunJson(run) };
}
