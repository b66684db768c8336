import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { type ConnectionApplication, connectionPayments } from '@/db/schema';
import { moscowDay } from '@/lib/format/dates';
import { type InstallmentPart, installmentSchedule, partPayableIn } from './installments';

// What an application's invoice asks for now: in full, or the next part of its installment
// schedule. Read by the cabinet, by the start of a payment and by the gateway's notification (so
// this module stays free of the session and the cabinet's modules).

type Invoiced = Pick<
  ConnectionApplication,
  'status' | 'priceKopecks' | 'payBy' | 'installments' | 'offerPostedAt' | 'actPostedAt'
>;

/** The schedule of an application paying by installments (null when paid in full or not yet invoiced). */
export function scheduleOf(a: Invoiced): InstallmentPart[] | null {
  if (!a.installments || a.priceKopecks === null || !a.payBy || !a.offerPostedAt) return null;
  return installmentSchedule(a.priceKopecks, {
    payBy: a.payBy,
    offerDay: moscowDay(a.offerPostedAt),
    actDay: a.actPostedAt ? moscowDay(a.actPostedAt) : null,
  });
}

/**
 * What the applicant may pay now: the invoice in full (or its first part) while the offer stands and
 * its last day has not passed, then each later part of the schedule in its turn.
 */
export function payableNow(
  a: Invoiced,
  creditedParts: readonly number[],
  now: Date,
): { part: number; kopecks: number } | null {
  if (a.priceKopecks === null || !a.payBy) return null;
  const schedule = scheduleOf(a);
  const next = (creditedParts.length ? Math.max(...creditedParts) : 0) + 1;
  if (next === 1 && moscowDay(now) > a.payBy) return null;
  if (!schedule) return next === 1 && a.status === 'offer_posted' ? { part: 1, kopecks: a.priceKopecks } : null;
  const part = schedule[next - 1];
  if (!part || !partPayableIn(next, a.status)) return null;
  return { part: next, kopecks: part.kopecks };
}

/** The parts of an application already credited by the gateway. */
export async function creditedParts(executor: Db | Tx, applicationId: string): Promise<number[]> {
  const rows = await executor
    .select({ part: connectionPayments.part })
    .from(connectionPayments)
    .where(and(eq(connectionPayments.applicationId, applicationId), isNotNull(connectionPayments.creditedAt)));
  return rows.map((r) => r.part);
}
