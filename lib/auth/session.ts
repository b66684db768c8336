import 'server-only';
import { and, eq, getTableColumns } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { db } from '@/db/client';
import { accounts, accountUsers, users } from '@/db/schema';
import { type LoginKind, rolesByKind } from './login-kinds';
import { isUuid } from '@/lib/validation/ids';

export type SessionUser = Omit<typeof users.$inferSelect, 'passwordHash'>;

// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { passwordHash: _omitted, ...publicColumns } = getTableColumns(users);

export const loginPathByKind: Record<LoginKind, string> = {
  household: '/fiz/login',
  company: '/lk/login',
  staff: '/admin/login',
};

/**
 * The signed-in user, re-read from the database on every request: a cookie whose session version
 * is older than the user's (password changed, recovered, «выйти везде») or whose user is no longer
 * active counts as no session at all. Memoised per request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const claims = session?.user as { id?: string; sessionVersion?: number } | undefined;
  if (!claims?.id || typeof claims.sessionVersion !== 'number') return null;
  if (!isUuid(claims.id)) return null;
  const [user] = await db().select(publicColumns).from(users).where(eq(users.id, claims.id));
  if (!user || user.status !== 'active' || user.sessionVersion !== claims.sessionVersion) return null;
  return user;
});

export function canUseDoor(user: SessionUser, kind: LoginKind): boolean {
  return (rolesByKind[kind] as readonly string[]).includes(user.role);
}

/** For pages and actions: the user of this door, or a redirect to its login page. */
export async function requireUser(kind: LoginKind, returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (user && canUseDoor(user, kind)) return user;
  const query = returnTo?.startsWith('/') && !returnTo.startsWith('//') ? `?next=${encodeURIComponent(returnTo)}` : '';
  redirect(`${loginPathByKind[kind]}${query}`);
}

/** Account ids this user may see: households through their links, company users through their company. */
export async function accessibleAccountIds(user: SessionUser): Promise<string[]> {
  if (user.role === 'subscriber') {
    const rows = await db()
      .select({ id: accountUsers.accountId })
      .from(accountUsers)
      .where(eq(accountUsers.userId, user.id));
    return rows.map((r) => r.id);
  }
  if (user.role === 'company_user' && user.companyId) {
    const rows = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.companyId, user.companyId));
    return rows.map((r) => r.id);
  }
  return [];
}

export async function canAccessAccount(user: SessionUser, accountId: string): Promise<boolean> {
  if (!isUuid(accountId)) return false;
  if (user.role === 'subscriber') {
    const [row] = await db()
      .select({ id: accountUsers.accountId })
      .from(accountUsers)
      .where(and(eq(accountUsers.userId, user.id), eq(accountUsers.accountId, accountId)));
    return Boolean(row);
  }
  if (user.role === 'company_user' && user.companyId) {
    const [row] = await db()
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, accountId), eq(accounts.companyId, user.companyId)));
    return Boolean(row);
  }
  return false;
}
