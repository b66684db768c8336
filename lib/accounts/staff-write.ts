import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts, type Account } from '@/db/schema';
import { canUseDoor, type SessionUser } from '@/lib/auth/session';

// What every staff write on the account card starts with: the writer is staff, and the account is
// locked for the transaction, so two staff members changing one account act one after the other.

export interface StaffWriteContext {
  ip: string;
  now?: Date;
}

export const NOT_STAFF = 'Это действие доступно только сотрудникам';
export const ACCOUNT_GONE = 'Лицевой счёт не найден — обновите страницу';

export function isStaff(user: SessionUser): boolean {
  return canUseDoor(user, 'staff');
}

export async function lockAccount(tx: Tx, accountId: string): Promise<Account | undefined> {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for('update');
  return row;
}
