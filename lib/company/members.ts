// The people of a company and their roles: invitation by a single-use e-mail link, role changes,
// removal. Every change locks the company's row first, so two owners acting at once are serialized
// and «at least one active owner» holds (a database trigger refuses the rest).
import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { cardBindings, companies, oneTimeTokens, users } from '@/db/schema';
import { queueLetter } from '@/lib/email/queue-letter';
import { hashPassword } from '@/lib/auth/password';
import { consumeToken, issueToken, peekToken } from '@/lib/auth/tokens';
import { CONSENT_VERSION } from '@/lib/auth/consent';
import { kickEmailDelivery } from '@/lib/email/outbox';
import { renderCompanyInvite } from '@/lib/email/templates';
import { audit } from '@/lib/security/audit';
import type { CompanyMember } from './access';
import { type CompanyRole, companyRoleLabels } from './roles';

export interface MemberView {
  id: string;
  fullName: string;
  email: string;
  role: CompanyRole;
  /** `invited`: the link is sent, no password yet. */
  state: 'active' | 'invited';
  isYou: boolean;
}

export const LAST_OWNER_MESSAGE =
  'В организации должен остаться хотя бы один владелец. Сначала назначьте владельцем другого пользователя.';
const NOT_FOUND_MESSAGE = 'Пользователь не найден среди пользователей вашей организации';

type Outcome = { ok: true; message: string } | { ok: false; message: string; field?: string };

/** Everyone in the company who has access or an open invitation; removed people are not listed. */
export async function listMembers(member: CompanyMember): Promise<MemberView[]> {
  const rows = await db()
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      role: users.companyRole,
      status: users.status,
    })
    .from(users)
    .where(and(eq(users.companyId, member.companyId), eq(users.role, 'company_user'), ne(users.status, 'blocked')))
    .orderBy(asc(users.fullName));
  return rows
    .filter((r) => r.status === 'active' || r.status === 'email_unconfirmed')
    .map((r) => ({
      id: r.id,
      fullName: r.fullName,
      email: r.email,
      role: r.role!,
      state: r.status === 'active' ? ('active' as const) : ('invited' as const),
      isYou: r.id === member.user.id,
    }));
}

async function lockCompany(tx: Tx, companyId: string): Promise<{ name: string } | undefined> {
  const [row] = await tx
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, companyId))
    .for('update');
  return row;
}

async function otherActiveOwners(tx: Tx, companyId: string, exceptUserId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.companyId, companyId),
        eq(users.companyRole, 'owner'),
        eq(users.status, 'active'),
        ne(users.id, exceptUserId),
      ),
    );
  return row?.n ?? 0;
}

async function memberRow(tx: Tx, companyId: string, userId: string) {
  const [row] = await tx
    .select({ id: users.id, role: users.companyRole, status: users.status, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.companyId, companyId), eq(users.role, 'company_user')))
    .for('update');
  return row && row.status !== 'blocked' ? row : undefined;
}

/** A password nobody knows: an invited user cannot log in before setting their own. */
async function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}

/**
 * Invites a person by e-mail into the owner's company with a role: the user exists at once (shown
 * as «приглашён»), the letter carries a single-use link valid 3 days. Inviting a pending or a
 * removed colleague of the same company again sends a fresh link; an address used anywhere else is refused.
 */
