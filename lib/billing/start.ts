// Starting a billing run from the staff page: refuse early and clearly what a run could not do (a month
// ahead, missing tariffs, a run of the period in progress), say so when there is nothing new to bill,
// otherwise claim the period and hand the run itself to the job queue (`dispatch`) so the request
// answers at once and the page follows the progress. The unique index on running runs, not these checks, is what
// makes a second concurrent start fail: two clicks that both pass the checks still get one run.
import 'server-only';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { formatDateTime, formatPeriod } from '@/lib/format/dates';
import { audit } from '@/lib/security/audit';
import { billingPeriodOverview } from './overview';
import { createBillingRun } from './run';
import { describeError, log } from '@/lib/log';

export interface StartFromConsoleInput {
  period: string;
  staffId: string;
  ip?: string | null;
  now?: Date;
  /** Staff ticked «начислить до окончания приёма показаний». */
  confirmOpenWindow?: boolean;
}

/** `runId` is null when nothing was started (everything of the period is billed already). */
export type StartFromConsoleResult = ActionResult<{ runId: string | null }>;

/** Hands a claimed run to whoever bills it: the job queue, or the test itself. */
export type BillingDispatch = (run: { runId: string; period: string }) => Promise<void>;

export async function startBillingFromConsole(
  input: StartFromConsoleInput,
  dispatch: BillingDispatch,
): Promise<StartFromConsoleResult> {
  const { period, staffId } = input;
  const now = input.now ?? new Date();
  const overview = await billingPeriodOverview(period, now);
  const name = formatPeriod(period);
  if (overview.refusal) return fail(overview.refusal);
  if (overview.running) {
    return fail(
      `Начисление за ${name} уже выполняется (запущено ${formatDateTime(overview.running.startedAt)}). ` +
        'Дождитесь его окончания — ход показан ниже.',
    );
  }
  if (overview.tariffProblem) return fail(overview.tariffProblem);
  if (overview.billable === 0) {
    if (overview.billsIssued > 0) {
      return succeed({ runId: null, message: `Счета за ${name} уже выставлены: ${overview.billsIssued}, новых нет.` });
    }
    return fail(`За ${name} начислять некому: нет действующих лицевых счетов со счётчиками.`);
  }

  const created = await createBillingRun({
    period,
    startedBy: staffId,
    now,
    confirmOpenWindow: input.confirmOpenWindow === true,
  });
  if (!created.ok) return fail(created.message);
  const { runId } = created;
  await audit({
    action: 'billing.run_started',
    actorUserId: staffId,
    subjectType: 'billing_run',
    subjectId: runId,
    ip: input.ip,
    details: { period, accounts: overview.billable, billsBefore: overview.billsIssued },
  });
  // Should the queue be unreachable the run stays «running» without a job; the watchdog queues it.
  await dispatch({ runId, period }).catch((error: unknown) =>
    log.error({ runId, error: describeError(error) }, 'billing.run_not_queued'),
  );
  return succeed({ runId });
}
