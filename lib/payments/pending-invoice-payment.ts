import 'server-only';
import { and, desc, eq, gt, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { payments } from '@/db/schema';
import { audit } from '@/lib/security/audit';
import type { PaymentGateway } from './gateway/types';

// The pending payment an invoice is paid with (a paid-service request, a connection invoice): the
// payer's last unfinished hand-over of the same amount through the same gateway is reused for half
// an hour, so a second click or a return from the gateway's page does not open a second payment.
// The caller holds its invoice's row lock, so two clicks at once share one payment.

const REUSE_PENDING_MS = 30 * 60_000;

type NewPayment = Omit<typeof payments.$inferInsert, 'gateway' | 'isTest' | 'createdAt' | 'updatedAt'> & {
  amountKopecks: number;
  requestsBinding: boolean;
};

export async function pendingInvoicePayment(
  tx: Tx,
  input: {
    gateway: PaymentGateway;
    /** What makes an earlier pending payment this invoice's (its request, its application's part). */
    sameInvoice: SQL;
    payment: NewPayment;
    /** Written beside the new payment, in the same transaction (a link table's row). */
    link?: (paymentId: string) => Promise<void>;
    /** Kept with the audit entry of a new payment. */
    details: Record<string, unknown>;
    ip: string;
    now: Date;
  },
): Promise<{ paymentId: string }> {
  const { gateway, payment: values, now } = input;
  const [pending] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        input.sameInvoice,
        eq(payments.status, 'pending'),
        eq(payments.gateway, gateway.id),
        eq(payments.amountKopecks, values.amountKopecks),
        eq(payments.requestsBinding, values.requestsBinding),
        gt(payments.createdAt, new Date(now.getTime() - REUSE_PENDING_MS)),
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (pending) return { paymentId: pending.id };
  const [payment] = await tx
    .insert(payments)
    .values({ ...values, gateway: gateway.id, isTest: gateway.isTest, createdAt: now, updatedAt: now })
    .returning({ id: payments.id, invId: payments.invId });
  if (!payment) throw new Error('pendingInvoicePayment: insert returned nothing');
  await input.link?.(payment.id);
  await audit(
    {
      action: 'payment.started',
      actorUserId: values.userId ?? null,
      subjectType: 'payment',
      subjectId: payment.id,
      ip: input.ip,
      details: {
        invId: payment.invId,
        amountKopecks: values.amountKopecks,
        gateway: gateway.id,
        purpose: values.purpose,
        ...input.details,
      },
    },
    tx,
  );
  return { paymentId: payment.id };
}
