// All of a company's invoices and счета-фактуры of one period in one ZIP. fflate makes the archive:
// a maintained, dependency-free zip library that works on bytes in memory (the PDFs are small, a
// company has a handful of accounts), so no temporary files and no streams to clean up on error.
import 'server-only';
import { zipSync } from 'fflate';
import type { SessionUser } from '@/lib/auth/session';
import { listBills } from '@/lib/bills/queries';
import { companyBillDocuments } from './documents';
import { renderFacturePdf } from './facture-pdf';
import { documentFileName } from '@/lib/pdf/invoice';
import { isBillingPeriod } from '@/lib/validation/calendar';
import { renderInvoicePdf } from './invoice-pdf';

export function archiveFileName(period: string): string {
  return `dokumenty-${period.slice(0, 7)}.zip`;
}

/** Null when the user has no bills in that period. */
export async function periodArchive(user: SessionUser, period: string, now = new Date()): Promise<Uint8Array | null> {
  if (!isBillingPeriod(period)) return null;
  const bills = (await listBills(user, now)).filter((b) => b.period === period);
  if (bills.length === 0) return null;
  const files: Record<string, Uint8Array> = {};
  for (const bill of bills) {
    const docs = await companyBillDocuments(user, bill.id);
    if (!docs) continue;
    const folder = docs.detail.account.number;
    files[`${folder}/${documentFileName('schet', docs.number)}`] = new Uint8Array(
      await renderInvoicePdf(docs, { now }),
    );
    files[`${folder}/${documentFileName('schet-faktura', docs.number)}`] = new Uint8Array(
      await renderFacturePdf(docs, { now }),
    );
  }
  if (Object.keys(files).length === 0) return null;
  // PDF streams are already deflated; a light level keeps the archive fast to make.
  return zipSync(files, { level: 1, mtime: now });
}
