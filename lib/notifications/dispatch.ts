import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import type { NotificationChannel, NotificationEvent } from '@/db/enums';
import { notifications, pushSubscriptions, users, utilityProfile } from '@/db/schema';
import { enqueueEmails, kickEmailDelivery } from '@/lib/email/outbox';
import type { RenderedEmail } from '@/lib/email/templates';
import { smsAvailable } from '@/lib/sms/transport';
import { channelsFor } from './preferences';
import { pushAvailable } from './push';
import { kickPushDelivery } from './push-delivery';
import { afterQuietHours } from './quiet-hours';
import { kickSmsDelivery } from './sms-delivery';

export interface Recipient {
  id: string;
  email: string;
  fullName: string;
  phone: string | null;
}

export interface NotificationContent {
  /** The centre's line for an SMS-only notification (an e-mail's is its subject). */
  title?: string;
  /** Absent when the caller sends its own letter (`channels: ['sms']`). */
  email?: RenderedEmail;
  /** A mailing letter's List-Unsubscribe headers. */
  emailHeaders?: Record<string, string>;
  /** The SMS text: short, no links that need a session. Also the push notification's text. */
  sms: string;
}

export interface NotifyOptions {
  /** What the event is about (an outage's id, a news item's id): with the event, recipient and channel, the dedupe key. */
  key: string;
  /** Emergency outages: SMS and push go out at night too. */
  urgent?: boolean;
  now?: Date;
  /**
   * Only these channels: a sender whose letter has its own template and dedupe key (a payment's
   * receipt, a service request's step) adds the SMS through here and keeps its e-mail.
   */
  channels?: readonly NotificationChannel[];
  render: (recipient: Recipient, utilityName: string) => NotificationContent;
}

export interface NotifyResult {
  email: number;
  sms: number;
  push: number;
}

/** The key that makes a second notify() of the same thing (a retried job, a re-publication) a no-op. */
function notificationKey(event: NotificationEvent, key: string, userId: string, channel: NotificationChannel) {
  return `${event}:${key}:${userId}:${channel}`;
}

/**
 * Tells these users about an event on the channels each has switched on, inside the caller's
 * transaction: a notification row per recipient and channel (the notification centre's record),
 * the e-mail queued in the outbox, the SMS due at once or after quiet hours. Nothing is queued
 * twice for the same event, key, recipient and channel. Call `kickNotifications()` after the commit.
 */
export async function notify(
  tx: Tx,
  event: NotificationEvent,
  userIds: readonly string[],
  options: NotifyOptions,
): Promise<NotifyResult> {
  const result: NotifyResult = { email: 0, sms: 0, push: 0 };
  if (userIds.length === 0) return result;
  const now = options.now ?? new Date();
  const people = await tx
    .select({ id: users.id, email: users.email, fullName: users.fullName, phone: users.phone })
    .from(users)
    .where(and(inArray(users.id, [...new Set(userIds)]), eq(users.status, 'active')));
  if (people.length === 0) return result;
  const [profile] = await tx
    .select({ shortName: utilityProfile.shortName })
    .from(utilityProfile)
    .where(eq(utilityProfile.id, 1));
  const utilityName = profile?.shortName ?? 'Энергокабинет';
  const wanted = await channelsFor(
    tx,
    people.map((p) => p.id),
    event,
  );
  const smsAt = options.urgent ? now : afterQuietHours(now);
  const sms = smsAvailable();
  // Push goes to users with a subscription (the installed app); the rest would get a row that reaches nobody.
  const subscribed = pushAvailable()
    ? new Set(
        (
          await tx
            .selectDistinct({ userId: pushSubscriptions.userId })
            .from(pushSubscriptions)
            .where(
              inArray(
                pushSubscriptions.userId,
                people.map((p) => p.id),
              ),
            )
        ).map((r) => r.userId),
      )
    : new Set<string>();

  const rows: (typeof notifications.$inferInsert)[] = [];
  const letters = new Map<string, NotificationContent>();
  for (const person of people) {
    const channels = (wanted.get(person.id) ?? []).filter((c) => !options.channels || options.channels.includes(c));
    if (channels.length === 0) continue;
    const content = options.render(person, utilityName);
    const base = { userId: person.id, event, createdAt: now };
    const subject = content.email?.subject ?? content.title ?? content.sms;
    if (channels.includes('email') && content.email) {
      const dedupeKey = notificationKey(event, options.key, person.id, 'email');
      letters.set(dedupeKey, content);
      rows.push({
        ...base,
        channel: 'email',
        dedupeKey,
        address: person.email,
        subject,
        body: content.email.text,
        nextAttemptAt: now,
      });
    }
    if (channels.includes('sms') && sms && person.phone) {
      rows.push({
        ...base,
        channel: 'sms',
        dedupeKey: notificationKey(event, options.key, person.id, 'sms'),
        address: person.phone,
        subject,
        body: content.sms,
        nextAttemptAt: smsAt,
      });
    }
    if (channels.includes('push') && subscribed.has(person.id)) {
      rows.push({
        ...base,
        channel: 'push',
        dedupeKey: notificationKey(event, options.key, person.id, 'push'),
        address: 'push',
        subject: content.title ?? content.email?.subject ?? content.sms,
        body: content.sms,
        // The same quiet hours as SMS: a phone that lights up at night is as unwelcome.
        nextAttemptAt: smsAt,
      });
    }
  }
  if (rows.length === 0) return result;
  const created = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id, channel: notifications.channel, dedupeKey: notifications.dedupeKey });
  const emails = created.filter((row) => row.channel === 'email');
  await enqueueEmails(
    tx,
    emails.map((row) => {
      const content = letters.get(row.dedupeKey)!;
      const address = rows.find((r) => r.dedupeKey === row.dedupeKey)!.address;
      return { to: address, dedupeKey: `notification:${row.id}`, headers: content.emailHeaders, ...content.email! };
    }),
  );
  result.email = emails.length;
  result.sms = created.filter((row) => row.channel === 'sms').length;
  result.push = created.filter((row) => row.channel === 'push').length;
  return result;
}

/** After the commit of a notify(): start the e-mail, SMS and push senders now rather than at their next run. */
export function kickNotifications(): void {
  kickEmailDelivery();
  kickSmsDelivery();
  kickPushDelivery();
}
