import 'server-only';
import { canAccessAccount, type SessionUser } from '@/lib/auth/session';
import { getUtilityProfile } from '@/lib/content/utility';
import { companyMemberOf } from '@/lib/company/access';
import { type CompanyDetails, companyDetails } from '@/lib/company/overview';
import { serviceInvoicePurpose } from '@/lib/company/purpose';
import { companyRoleCan } from '@/lib/company/roles';
import { type VatSplit, vatInside } from '@/lib/company/vat';
import { companyVatRatePercent } from '@/lib/config/company';
import type { UtilityProfile } from '@/db/schema';
import { moscowDay } from '@/lib/format/dates';
import { type RequestDetail, requestDetail } from './requests';

// A company pays a service request by bank transfer against an invoice (счёт) once the price is
// final and agreed. The invoice carries the request's number in its own and in the purpose line,
// so staff match the incoming transfer to the request. Any user of the company who may see its
// bills gets it; anyone else, and any request not on the company's accounts, gets nothing.

export interface ServiceInvoice {
  request: RequestDetail;
  utility: UtilityProfile;
  buyer: CompanyDetails;
  /** «У-1005»: the request's number, marked as a services invoice. */
  number: string;
  /** The day the price was agreed (Moscow). */
  invoiceDate: string;
  vatRatePercent: number;
  total: VatSplit;
  purpose: string;
}

export function serviceInvoiceNumber(requestNumber: number): string {
  return `У-${requestNumber}`;
}

/** Whether the request can be paid by invoice (a price agreed, not cancelled). */
function hasInvoice(request: Pick<RequestDetail, 'status' | 'priceKopecks' | 'priceAcceptedAt'>): boolean {
  return request.priceKopecks !== null && request.priceAcceptedAt !== null && request.status !== 'cancelled';
}

/** The invoice of a request of the user's company, or null (not theirs, no bills access, no price yet). */
export async function serviceInvoiceFor(user: SessionUser, requestId: string): Promise<ServiceInvoice | null> {
  const member = companyMemberOf(user);
  if (!member || !companyRoleCan(member.role, 'bills')) return null;
  const request = await requestDetail(requestId, null);
  if (!request || !hasInvoice(request) || !(await canAccessAccount(user, request.accountId))) return null;
  const [buyer, utility] = await Promise.all([companyDetails(member.companyId), getUtilityProfile()]);
  if (!buyer) return null;
  const vatRatePercent = companyVatRatePercent();
  const total = vatInside(request.priceKopecks!, vatRatePercent);
  const number = serviceInvoiceNumber(request.number);
  const invoiceDate = moscowDay(request.priceAcceptedAt!);
  return {
    request,
    utility,
    buyer,
    number,
    invoiceDate,
    vatRatePercent,
    total,
    purpose: serviceInvoicePurpose({
      invoiceNumber: number,
      invoiceDate,
      requestNumber: request.number,
      vatRatePercent,
      vatKopecks: total.vatKopecks,
    }),
  };
}
