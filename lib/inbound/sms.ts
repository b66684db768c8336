import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { notifications, users } from '@/db/schema';
import { kickSmsDelivery } from '@/lib/notifications/sms-delivery';
import { smsAvailable } from '@/lib/sms/transport';
import { smsCallbackKey } from './config';
import { alreadyReceived, recordInbound } from './record';
import { routeSms } from './sms-commands';
import { readSmsRuCallback } from './smsru-callback';
import type { InboundAnswer } from './webhook-endpoint';

// Incoming SMS from SMS.ru's callback: each message once (by SMS.ru's id), routed by its command
// word, answered by SMS through the SMS outbox (the notifications' SMS rows, sent with retries).

/** The subscriber whose cabinet has this phone; null for none, or for a phone on several cabinets. */
async function userByPhone(digits: string): Promise<string | null> {
  const last10 = digits.slice(-10);
  if (last10.length !== 10) return null;
  const found = await db()
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`right(regexp_replace(coalesce(${users.phone}, ''), '\\D', '', 'g'), 10) = ${last10}`,
        eq(users.status, 'active'),
        eq(users.role, 'subscriber'),
      ),
    )
    .limit(2);
  return found.length === 1 ? found[0]!.id : null;
}

export async function receiveSmsCallback(body: string, options: { now?: Date } = {}): Promise<InboundAnswer> {
  const now = options.now ?? new Date();
  const key = smsCallbackKey();
  const messages = key ? readSmsRuCallback(key, body) : null;
  if (!messages) return { status: 401, body: 'Подпись запроса не подошла' };
  let queued = false;
  for (const message of messages) {
    if (await alreadyReceived('sms', message.id)) continue;
    const phone = `+${message.from}`;
    const userId = await userByPhone(message.from);
    const routed = await routeSms(message.text, { phone, userId }, now);
    const recorded = await recordInbound(
      {
        channel: 'sms',
        providerMessageId: message.id,
        sender: phone,
        userId,
        accountId: routed.accountId ?? null,
        outcome: routed.outcome,
        createdAt: now,
      },
      async (tx) => {
        if (!smsAvailable()) return;
        // The person has just written: the answer goes now, quiet hours or not.
        await tx
          .insert(notifications)
          .values({
            userId,
            event: 'inbound_reply',
            channel: 'sms',
            dedupeKey: `inbound-reply:sms:${message.id}`,
            address: phone,
            subject: 'Ответ на ваше СМС',
            body: routed.answer,
            createdAt: now,
            nextAttemptAt: now,
          })
          .onConflictDoNothing({ target: notifications.dedupeKey });
      },
    );
    queued ||= recorded;
  }
  if (queued) kickSmsDelivery();
  // SMS.ru's «received»: anything else and it delivers the same records again.
  return { status: 200, body: '100' };
}
