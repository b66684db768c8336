import 'server-only';

/** Rubles a staff member may refund alone; above it a second staff member approves. */
const DEFAULT_THRESHOLD_RUB = 10_000;

/**
 * REFUND_APPROVAL_THRESHOLD_RUB (whole rubles, default 10 000). A refund of more than this needs
 * a second staff member's approval. An unreadable value falls back to the default, never to «no limit».
 */
export function refundApprovalThresholdKopecks(): number {
  const raw = process.env.REFUND_APPROVAL_THRESHOLD_RUB;
  const rub = raw !== undefined && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : DEFAULT_THRESHOLD_RUB;
  return rub * 100;
}
