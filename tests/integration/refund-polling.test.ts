import { eq } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { ledgerEntries, payments, refunds } from '@/db/schema';
import { pollPendingRefunds } from '@/lib/jobs/refund-polling';
import { log } from '@/lib/log';
import { createRobokassaRefundState } from '@/lib/payments/gateway/robokassa-refund';
import type { PaymentGateway, RefundState } from '@/lib/payments/gateway/types';
import { createAccount, createPaidPayment } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

const t = useTestDatabase();
const paidAt = new Date('2026-11-02T09:00:00Z');

/** A paid payment with a refund the gateway accepted and settles later, written as the refund form writes it. */
async function requestedRefund(reference: string, kopecks: number, refundKopecks: number) {
  const account = await createAccount(t.db);
  const payment = await createPaidPayment(t.db, account.id, kopecks, paidAt, { gateway: 'robokassa' });
  const [refund] = await t.db
    .insert(refunds)
    .values({
      paymentId: payment.id,
      amountKopecks: refundKopecks,
      status: 'requested',
      reason: 'Ошибка',
      gatewayReference: reference,
    })
    .returning();
  await t.db.insert(ledgerEntries).values({
    accountId: account.id,
    kind: 'refund',
    amountKopecks: refundKopecks,
    paymentId: payment.id,
    refundId: refund!.id,
    description: `Возврат по платежу № ${payment.invId}`,
  });
  await t.db
    .update(payments)
    .set({ status: refundKopecks === kopecks ? 'refunded' : 'partially_refunded' })
    .where(eq(payments.id, payment.id));
  return { accountId: account.id, paymentId: payment.id, refundId: refund!.id };
}

/** Robokassa's Refund/GetState over HTTP, answering each request id's label from `labels`. */
function robokassaAnswering(labels: Map<string, string>) {
  const asked: string[] = [];
  const refundState = createRobokassaRefundState({
    fetch: async (url) => {
      const id = new URL(String(url)).searchParams.get('id')!;
      asked.push(id);
      const label = labels.get(id);
      if (!label) return new Response('Bad Gateway', { status: 502 });
      return Response.json({ requestId: id, amount: 1, label });
    },
  });
  return { gateway: { id: 'robokassa', refundState } as unknown as PaymentGateway, asked };
}

async function state(ids: { paymentId: string; refundId: string; accountId: string }) {
  const [refund] = await t.db.select().from(refunds).where(eq(refunds.id, ids.refundId));
  const [payment] = await t.db.select().from(payments).where(eq(payments.id, ids.paymentId));
  const ledger = await t.db
    .select({ kind: ledgerEntries.kind, amountKopecks: ledgerEntries.amountKopecks })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, ids.accountId))
    .orderBy(ledgerEntries.id);
  return { refund: refund!.status, completed: refund!.completedAt !== null, payment: payment!.status, ledger };
}

it('polls an accepted refund until the gateway reports it final, and applies each answer once', async () => {
  vi.spyOn(log, 'warn').mockImplementation(() => undefined);
  const finished = await requestedRefund('req-finished', 100_000, 100_000);
  const cancelled = await requestedRefund('req-cancelled', 100_000, 40_000);
  const labels = new Map<string, RefundState | string>([
    ['req-finished', 'processing'],
    ['req-cancelled', 'processing'],
  ]);
  const robokassa = robokassaAnswering(labels as Map<string, string>);
  const poll = () => pollPendingRefunds({ gatewayOf: () => robokassa.gateway });

  expect(await poll()).toEqual({ succeeded: 0, failed: 0, processing: 2 });
  expect(await state(finished)).toMatchObject({ refund: 'requested', payment: 'refunded', completed: false });

  labels.set('req-finished', 'finished');
  labels.set('req-cancelled', 'canceled');
  expect(await poll()).toEqual({ succeeded: 1, failed: 1, processing: 0 });
  expect(await state(finished)).toEqual({
    refund: 'succeeded',
    completed: true,
    payment: 'refunded',
    ledger: [
      { kind: 'payment', amountKopecks: -100_000 },
      { kind: 'refund', amountKopecks: 100_000 },
    ],
  });
  // Cancelled: no money went back, so the refund's ledger entry is offset and the payment is paid again.
  expect(await state(cancelled)).toEqual({
    refund: 'failed',
    completed: true,
    payment: 'paid',
    ledger: [
      { kind: 'payment', amountKopecks: -100_000 },
      { kind: 'refund', amountKopecks: 40_000 },
      { kind: 'adjustment', amountKopecks: -40_000 },
    ],
  });

  // Final: nothing left to ask about, and a second run changes nothing.
  robokassa.asked.length = 0;
  expect(await poll()).toEqual({ succeeded: 0, failed: 0, processing: 0 });
  expect(robokassa.asked).toEqual([]);
  expect((await state(cancelled)).ledger).toHaveLength(3);
});

it('keeps a refund requested while the gateway cannot answer, and fails the job for staff to see', async () => {
  vi.spyOn(log, 'warn').mockImplementation(() => undefined);
  const waiting = await requestedRefund('req-unreachable', 50_000, 50_000);
  const robokassa = robokassaAnswering(new Map());
  await expect(pollPendingRefunds({ gatewayOf: () => robokassa.gateway })).rejects.toThrow(
    'Не удалось узнать состояние возвратов: robokassa: Robokassa Refund/GetState: HTTP 502',
  );
  expect(await state(waiting)).toMatchObject({ refund: 'requested', payment: 'refunded' });
});
