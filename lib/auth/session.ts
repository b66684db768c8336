import 'server-only';
import { and, eq, getTableColumns } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { db } from '@/db/client';
import { accounts, accountUsers, users } from '@/db/schema';
import { type LoginDoor, rolesByDoor } from './login-doors';
import { type LiveSession, liveSession } from './sessions';
import { isUuid } from '@/lib/validation/ids';

export type SessionUser = Omit<typeof users.$inferSelect, 'passwordHash'>;

// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { passwordHash: _omitted, ...publicColumns } = getTableColumns(users);

export const loginPathByDoor: Record<LoginDoor, string> = {
  household: '/fiz/login',
  company: '/lk/login',
  staff: '/admin/login',
};

export interface CurrentSession {
  user: SessionUser;
  session: LiveSession;
}

/**
 * The signed-in user and their session, re-read from the database on every request: a cookie
 * whose session row is gone (logout), ended (absolute or idle limit) or whose session version is
 * older than the user's (password changed, recovered, «выйти везде»), or whose user is no longer
 * active, counts as no session at all. Memoised per request.
 */
export const currentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await auth();
  const claims = session?.user as { id?: string; sessionVersion?: number; sid?: string } | undefined;
  if (!claims?.id || typeof claims.sessionVersion !== 'number') return null;
  if (!isUuid(claims.id)) return null;
  const live = await liveSession({ sid: claims.sid, uid: claims.id, sv: claims.sessionVersion });
  if (!live) return null;
  const [user] = await db().select(publicColumns).from(users).where(eq(users.id, claims.id));
  if (!user || user.status !== 'active' || user.sessionVersion !== claims.sessionVersion) return null;
  // A session opened at one door never serves another, even if the role would fit.
  if (!canUseDoor(user, live.door)) return null;
  return { user, session: live };
});

/**
 * The signed-in user. A staff session that has not passed the second factor is not a staff user
 * yet: only the enrolment page (through currentSession) may see it.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const current = await currentSession();
  if (!current) return null;
  if (current.session.door === 'staff' && !current.session.secondFactorAt) return null;
  return current.user;
});

export function canUseDoor(user: SessionUser, door: LoginDoor): boolean {
  return (rolesByDoor[door] as readonly string[]).includes(user.role);
}

/** Where a staff session without a second factor is sent before any console page. */
const STAFF_ENROL_PATH = '/admin/enrol';

/** For pages and actions: the user of this door, or a redirect to its login page. */
export async function requireUser(door: LoginDoor, returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (user && canUseDoor(user, door)) return user;
  if (door === 'staff') {
    const pending = await currentSession();
    if (pending && canUseDoor(pending.user, 'staff')) redirect(STAFF_ENROL_PATH);
  }
  const query = returnTo?.startsWith('/') && !returnTo.startsWith('//') ? `?next=${encodeURIComponent(returnTo)}` : '';
  redirect(`${loginPathByDoor[door]}${query}`);
}

/** Admin-only pages and actions (staff management, exports): others get the console's home. */
export async function requireAdmin(returnTo?: string): Promise<SessionUser> {
  const user = await requireUser('staff', returnTo);
  if (user.role !== 'admin') redirect('/admin?forbidden=1');
  return user;
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
