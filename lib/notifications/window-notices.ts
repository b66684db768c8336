import 'server-only';
import { and, eq, exists } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, meters } from '@/db/schema';
import { renderReadingsWindowOpens } from '@/lib/email/templates';
import { formatDate, formatPeriod, moscowDay } from '@/lib/format/dates';
import { configuredOrigin } from '@/lib/http/app-url';
import { readingWindowOf } from '@/lib/readings/settings';
import { readingWindowStatus, reminderDueDate } from '@/lib/readings/window';
import { kickNotifications, notify } from './dispatch';
import { peopleByAccount } from './recipients';

const CHUNK = 200;

/**
 * While the month's reading window is open and its closing reminder is not yet due: the people of
 * every active account with an active meter are told that readings are taken, once per account and
 * period (the notifications' unique dedupe key), so the daily job may run again and again, and a day
 * it missed is caught up the next. From the reminder's day on, the reminder says it instead.
 */
export async function notifyReadingWindowOpened(options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const window = await readingWindowOf(db());
  const status = readingWindowStatus(now, window);
  if (!status.open || moscowDay(now) >= reminderDueDate(status.period, window)) return 0;
  const metered = await db()
    .select({ id: accounts.id, number: accounts.number, kind: accounts.kind })
    .from(accounts)
    .where(
      and(
        eq(accounts.status, 'active'),
        exists(
          db()
            .select({ id: meters.id })
            .from(meters)
            .where(and(eq(meters.accountId, accounts.id), eq(meters.status, 'active'))),
        ),
      ),
    )
    .orderBy(accounts.number);
  const periodLabel = formatPeriod(status.period);
  const closesOn = formatDate(status.closesOn);
  const origin = configuredOrigin();
  let queued = 0;
  for (let i = 0; i < metered.length; i += CHUNK) {
    const chunk = metered.slice(i, i + CHUNK);
    await db().transaction(async (tx) => {
      const people = await peopleByAccount(
        tx,
        chunk.map((a) => a.id),
      );
      for (const account of chunk) {
        const sent = await notify(tx, 'readings_window_opens', people.get(account.id) ?? [], {
          key: `${account.id}:${status.period}`,
          now,
          render: (person, utilityName) => ({
            email: renderReadingsWindowOpens({
              utilityName,
              fullName: person.fullName,
              accountNumber: account.number,
              periodLabel,
              closesOn,
              link: `${origin}/${account.kind === 'company' ? 'lk' : 'fiz'}/readings`,
            }),
            sms: `${utilityName}: открыт приём показаний за ${periodLabel} по л/с ${account.number}, до ${closesOn}.`,
          }),
        });
        queued += sent.email + sent.sms + sent.push;
      }
    });
  }
  if (queued > 0) kickNotifications();
  return queued;
}
