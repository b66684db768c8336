import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { accounts, paymentAllocations } from '@/db/schema';
import { balances } from '@/lib/billing/balance';
import { companyVatRatePercent } from '@/lib/config/company';
import { buildReceipt, receiptItem, vatTax } from './gateway/receipt';
import type { FiscalReceipt, ReceiptPaymentMethod } from './gateway/types';

// The 54-ФЗ receipt of an electricity payment: one line per account paid (several for a payment
// that pays several accounts at once). What pays off the account's debt is a payment for
// electricity already supplied (полный расчёт, VAT at the rate); anything above it is an advance
// (аванс, VAT at the calculated rate), a line of its own. The tariffs include VAT, so each line's
// tax is inside its sum.

export interface ReceiptLine {
  accountNumber: string;
  amountKopecks: number;
  /** What the account owed when the payment was made (its balance; ≤ 0: nothing). */
  dueKopecks: number;
}

function line(name: string, amountKopecks: number, method: ReceiptPaymentMethod, ratePercent: number) {
  const tax = vatTax(ratePercent, method);
  if (!tax) throw new Error(`Ставку НДС ${ratePercent}% нельзя указать в чеке: проверьте COMPANY_VAT_RATE_PERCENT`);
  return receiptItem({ name, amountKopecks, tax, paymentMethod: method, paymentObject: 'service' });
}

export function electricityReceipt(
  lines: readonly ReceiptLine[],
  ratePercent: number = companyVatRatePercent(),
): FiscalReceipt {
  const items = lines.flatMap((l) => {
    const settled = Math.min(l.amountKopecks, Math.max(l.dueKopecks, 0));
    const advance = l.amountKopecks - settled;
    return [
      ...(settled > 0
        ? [line(`Электроэнергия, лицевой счёт ${l.accountNumber}`, settled, 'full_payment', ratePercent)]
        : []),
      ...(advance > 0
        ? [line(`Аванс за электроэнергию, лицевой счёт ${l.accountNumber}`, advance, 'advance', ratePercent)]
        : []),
    ];
  });
  return buildReceipt(items);
}

/** The receipt lines of a recorded electricity payment: its allocations, or its one account. */
export async function receiptLinesOf(
  payment: { id: string; accountId: string; amountKopecks: number },
  executor: Db | Tx = db(),
): Promise<ReceiptLine[]> {
  const allocated = await executor
    .select({
      accountId: paymentAllocations.accountId,
      number: accounts.number,
      amountKopecks: paymentAllocations.amountKopecks,
    })
    .from(paymentAllocations)
    .innerJoin(accounts, eq(accounts.id, paymentAllocations.accountId))
    .where(eq(paymentAllocations.paymentId, payment.id))
    .orderBy(asc(accounts.number));
  const parts =
    allocated.length > 0
      ? allocated
      : (
          await executor
            .select({ accountId: accounts.id, number: accounts.number })
            .from(accounts)
            .where(eq(accounts.id, payment.accountId))
        ).map((r) => ({ ...r, amountKopecks: payment.amountKopecks }));
  const owed = await balances(
    parts.map((p) => p.accountId),
    executor,
  );
  return parts.map((p) => ({
    accountNumber: p.number,
    amountKopecks: p.amountKopecks,
    dueKopecks: owed.get(p.accountId) ?? 0,
  }));
}
