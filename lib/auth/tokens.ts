import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { oneTimeTokens } from '@/db/schema';

export type TokenPurpose = (typeof oneTimeTokens.$inferSelect)['purpose'];

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  password_reset: 60 * 60 * 1000,
  email_confirm: 24 * 60 * 60 * 1000,
  email_change: 24 * 60 * 60 * 1000,
  company_invite: 3 * 24 * 60 * 60 * 1000,
};

/** Only the hash is stored: a leaked table yields no usable link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 256 random bits, URL-safe. Earlier unused tokens of the same purpose stop working. */
export async function issueToken(
  executor: Db | Tx,
  input: { userId: string; purpose: TokenPurpose; payload?: Record<string, unknown>; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  await executor
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.userId, input.userId),
        eq(oneTimeTokens.purpose, input.purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    );
  await executor.insert(oneTimeTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    payload: input.payload ?? null,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[input.purpose]),
  });
  return token;
}

export interface ValidToken {
  id: string;
  userId: string;
  payload: unknown;
}

function looksLikeToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

/** The token's row while it is good: this purpose, not used yet, not expired at `now`. */
function usable(token: string, purpose: TokenPurpose, now: Date) {
  return and(
    eq(oneTimeTokens.tokenHash, hashToken(token)),
    eq(oneTimeTokens.purpose, purpose),
    isNull(oneTimeTokens.usedAt),
    sql`${oneTimeTokens.expiresAt} > ${now.toISOString()}::timestamptz`,
  );
}

/** Is the link still good? For showing the form; does not use the token up. */
export async function peekToken(
  executor: Db | Tx,
  token: unknown,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<ValidToken | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await executor
    .select({ id: oneTimeTokens.id, userId: oneTimeTokens.userId, payload: oneTimeTokens.payload })
    .from(oneTimeTokens)
    .where(usable(token, purpose, now));
  return row ?? null;
}

/**
 * Uses the token up in one conditional UPDATE: of two simultaneous requests with the same link,
 * exactly one gets the row back. Call inside the transaction that does the work, so a failure
 * later in it gives the token back.
 */
export async function consumeToken(
  executor: Db | Tx,
  token: unknown,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<ValidToken | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await executor
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(usable(token, purpose, now))
    .returning({ id: oneTimeTokens.id, userId: oneTimeTokens.userId, payload: oneTimeTokens.payload });
  return row ?? null;
}

/** For a page opened from a letter: is its link still good? */
export async function linkIsUsable(token: unknown, purpose: TokenPurpose): Promise<boolean> {
  return (await peekToken(db(), token, purpose)) !== null;
}

/**
 * Uses up every outstanding token of a user (reset links, e-mail changes, confirmations): after a
 * password reset or change, nothing started with the old password may still complete.
 */
export async function revokeAllTokens(executor: Db | Tx, userId: string, now: Date): Promise<number> {
  const revoked = await executor
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)))
    .returning({ id: oneTimeTokens.id });
  return revoked.length;
}
