import 'server-only';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { accountUsers, accounts, users } from '@/db/schema';

/** Each account's people: a household account's users, a company account's company users. */
export async function peopleByAccount(tx: Db | Tx, accountIds: readonly string[]): Promise<Map<string, string[]>> {
  const people = new Map<string, string[]>();
  if (accountIds.length === 0) return people;
  const ids = [...new Set(accountIds)];
  const household = await tx
    .select({ accountId: accountUsers.accountId, userId: accountUsers.userId })
    .from(accountUsers)
    .where(inArray(accountUsers.accountId, ids));
  const company = await tx
    .select({ accountId: accounts.id, userId: users.id })
    .from(users)
    .innerJoin(accounts, eq(accounts.companyId, users.companyId))
    .where(and(inArray(accounts.id, ids), isNotNull(users.companyId)));
  for (const { accountId, userId } of [...household, ...company]) {
    const list = people.get(accountId) ?? [];
    if (!list.includes(userId)) list.push(userId);
    people.set(accountId, list);
  }
  return people;
}

/** The people of these accounts, each once. */
export async function peopleOf(tx: Db | Tx, accountIds: readonly string[]): Promise<string[]> {
  return [...new Set([...(await peopleByAccount(tx, accountIds)).values()].flat())];
}
