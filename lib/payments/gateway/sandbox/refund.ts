import { randomUUID } from 'node:crypto';
import type { RefundOutcome, RefundRequest } from '../types';

// The sandbox's refunds happen inside the app: no money moved in, none moves out. One amount is
// always declined, so the "gateway said no" path can be tried by hand and in tests.

/** A refund of exactly 13,13 ₽ is declined by the sandbox «bank». */
export const SANDBOX_DECLINED_REFUND_KOPECKS = 13_13;

export async function sandboxRefund(p: RefundRequest): Promise<RefundOutcome> {
  const left = p.paymentAmountKopecks - p.alreadyRefundedKopecks;
  if (!Number.isSafeInteger(p.amountKopecks) || p.amountKopecks <= 0 || p.amountKopecks > left) {
    return { ok: false, reason: 'Песочница: сумма возврата больше того, что осталось от платежа' };
  }
  if (p.amountKopecks === SANDBOX_DECLINED_REFUND_KOPECKS) {
    return { ok: false, reason: 'Песочница: банк отклонил возврат (тестовая сумма 13,13 ₽ всегда отклоняется)' };
  }
  return { ok: true, reference: `sandbox-refund-${randomUUID()}`, settled: true };
}
