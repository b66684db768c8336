import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, accountUsers, meters, readings, users, utilityProfile } from '@/db/schema';
import { enqueueEmails } from '@/lib/email/outbox';
import { kickNotifications, notify } from '@/lib/notifications/dispatch';
import { renderReadingReminder } from '@/lib/email/templates';
import { formatLongDate, formatPeriod, moscowDay } from '@/lib/format/dates';
import { readingReplyAddress } from '@/lib/inbound/config';
import { readingWindowOf } from '@/lib/readings/settings';
import { readingWindowStatus, reminderDueDate } from '@/lib/readings/window';

const BATCH = 500;

/**
 * From two days before the window closes until it closes: one letter per subscriber who asked
 * for reminders and still has an active meter without an accepted reading for the period. The
 * dedupe key (user + period) makes every run after the first a no-op for those already told, so
 * the job may run every few minutes on every instance.
 */
export async function sendReadingReminders(options: {
  now?: Date;
  origin: string;
  /** The development mailbox's «send me a reminder»: these users only, on any day, readings or not. */
  demo?: { userIds: string[] };
}): Promise<number> {
  const now = options.now ?? new Date();
  const window = await readingWindowOf(db());
  const status = readingWindowStatus(now, window);
  const notYet = !status.open || moscowDay(now) < reminderDueDate(status.period, window);
  if (!options.demo && notYet) return 0;

  const recipients = await db()
    .select({
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      emailOn: users.notifyReadingReminders,
      accountNumbers: sql<string[]>`array_agg(distinct ${accounts.number} order by ${accounts.number})`,
      accountIds: sql<string[]>`array_agg(distinct ${accounts.id}::text)`,
    })
    .from(users)
    .innerJoin(accountUsers, eq(accountUsers.userId, users.id))
    .innerJoin(accounts, and(eq(accounts.id, accountUsers.accountId), eq(accounts.status, 'active')))
    .innerJoin(meters, and(eq(meters.accountId, accounts.id), eq(meters.status, 'active')))
    .where(
      and(
        eq(users.role, 'subscriber'),
        eq(users.status, 'active'),
        // The demo's letter is for trying a reply: it goes even when the period has readings.
        options.demo
          ? inArray(users.id, options.demo.userIds)
          : sql`not exists (select 1 from ${readings} where ${readings.meterId} = ${meters.id} and ${readings.period} = ${status.period} and ${readings.status} = 'accepted')`,
      ),
    )
    .groupBy(users.id, users.email, users.fullName, users.notifyReadingReminders);
  if (recipients.length === 0) return 0;

  const [profile] = await db()
    .select({ shortName: utilityProfile.shortName })
    .from(utilityProfile)
    .where(eq(utilityProfile.id, 1));
  const closesOn = formatLongDate(new Date(`${status.closesOn}T12:00:00+03:00`));
  const periodLabel = formatPeriod(status.period);
  let queued = 0;
  const byEmail = recipients.filter((u) => u.emailOn);
  for (let i = 0; i < byEmail.length; i += BATCH) {
    queued += await enqueueEmails(
      db(),
      byEmail.slice(i, i + BATCH).map((u) => {
        // The reply address names one account: a letter about several has none (the cabinet decides).
        const replyTo = u.accountIds.length === 1 ? readingReplyAddress(u.accountIds[0]!, status.period) : null;
        return {
          to: u.email,
          dedupeKey: `reading-reminder:${u.userId}:${status.period}`,
          headers: replyTo ? { 'Reply-To': replyTo } : undefined,
          ...renderReadingReminder({
            utilityName: profile?.shortName ?? 'Энергокабинет',
            fullName: u.fullName,
            accountNumbers: u.accountNumbers,
            periodLabel,
            closesOn,
            link: `${options.origin}/fiz/readings`,
            profileLink: `${options.origin}/fiz/profile`,
            replyTo,
          }),
        };
      }),
    );
  }
  // The letter above is the e-mail (its own switch); the SMS, for those who asked, through the
  // dispatcher: its key (the period) makes a second run a no-op too.
  let texted = 0;
  for (let i = 0; i < recipients.length; i += BATCH) {
    const batch = recipients.slice(i, i + BATCH);
    const result = await db().transaction((tx) =>
      notify(
        tx,
        'readings_window_closes',
        batch.map((u) => u.userId),
        {
          key: status.period,
          channels: ['sms'],
          now,
          render: (_person, utilityName) => ({
            title: `Передайте показания за ${periodLabel}`,
            sms: `${utilityName}: передайте показания за ${periodLabel} до ${closesOn} в личном кабинете.`,
          }),
        },
      ),
    );
    texted += result.sms;
  }
  if (queued > 0 || texted > 0) kickNotifications();
  return queued;
}
