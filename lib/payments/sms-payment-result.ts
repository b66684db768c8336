import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts, notifications, smsPayments, users } from '@/db/schema';
import { formatRub } from '@/lib/format/money';
import { smsAvailable } from '@/lib/sms/transport';

// The SMS that tells how a payment asked for by SMS ended. Apart from the request and the code
// (sms-payment.ts): the notification and the expiry call it, and need nothing else of that flow.

/**
 * The result SMS of a payment made by SMS, queued in the caller's transaction — the one that marks
 * the payment paid (notify.ts) or gives it up (expiry.ts). Sent at once, quiet hours or not: the
 * person is waiting for it. Once per payment and outcome. Returns whether the payment was an SMS
 * payment, so the caller does not send its usual SMS as well.
 */
export async function queueSmsPaymentResult(
  tx: Tx,
  paymentId: string,
  result: 'paid' | 'failed',
  now: Date,
): Promise<boolean> {
  const [found] = await tx
    .select({
      id: smsPayments.id,
      userId: smsPayments.userId,
      amountKopecks: smsPayments.amountKopecks,
      accountNumber: accounts.number,
      phone: users.phone,
    })
    .from(smsPayments)
    .innerJoin(accounts, eq(accounts.id, smsPayments.accountId))
    .innerJoin(users, eq(users.id, smsPayments.userId))
    .where(eq(smsPayments.paymentId, paymentId));
  if (!found) return false;
  if (!found.phone || !smsAvailable()) return true;
  const what = `${formatRub(found.amountKopecks)} по л/с ${found.accountNumber}`;
  await tx
    .insert(notifications)
    .values({
      userId: found.userId,
      event: result === 'paid' ? 'payment_credited' : 'inbound_reply',
      channel: 'sms',
      dedupeKey: `sms-payment:${found.id}:${result}`,
      address: found.phone,
      subject: result === 'paid' ? 'Оплата по СМС зачислена' : 'Оплата по СМС не прошла',
      body:
        result === 'paid'
          ? `Оплата ${what} зачислена.`
          : `Оплата ${what} не прошла: банк не подтвердил списание. Оплатите в личном кабинете.`,
      createdAt: now,
      nextAttemptAt: now,
    })
    .onConflictDoNothing({ target: notifications.dedupeKey });
  return true;
}
