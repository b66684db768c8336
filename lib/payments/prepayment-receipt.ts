import 'server-only';
import { companyVatRatePercent } from '@/lib/config/company';
import { buildReceipt, receiptItem, vatTax } from './gateway/receipt';
import type { FiscalReceipt } from './gateway/types';

// The 54-ФЗ receipt of a paid service or a connection fee: paid by invoice before the work is done,
// so it is a full prepayment (предоплата 100 %, тег 1214 = 1) of a service, with VAT at the
// calculated rate (22/122 for the general rate), inside the sum as the price includes it.

export function prepaymentReceipt(
  name: string,
  amountKopecks: number,
  ratePercent: number = companyVatRatePercent(),
): FiscalReceipt {
  const tax = vatTax(ratePercent, 'full_prepayment');
  if (!tax) throw new Error(`Ставку НДС ${ratePercent}% нельзя указать в чеке: проверьте COMPANY_VAT_RATE_PERCENT`);
  return buildReceipt([
    receiptItem({ name, amountKopecks, tax, paymentMethod: 'full_prepayment', paymentObject: 'service' }),
  ]);
}
