import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts } from '@/db/schema';
import { accessibleAccountIds, type SessionUser } from '@/lib/auth/session';
import type { AccountStatus } from '@/db/enums';

export interface AccountSummary {
  id: string;
  number: string;
  holderName: string;
  address: string;
  contractNumber: string;
  status: AccountStatus;
}

export function formatAccountAddress(a: {
  settlement: string;
  street: string;
  house: string;
  flat: string | null;
}): string {
  return [a.settlement, a.street, `д. ${a.house}`, a.flat ? `кв. ${a.flat}` : null].filter(Boolean).join(', ');
}

/** The accounts this user may see, scoped by the session's own links. */
export async function listMyAccounts(user: SessionUser): Promise<AccountSummary[]> {
  const ids = await accessibleAccountIds(user);
  if (ids.length === 0) return [];
  const rows = await db().select().from(accounts).where(inArray(accounts.id, ids)).orderBy(asc(accounts.number));
  return rows.map((a) => ({
    id: a.id,
    number: a.number,
    holderName: a.holderName,
    address: formatAccountAddress(a),
    contractNumber: a.contractNumber,
    status: a.status,
  }));
}
