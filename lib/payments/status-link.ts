import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/config/auth-secret';

// A payment's own pages (/payments/go/<id>, /payments/success?InvId=…) show its amount and state
// only to the payer's session or to whoever holds a link we signed for that very payment: ids and
// InvIds are sequential or travel in browser history, so on their own they prove nothing.

function sign(subject: string): string {
  const key = createHmac('sha256', authSecret()).update('payment-link').digest();
  return createHmac('sha256', key).update(subject).digest('base64url').slice(0, 32);
}

function matches(subject: string, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const expected = Buffer.from(sign(subject));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The hand-over page for a payment just recorded. */
export function paymentGoHref(paymentId: string): string {
  return `/payments/go/${paymentId}?t=${sign(`go:${paymentId}`)}`;
}

export function goTokenMatches(paymentId: string, token: unknown): boolean {
  return matches(`go:${paymentId}`, token);
}

/** The status page of a payment, readable without a session. */
export function paymentStatusHref(invId: number): string {
  return `/payments/success?InvId=${invId}&t=${sign(`status:${invId}`)}`;
}

export function statusTokenMatches(invId: number, token: unknown): boolean {
  return matches(`status:${invId}`, token);
}
