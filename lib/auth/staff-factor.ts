import 'server-only';
import { and, eq, isNull, or, lt, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { staffRecoveryCodes, staffTotp } from '@/db/schema';
import { type ActionResult, fail } from '@/lib/actions/result';
import { audit } from '@/lib/security/audit';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { open, seal } from './secret-box';
import { markSecondFactor } from './sessions';
import {
  acceptedStep,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  looksLikeTotp,
  newRecoveryCodes,
  newTotpSecret,
  normalizeCode,
} from './totp';

// The staff second factor in the database: an encrypted TOTP secret per staff member (confirmed
// by the first code the app shows) and ten single-use recovery codes, stored hashed.

const BOX = 'staff-totp';

/** Wrong codes per staff member: with the password known, a 6-digit code must not be guessable. */
export const SECOND_FACTOR_FAILURES = { limit: 5, windowSeconds: 15 * 60 };

export async function hasConfirmedFactor(userId: string, executor: Db | Tx = db()): Promise<boolean> {
  const [row] = await executor
    .select({ confirmedAt: staffTotp.confirmedAt })
    .from(staffTotp)
    .where(eq(staffTotp.userId, userId));
  return Boolean(row?.confirmedAt);
}

/**
 * The secret to show on the enrolment page: the unconfirmed one already made for this user, or a
 * new one. Null when the user has a confirmed factor (only an admin's reset removes it).
 */
export async function pendingEnrolmentSecret(userId: string): Promise<string | null> {
  const [row] = await db().select().from(staffTotp).where(eq(staffTotp.userId, userId));
  if (row?.confirmedAt) return null;
  const existing = row ? open(BOX, row.secretSealed) : null;
  if (existing) return existing;
  const secret = newTotpSecret();
  await db()
    .insert(staffTotp)
    .values({ userId, secretSealed: seal(BOX, secret) })
    .onConflictDoUpdate({
      target: staffTotp.userId,
      set: { secretSealed: seal(BOX, secret) },
      where: isNull(staffTotp.confirmedAt),
    });
  const [again] = await db().select().from(staffTotp).where(eq(staffTotp.userId, userId));
  return again && !again.confirmedAt ? open(BOX, again.secretSealed) : null;
}

/** Saves a confirmed factor and fresh recovery codes (inside the caller's transaction). */
export async function installFactor(
  tx: Tx,
  userId: string,
  secret: string,
  now: Date,
  lastStep: number | null = null,
): Promise<string[]> {
  await tx
    .insert(staffTotp)
    .values({ userId, secretSealed: seal(BOX, secret), confirmedAt: now, lastStep })
    .onConflictDoUpdate({
      target: staffTotp.userId,
      set: { secretSealed: seal(BOX, secret), confirmedAt: now, lastStep },
    });
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  const codes = newRecoveryCodes();
  await tx.insert(staffRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

export type EnrolResult = ActionResult<{ recoveryCodes: string[] }>;

/** The first code from the app confirms the secret; this session has then passed the second factor. */
export async function confirmEnrolment(
  user: { id: string },
  sessionId: string,
  rawCode: string,
  context: { ip: string; now?: Date },
): Promise<EnrolResult> {
  const now = context.now ?? new Date();
  const code = normalizeCode(rawCode);
  const wrong = fail('Код не подошёл. Введите код, который приложение показывает сейчас.', {
    code: 'Код не подошёл',
  });
  if (!looksLikeTotp(code)) return wrong;
  return db().transaction(async (tx): Promise<EnrolResult> => {
    const [row] = await tx.select().from(staffTotp).where(eq(staffTotp.userId, user.id)).for('update');
    if (row?.confirmedAt) return fail('Второй фактор уже подключён');
    const secret = row ? open(BOX, row.secretSealed) : null;
    if (!secret) return fail('Обновите страницу: QR-код устарел');
    const step = acceptedStep(secret, code, now.getTime());
    if (step === null) {
      await audit(
        {
          action: 'staff.second_factor_failed',
          actorUserId: user.id,
          subjectType: 'user',
          subjectId: user.id,
          ip: context.ip,
          details: { during: 'enrolment' },
        },
        tx,
      );
      return wrong;
    }
    const recoveryCodes = await installFactor(tx, user.id, secret, now, step);
    await markSecondFactor(sessionId, now, tx);
    await audit(
      {
        action: 'staff.second_factor_enrolled',
        actorUserId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip: context.ip,
      },
      tx,
    );
    return { ok: true, recoveryCodes, message: 'Второй фактор подключён' };
  });
}

export type SecondFactorCheck = 'totp' | 'recovery_code' | 'invalid' | 'rate_limited';

/**
 * Checks a code typed at login: a TOTP code whose step was not used before, or an unused recovery
 * code (used up here). Every refusal is audited; a reused recovery code says so in the audit line.
 */
export async function checkSecondFactor(
  userId: string,
  rawCode: string,
  context: { ip: string; now?: Date },
): Promise<SecondFactorCheck> {
  const now = context.now ?? new Date();
  const limit = await hitRateLimit(`second-factor:user:${userId}`, SECOND_FACTOR_FAILURES, now);
  const refuse = async (reason: string): Promise<SecondFactorCheck> => {
    await audit({
      action: 'staff.second_factor_failed',
      actorUserId: userId,
      subjectType: 'user',
      subjectId: userId,
      ip: context.ip,
      details: { reason },
    });
    return reason === 'rate_limited' ? 'rate_limited' : 'invalid';
  };
  if (!limit.allowed) return refuse('rate_limited');
  const code = normalizeCode(rawCode);

  if (looksLikeTotp(code)) {
    const [row] = await db().select().from(staffTotp).where(eq(staffTotp.userId, userId));
    const secret = row?.confirmedAt ? open(BOX, row.secretSealed) : null;
    const step = secret ? acceptedStep(secret, code, now.getTime()) : null;
    if (step === null) return refuse('wrong_code');
    // One atomic claim of the step: two logins with the same code cannot both pass.
    const claimed = await db()
      .update(staffTotp)
      .set({ lastStep: step })
      .where(and(eq(staffTotp.userId, userId), or(isNull(staffTotp.lastStep), lt(staffTotp.lastStep, step))))
      .returning({ userId: staffTotp.userId });
    if (!claimed.length) return refuse('reused_code');
    await clearFailures(userId);
    return 'totp';
  }

  if (looksLikeRecoveryCode(code)) {
    const codeHash = hashRecoveryCode(code);
    const used = await db()
      .update(staffRecoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(staffRecoveryCodes.userId, userId),
          eq(staffRecoveryCodes.codeHash, codeHash),
          isNull(staffRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: staffRecoveryCodes.id });
    if (used.length) {
      const [left] = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(staffRecoveryCodes)
        .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)));
      await audit({
        action: 'staff.recovery_code_used',
        actorUserId: userId,
        subjectType: 'user',
        subjectId: userId,
        ip: context.ip,
        details: { codesLeft: left?.n ?? 0 },
      });
      await clearFailures(userId);
      return 'recovery_code';
    }
    const [known] = await db()
      .select({ id: staffRecoveryCodes.id })
      .from(staffRecoveryCodes)
      .where(and(eq(staffRecoveryCodes.userId, userId), eq(staffRecoveryCodes.codeHash, codeHash)));
    return refuse(known ? 'reused_recovery_code' : 'wrong_code');
  }
  return refuse('wrong_code');
}

async function clearFailures(userId: string): Promise<void> {
  await db().execute(sql`delete from rate_limits where key = ${`second-factor:user:${userId}`}`);
}

/** Removes a staff member's factor and codes: the next login enrols again (an admin's reset). */
export async function removeFactor(tx: Tx, userId: string): Promise<void> {
  await tx.delete(staffTotp).where(eq(staffTotp.userId, userId));
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
}
