import 'server-only';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { ledgerEntries, payments, refunds } from '@/db/schema';
import { describeError, log } from '@/lib/log';
import type { PaymentGateway } from '@/lib/payments/gateway/types';
import { gatewayFor, isGatewayId } from '@/lib/payments/gateways';
import { audit } from '@/lib/security/audit';

// A refund the gateway accepted but settles later (Robokassa's Refund API) stays «requested» until
// the gateway says how it ended. This job asks it. Idempotent: each change is conditional on the
// refund still being «requested», so two instances or a retry never apply an answer twice.

export interface RefundPollingOptions {
  now?: Date;
  /** The gateway of a payment (tests give their own). */
  gatewayOf?: (id: string) => PaymentGateway | null;
}

export interface RefundPollingResult {
  succeeded: number;
  failed: number;
  processing: number;
}

function configuredGateway(id: string): PaymentGateway | null {
  if (!isGatewayId(id)) return null;
  try {
    return gatewayFor(id);
  } catch {
    // A misconfigured gateway cannot be asked; its refunds wait, as the refund form already says.
    return null;
  }
}

/** Marks a refund done; the money, the ledger entry and the payment's status were written with the request. */
async function settle(refundId: string, paymentId: string, now: Date): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [done] = await tx
      .update(refunds)
      .set({ status: 'succeeded', completedAt: now })
      .where(and(eq(refunds.id, refundId), eq(refunds.status, 'requested')))
      .returning({ id: refunds.id });
    if (!done) return false;
    await audit(
      { action: 'refund.completed', subjectType: 'payment', subjectId: paymentId, details: { refundId, by: 'poll' } },
      tx,
    );
    return true;
  });
}

/**
 * The gateway cancelled the refund: no money went back. The refund is marked failed, the ledger's
 * refund entry is offset by an adjustment (the ledger is append-only), and the payment's status
 * follows what is still refunded, all under the payment's row lock as the refund itself was written.
 */
async function cancel(refundId: string, paymentId: string, now: Date): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [payment] = await tx
      .select({ amountKopecks: payments.amountKopecks, accountId: payments.accountId, invId: payments.invId })
      .from(payments)
      .where(eq(payments.id, paymentId))
      .for('update');
    const [cancelled] = await tx
      .update(refunds)
      .set({ status: 'failed', completedAt: now })
      .where(and(eq(refunds.id, refundId), eq(refunds.status, 'requested')))
      .returning({ amountKopecks: refunds.amountKopecks });
    if (!payment || !cancelled) return false;
    const [posted] = await tx
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.refundId, refundId), eq(ledgerEntries.kind, 'refund')));
    if (posted) {
      await tx.insert(ledgerEntries).values({
        accountId: payment.accountId,
        kind: 'adjustment',
        amountKopecks: -cancelled.amountKopecks,
        paymentId,
        refundId,
        description: `Возврат по платежу № ${payment.invId} отменён платёжным сервисом`,
        postedAt: now,
      });
    }
    const [left] = await tx
      .select({ refunded: sql<number>`coalesce(sum(${refunds.amountKopecks}), 0)::bigint` })
      .from(refunds)
      .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.status, ['requested', 'succeeded'])));
    const refunded = Number(left?.refunded ?? 0);
    await tx
      .update(payments)
      .set({
        status: refunded === 0 ? 'paid' : refunded >= payment.amountKopecks ? 'refunded' : 'partially_refunded',
        updatedAt: now,
      })
      .where(eq(payments.id, paymentId));
    await audit(
      {
        action: 'refund.failed',
        subjectType: 'payment',
        subjectId: paymentId,
        details: { refundId, invId: payment.invId, reason: 'cancelled by the gateway' },
      },
      tx,
    );
    return true;
  });
}

/**
 * Asks the gateway about every «requested» refund it can be asked about and applies the final
 * answers. A gateway that cannot be reached fails the job after the others were asked, so staff see
 * it at /admin/jobs; the next run asks again.
 */
export async function pollPendingRefunds(options: RefundPollingOptions = {}): Promise<RefundPollingResult> {
  const gatewayOf = options.gatewayOf ?? configuredGateway;
  const pending = await db()
    .select({ id: refunds.id, reference: refunds.gatewayReference, paymentId: payments.id, gateway: payments.gateway })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(and(eq(refunds.status, 'requested'), isNotNull(refunds.gatewayReference)))
    .orderBy(refunds.createdAt);
  const result: RefundPollingResult = { succeeded: 0, failed: 0, processing: 0 };
  const errors: string[] = [];
  for (const refund of pending) {
    const gateway = gatewayOf(refund.gateway);
    if (!gateway?.refundState) continue;
    let state;
    try {
      state = await gateway.refundState(refund.reference!);
    } catch (error) {
      log.warn({ refundId: refund.id, gateway: refund.gateway, error: describeError(error) }, 'refund.poll_failed');
      errors.push(`${refund.gateway}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const now = options.now ?? new Date();
    if (state === 'processing') result.processing++;
    else if (state === 'succeeded' && (await settle(refund.id, refund.paymentId, now))) result.succeeded++;
    else if (state === 'failed' && (await cancel(refund.id, refund.paymentId, now))) {
      result.failed++;
      log.warn({ refundId: refund.id, paymentId: refund.paymentId }, 'refund.cancelled_by_gateway');
    }
  }
  if (errors.length > 0) throw new Error(`Не удалось узнать состояние возвратов: ${[...new Set(errors)].join('; ')}`);
  return result;
}
