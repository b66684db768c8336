import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, accountUsers, meters, readings, users, utilityProfile } from '@/db/schema';
import { enqueueEmails, kickEmailDelivery } from '@/lib/email/outbox';
import { renderReadingReminder } from '@/lib/email/templates';
import { formatLongDate, formatPeriod, moscowDay } from '@/lib/format/dates';
import { readingWindowOf } from '@/lib/readings/settings';
import { readingWindowStatus, reminderDueDate } from '@/lib/readings/window';

const BATCH = 500;

/**
 * From two days before the window closes until it closes: one letter per subscriber who asked
 * for reminders and still has an active meter without an accepted reading for the period. The
 * dedupe key (user + period) makes every run after the first a no-op for those already told, so
 * the job may run every few minutes on every instance.
 */
export async function sendReadingReminders(options: { now?: Date; origin: string }): Promise<number> {
  const now = options.now ?? new Date();
  const window = await readingWindowOf(db());
  const status = readingWindowStatus(now, window);
  if (!status.open || moscowDay(now) < reminderDueDate(status.period, window)) return 0;

  const due = await db()
    .select({
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      accountNumbers: sql<string[]>`array_agg(distinct ${accounts.number} order by ${accounts.number})`,
    })
    .from(users)
    .innerJoin(accountUsers, eq(accountUsers.userId, users.id))
    .innerJoin(accounts, and(eq(accounts.id, accountUsers.accountId), eq(accounts.status, 'active')))
    .innerJoin(meters, and(eq(meters.accountId, accounts.id), eq(meters.status, 'active')))
    .where(
      and(
        eq(users.role, 'subscriber'),
        eq(users.status, 'active'),
        eq(users.notifyReadingReminders, true),
        sql`not exists (select 1 from ${readings} where ${readings.meterId} = ${meters.id} and ${readings.period} = ${status.period} and ${readings.status} = 'accepted')`,
      ),
    )
    .groupBy(users.id, users.email, users.fullName);
  if (due.length === 0) return 0;

  const [profile] = await db()
    .select({ shortName: utilityProfile.shortName })
    .from(utilityProfile)
    .where(eq(utilityProfile.id, 1));
  const closesOn = formatLongDate(new Date(`${status.closesOn}T12:00:00+03:00`));
  const periodLabel = formatPeriod(status.period);
  let queued = 0;
  for (let i = 0; i < due.length; i += BATCH) {
    queued += await enqueueEmails(
      db(),
      due.slice(i, i + BATCH).map((u) => ({
        to: u.email,
        dedupeKey: `reading-reminder:${u.userId}:${status.period}`,
        ...renderReadingReminder({
          utilityName: profile?.shortName ?? 'Энергокабинет',
          fullName: u.fullName,
          accountNumbers: u.accountNumbers,
          periodLabel,
          closesOn,
          link: `${options.origin}/fiz/readings`,
          profileLink: `${options.origin}/fiz/profile`,
        }),
      })),
    );
  }
  if (queued > 0) kickEmailDelivery();
  return queued;
}