export async function inviteMember(
  member: CompanyMember,
  input: { email: string; fullName: string; role: CompanyRole },
  context: { ip: string; origin: string; now?: Date },
): Promise<Outcome> {
  const now = context.now ?? new Date();
  const passwordHash = await unusablePasswordHash();
  const outcome = await db().transaction(async (tx): Promise<Outcome> => {
    const company = await lockCompany(tx, member.companyId);
    if (!company) return { ok: false, message: NOT_FOUND_MESSAGE };
    const [existing] = await tx
      .select({ id: users.id, companyId: users.companyId, status: users.status })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`)
      .for('update');
    let userId: string;
    if (existing) {
      const sameCompanyNotActive =
        existing.companyId === member.companyId &&
        (existing.status === 'email_unconfirmed' || existing.status === 'blocked');
      if (!sameCompanyNotActive) {
        return {
          ok: false,
          field: 'email',
          message:
            existing.companyId === member.companyId
              ? 'Этот сотрудник уже пользуется кабинетом организации'
              : 'Этот адрес уже используется в Энергокабинете. Пригласите сотрудника по его рабочему адресу.',
        };
      }
      await tx
        .update(users)
        .set({
          fullName: input.fullName,
          companyRole: input.role,
          status: 'email_unconfirmed',
          passwordHash,
          sessionVersion: sql`${users.sessionVersion} + 1`,
          updatedAt: now,
        })
        .where(eq(users.id, existing.id));
      userId = existing.id;
    } else {
      const [created] = await tx
        .insert(users)
        .values({
          email: input.email,
          passwordHash,
          fullName: input.fullName,
          role: 'company_user',
          status: 'email_unconfirmed',
          companyId: member.companyId,
          companyRole: input.role,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      userId = created!.id;
    }
    const token = await issueToken(tx, { userId, purpose: 'company_invite', now });
    await queueLetter(tx, input.email, (utilityName) =>
      renderCompanyInvite({
        utilityName,
        fullName: input.fullName,
        companyName: company.name,
        roleLabel: companyRoleLabels[input.role],
        invitedBy: member.user.fullName,
        link: `${context.origin}/lk/invite?token=${token}`,
      }),
    );
    await audit(
      {
        action: 'company.user_invited',
        actorUserId: member.user.id,
        subjectType: 'user',
        subjectId: userId,
        ip: context.ip,
        details: { companyId: member.companyId, role: input.role },
      },
      tx,
    );
    return { ok: true, message: `Приглашение отправлено на ${input.email}. Ссылка действует 3 суток.` };
  });
  if (outcome.ok) kickEmailDelivery();
  return outcome;
}

export async function changeMemberRole(
  member: CompanyMember,
  input: { userId: string; role: CompanyRole },
  context: { ip: string },
): Promise<Outcome> {
  return db().transaction(async (tx): Promise<Outcome> => {
    if (!(await lockCompany(tx, member.companyId))) return { ok: false, message: NOT_FOUND_MESSAGE };
    const target = await memberRow(tx, member.companyId, input.userId);
    if (!target) return { ok: false, message: NOT_FOUND_MESSAGE };
    if (target.role === input.role) return { ok: true, message: 'Роль не изменилась' };
    const demotesAnOwner = target.role === 'owner' && target.status === 'active';
    if (demotesAnOwner && (await otherActiveOwners(tx, member.companyId, target.id)) === 0) {
      return { ok: false, message: LAST_OWNER_MESSAGE };
    }
    await tx.update(users).set({ companyRole: input.role, updatedAt: new Date() }).where(eq(users.id, target.id));
    await audit(
      {
        action: 'company.role_changed',
        actorUserId: member.user.id,
        subjectType: 'user',
        subjectId: target.id,
        ip: context.ip,
        details: { companyId: member.companyId, from: target.role, to: input.role },
      },
      tx,
    );
    return { ok: true, message: `${target.fullName}: роль «${companyRoleLabels[input.role]}»` };
  });
}

/**
 * Takes a person's access away: their sessions end at once, their open invitation link and bound
 * cards are gone; what they did (readings, payments) stays attributed to them.
 */
export async function removeMember(
  member: CompanyMember,
  input: { userId: string },
  context: { ip: string },
): Promise<Outcome> {
  return db().transaction(async (tx): Promise<Outcome> => {
    if (!(await lockCompany(tx, member.companyId))) return { ok: false, message: NOT_FOUND_MESSAGE };
    const target = await memberRow(tx, member.companyId, input.userId);
    if (!target) return { ok: false, message: NOT_FOUND_MESSAGE };
    if (
      target.role === 'owner' &&
      target.status === 'active' &&
      (await otherActiveOwners(tx, member.companyId, target.id)) === 0
    ) {
      return { ok: false, message: LAST_OWNER_MESSAGE };
    }
    const now = new Date();
    await tx
      .update(users)
      .set({ status: 'blocked', sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, target.id));
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.userId, target.id), isNull(oneTimeTokens.usedAt)));
    await tx.delete(cardBindings).where(eq(cardBindings.userId, target.id));
    await audit(
      {
        action: 'company.user_removed',
        actorUserId: member.user.id,
        subjectType: 'user',
        subjectId: target.id,
        ip: context.ip,
        details: { companyId: member.companyId, role: target.role },
      },
      tx,
    );
    return { ok: true, message: `${target.fullName} больше не имеет доступа к кабинету` };
  });
}

export interface InvitationView {
  fullName: string;
  email: string;
  companyName: string;
  role: CompanyRole;
}

async function invitedUser(executor: Db | Tx, userId: string) {
  const [row] = await executor
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      role: users.companyRole,
      status: users.status,
      companyName: companies.name,
    })
    .from(users)
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(and(eq(users.id, userId), eq(users.role, 'company_user')));
  return row && row.status === 'email_unconfirmed' && row.role ? { ...row, role: row.role } : undefined;
}

/** For the invitation page: whom the link invites, or null when it is spent, expired or malformed. */
export async function invitationFor(token: unknown): Promise<InvitationView | null> {
  const found = await peekToken(db(), token, 'company_invite');
  if (!found) return null;
  const user = await invitedUser(db(), found.userId);
  return user ? { fullName: user.fullName, email: user.email, companyName: user.companyName, role: user.role } : null;
}

/** The invitee sets a password: the link is used up, the address counts as confirmed, access opens. */
export async function acceptInvitation(
  input: { token: string; password: string },
  context: { ip: string; now?: Date },
): Promise<{ ok: true; email: string } | { ok: false }> {
  const now = context.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  return db().transaction(async (tx) => {
    const used = await consumeToken(tx, input.token, 'company_invite', now);
    if (!used) return { ok: false as const };
    const invited = await invitedUser(tx, used.userId);
    if (!invited) return { ok: false as const };
    await tx
      .update(users)
      .set({
        passwordHash,
        status: 'active',
        emailConfirmedAt: now,
        consentVersion: CONSENT_VERSION,
        consentAt: now,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: now,
      })
      .where(eq(users.id, invited.id));
    await audit(
      {
        action: 'company.invite_accepted',
        actorUserId: invited.id,
        subjectType: 'user',
        subjectId: invited.id,
        ip: context.ip,
      },
      tx,
    );
    return { ok: true as const, email: invited.email };
  });
}
