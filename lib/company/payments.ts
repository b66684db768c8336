// What the company's payment page shows for one chosen account: the accounts to choose from with
// what is owed, the newest invoice to pay by bank transfer (its exact purpose line, the utility's
// details and the ГОСТ Р 56042 code), and the account's payment history. Every read goes through
// the session's company, so an account id from the URL that is not the company's is simply ignored.
import 'server-only';
import { listBills } from '@/lib/bills/queries';
import { type HistoryPage, paymentHistory } from '@/lib/payments/history';
import type { CompanyMember } from './access';
import { type CompanyBillDocuments, companyBillDocuments, invoiceQrPayload } from './documents';
import { type CompanyAccountLine, companyOverview } from './overview';
import { listParams, pageNumber, rowId } from '@/lib/http/list-params';

export interface BankTransfer {
  docs: CompanyBillDocuments;
  qrPayload: string | null;
}

export interface CompanyPayments {
  accounts: CompanyAccountLine[];
  selected: CompanyAccountLine | null;
  transfer: BankTransfer | null;
  history: HistoryPage;
}

/** The company payments page's query string: the chosen account and the history page. */
export const companyPaymentsParams = listParams('/lk/payments', { account: rowId, page: pageNumber });

export async function companyPayments(
  member: CompanyMember,
  asked: { accountId?: string; page?: number } = {},
  now = new Date(),
): Promise<CompanyPayments> {
  const overview = await companyOverview(member, now);
  const accounts = overview?.accounts ?? [];
  const selected = accounts.find((a) => a.id === asked.accountId) ?? accounts[0] ?? null;
  if (!selected) {
    return { accounts, selected, transfer: null, history: await paymentHistory([]) };
  }
  const newest = (await listBills(member.user, now))
    .filter((b) => b.accountId === selected.id)
    .sort((a, b) => b.period.localeCompare(a.period) || b.issuedAt.getTime() - a.issuedAt.getTime())[0];
  const docs = newest ? await companyBillDocuments(member.user, newest.id) : null;
  const history = await paymentHistory([selected.id], { page: asked.page });
  return {
    accounts,
    selected,
    transfer: docs ? { docs, qrPayload: invoiceQrPayload(docs) } : null,
    history,
  };
}
