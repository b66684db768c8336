import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { users, utilityProfile } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { temporaryPassword } from '@/lib/auth/staff-accounts';
import { installFactor } from '@/lib/auth/staff-factor';
import { newTotpSecret, totpUri } from '@/lib/auth/totp';
import { audit } from '@/lib/security/audit';
import { email, requiredText } from '@/lib/validation/fields';

// The first start of a real deployment (`npm run setup`): the utility's profile and the first
// admin, with the second factor already enrolled. Everything in one transaction.

const digits = (label: string, n: number | number[]) => {
  const lengths = Array.isArray(n) ? n : [n];
  return z
    .string({ error: `Укажите ${label}` })
    .trim()
    .refine((v) => lengths.some((l) => new RegExp(`^\\d{${l}}$`).test(v)), `${label}: ${lengths.join(' или ')} цифр`);
};

export const utilityProfileInput = z.object({
  fullName: requiredText('Полное наименование', 300),
  shortName: requiredText('Краткое наименование', 100),
  inn: digits('ИНН', [10, 12]),
  kpp: digits('КПП', 9),
  ogrn: digits('ОГРН', [13, 15]),
  legalAddress: requiredText('Юридический адрес', 300),
  email,
  website: z.string().trim().max(200).optional(),
  mainPhone: requiredText('Телефон', 50),
  emergencyPhone: requiredText('Аварийный телефон', 50),
  workingHours: z.string().trim().max(300).optional(),
  bankName: requiredText('Банк', 200),
  bik: digits('БИК', 9),
  correspondentAccount: digits('Корреспондентский счёт', 20),
  settlementAccount: digits('Расчётный счёт', 20),
});

export const firstAdminInput = z.object({ email, fullName: requiredText('ФИО администратора', 150) });

export type UtilityProfileInput = z.output<typeof utilityProfileInput>;

export interface SetupOutcome {
  profileCreated: boolean;
  admin: {
    email: string;
    temporaryPassword: string;
    totpSecret: string;
    otpauthUri: string;
    recoveryCodes: string[];
  };
}

/**
 * Writes the profile (unless one exists: a second run only adds an admin) and a new admin with a
 * generated password, an enrolled TOTP secret and ten recovery codes — shown once by the caller.
 */
export async function setUpPortal(
  database: Db,
  input: { profile: UtilityProfileInput | null; admin: z.output<typeof firstAdminInput> },
  now = new Date(),
): Promise<SetupOutcome> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const secret = newTotpSecret();
  return database.transaction(async (tx) => {
    const [existing] = await tx.select({ id: utilityProfile.id }).from(utilityProfile).where(eq(utilityProfile.id, 1));
    let profileCreated = false;
    if (!existing) {
      if (!input.profile) throw new Error('the utility profile is missing: pass its details');
      await tx.insert(utilityProfile).values({ id: 1, ...input.profile });
      profileCreated = true;
    }
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.admin.email.toLowerCase()}`);
    if (taken) throw new Error(`${input.admin.email} is already a user: choose another admin e-mail`);
    const [admin] = await tx
      .insert(users)
      .values({
        email: input.admin.email,
        fullName: input.admin.fullName,
        passwordHash,
        role: 'admin',
        status: 'active',
        emailConfirmedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id, email: users.email });
    const recoveryCodes = await installFactor(tx, admin!.id, secret, now);
    await audit(
      {
        action: 'setup.completed',
        actorUserId: admin!.id,
        subjectType: 'user',
        subjectId: admin!.id,
        details: { profileCreated, adminEmail: admin!.email },
      },
      tx,
    );
    return {
      profileCreated,
      admin: {
        email: admin!.email,
        temporaryPassword: password,
        totpSecret: secret,
        otpauthUri: totpUri(secret, admin!.email),
        recoveryCodes,
      },
    };
  });
}
