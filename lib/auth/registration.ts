import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, accountUsers, users } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/result';
import { fail } from '@/lib/actions/result';
import { kickEmailDelivery } from '@/lib/email/outbox';
import { renderEmailConfirm, renderRegistrationExistingEmail } from '@/lib/email/templates';
import { isUniqueViolation } from '@/lib/db-errors';
import { audit } from '@/lib/security/audit';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { CONSENT_VERSION } from './consent';
import { queueLetter } from '@/lib/email/queue-letter';
import { hashPassword } from './password';
import type { RegistrationInput } from './schemas';
import { consumeToken, issueToken, TOKEN_LIFETIME_MS } from './tokens';

/**
 * Registration answers say whether a number is registered, so they are rate-limited per address,
 * and per number, so that many addresses probing one number get a pause too.
 */
export const REGISTRATION_PER_IP = { limit: 10, windowSeconds: 60 * 60 };
export const REGISTRATION_PER_NUMBER = { limit: 5, windowSeconds: 60 * 60 };

export const registrationMessages = {
  rateLimited: 'Слишком много заявок с вашего адреса. Попробуйте через час или обратитесь в абонентский отдел.',
  numberRateLimited:
    'Слишком много заявок по этому номеру абонента. Попробуйте через час или обратитесь в абонентский отдел.',
  unknownNumber:
    'Такого номера абонента нет в нашем реестре. Номер абонента указан в договоре энергоснабжения и в квитанции; если его там нет — обратитесь в абонентский отдел.',
  companyNumber: 'Это лицевой счёт организации. Юридические лица входят через кабинет юридического лица.',
  closedAccount: 'Договор по этому номеру абонента расторгнут. Если это ошибка, обратитесь в абонентский отдел.',
  alreadyRegistered:
    'Этот номер абонента уже зарегистрирован. Если кабинет ваш — войдите или восстановите пароль; если нет — обратитесь в абонентский отдел.',
} as const;

const CHECK_NUMBER = 'Проверьте номер абонента';

class Refusal extends Error {
  constructor(readonly result: ActionResult) {
    super('refused');
  }
}

/**
 * A registration request. On success the applicant must confirm the e-mail; the number is held
 * for them meanwhile (the one-owner index settles two simultaneous applications). An address that
 * already has an account gets a letter instead of an error, so the form never reveals who is
 * registered by e-mail.
 */
