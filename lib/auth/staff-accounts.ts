import 'server-only';
import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { staffRecoveryCodes, staffTotp, users } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { isUniqueViolation } from '@/lib/db-errors';
import { audit } from '@/lib/security/audit';
import { rolesByDoor, type StaffRole } from './login-doors';
import { hashPassword } from './password';
import { endSessionsOf } from './sessions';
import { removeFactor } from './staff-factor';

// Staff accounts are made and reset by an admin only: staff have no self-service recovery, so a
// mailbox alone never opens the console. A new or reset account gets a one-time password that the
// admin hands over in person; its first login enrols the second factor.

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 20 characters from 55 (≈ 115 bits), in groups of five for dictating. */
export function temporaryPassword(): string {
  const chars = Array.from({ length: 20 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

export interface StaffMember {
  id: string;
  email: string;
  fullName: string;
  role: StaffRole;
  status: string;
  hasSecondFactor: boolean;
  recoveryCodesLeft: number;
}

export async function listStaff(): Promise<StaffMember[]> {
  const rows = await db()
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      status: users.status,
      confirmedAt: staffTotp.confirmedAt,
      codesLeft: sql<number>`(select count(*)::int from ${staffRecoveryCodes} where ${staffRecoveryCodes.userId} = ${users.id} and ${staffRecoveryCodes.usedAt} is null)`,
    })
    .from(users)
    .leftJoin(staffTotp, eq(staffTotp.userId, users.id))
    .where(inArray(users.role, [...rolesByDoor.staff]))
    .orderBy(asc(users.fullName));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    fullName: r.fullName,
    role: r.role as StaffRole,
    status: r.status,
    hasSecondFactor: Boolean(r.confirmedAt),
    recoveryCodesLeft: r.codesLeft,
  }));
}

export type StaffPasswordResult = ActionResult<{ userId: string; email: string; temporaryPassword: string }>;

export async function createStaff(
  admin: { id: string },
  input: { email: string; fullName: string; role: StaffRole },
  context: { ip: string; now?: Date },
): Promise<StaffPasswordResult> {
  const now = context.now ?? new Date();
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    return await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          email: input.email,
          fullName: input.fullName,
          passwordHash,
          role: input.role,
          status: 'active',
          emailConfirmedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id, email: users.email });
      await audit(
        {
          action: 'staff.created',
          actorUserId: admin.id,
          subjectType: 'user',
          subjectId: row!.id,
          ip: context.ip,
          details: { email: row!.email, role: input.role },
        },
        tx,
      );
      return succeed({
        userId: row!.id,
        email: row!.email,
        temporaryPassword: password,
        message: `Сотрудник ${row!.email} добавлен`,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      return fail('Этот e-mail уже занят', { email: 'Этот e-mail уже занят' });
    }
    throw error;
  }
}

/**
 * A lost phone or password: the admin resets the account. The second factor and recovery codes
 * are removed, every session ends, and a one-time password replaces the old one.
 */
export async function resetStaff(
  admin: { id: string },
  userId: string,
  context: { ip: string; now?: Date },
): Promise<StaffPasswordResult> {
  if (userId === admin.id) return fail('Свой вход сбросить нельзя: попросите другого администратора');
  const now = context.now ?? new Date();
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(and(eq(users.id, userId), inArray(users.role, [...rolesByDoor.staff])))
      .returning({ id: users.id, email: users.email });
    if (!row) return fail('Сотрудник не найден — обновите страницу');
    await removeFactor(tx, row.id);
    await endSessionsOf(tx, row.id);
    await audit(
      { action: 'staff.reset', actorUserId: admin.id, subjectType: 'user', subjectId: row.id, ip: context.ip },
      tx,
    );
    return succeed({
      userId: row.id,
      email: row.email,
      temporaryPassword: password,
      message: `Вход сотрудника ${row.email} сброшен`,
    });
  });
}
