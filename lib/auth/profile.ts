import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { type ActionResult, fail } from '@/lib/actions/result';
import { kickEmailDelivery } from '@/lib/email/outbox';
import { renderEmailChangeConfirm, renderEmailChangeNotice, renderPasswordChanged } from '@/lib/email/templates';
import { formatDateTime } from '@/lib/format/dates';
import { audit } from '@/lib/security/audit';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { queueLetter } from '@/lib/email/queue-letter';
import { hashPassword, verifyPassword } from './password';
import type { preferencesSchema } from './schemas';
import type { SessionUser } from './session';
import { endSessionsOf } from './sessions';
import { consumeToken, issueToken, revokeAllTokens } from './tokens';
import { isUniqueViolation } from '@/lib/db-errors';
import { storePreferences } from '@/lib/notifications/preferences';
import type { z } from 'zod';

const wrongPassword = fail('Текущий пароль указан неверно', { currentPassword: 'Текущий пароль указан неверно' });

/** Current-password checks per user: a session holder must not brute-force the password. */
export const PASSWORD_CHECKS_PER_USER = { limit: 5, windowSeconds: 15 * 60 };

const tooManyChecks = fail('Слишком много попыток ввести текущий пароль. Подождите 15 минут.', {
  currentPassword: 'Слишком много попыток. Подождите 15 минут.',
});

type PasswordCheck = 'ok' | 'wrong' | 'rate_limited';

async function checkCurrentPassword(userId: string, password: string): Promise<PasswordCheck> {
  const limit = await hitRateLimit(`password-check:user:${userId}`, PASSWORD_CHECKS_PER_USER);
  if (!limit.allowed) return 'rate_limited';
  const [row] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row && (await verifyPassword(row.hash, password)) ? 'ok' : 'wrong';
}

function refusal(check: Exclude<PasswordCheck, 'ok'>) {
  return check === 'rate_limited' ? tooManyChecks : wrongPassword;
}

export async function updateContacts(
  user: SessionUser,
  input: { fullName: string; phone: string },
): Promise<ActionResult> {
  await db()
    .update(users)
    .set({ fullName: input.fullName, phone: input.phone, updatedAt: new Date() })
    .where(eq(users.id, user.id));
  return { ok: true, message: 'Контактные данные сохранены' };
}

export async function updatePreferences(
  user: SessionUser,
  input: z.output<typeof preferencesSchema>,
): Promise<ActionResult> {
  await db().transaction((tx) => storePreferences(tx, user.id, input));
  return { ok: true, message: 'Настройки уведомлений сохранены' };
}

/**
 * A new password moves the session version on, so every other session ends; the caller signs
 * the current browser in again with the new password.
 */
export async function changePassword(
  user: SessionUser,
  input: { currentPassword: string; password: string },
  context: { ip: string; origin: string; now?: Date; keepSessionId?: string },
): Promise<ActionResult<{ sessionVersion: number }>> {
  const check = await checkCurrentPassword(user.id, input.currentPassword);
  if (check !== 'ok') return refusal(check);
  const now = context.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  const sessionVersion = await db().transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, pendingEmail: null, updatedAt: now })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    await revokeAllTokens(tx, user.id, now);
    await endSessionsOf(tx, user.id, context.keepSessionId);
    await queueLetter(tx, user.email, (utilityName) =>
      renderPasswordChanged({
        utilityName,
        fullName: user.fullName,
        when: formatDateTime(now),
        resetLink: `${context.origin}/fiz/password/reset`,
      }),
    );
    await audit(
      { action: 'password.changed', actorUserId: user.id, subjectType: 'user', subjectId: user.id, ip: context.ip },
      tx,
    );
    if (!row) throw new Error('the signed-in user has disappeared');
    return row.sessionVersion;
  });
  kickEmailDelivery();
  return { ok: true, sessionVersion, message: 'Пароль изменён. На других устройствах нужно войти заново.' };
}

/**
 * The login address changes only when the new one is confirmed from its own mailbox; the old
 * address is told, so a hijacker cannot move the account silently.
 */
export async function requestEmailChange(
  user: SessionUser,
  input: { newEmail: string; currentPassword: string },
  context: { ip: string; origin: string; now?: Date },
): Promise<ActionResult> {
  const check = await checkCurrentPassword(user.id, input.currentPassword);
  if (check !== 'ok') return refusal(check);
  if (input.newEmail === user.email.toLowerCase()) {
    return fail('Это ваш текущий адрес', { newEmail: 'Это ваш текущий адрес' });
  }
  const now = context.now ?? new Date();
  await db().transaction(async (tx) => {
    await tx.update(users).set({ pendingEmail: input.newEmail, updatedAt: now }).where(eq(users.id, user.id));
    const token = await issueToken(tx, {
      userId: user.id,
      purpose: 'email_change',
      payload: { email: input.newEmail },
      now,
    });
    await queueLetter(tx, input.newEmail, (utilityName) =>
      renderEmailChangeConfirm({
        utilityName,
        fullName: user.fullName,
        newEmail: input.newEmail,
        link: `${context.origin}/fiz/email/confirm?token=${token}`,
      }),
    );
    await queueLetter(tx, user.email, (utilityName) =>
      renderEmailChangeNotice({ utilityName, fullName: user.fullName, newEmail: input.newEmail }),
    );
    await audit(
      {
        action: 'email.change_requested',
        actorUserId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip: context.ip,
        details: { newEmail: input.newEmail },
      },
      tx,
    );
  });
  kickEmailDelivery();
  // Whether the new address is taken is only checked on confirmation, so this answer reveals nothing.
  return {
    ok: true,
    message: `Мы отправили ссылку на ${input.newEmail}. Адрес для входа сменится, когда вы откроете её.`,
  };
}

export type EmailChangeOutcome = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'taken' };

export async function confirmEmailChange(
  token: string,
  context: { ip: string; now?: Date },
): Promise<EmailChangeOutcome> {
  try {
    return await applyEmailChange(token, context);
  } catch (error) {
    // Two confirmations of one address at once: the unique index lets one through; the other
    // rolls back (its link stays usable) and hears that the address is taken.
    if (isUniqueViolation(error, 'users_email_key')) return { ok: false, reason: 'taken' };
    throw error;
  }
}

async function applyEmailChange(token: string, context: { ip: string; now?: Date }): Promise<EmailChangeOutcome> {
  const now = context.now ?? new Date();
  return db().transaction(async (tx): Promise<EmailChangeOutcome> => {
    const used = await consumeToken(tx, token, 'email_change', now);
    const email = (used?.payload as { email?: unknown } | null)?.email;
    if (!used || typeof email !== 'string') return { ok: false, reason: 'invalid' };
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email}`, ne(users.id, used.userId)));
    if (taken) return { ok: false, reason: 'taken' };
    const [user] = await tx
      .update(users)
      .set({ email, pendingEmail: null, updatedAt: now })
      .where(eq(users.id, used.userId))
      .returning({ id: users.id });
    if (!user) return { ok: false, reason: 'invalid' };
    await audit(
      {
        action: 'email.changed',
        actorUserId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip: context.ip,
        details: { email },
      },
      tx,
    );
    return { ok: true, email };
  });
}

/** «Выйти на всех устройствах»: every cookie issued so far stops working. */
export async function endAllSessions(user: SessionUser, context: { ip: string }): Promise<void> {
  await db().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await endSessionsOf(tx, user.id);
    await audit(
      { action: 'logout.everywhere', actorUserId: user.id, subjectType: 'user', subjectId: user.id, ip: context.ip },
      tx,
    );
  });
}
