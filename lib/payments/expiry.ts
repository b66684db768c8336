import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import { db } from '@/db/client';
import { payments } from '@/db/schema';
import { env } from '@/lib/config/env';
import { log } from '@/lib/log';
import { kickSmsDelivery } from '@/lib/notifications/sms-delivery';
import { queueSmsPaymentResult } from './sms-payment-result';

const MINUTE_MS = 60_000;

/** When a payment started at `createdAt` stops waiting for its money (PAYMENT_LIFETIME_MINUTES). */
export function paymentExpiresAt(createdAt: Date, lifetimeMinutes = env().PAYMENT_LIFETIME_MINUTES): Date {
  return new Date(createdAt.getTime() + lifetimeMinutes * MINUTE_MS);
}

/**
 * Pending payments past their lifetime become «не оплачен» (expired). Idempotent: a payment that
 * moved on meanwhile (paid, failed) is not touched, and one already expired is not pending. A
 * notification that still arrives credits the money (lib/payments/notify.ts).
 */
export async function expireAbandonedPayments(
  now = new Date(),
  lifetimeMinutes = env().PAYMENT_LIFETIME_MINUTES,
): Promise<number> {
  const expired = await db().transaction(async (tx) => {
    const rows = await tx
      .update(payments)
      .set({ status: 'expired', expiredAt: now, updatedAt: now })
      .where(
        and(
          eq(payments.status, 'pending'),
          lt(payments.createdAt, new Date(now.getTime() - lifetimeMinutes * MINUTE_MS)),
        ),
      )
      .returning({ id: payments.id });
    // Someone who paid by SMS waits for the result; for them «no money came» is the result.
    for (const row of rows) await queueSmsPaymentResult(tx, row.id, 'failed', now);
    return rows;
  });
  if (expired.length > 0) {
    log.info({ expired: expired.length }, 'payments.expired');
    kickSmsDelivery();
  }
  return expired.length;
}