export async function registerHousehold(
  input: RegistrationInput,
  context: { ip: string; origin: string; now?: Date },
): Promise<ActionResult> {
  const now = context.now ?? new Date();
  const limit = await hitRateLimit(`register:ip:${context.ip}`, REGISTRATION_PER_IP, now);
  if (!limit.allowed) return fail(registrationMessages.rateLimited);
  const perNumber = await hitRateLimit(`register:number:${input.accountNumber}`, REGISTRATION_PER_NUMBER, now);
  if (!perNumber.allowed) return fail(registrationMessages.numberRateLimited);

  const passwordHash = await hashPassword(input.password);
  try {
    const result = await db().transaction(async (tx) => {
      const [account] = await tx.select().from(accounts).where(eq(accounts.number, input.accountNumber)).for('update');
      if (!account) throw new Refusal(fail(CHECK_NUMBER, { accountNumber: registrationMessages.unknownNumber }));
      if (account.kind !== 'household')
        throw new Refusal(fail(CHECK_NUMBER, { accountNumber: registrationMessages.companyNumber }));
      if (account.status !== 'active')
        throw new Refusal(fail(CHECK_NUMBER, { accountNumber: registrationMessages.closedAccount }));

      const [owner] = await tx
        .select({ id: users.id, status: users.status, createdAt: users.createdAt })
        .from(accountUsers)
        .innerJoin(users, eq(users.id, accountUsers.userId))
        .where(and(eq(accountUsers.accountId, account.id), eq(accountUsers.isOwner, true)));
      if (owner) {
        // A rejected application, or one never confirmed before its link expired, frees the number.
        const abandoned =
          owner.status === 'email_unconfirmed' &&
          now.getTime() - owner.createdAt.getTime() > TOKEN_LIFETIME_MS.email_confirm;
        if (!abandoned && owner.status !== 'rejected') {
          throw new Refusal(fail(CHECK_NUMBER, { accountNumber: registrationMessages.alreadyRegistered }));
        }
        await tx.delete(users).where(eq(users.id, owner.id));
      }

      const [holder] = await tx
        .select({ id: users.id, status: users.status, createdAt: users.createdAt })
        .from(users)
        .where(sql`lower(${users.email}) = ${input.email}`);
      // A rejected applicant, or one whose confirmation link lapsed, may simply apply again.
      const reapplying =
        holder &&
        (holder.status === 'rejected' ||
          (holder.status === 'email_unconfirmed' &&
            now.getTime() - holder.createdAt.getTime() > TOKEN_LIFETIME_MS.email_confirm));
      if (holder && reapplying) {
        await tx.delete(users).where(eq(users.id, holder.id));
      } else if (holder) {
        await queueLetter(
          tx,
          input.email,
          (utilityName) =>
            renderRegistrationExistingEmail({ utilityName, link: `${context.origin}/fiz/password/reset` }),
          `registration-existing:${holder.id}:${now.toISOString().slice(0, 13)}`,
        );
        await audit(
          {
            action: 'registration.submitted',
            subjectType: 'account',
            subjectId: account.id,
            ip: context.ip,
            details: { existingEmail: true },
          },
          tx,
        );
        return { ok: true } as const;
      }

      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          passwordHash,
          fullName: input.fullName,
          phone: input.phone,
          role: 'subscriber',
          status: 'email_unconfirmed',
          registrationAddress: input.address,
          consentVersion: CONSENT_VERSION,
          consentAt: now,
          createdAt: now,
        })
        .returning({ id: users.id });
      if (!user) throw new Error('user insert returned nothing');
      await tx.insert(accountUsers).values({ accountId: account.id, userId: user.id, isOwner: true });
      const token = await issueToken(tx, { userId: user.id, purpose: 'email_confirm', now });
      await queueLetter(tx, input.email, (utilityName) =>
        renderEmailConfirm({
          utilityName,
          fullName: input.fullName,
          accountNumber: account.number,
          link: `${context.origin}/fiz/register/confirm?token=${token}`,
        }),
      );
      await audit(
        {
          action: 'registration.submitted',
          actorUserId: user.id,
          subjectType: 'account',
          subjectId: account.id,
          ip: context.ip,
        },
        tx,
      );
      return { ok: true } as const;
    });
    kickEmailDelivery();
    return result;
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    // Lost a race: the same number (or e-mail) was registered a moment ago by another request.
    if (isUniqueViolation(error, 'account_users_one_owner'))
      return fail(CHECK_NUMBER, { accountNumber: registrationMessages.alreadyRegistered });
    if (isUniqueViolation(error, 'users_email_key')) return { ok: true };
    throw error;
  }
}

export type ConfirmOutcome = 'confirmed' | 'invalid';

/** The link from the letter: the address is proven, the application goes to the staff queue. */
export async function confirmRegistrationEmail(
  token: unknown,
  context: { ip: string; now?: Date },
): Promise<ConfirmOutcome> {
  const now = context.now ?? new Date();
  return db().transaction(async (tx) => {
    const used = await consumeToken(tx, token, 'email_confirm', now);
    if (!used) return 'invalid';
    const [user] = await tx
      .update(users)
      .set({ status: 'awaiting_approval', emailConfirmedAt: now, updatedAt: now })
      .where(and(eq(users.id, used.userId), eq(users.status, 'email_unconfirmed'), eq(users.role, 'subscriber')))
      .returning({ id: users.id });
    if (!user) return 'invalid';
    await audit(
      {
        action: 'registration.email_confirmed',
        actorUserId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        ip: context.ip,
      },
      tx,
    );
    return 'confirmed';
  });
}
