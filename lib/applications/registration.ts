// A new company without a contract opens its cabinet: the company (name, ИНН checked by its check
// digits, КПП, ОГРН, legal address) and its first user, the owner, who confirms the e-mail address;
// then the owner signs in and applies for a contract. Built on the household registration's pieces:
// the same password hashing, one-time tokens, letters through the outbox, rate limit and consent.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { companies, users } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { CONSENT_VERSION } from '@/lib/auth/consent';
import { queueLetter } from '@/lib/email/queue-letter';
import { hashPassword } from '@/lib/auth/password';
import { REGISTRATION_PER_IP, registrationMessages } from '@/lib/auth/registration';
import { consumeToken, issueToken, peekToken } from '@/lib/auth/tokens';
import { isUniqueViolation } from '@/lib/db-errors';
import { kickEmailDelivery } from '@/lib/email/outbox';
import { renderCompanyEmailConfirm, renderRegistrationExistingEmail } from '@/lib/email/templates';
import { audit } from '@/lib/security/audit';
import { hitRateLimit } from '@/lib/security/rate-limit';
import type { CompanyRegistrationInput } from './schemas';

const COMPANY_EXISTS =
  'Организация с этим ИНН уже обслуживается. Войдите в кабинет юридического лица или попросите его владельца пригласить вас.';

export async function registerCompany(
  input: CompanyRegistrationInput,
  context: { ip: string; origin: string; now?: Date },
): Promise<ActionResult> {
  const now = context.now ?? new Date();
  const limit = await hitRateLimit(`register-company:ip:${context.ip}`, REGISTRATION_PER_IP, now);
  if (!limit.allowed) return fail(registrationMessages.rateLimited);
  const passwordHash = await hashPassword(input.password);
  try {
    const outcome = await db().transaction(async (tx): Promise<ActionResult> => {
      const [known] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.inn, input.inn));
      if (known) return fail('Проверьте ИНН', { inn: COMPANY_EXISTS });
      const [holder] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${input.email}`);
      if (holder) {
        // The form never says whose address is registered: the owner of the address gets a letter.
        await queueLetter(
          tx,
          input.email,
          (utilityName) => renderRegistrationExistingEmail({ utilityName, link: `${context.origin}/lk/login` }),
          `registration-existing:${holder.id}:${now.toISOString().slice(0, 13)}`,
        );
        return succeed({});
      }
      const [company] = await tx
        .insert(companies)
        .values({
          name: input.companyName,
          inn: input.inn,
          kpp: input.kpp ?? null,
          ogrn: input.ogrn ?? null,
          legalAddress: input.legalAddress,
          createdAt: now,
        })
        .returning({ id: companies.id });
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          passwordHash,
          fullName: input.fullName,
          phone: input.phone,
          role: 'company_user',
          companyId: company!.id,
          companyRole: 'owner',
          status: 'email_unconfirmed',
          consentVersion: CONSENT_VERSION,
          consentAt: now,
          createdAt: now,
        })
        .returning({ id: users.id });
      const token = await issueToken(tx, { userId: user!.id, purpose: 'email_confirm', now });
      await queueLetter(tx, input.email, (utilityName) =>
        renderCompanyEmailConfirm({
          utilityName,
          fullName: input.fullName,
          companyName: input.companyName,
          link: `${context.origin}/lk/register/confirm?token=${token}`,
        }),
      );
      await audit(
        {
          action: 'company.registered',
          actorUserId: user!.id,
          subjectType: 'company',
          subjectId: company!.id,
          ip: context.ip,
          details: { inn: input.inn },
        },
        tx,
      );
      return succeed({});
    });
    kickEmailDelivery();
    return outcome;
  } catch (error) {
    // Lost a race with a registration of the same ИНН or address a moment ago.
    if (isUniqueViolation(error, 'companies_inn_key')) return fail('Проверьте ИНН', { inn: COMPANY_EXISTS });
    if (isUniqueViolation(error, 'users_email_key')) return succeed({});
    throw error;
  }
}

/** The link from the letter: the address is proven and the owner may sign in. */
export async function confirmCompanyEmail(
  token: unknown,
  context: { ip: string; now?: Date },
): Promise<'confirmed' | 'invalid'> {
  const now = context.now ?? new Date();
  return db().transaction(async (tx) => {
    // A household's confirmation link opened here is left alone: only a company owner's is used up.
    const seen = await peekToken(tx, token, 'email_confirm', now);
    if (!seen) return 'invalid';
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, seen.userId), eq(users.role, 'company_user'), eq(users.status, 'email_unconfirmed')));
    if (!owner) return 'invalid';
    const used = await consumeToken(tx, token, 'email_confirm', now);
    if (!used) return 'invalid';
    const [user] = await tx
      .update(users)
      .set({ status: 'active', emailConfirmedAt: now, updatedAt: now })
      .where(and(eq(users.id, used.userId), eq(users.status, 'email_unconfirmed'), eq(users.role, 'company_user')))
      .returning({ id: users.id, companyId: users.companyId });
    if (!user) return 'invalid';
    await audit(
      {
        action: 'company.email_confirmed',
        actorUserId: user.id,
        subjectType: 'company',
        subjectId: user.companyId ?? undefined,
        ip: context.ip,
      },
      tx,
    );
    return 'confirmed';
  });
}
