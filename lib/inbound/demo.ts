import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { getMailboxMessage } from '@/lib/email/mailbox';
import { configuredOrigin } from '@/lib/http/app-url';
import { sendReadingReminders } from '@/lib/jobs/reading-reminders';
import { inboundEmailSecret, smsCallbackKey } from './config';
import { receiveInboundEmail } from './email';
import { receiveSmsCallback } from './sms';
import { smsRuCallbackBody } from './smsru-callback';
import { svixHeaders } from './svix-signature';

// The development mailbox plays the providers: a reply to a letter becomes the delivery Resend
// would post (signed with the demo secret, the body inside), an SMS the callback SMS.ru would post.
// Both go through the same verification and handling as the real webhooks. Demo mode only (the
// caller checks that the development mailbox is on).

export async function replyToLetter(letterId: string, text: string): Promise<ActionResult> {
  const letter = await getMailboxMessage(letterId);
  const replyTo = letter?.headers?.['Reply-To'];
  const secret = inboundEmailSecret();
  if (!letter || !replyTo || !secret) return fail('На это письмо нельзя ответить');
  const emailId = `demo-${randomUUID()}`;
  const body = JSON.stringify({
    type: 'email.received',
    created_at: new Date().toISOString(),
    data: { email_id: emailId, from: letter.toAddress, to: [replyTo], subject: `Re: ${letter.subject}`, text },
  });
  const answer = await receiveInboundEmail(body, new Headers(svixHeaders(secret, `msg_${emailId}`, body)));
  if (answer.status !== 200) return fail('Ответ не принят приложением');
  return succeed({ message: 'Ответ отправлен. Письмо с результатом — в ящике.' });
}

export async function sendSmsToApp(phone: string, text: string): Promise<ActionResult> {
  const key = smsCallbackKey();
  if (!key) return fail('Приём СМС не настроен');
  const from = phone.replace(/\D/g, '').replace(/^8/, '7');
  const body = smsRuCallbackBody(key, [{ id: `demo-${randomUUID()}`, from, text, at: new Date() }]);
  const answer = await receiveSmsCallback(body);
  if (answer.status !== 200) return fail('СМС не принято приложением');
  return succeed({ message: 'СМС отправлено. Ответное СМС — в списке ниже.' });
}

export async function sendReminderNow(email: string): Promise<ActionResult> {
  const [user] = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, eq(users.role, 'subscriber')));
  if (!user) return fail('Абонент с таким адресом не найден', { email: 'Абонент с таким адресом не найден' });
  const queued = await sendReadingReminders({ origin: configuredOrigin(), demo: { userIds: [user.id] } });
  return succeed({
    message: queued
      ? 'Напоминание отправлено.'
      : 'Напоминание за этот период уже было (или отключено в профиле) — оно в ящике.',
  });
}
