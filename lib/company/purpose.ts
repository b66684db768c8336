// The payment-order purpose line (назначение платежа) of a company invoice. Pure.
// It carries the invoice number, so an incoming transfer can be matched to it; the VAT amount, as
// НК РФ ст. 168 п. 4 asks of settlement documents. Banks and ЮKassa take 210 characters.
import { formatPeriod } from '@/lib/format/dates';
import { formatDate } from '@/lib/format/dates';

export const PURPOSE_MAX = 210;

/** «1234-56»: roubles and kopecks as payment orders commonly write them in the purpose (no spaces, no «₽»). */
function purposeAmount(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${Math.floor(abs / 100)}-${String(abs % 100).padStart(2, '0')}`;
}

export function invoicePurpose(input: {
  invoiceNumber: string;
  invoiceDate: string;
  contractNumber: string;
  period: string;
  vatRatePercent: number;
  vatKopecks: number;
}): string {
  const vat =
    input.vatRatePercent === 0 ? 'без НДС' : `в т.ч. НДС ${input.vatRatePercent}% ${purposeAmount(input.vatKopecks)}`;
  const line = `Оплата по счёту № ${input.invoiceNumber} от ${formatDate(input.invoiceDate)}, договор № ${input.contractNumber}, за ${formatPeriod(input.period)}, ${vat}`;
  return line.length <= PURPOSE_MAX ? line : line.slice(0, PURPOSE_MAX);
}

/** The purpose line of a paid-service invoice: it names the request, by which the transfer is matched. */
export function serviceInvoicePurpose(input: {
  invoiceNumber: string;
  invoiceDate: string;
  requestNumber: number;
  vatRatePercent: number;
  vatKopecks: number;
}): string {
  const vat =
    input.vatRatePercent === 0 ? 'без НДС' : `в т.ч. НДС ${input.vatRatePercent}% ${purposeAmount(input.vatKopecks)}`;
  const line = `Оплата по счёту № ${input.invoiceNumber} от ${formatDate(input.invoiceDate)}, Заявка № ${input.requestNumber} на платные услуги, ${vat}`;
  return line.length <= PURPOSE_MAX ? line : line.slice(0, PURPOSE_MAX);
}
