import 'server-only';
import type PgBoss from 'pg-boss';
import { deliverDueEmails } from '@/lib/email/deliver';
import { configuredOrigin } from '@/lib/http/app-url';
import { BILLING_RUN_QUEUE, billQueuedRun, requeueStalledRuns } from './billing-run';
import { expireAbandonedPayments } from '@/lib/payments/expiry';
import { AUTOPAY_QUEUE, runAutopay } from '@/lib/payments/autopay-run';
import { mailDueNews } from '@/lib/notifications/news-mailing';
import { deliverDueSms } from '@/lib/notifications/sms-delivery';
import { deliverDuePush } from '@/lib/notifications/push-delivery';
import { BILL_NOTICES_QUEUE, billNoticesJob, type BillNoticesJob } from '@/lib/notifications/bill-notices';
import { notifyReadingWindowOpened } from '@/lib/notifications/window-notices';
import { pruneOldRows } from './housekeeping';
import { pollPendingRefunds } from './refund-polling';
import { describeError, log } from '@/lib/log';
import { sendReadingReminders } from './reading-reminders';

export interface JobDefinition {
  /** The pg-boss queue. */
  name: string;
  /** What staff read at /admin/jobs. */
  label: string;
  /** Retries, back-off, expiry and the queue's policy (`singleton`: one job active at a time on all instances). */
  queue: Omit<PgBoss.Queue, 'name'>;
  /** Five-field cron in Moscow time; pg-boss keeps one schedule per queue, whichever instances run. */
  cron?: string;
  /** The handler: idempotent, since a job may run again after a retry, a crash or a manual «Повторить». */
  run: (data: object, queue: PgBoss) => Promise<unknown>;
}

export const SCHEDULE_TIME_ZONE = 'Europe/Moscow';

/**
 * Every queue of the portal. A handler that throws is retried with exponential back-off; after its
 * last retry the job is kept as failed, with the error, for staff to see and retry.
 */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [
  {
    name: 'email-delivery',
    label: 'Отправка писем',
    // Each letter has its own attempts and back-off in the outbox; this job's retries cover a run
    // that failed as a whole (the database away).
    queue: { policy: 'singleton', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
    cron: '* * * * *',
    run: () => deliverDueEmails(),
  },
  {
    name: 'sms-delivery',
    label: 'Отправка СМС',
    // Each SMS has its own attempts and back-off in its notification row, like the e-mail outbox.
    queue: { policy: 'singleton', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
    cron: '* * * * *',
    run: () => deliverDueSms(),
  },
  {
    name: 'push-delivery',
    label: 'Отправка push-уведомлений',
    // Each push has its own attempts and back-off in its notification row, like SMS.
    queue: { policy: 'singleton', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 },
    cron: '* * * * *',
    run: () => deliverDuePush(),
  },
  {
    name: 'news-mailing',
    label: 'Рассылка новостей',
    queue: { policy: 'singleton', retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
    // Scheduled news go out within five minutes of their publication time; news published at once
    // are mailed with their save.
    cron: '*/5 * * * *',
    run: () => mailDueNews(),
  },
  {
    name: 'reading-reminders',
    label: 'Напоминания о показаниях',
    queue: { policy: 'singleton', retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
    // Mornings and afternoons: a subscriber is told once per period (the outbox's dedupe key), the
    // second run only catches the window's first due day if the morning one failed.
    cron: '0 10,15 * * *',
    run: () => sendReadingReminders({ origin: configuredOrigin() }),
  },
  {
    name: 'pruning',
    label: 'Очистка устаревших записей',
    queue: { policy: 'singleton', retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 30 * 60 },
    cron: '17 * * * *',
    run: () => pruneOldRows(),
  },
  {
    name: 'payment-expiry',
    label: 'Истечение неоплаченных платежей',
    queue: { policy: 'singleton', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
    cron: '*/5 * * * *',
    run: () => expireAbandonedPayments(),
  },
  {
    name: 'refund-polling',
    label: 'Состояние возвратов',
    queue: { policy: 'singleton', retryLimit: 3, retryDelay: 120, retryBackoff: true, expireInSeconds: 10 * 60 },
    // Robokassa settles a refund within minutes to days; every quarter of an hour is soon enough.
    cron: '*/15 * * * *',
    run: () => pollPendingRefunds(),
  },
  {
    name: BILLING_RUN_QUEUE,
    label: 'Начисление за период',
    // Long: a large utility's run takes minutes; a dead worker is found sooner by the watchdog below.
    queue: { policy: 'stately', retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 4 * 60 * 60 },
    run: async (data, queue) => {
      const outcome = await billQueuedRun(data);
      // Every time, a finished run's repeat too: the notices of a period are sent once whatever
      // asks for them, and a run resumed after a crash is the one that gets them out.
      await queue.send(BILL_NOTICES_QUEUE, { period: outcome.period } satisfies BillNoticesJob, {
        singletonKey: outcome.period,
      });
      // Bills just issued are announced to autopay at once rather than at its next run: only a nudge,
      // the billing has succeeded whatever it says, and autopay's schedule comes anyway.
      await queue.send(AUTOPAY_QUEUE, {}).catch((error: unknown) => {
        log.warn({ error: describeError(error) }, 'autopay.kick_failed');
      });
      return outcome;
    },
  },
  {
    name: BILL_NOTICES_QUEUE,
    label: 'Уведомления о счетах',
    queue: { policy: 'standard', retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 60 * 60 },
    run: (data) => billNoticesJob(data),
  },
  {
    name: 'reading-window-notices',
    label: 'Уведомления об открытии приёма показаний',
    queue: { policy: 'singleton', retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
    // A morning in Moscow, outside quiet hours, so SMS go out at once.
    cron: '0 9 * * *',
    run: () => notifyReadingWindowOpened(),
  },
  {
    name: AUTOPAY_QUEUE,
    label: 'Автоплатежи',
    // No retries: a charge is claimed before its gateway call and ends charged or failed, never
    // tried again; a run that failed as a whole (the database away) is simply the next one.
    queue: { policy: 'singleton', retryLimit: 0, expireInSeconds: 15 * 60 },
    cron: '*/5 * * * *',
    run: () => runAutopay(),
  },
  {
    name: 'billing-watchdog',
    label: 'Присмотр за начислениями',
    queue: { policy: 'singleton', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
    cron: '*/5 * * * *',
    run: (_data, queue) => requeueStalledRuns(queue),
  },
];

export function jobDefinition(name: string): JobDefinition | undefined {
  return JOB_DEFINITIONS.find((d) => d.name === name);
}
