// What a company's invoice (счёт) and счёт-фактура of one bill say: both parties' details, the
// lines with VAT split out line by line (lib/company/vat.ts), the totals, the purpose line.
// Built on billDetail, so a bill of an account the session may not see is simply not found.
import 'server-only';
import { type SessionUser } from '@/lib/auth/session';
import { billDetail, type BillDetail } from '@/lib/bills/queries';
import { lineZoneLabel } from '@/lib/bills/labels';
import { gostPaymentPayload } from '@/lib/bills/qr-payload';
import { companyVatRatePercent } from '@/lib/config/company';
import { formatPeriod, moscowDay } from '@/lib/format/dates';
import { companyMemberOf } from './access';
import { type CompanyDetails, companyDetails } from './overview';
import { invoicePurpose } from './purpose';
import { sumSplits, type VatSplit, vatInside } from './vat';

export interface DocumentLine extends VatSplit {
  name: string;
  /** ОКЕИ 245 «кВт·ч» for energy; null for a line without quantity (a penalty, an adjustment). */
  unit: { code: string; symbol: string } | null;
  quantity: number | null;
}

export interface CompanyBillDocuments {
  detail: BillDetail;
  buyer: CompanyDetails;
  /** The invoice and the счёт-фактура carry the bill's number. */
  number: string;
  /** The invoice: the day the bill was issued (Moscow). */
  invoiceDate: string;
  /** The счёт-фактура: the last day of the supply month. */
  factureDate: string;
  vatRatePercent: number;
  lines: DocumentLine[];
  total: VatSplit;
  purpose: string;
}

function lastDayOfPeriod(period: string): string {
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

const KWH = { code: '245', symbol: 'кВт·ч' };

function documentLines(detail: BillDetail, ratePercent: number): DocumentLine[] {
  const periodLabel = formatPeriod(detail.bill.period);
  return detail.groups.flatMap((group) =>
    group.lines.map((line): DocumentLine => {
      const point = group.meter ? `, прибор учёта № ${group.meter.serialNumber}` : '';
      const forPeriod =
        line.forPeriod && line.forPeriod !== detail.bill.period ? formatPeriod(line.forPeriod) : periodLabel;
      const name =
        line.kind === 'consumption' || line.kind === 'recalculation'
          ? `Электрическая энергия${line.kind === 'recalculation' ? ' (перерасчёт)' : ''}, ${lineZoneLabel(line).toLowerCase()}, ${forPeriod}${point}`
          : line.description;
      return {
        name,
        unit: line.kwh === null ? null : KWH,
        quantity: line.kwh,
        ...vatInside(line.amountKopecks, ratePercent),
      };
    }),
  );
}

/** Null when the bill is not the company user's or the company is gone. */
export async function companyBillDocuments(user: SessionUser, billId: string): Promise<CompanyBillDocuments | null> {
  const member = companyMemberOf(user);
  if (!member) return null;
  const detail = await billDetail(user, billId);
  if (!detail || detail.account.kind !== 'company') return null;
  const buyer = await companyDetails(member.companyId);
  if (!buyer) return null;
  const vatRatePercent = companyVatRatePercent();
  const lines = documentLines(detail, vatRatePercent);
  const total = sumSplits(lines);
  const invoiceDate = moscowDay(detail.bill.issuedAt);
  return {
    detail,
    buyer,
    number: detail.bill.receiptNumber,
    invoiceDate,
    factureDate: lastDayOfPeriod(detail.bill.period),
    vatRatePercent,
    lines,
    total,
    purpose: invoicePurpose({
      invoiceNumber: detail.bill.receiptNumber,
      invoiceDate,
      contractNumber: detail.account.contractNumber,
      period: detail.bill.period,
      vatRatePercent,
      vatKopecks: total.vatKopecks,
    }),
  };
}

/** The invoice's ГОСТ Р 56042 string (the PDF and the payment page draw the same code); null when the details make none. */
export function invoiceQrPayload(docs: CompanyBillDocuments): string | null {
  const u = docs.detail.utility;
  try {
    return gostPaymentPayload(
      {
        name: u.fullName,
        settlementAccount: u.settlementAccount,
        bankName: u.bankName,
        bic: u.bic,
        correspondentAccount: u.correspondentAccount,
        inn: u.inn,
        kpp: u.kpp,
      },
      {
        sumKopecks: docs.total.grossKopecks > 0 ? docs.total.grossKopecks : null,
        purpose: docs.purpose,
        personalAccount: docs.detail.account.number,
        period: docs.detail.bill.period,
        receiptNumber: docs.number,
      },
    );
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
