import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { autopaySettings, cardBindings, users } from '@/db/schema';
import { kickEmailDelivery } from '@/lib/email/outbox';
import { renderPasswordChanged, renderPasswordReset } from '@/lib/email/templates';
import { formatDateTime } from '@/lib/format/dates';
import { audit } from '@/lib/security/audit';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { queueLetter } from '@/lib/email/queue-letter';
import { cancelAnnouncedCharges } from '@/lib/payments/autopay';
import { hashPassword } from './password';
import { isStaffRole } from './login-doors';
import { endSessionsOf } from './sessions';
import { consumeToken, issueToken, revokeAllTokens } from './tokens';

/** Letters per address and requests per client: enough for a lost letter, too few to spam someone. */
export const RESET_PER_EMAIL = { limit: 3, windowSeconds: 60 * 60 };
const RESET_PER_IP = { limit: 20, windowSeconds: 60 * 60 };

/** Said after every request, known address or not, limited or not. */
export const RESET_REQUESTED_MESSAGE =
  'Если этот адрес зарегистрирован, мы отправили на него письмо со ссылкой для смены пароля. Ссылка действует 1 час.';

/**
 * Sends a reset link when the address belongs to a user; otherwise does nothing. The caller shows
 * RESET_REQUESTED_MESSAGE in every case, so the answer reveals nothing about who is registered.
 */
export async function requestPasswordReset(
  email: string,
  context: { ip: string; origin: string; now?: Date },
): Promise<void> {
  const now = context.now ?? new Date();
  const [perIp, perEmail] = await Promise.all([
    hitRateLimit(`reset:ip:${context.ip}`, RESET_PER_IP, now),
    hitRateLimit(`reset:email:${email}`, RESET_PER_EMAIL, now),
  ]);
  if (!perIp.allowed || !perEmail.allowed) return;

  const [user] = await db()
    .select({ id: users.id, email: users.email, fullName: users.fullName, status: users.status, role: users.role })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (!user || user.status === 'rejected' || user.status === 'blocked') return;
  // Staff have no self-service recovery: an admin resets them in the console (a mailbox alone
  // must never open the console).
  if (isStaffRole(user.role)) return;

  await db().transaction(async (tx) => {
    const token = await issueToken(tx, { userId: user.id, purpose: 'password_reset', now });
    await queueLetter(tx, user.email, (utilityName) =>
      renderPasswordReset({
        utilityName,
        fullName: user.fullName,
        link: `${context.origin}/fiz/password/new?token=${token}`,
      }),
    );
    await audit(
      {
        action: 'password.reset_requested',
        actorUserId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip: context.ip,
      },
      tx,
    );
  });
  kickEmailDelivery();
}

export type ResetOutcome = { ok: true; cardsRemoved: number } | { ok: false };

/**
 * Sets the new password from a reset link, in one transaction: the token is used up, every bound
 * card of the user is deleted (a card must never outlive a takeover of the account) and the
 * session version moves on, which ends every session opened with the old password.
 */
export async function completePasswordReset(
  token: string,
  password: string,
  context: { ip: string; origin: string; now?: Date },
): Promise<ResetOutcome> {
  const now = context.now ?? new Date();
  const passwordHash = await hashPassword(password);
  const outcome = await db().transaction(async (tx): Promise<ResetOutcome> => {
    const used = await consumeToken(tx, token, 'password_reset', now);
    if (!used) return { ok: false };
    // A pending e-mail change dies with the reset: it may be the attacker's, started with the
    // phished password (its token is used up below, with every other outstanding link).
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, pendingEmail: null, updatedAt: now })
      .where(eq(users.id, used.userId))
      .returning({ id: users.id, email: users.email, fullName: users.fullName });
    if (!user) return { ok: false };
    await revokeAllTokens(tx, user.id, now);
    await endSessionsOf(tx, user.id);
    // Autopay charges those cards: it goes with them, and a charge already announced is not made.
    const autopayOff = await tx
      .delete(autopaySettings)
      .where(eq(autopaySettings.userId, user.id))
      .returning({ accountId: autopaySettings.accountId });
    await cancelAnnouncedCharges(
      tx,
      autopayOff.map((a) => a.accountId),
    );
    const removed = await tx
      .delete(cardBindings)
      .where(eq(cardBindings.userId, user.id))
      .returning({ id: cardBindings.id });
    await queueLetter(tx, user.email, (utilityName) =>
      renderPasswordChanged({
        utilityName,
        fullName: user.fullName,
        when: formatDateTime(now),
        resetLink: `${context.origin}/fiz/password/reset`,
      }),
    );
    await audit(
      {
        action: 'password.reset_completed',
        actorUserId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip: context.ip,
        details: { cardBindingsRemoved: removed.length, autopayTurnedOff: autopayOff.length },
      },
      tx,
    );
    return { ok: true, cardsRemoved: removed.length };
  });
  if (outcome.ok) kickEmailDelivery();
  return outcome;
}
