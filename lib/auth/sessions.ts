import 'server-only';
import { and, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { LoginDoor } from './login-doors';

// Server-side sessions: the signed cookie only names a row here. Deleting the row (logout,
// «выйти везде», a password reset, an admin's reset of a staff member) kills every copy of the
// cookie at once, and the row holds the lifetimes the cookie cannot be trusted to keep.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SessionPolicy {
  /** Absolute lifetime from login, seconds. */
  absoluteSeconds: number;
  /** Ends a session unused this long; null: no idle limit. */
  idleSeconds: number | null;
  /** Whether the cookie outlives the browser (otherwise a browser-session cookie). */
  persistentCookie: boolean;
}

/** «Запомнить меня» keeps a household signed in for 30 days; without it, until the browser closes. */
export function sessionPolicy(door: LoginDoor, remember: boolean): SessionPolicy {
  if (door === 'staff') return { absoluteSeconds: 12 * HOUR, idleSeconds: 30 * MINUTE, persistentCookie: false };
  if (remember) return { absoluteSeconds: 30 * DAY, idleSeconds: null, persistentCookie: true };
  // A browser-session cookie can live on in a browser that restores tabs: the server ends it anyway.
  return { absoluteSeconds: 12 * HOUR, idleSeconds: null, persistentCookie: false };
}

/** The longest any session lives: what the signed cookie itself is valid for. */
export const LONGEST_SESSION_SECONDS = 30 * DAY;

/** Activity is written at most this often, so reads do not turn every page view into a write. */
const TOUCH_EVERY_MS = 60_000;

export async function openSession(
  input: { userId: string; door: LoginDoor; remember: boolean; secondFactor: boolean; now?: Date },
  executor: Db | Tx = db(),
): Promise<string> {
  const now = input.now ?? new Date();
  const policy = sessionPolicy(input.door, input.remember);
  const [row] = await executor
    .insert(sessions)
    .values({
      userId: input.userId,
      door: input.door,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteSeconds * 1000),
      idleSeconds: policy.idleSeconds,
      secondFactorAt: input.secondFactor ? now : null,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return row.id;
}

export interface LiveSession {
  id: string;
  userId: string;
  door: LoginDoor;
  secondFactorAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The session a cookie names, if it is still alive for this user at this session version: not
 * logged out, not past its absolute end, not idle too long, the user active. Counts as activity.
 */
export async function liveSession(
  claims: { sid?: unknown; uid?: unknown; sv?: unknown },
  now = new Date(),
): Promise<LiveSession | null> {
  const { sid, uid, sv } = claims;
  if (typeof sid !== 'string' || typeof uid !== 'string' || typeof sv !== 'number') return null;
  if (!UUID.test(sid) || !UUID.test(uid)) return null;
  const [row] = await db()
    .select({
      id: sessions.id,
      userId: sessions.userId,
      door: sessions.door,
      secondFactorAt: sessions.secondFactorAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sid),
        eq(sessions.userId, uid),
        eq(users.sessionVersion, sv),
        eq(users.status, 'active'),
        gt(sessions.expiresAt, now),
        or(
          sql`${sessions.idleSeconds} is null`,
          sql`${sessions.lastSeenAt} + make_interval(secs => ${sessions.idleSeconds}) > ${now.toISOString()}::timestamptz`,
        ),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  }
  return { id: row.id, userId: row.userId, door: row.door, secondFactorAt: row.secondFactorAt };
}

export async function markSecondFactor(sessionId: string, now = new Date(), executor: Db | Tx = db()): Promise<void> {
  await executor.update(sessions).set({ secondFactorAt: now, lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

/** Logout: this session only. */
export async function endSession(sessionId: string): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await db().delete(sessions).where(eq(sessions.id, sessionId));
}

/** Every session of a user, optionally but the one the caller keeps. */
export async function endSessionsOf(executor: Db | Tx, userId: string, keepSessionId?: string): Promise<void> {
  await executor
    .delete(sessions)
    .where(
      keepSessionId && UUID.test(keepSessionId)
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    );
}

/** Drops rows of sessions that ended; run from the periodic jobs. */
export async function pruneSessions(now = new Date()): Promise<void> {
  await db().delete(sessions).where(lt(sessions.expiresAt, now));
}
