import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, accountUsers, rateLimits, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { audit } from '@/lib/security/audit';
import { pseudonym } from '@/lib/security/pseudonym';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { type LoginFailure, type LoginDoor, rolesByDoor } from './login-doors';

export interface AuthenticatedUser {
  id: string;
  fullName: string;
  email: string;
  role: (typeof users.$inferSelect)['role'];
  sessionVersion: number;
}

export type LoginOutcome = { ok: true; user: AuthenticatedUser } | { ok: false; reason: LoginFailure };

/** Failures per login name: enough for typos, too few to guess; the window is the back-off. */
export const LOGIN_PER_NAME = { limit: 5, windowSeconds: 15 * 60 };
/**
 * Attempts per resolved user: a company user answers to the e-mail and every account number, so
 * the per-name limit alone would multiply with the aliases.
 */
export const LOGIN_PER_USER = { limit: 10, windowSeconds: 15 * 60 };
/** Attempts per address: generous, because a whole office or mobile carrier may share one. */
export const LOGIN_PER_IP = { limit: 50, windowSeconds: 15 * 60 };

type UserRow = typeof users.$inferSelect;

function normalizeLogin(login: string): string {
  const trimmed = login.trim().toLowerCase();
  return /^[\d\s-]+$/.test(trimmed) ? trimmed.replace(/[\s-]/g, '') : trimmed;
}

async function findUser(door: LoginDoor, login: string): Promise<UserRow | undefined> {
  const roles = [...rolesByDoor[door]];
  if (login.includes('@')) {
    const [row] = await db()
      .select()
      .from(users)
      .where(and(sql`lower(${users.email}) = ${login}`, inArray(users.role, roles)));
    return row;
  }
  if (!/^\d{6,12}$/.test(login) || door === 'staff') return undefined;
  if (door === 'household') {
    const [row] = await db()
      .select({ user: users })
      .from(accounts)
      .innerJoin(accountUsers, and(eq(accountUsers.accountId, accounts.id), eq(accountUsers.isOwner, true)))
      .innerJoin(users, eq(users.id, accountUsers.userId))
      .where(and(eq(accounts.number, login), eq(accounts.kind, 'household'), eq(users.role, 'subscriber')));
    return row?.user;
  }
  // A company user may log in with any of the company's account numbers; the oldest user answers.
  const [row] = await db()
    .select({ user: users })
    .from(accounts)
    .innerJoin(users, eq(users.companyId, accounts.companyId))
    .where(and(eq(accounts.number, login), eq(accounts.kind, 'company'), eq(users.role, 'company_user')))
    .orderBy(users.createdAt)
    .limit(1);
  return row?.user;
}

let dummyHash: Promise<string> | undefined;

/** Checks a password against nothing in the same time a real check takes (no timing oracle). */
async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/**
 * One login attempt. Counting happens before the password check (one atomic upsert each), so a
 * burst of parallel guesses cannot slip past the limit; a successful login clears the per-name count.
 * Account states are only revealed to someone who knows the password.
 */
export async function authenticate(input: {
  door: LoginDoor;
  login: string;
  password: string;
  ip: string;
}): Promise<LoginOutcome> {
  const login = normalizeLogin(input.login);
  const nameKey = `login:name:${input.door}:${login}`;
  const [perName, perIp] = await Promise.all([
    hitRateLimit(nameKey, LOGIN_PER_NAME),
    hitRateLimit(`login:ip:${input.ip}`, LOGIN_PER_IP),
  ]);
  if (!perName.allowed || !perIp.allowed) {
    await audit({
      action: 'login.rate_limited',
      ip: input.ip,
      details: { door: input.door, loginHash: pseudonym(login) },
    });
    return { ok: false, reason: 'rate_limited' };
  }

  const user = await findUser(input.door, login);
  const userKey = user ? `login:user:${user.id}` : null;
  if (userKey && !(await hitRateLimit(userKey, LOGIN_PER_USER)).allowed) {
    await audit({
      action: 'login.rate_limited',
      actorUserId: user!.id,
      ip: input.ip,
      details: { door: input.door, login, perUser: true },
    });
    return { ok: false, reason: 'rate_limited' };
  }
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await burnPasswordCheck(input.password), false);
  if (!user || !passwordOk) {
    await audit({
      action: 'login.failure',
      actorUserId: user?.id ?? null,
      subjectType: 'user',
      subjectId: user?.id,
      ip: input.ip,
      // Only a pseudonym of what was typed: a mistyped login is often the password.
      details: { door: input.door, loginHash: pseudonym(login), reason: 'invalid' },
    });
    return { ok: false, reason: 'invalid' };
  }

  await db()
    .delete(rateLimits)
    .where(inArray(rateLimits.key, [nameKey, `login:user:${user.id}`]));
  if (user.status !== 'active') {
    await audit({
      action: 'login.failure',
      actorUserId: user.id,
      subjectType: 'user',
      subjectId: user.id,
      ip: input.ip,
      details: { door: input.door, reason: user.status },
    });
    return { ok: false, reason: user.status };
  }

  await audit({
    action: 'login.success',
    actorUserId: user.id,
    subjectType: 'user',
    subjectId: user.id,
    ip: input.ip,
    details: { door: input.door },
  });
  return {
    ok: true,
    user: {
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      role: user.role,
      sessionVersion: user.sessionVersion,
    },
  };
}
