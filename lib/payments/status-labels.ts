import type { payments, refunds } from '@/db/schema';

// How a payment's and a refund's state reads to people. Shared by the cabinet and the staff console.

export type PaymentStatus = (typeof payments.$inferSelect)['status'];
export type RefundStatus = (typeof refunds.$inferSelect)['status'];

export const PAYMENT_STATUSES: readonly PaymentStatus[] = [
  'pending',
  'paid',
  'partially_refunded',
  'refunded',
  'failed',
  'cancelled',
  'expired',
];

export const paymentStatusLabels: Record<PaymentStatus, string> = {
  // The gateway has not told us yet: the money may still arrive.
  pending: 'обрабатывается',
  paid: 'оплачен',
  partially_refunded: 'возвращён частично',
  refunded: 'возвращён',
  failed: 'не прошёл',
  cancelled: 'отменён',
  // Given up after PAYMENT_LIFETIME_MINUTES; should the money come after all, it is still credited.
  expired: 'не оплачен',
};

export const refundStatusLabels: Record<RefundStatus, string> = {
  requested: 'в обработке у платёжного сервиса',
  succeeded: 'проведён',
  failed: 'отклонён',
};

/**
 * How a payment was made, in words: a charge of a bound card, the fast payment system (the
 * gateway reports «SBP»), otherwise a card entered on the gateway's page.
 */
export function paymentMethodLabel(p: { paymentMethod: string | null; cardBindingId: string | null }): string {
  if (p.cardBindingId) return 'привязанная карта';
  if (p.paymentMethod && /sbp/i.test(p.paymentMethod)) return 'СБП';
  return 'банковская карта';
}

/** Tailwind classes of the status badge: green for money in, amber for waiting or returned, red for failed. */
export const paymentStatusTone: Record<PaymentStatus, string> = {
  pending: 'bg-amber-50 text-amber-900 border-amber-200',
  paid: 'bg-green-50 text-green-900 border-green-200',
  partially_refunded: 'bg-sky-50 text-sky-900 border-sky-200',
  refunded: 'bg-sky-50 text-sky-900 border-sky-200',
  failed: 'bg-red-50 text-red-900 border-red-200',
  cancelled: 'bg-slate-50 text-slate-700 border-slate-200',
  expired: 'bg-slate-50 text-slate-700 border-slate-200',
};

/** The public page «Порядок возврата денежных средств» (db/seed/content.ts, slug poryadok-vozvrata). */
export const REFUND_POLICY_PATH = '/documents/poryadok-vozvrata';
