// The company cabinet's front page: who the company is, its contracts and metering points with
// balance, what is due and by when, the overdue debt apart, and the curator to call.
import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { companies } from '@/db/schema';
import { accountHomes } from '@/lib/accounts/summary';
import { accessibleAccountIds } from '@/lib/auth/session';
import { listBills } from '@/lib/bills/queries';
import { moscowDay, periodOf } from '@/lib/format/dates';
import type { CompanyMember } from './access';
import type { AccountStatus } from '@/db/enums';

export interface CompanyDetails {
  name: string;
  inn: string;
  kpp: string | null;
  ogrn: string | null;
  legalAddress: string;
  curator: { name: string; phone: string | null; email: string | null } | null;
}

export type ContractState = 'active' | 'ending' | 'expired' | 'closed';

export interface CompanyAccountLine {
  id: string;
  number: string;
  address: string;
  contractNumber: string;
  contractStart: string;
  contractEnd: string | null;
  contractState: ContractState;
  balanceKopecks: number;
  /** Owed and not yet overdue, and the earliest due date among those bills. */
  dueKopecks: number;
  dueDate: string | null;
  /** Owed on bills whose due date has passed. */
  overdueKopecks: number;
}

export interface CompanyOverview {
  company: CompanyDetails;
  accounts: CompanyAccountLine[];
  totals: { balanceKopecks: number; dueKopecks: number; overdueKopecks: number };
}

/** Ends within this many days: shown as «истекает», time to extend. */
const ENDING_DAYS = 60;

function contractState(a: { status: AccountStatus; contractEnd: string | null }, today: string): ContractState {
  if (a.status === 'closed') return 'closed';
  if (!a.contractEnd) return 'active';
  if (a.contractEnd < today) return 'expired';
  const ending = new Date(`${today}T00:00:00Z`);
  ending.setUTCDate(ending.getUTCDate() + ENDING_DAYS);
  return a.contractEnd <= ending.toISOString().slice(0, 10) ? 'ending' : 'active';
}

export async function companyDetails(companyId: string): Promise<CompanyDetails | null> {
  const [row] = await db().select().from(companies).where(eq(companies.id, companyId));
  if (!row) return null;
  return {
    name: row.name,
    inn: row.inn,
    kpp: row.kpp,
    ogrn: row.ogrn,
    legalAddress: row.legalAddress,
    curator: row.curatorName ? { name: row.curatorName, phone: row.curatorPhone, email: row.curatorEmail } : null,
  };
}

export async function companyOverview(member: CompanyMember, now = new Date()): Promise<CompanyOverview | null> {
  const ids = await accessibleAccountIds(member.user);
  const today = moscowDay(now);
  const [company, homes, bills, statuses] = await Promise.all([
    companyDetails(member.companyId),
    accountHomes(ids, periodOf(now)),
    listBills(member.user, now),
    ids.length
      ? db().query.accounts.findMany({
          where: (a, { inArray }) => inArray(a.id, ids),
          columns: { id: true, status: true },
        })
      : Promise.resolve([]),
  ]);
  if (!company) return null;
  const accounts = homes.map((home): CompanyAccountLine => {
    const own = bills.filter((b) => b.accountId === home.id && b.outstandingKopecks > 0);
    const current = own.filter((b) => !b.overdue);
    const status = statuses.find((s) => s.id === home.id)?.status ?? 'active';
    return {
      id: home.id,
      number: home.number,
      address: home.address,
      contractNumber: home.contractNumber,
      contractStart: home.contractStart,
      contractEnd: home.contractEnd,
      contractState: contractState({ status, contractEnd: home.contractEnd }, today),
      balanceKopecks: home.balanceKopecks,
      dueKopecks: current.reduce((s, b) => s + b.outstandingKopecks, 0),
      dueDate: current.map((b) => b.dueDate).sort()[0] ?? null,
      overdueKopecks: own.filter((b) => b.overdue).reduce((s, b) => s + b.outstandingKopecks, 0),
    };
  });
  return {
    company,
    accounts,
    totals: {
      balanceKopecks: accounts.reduce((s, a) => s + a.balanceKopecks, 0),
      dueKopecks: accounts.reduce((s, a) => s + a.dueKopecks, 0),
      overdueKopecks: accounts.reduce((s, a) => s + a.overdueKopecks, 0),
    },
  };
}
