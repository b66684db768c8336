import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { Resend } from 'resend';
import { z } from 'zod';
import { db } from '@/db/client';
import { accountUsers, users } from '@/db/schema';
import { env } from '@/lib/config/env';
import { kickEmailDelivery } from '@/lib/email/outbox';
import { queueLetter } from '@/lib/email/queue-letter';
import { renderReadingsReply } from '@/lib/email/templates';
import { configuredOrigin } from '@/lib/http/app-url';
import { readingWindowOf } from '@/lib/readings/settings';
import { readingWindowStatus, shiftPeriod } from '@/lib/readings/window';
import { bareAddress, inboundEmailSecret, readReplyAddress } from './config';
import { alreadyReceived, recordInbound } from './record';
import { readingsFromReply } from './reply-readings';
import { verifySvixSignature } from './svix-signature';
import type { InboundAnswer } from './webhook-endpoint';

// Resend's inbound mail (the `email.received` webhook, signed the Svix way): a subscriber's reply
// to a reading reminder. Resend's delivery carries the envelope, not the body; the body is read
// from Resend's Received-emails API by the message id. A delivery that already carries `text`
// (the demo mailbox's own, signed like Resend's) is read as it is.

const receivedEmail = z.object({
  type: z.string(),
  data: z
    .object({
      email_id: z.string().min(1).max(200),
      from: z.string().max(400),
      to: z.array(z.string().max(400)).max(50),
      subject: z.string().max(1000).optional(),
      text: z.string().max(100_000).nullable().optional(),
    })
    .optional(),
});

async function textFromResend(emailId: string): Promise<string> {
  const key = env().RESEND_API_KEY;
  if (!key) return '';
  const { data, error } = await new Resend(key).emails.receiving.get(emailId);
  // Thrown: the webhook answers 503 and Resend delivers it again later.
  if (error) throw new Error(`Resend: ${error.name}: ${error.message}`);
  return data.text ?? '';
}

const readingsLink = () => `${configuredOrigin()}/fiz/readings`;

/** Who the sender is and which account the reply is for, or why not (told to the sender politely). */
async function replyTarget(sender: string, to: readonly string[], now: Date) {
  const target = readReplyAddress(to);
  if (!target) return { ok: false as const, outcome: 'unknown_address' };
  const window = readingWindowStatus(now, await readingWindowOf(db()));
  // A letter from months ago: its address no longer takes readings.
  if (target.period < shiftPeriod(window.period, -1)) return { ok: false as const, outcome: 'stale_address' };
  const [user] = await db()
    .select({ id: users.id })
    .from(users)
    .innerJoin(accountUsers, and(eq(accountUsers.userId, users.id), eq(accountUsers.accountId, target.accountId)))
    .where(and(sql`lower(${users.email}) = ${sender}`, eq(users.status, 'active'), eq(users.role, 'subscriber')));
  if (!user) return { ok: false as const, outcome: 'unknown_sender' };
  return { ok: true as const, userId: user.id, accountId: target.accountId };
}

const REFUSALS: Record<string, string> = {
  unknown_address:
    'Мы не нашли, к какому лицевому счёту относится это письмо. Показания принимаются ответом на письмо-напоминание или в личном кабинете.',
  stale_address:
    'Это письмо-напоминание уже устарело. Ответьте на последнее напоминание или передайте показания в личном кабинете.',
  unknown_sender:
    'Показания ответом на письмо принимаем только с адреса электронной почты, указанного в личном кабинете этого лицевого счёта. Передайте их в личном кабинете или ответьте с этого адреса.',
};

export async function receiveInboundEmail(
  body: string,
  headers: Headers,
  options: { now?: Date } = {},
): Promise<InboundAnswer> {
  const now = options.now ?? new Date();
  const secret = inboundEmailSecret();
  const signed = {
    id: headers.get('svix-id'),
    timestamp: headers.get('svix-timestamp'),
    signature: headers.get('svix-signature'),
  };
  if (!secret || !verifySvixSignature(secret, signed, body, now))
    return { status: 401, body: 'Подпись запроса не подошла' };
  let event: z.output<typeof receivedEmail>;
  try {
    event = receivedEmail.parse(JSON.parse(body));
  } catch {
    return { status: 400, body: 'malformed' };
  }
  // Other events of the same endpoint (delivery reports) are not ours to act on.
  if (event.type !== 'email.received' || !event.data) return { status: 200, body: 'ignored' };
  const { data } = event;
  if (await alreadyReceived('email', data.email_id)) return { status: 200, body: 'duplicate' };

  const sender = bareAddress(data.from);
  const target = await replyTarget(sender, data.to, now);
  let accepted = false;
  let answer: string;
  if (target.ok) {
    const text = data.text ?? (await textFromResend(data.email_id));
    const result = await readingsFromReply({ userId: target.userId, accountId: target.accountId, text, now });
    accepted = result.accepted;
    answer = result.answer;
  } else {
    answer = REFUSALS[target.outcome]!;
  }
  const recorded = await recordInbound(
    {
      channel: 'email',
      providerMessageId: data.email_id,
      sender,
      userId: target.ok ? target.userId : null,
      accountId: target.ok ? target.accountId : null,
      outcome: target.ok ? (accepted ? 'readings_accepted' : 'readings_refused') : target.outcome,
      createdAt: now,
    },
    (tx) =>
      queueLetter(
        tx,
        sender,
        (utilityName) => renderReadingsReply({ utilityName, accepted, answer, link: readingsLink() }),
        `inbound-reply:email:${data.email_id}`,
      ),
  );
  if (recorded) kickEmailDelivery();
  return { status: 200, body: recorded ? 'ok' : 'duplicate' };
}
