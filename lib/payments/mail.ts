import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { utilityProfile } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderPaymentReceived } from '@/lib/email/templates';
import { formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';

export async function queuePaymentReceivedEmail(
  tx: Tx,
  p: { to: string; fullName: string | null; accountNumber: string; amountKopecks: number; invId: number; paidAt: Date },
): Promise<void> {
  const [profile] = await tx
    .select({ shortName: utilityProfile.shortName })
    .from(utilityProfile)
    .where(eq(utilityProfile.id, 1));
  await enqueueEmail(tx, {
    to: p.to,
    dedupeKey: `payment-received:${p.invId}`,
    ...renderPaymentReceived({
      utilityName: profile?.shortName ?? 'Энергокабинет',
      fullName: p.fullName,
      accountNumber: p.accountNumber,
      amount: formatRub(p.amountKopecks),
      invId: p.invId,
      when: formatDateTime(p.paidAt),
    }),
  });
}
