// Shared builders and database probes for the household-accounts integration tests
// (tests/integration/auth-*.test.ts). Everything here reads or writes the test database directly,
// so the tests can assert what a call left behind rather than that it ran.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accounts, accountUsers, auditLog, emailOutbox, oneTimeTokens, rateLimits, users } from '@/db/schema';
import { registrationSchema, type RegistrationInput } from '@/lib/auth/schemas';

export const TEST_ORIGIN = 'http://test.local';

/** A password that passes `newPassword` (not in the common list, at least 12 characters). */
export const NEW_PASSWORD = 'Tikhaya-reka-2026';

const hour = 60 * 60 * 1000;
export const minutes = (n: number) => n * 60 * 1000;
export const hours = (n: number) => n * hour;
export const shift = (from: Date, ms: number) => new Date(from.getTime() + ms);

let ipCounter = 0;
/**
 * A client address no other test in this file has used, so per-IP limits never leak between
 * tests. `block` separates files that might share a Postgres server (each file has its own DB,
 * but distinct ranges make failures easier to read).
 */
export function freshIp(block = 100): string {
  if (!Number.isInteger(block) || block < 0 || block > 255) throw new Error(`freshIp: block ${block} is not an octet`);
  ipCounter++;
  return `10.${block}.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

/** The `context` argument of the auth functions. */
export function ctx(ip: string = freshIp(), now?: Date): { ip: string; origin: string; now?: Date } {
  return now ? { ip, origin: TEST_ORIGIN, now } : { ip, origin: TEST_ORIGIN };
}

/** What the registration form would post, as the raw (un-normalised) strings a person types. */
export interface RawRegistration {
  accountNumber: string;
  fullName: string;
  email: string;
  phone: string;
  address: string;
  password: string;
  passwordConfirm: string;
  consent: boolean | string;
}

const defaultRegistration: RawRegistration = {
  accountNumber: '5001 0004',
  fullName: '  Кузнецов Дмитрий ',
  email: ' Kuznetsov.D@Example.RU ',
  phone: '8 (916) 555-12-34',
  address: 'Истра, Ленина 5-7',
  password: 'Svetlaya-lampa-42',
  passwordConfirm: 'Svetlaya-lampa-42',
  consent: 'on',
};

/**
 * A registration input passed through `registrationSchema`, exactly as the Server Action hands it
 * to `registerHousehold` (trimmed, lower-cased e-mail, digits-only number, +7 phone).
 */
export async function validRegistration(overrides: Partial<RawRegistration> = {}): Promise<RegistrationInput> {
  const raw = { ...defaultRegistration, ...overrides };
  if (overrides.password !== undefined && overrides.passwordConfirm === undefined)
    raw.passwordConfirm = overrides.password;
  return registrationSchema.parseAsync(raw);
}

// ─── Reading the database ───────────────────────────────────────────────────

export type UserRow = typeof users.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

export async function userByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function userById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function accountByNumber(db: Db, number: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.number, number));
  if (!row) throw new Error(`no account ${number}`);
  return row;
}

/** Users linked to an account, owners first. */
export async function linksOf(db: Db, accountNumber: string) {
  return db
    .select({ userId: accountUsers.userId, isOwner: accountUsers.isOwner, email: users.email, status: users.status })
    .from(accountUsers)
    .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .where(eq(accounts.number, accountNumber))
    .orderBy(desc(accountUsers.isOwner), asc(users.email));
}

/** Outbox rows addressed to `email` (case-insensitive), oldest first. */
export async function outboxFor(db: Db, email: string): Promise<OutboxRow[]> {
  return db
    .select()
    .from(emailOutbox)
    .where(sql`lower(${emailOutbox.toAddress}) = ${email.toLowerCase()}`)
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
}

/** Every `token=` value in a letter's text version. */
export function tokensInText(text: string): string[] {
  return [...text.matchAll(/[?&]token=([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
}

/** The token from the newest letter to `email` that carries one (the link a person would click). */
export async function tokenFromLatestLetter(db: Db, email: string): Promise<string> {
  const letters = (await outboxFor(db, email)).filter((l) => tokensInText(l.text).length > 0);
  const latest = letters.at(-1);
  if (!latest) throw new Error(`no letter with a token to ${email}`);
  const [token] = tokensInText(latest.text);
  return token!;
}

export async function tokensOf(db: Db, userId: string, purpose?: (typeof oneTimeTokens.$inferSelect)['purpose']) {
  return db
    .select()
    .from(oneTimeTokens)
    .where(
      purpose
        ? and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose))
        : eq(oneTimeTokens.userId, userId),
    )
    .orderBy(asc(oneTimeTokens.createdAt), asc(oneTimeTokens.expiresAt));
}

export async function auditRows(db: Db, action: string) {
  return db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));
}

/** Row counts of every table an auth call may write to; compare before and after to prove «nothing written». */
export async function footprint(db: Db) {
  const n = async (
    table: typeof users | typeof accountUsers | typeof oneTimeTokens | typeof emailOutbox | typeof auditLog,
  ) => {
    const [row] = await db.select({ n: count() }).from(table);
    return row?.n ?? 0;
  };
  return {
    users: await n(users),
    accountUsers: await n(accountUsers),
    tokens: await n(oneTimeTokens),
    outbox: await n(emailOutbox),
    audit: await n(auditLog),
  };
}

export async function rateLimitHits(db: Db, key: string): Promise<number> {
  const rows = await db.select({ hits: rateLimits.hits }).from(rateLimits).where(eq(rateLimits.key, key));
  return rows.reduce((sum, r) => sum + r.hits, 0);
}

/**
 * Functions that read the wall clock (authenticate) count in fixed windows aligned to the epoch;
 * wait out the last `marginMs` of a window so a test's attempts all land in one.
 */
export async function clearOfWindowEdge(windowSeconds: number, marginMs = 10_000): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
