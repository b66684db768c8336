import 'server-only';
import { remember } from '@/db/remember';
import { deliverDueEmails } from '@/lib/email/deliver';
import { pruneSessions } from '@/lib/auth/sessions';
import { env } from '@/lib/config/env';
import { purgeDeliveredEmails } from '@/lib/email/retention';
import { configuredOrigin } from '@/lib/http/app-url';
import { describeError, log } from '@/lib/log';
import { pruneRateLimits } from '@/lib/security/rate-limit';
import { sendReadingReminders } from './reading-reminders';

const INTERVAL_MS = 30_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const REMINDER_EVERY_MS = 10 * 60_000;
let lastReminderRun = 0;

/** The reminder query scans every subscriber, so it runs every ten minutes, not every tick. */
async function remindersIfDue(): Promise<void> {
  if (Date.now() - lastReminderRun < REMINDER_EVERY_MS) return;
  lastReminderRun = Date.now();
  await sendReadingReminders({ origin: configuredOrigin() });
}

const PRUNE_EVERY_MS = 60 * 60_000;
let lastPruneRun = 0;

/** Housekeeping of old rows: expired rate-limit windows every tick, delivered letters hourly. */
async function pruning(): Promise<void> {
  await pruneRateLimits(new Date(Date.now() - DAY_MS));
  if (Date.now() - lastPruneRun < PRUNE_EVERY_MS) return;
  lastPruneRun = Date.now();
  const purged = await purgeDeliveredEmails();
  if (purged > 0) log.info({ purged }, 'email.retention_purged');
}

const jobs: [name: string, run: () => Promise<unknown>][] = [
  ['e-mail delivery', () => deliverDueEmails()],
  ['pruning', pruning],
  ['ended sessions', () => pruneSessions()],
  ['reading reminders', remindersIfDue],
];

async function tick(): Promise<void> {
  // One failing job (or a database hiccup) must not stop the others or the timer.
  await Promise.all(
    jobs.map(([name, run]) =>
      run().catch((error: unknown) => log.error({ job: name, error: describeError(error) }, 'jobs.failed')),
    ),
  );
}

/** Periodic work of this instance: e-mail retries and housekeeping. Safe to call more than once. */
export function startBackgroundJobs(): void {
  // BACKGROUND_JOBS=off: an instance that only serves requests (another one runs the jobs; the benchmark).
  if (env().BACKGROUND_JOBS === 'off') return;
  // Timers never overlap a slow tick's e-mail run: deliverDueEmails joins the run in progress.
  // The timer alone must not keep a process (a script, a test) alive.
  remember('__energoJobsTimer', () => setInterval(() => void tick(), INTERVAL_MS).unref());
}
