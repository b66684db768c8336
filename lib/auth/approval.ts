import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, accountUsers, users } from '@/db/schema';
import { formatAccountAddress } from '@/lib/accounts/list';
import { type ActionResult, fail } from '@/lib/actions/result';
import { kickEmailDelivery } from '@/lib/email/outbox';
import { renderRegistrationApproved, renderRegistrationRejected } from '@/lib/email/templates';
import { audit } from '@/lib/security/audit';
import { queueLetter } from '@/lib/email/queue-letter';
import { isUuid } from '@/lib/validation/ids';

/** The promise made on the registration page: staff decide within two days. */
export const APPROVAL_PROMISE_MS = 2 * 24 * 60 * 60 * 1000;

export interface PendingRegistration {
  userId: string;
  fullName: string;
  email: string;
  phone: string | null;
  enteredAddress: string | null;
  /** When the applicant confirmed the e-mail: the clock of the two-day promise starts here. */
  waitingSince: Date;
  account: { id: string; number: string; holderName: string; address: string; contractNumber: string };
}

/** Oldest first: the applicant who has waited longest is decided first. */
export async function listPendingRegistrations(): Promise<PendingRegistration[]> {
  const rows = await db()
    .select({
      userId: users.id,
      fullName: users.fullName,
      email: users.email,
      phone: users.phone,
      enteredAddress: users.registrationAddress,
      waitingSince: sql<Date>`coalesce(${users.emailConfirmedAt}, ${users.createdAt})`.mapWith(users.createdAt),
      account: accounts,
    })
    .from(users)
    .innerJoin(accountUsers, and(eq(accountUsers.userId, users.id), eq(accountUsers.isOwner, true)))
    .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
    .where(eq(users.status, 'awaiting_approval'))
    .orderBy(asc(sql`coalesce(${users.emailConfirmedAt}, ${users.createdAt})`), asc(users.id));
  return rows.map((r) => ({
    userId: r.userId,
    fullName: r.fullName,
    email: r.email,
    phone: r.phone,
    enteredAddress: r.enteredAddress,
    waitingSince: r.waitingSince,
    account: {
      id: r.account.id,
      number: r.account.number,
      holderName: r.account.holderName,
      address: formatAccountAddress(r.account),
      contractNumber: r.account.contractNumber,
    },
  }));
}

export async function countPendingRegistrations(): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.status, 'awaiting_approval'));
  return row?.n ?? 0;
}

const notPending = 'Эта заявка уже рассмотрена или отозвана — обновите страницу.';

/**
 * Approve or reject one application. The status change is conditional on «still awaiting», so two
 * staff members deciding at once cannot both act; the applicant's letter is queued in the same
 * transaction. A rejected applicant keeps the link (so logging in by the number explains the
 * refusal) until someone applies for the number again.
 */
export async function decideRegistration(
  input: { userId: string; decision: 'approve' | 'reject'; reason?: string },
  staff: { id: string },
  context: { ip: string; origin: string; now?: Date },
): Promise<ActionResult> {
  const now = context.now ?? new Date();
  const result = await db().transaction(async (tx) => {
    const approve = input.decision === 'approve';
    const [user] = await tx
      .update(users)
      .set({
        status: approve ? 'active' : 'rejected',
        decidedAt: now,
        decidedBy: staff.id,
        rejectionReason: approve ? null : (input.reason ?? null),
        updatedAt: now,
      })
      .where(and(eq(users.id, input.userId), eq(users.status, 'awaiting_approval'), eq(users.role, 'subscriber')))
      .returning({ id: users.id, email: users.email, fullName: users.fullName });
    if (!user) return fail(notPending);

    const [link] = await tx
      .select({ accountId: accounts.id, number: accounts.number })
      .from(accountUsers)
      .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
      .where(eq(accountUsers.userId, user.id));
    const accountNumber = link?.number ?? '';

    if (approve) {
      await queueLetter(tx, user.email, (utilityName) =>
        renderRegistrationApproved({
          utilityName,
          fullName: user.fullName,
          accountNumber,
          loginLink: `${context.origin}/fiz/login`,
        }),
      );
    } else {
      await queueLetter(tx, user.email, (utilityName) =>
        renderRegistrationRejected({
          utilityName,
          fullName: user.fullName,
          accountNumber,
          reason: input.reason ?? '',
          contactsLink: `${context.origin}/contacts`,
        }),
      );
    }
    await audit(
      {
        action: approve ? 'registration.approved' : 'registration.rejected',
        actorUserId: staff.id,
        subjectType: 'user',
        subjectId: user.id,
        ip: context.ip,
        details: { accountNumber, ...(approve ? {} : { reason: input.reason }) },
      },
      tx,
    );
    return {
      ok: true,
      message: approve ? `Доступ открыт: ${user.fullName}` : `Заявка отклонена: ${user.fullName}`,
    } as const;
  });
  if (result.ok) kickEmailDelivery();
  return result;
}

export interface DecisionSummary {
  fullName: string;
  status: 'active' | 'rejected';
}

/** What the queue page says after a decision («Доступ открыт: …»), read back from the database. */
export async function decisionSummary(userId: string): Promise<DecisionSummary | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db()
    .select({ fullName: users.fullName, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  if (!row || (row.status !== 'active' && row.status !== 'rejected')) return null;
  return { fullName: row.fullName, status: row.status };
}
