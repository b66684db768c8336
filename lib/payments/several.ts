import 'server-only';
import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, paymentAllocations, payments } from '@/db/schema';
import { accessibleAccountIds, type SessionUser } from '@/lib/auth/session';
import { balances } from '@/lib/billing/balance';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import { PAYMENT_MAX_KOPECKS } from '@/lib/validation/fields';
import type { PaymentGateway } from './gateway/types';

// One gateway payment for the dues of several accounts (a house and a dacha; a company's metering
// points). Recorded pending with an allocation per account — the database holds that they add up
// to the payment — and credited, each allocation to its own account once, by the gateway's one
// notification (notify.ts). The receipt lists every account as its own line (electricity-receipt.ts).

export type SeveralAccountsOutcome = { ok: true; paymentId: string; invId: number } | { ok: false; message: string };

function severalAccountsDescription(numbers: readonly string[]): string {
  return `Оплата электроэнергии по лицевым счетам ${numbers.join(', ')}`;
}

export async function startSeveralAccountsPayment(
  payer: SessionUser,
  accountIds: readonly string[],
  gateway: PaymentGateway,
  context: { ip: string },
): Promise<SeveralAccountsOutcome> {
  const ids = [...new Set(accountIds)];
  const mine = new Set(await accessibleAccountIds(payer));
  if (ids.length === 0 || ids.some((id) => !mine.has(id))) {
    return { ok: false, message: 'Лицевой счёт не найден среди ваших — обновите страницу' };
  }
  const rows = await db()
    .select({ id: accounts.id, number: accounts.number })
    .from(accounts)
    .where(inArray(accounts.id, ids))
    .orderBy(accounts.number);
  const owed = await balances(ids);
  const parts = rows.map((r) => ({ ...r, amountKopecks: Math.max(owed.get(r.id) ?? 0, 0) }));
  const nothing = parts.find((p) => p.amountKopecks === 0);
  if (nothing) {
    return { ok: false, message: `По лицевому счёту ${nothing.number} нечего оплачивать — снимите с него отметку` };
  }
  const total = parts.reduce((sum, p) => sum + p.amountKopecks, 0);
  if (total > PAYMENT_MAX_KOPECKS) {
    return {
      ok: false,
      message: `Вместе это ${formatRub(total)}: картой за один раз — не больше ${formatRub(PAYMENT_MAX_KOPECKS)}. Отметьте меньше счетов`,
    };
  }
  const lead = parts[0]!;
  const payment = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(payments)
      .values({
        accountId: lead.id,
        userId: payer.id,
        purpose: 'electricity',
        amountKopecks: total,
        gateway: gateway.id,
        isTest: gateway.isTest,
        description: severalAccountsDescription(parts.map((p) => p.number)),
        receiptEmail: payer.email,
        requestsBinding: false,
      })
      .returning({ id: payments.id, invId: payments.invId });
    if (!row) throw new Error('startSeveralAccountsPayment: insert returned nothing');
    await tx
      .insert(paymentAllocations)
      .values(parts.map((p) => ({ paymentId: row.id, accountId: p.id, amountKopecks: p.amountKopecks })));
    await audit(
      {
        action: 'payment.started',
        actorUserId: payer.id,
        subjectType: 'payment',
        subjectId: row.id,
        ip: context.ip,
        details: {
          invId: row.invId,
          amountKopecks: total,
          gateway: gateway.id,
          allocations: parts.map((p) => ({ account: p.number, amountKopecks: p.amountKopecks })),
        },
      },
      tx,
    );
    return row;
  });
  return { ok: true, paymentId: payment.id, invId: payment.invId };
}
