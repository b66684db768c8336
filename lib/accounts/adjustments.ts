import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { accountAdjustments, ledgerEntries, users } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { env } from '@/lib/config/env';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import type { AdjustmentInput } from './registry-schemas';
import { ACCOUNT_GONE, isStaff, lockAccount, NOT_STAFF, type StaffWriteContext } from './staff-write';
import type { AdjustmentStatus } from '@/db/enums';

// A balance adjustment is a new ledger entry of kind `adjustment` with the staff member's reason;
// the ledger is append-only, so a mistake is corrected by another adjustment. Dual control as for
// refunds (lib/payments/refund-approval.ts): up to the threshold it is posted at once; above it, it
// waits for an admin other than the requester (the database refuses the requester as approver).

/** Whole rubles in the setting; an adjustment of more than this (either sign) needs an admin's approval. */
export function adjustmentThresholdKopecks(): number {
  return env().ADJUSTMENT_APPROVAL_THRESHOLD_RUB * 100;
}

const describe = (reason: string) => `Корректировка: ${reason}`;

export type AdjustmentResult = ActionResult<{ adjustmentId: string; posted: boolean }>;

export async function postOrRequestAdjustment(
  staff: SessionUser,
  input: AdjustmentInput,
  ctx: StaffWriteContext,
): Promise<AdjustmentResult> {
  if (!isStaff(staff)) return fail(NOT_STAFF);
  const now = ctx.now ?? new Date();
  const amount = input.direction === 'credit' ? -input.amount : input.amount;
  const threshold = adjustmentThresholdKopecks();
  return db().transaction(async (tx): Promise<AdjustmentResult> => {
    const account = await lockAccount(tx, input.account);
    if (!account) return fail(ACCOUNT_GONE);
    const details = { accountNumber: account.number, amountKopecks: amount, reason: input.reason };
    if (input.amount <= threshold) {
      const [entry] = await tx
        .insert(ledgerEntries)
        .values({
          accountId: account.id,
          kind: 'adjustment',
          amountKopecks: amount,
          description: describe(input.reason),
          createdBy: staff.id,
          postedAt: now,
        })
        .returning({ id: ledgerEntries.id });
      const [row] = await tx
        .insert(accountAdjustments)
        .values({
          accountId: account.id,
          amountKopecks: amount,
          reason: input.reason,
          status: 'approved',
          requestedBy: staff.id,
          requestedAt: now,
          decidedAt: now,
          ledgerEntryId: entry!.id,
        })
        .returning({ id: accountAdjustments.id });
      await audit(
        {
          action: 'adjustment.posted',
          actorUserId: staff.id,
          subjectType: 'account',
          subjectId: account.id,
          ip: ctx.ip,
          details: { ...details, adjustmentId: row!.id, ledgerEntryId: entry!.id },
        },
        tx,
      );
      return succeed({ adjustmentId: row!.id, posted: true, message: `Корректировка ${signed(amount)} проведена` });
    }
    const [row] = await tx
      .insert(accountAdjustments)
      .values({
        accountId: account.id,
        amountKopecks: amount,
        reason: input.reason,
        requestedBy: staff.id,
        requestedAt: now,
      })
      .returning({ id: accountAdjustments.id });
    await audit(
      {
        action: 'adjustment.approval_requested',
        actorUserId: staff.id,
        subjectType: 'account',
        subjectId: account.id,
        ip: ctx.ip,
        details: { ...details, adjustmentId: row!.id, thresholdKopecks: threshold },
      },
      tx,
    );
    return succeed({
      adjustmentId: row!.id,
      posted: false,
      message: `Корректировка больше ${formatRub(threshold)} ждёт одобрения администратора. Баланс пока не изменился.`,
    });
  });
}

/** «−1 500,00 ₽» / «+1 500,00 ₽»: the sign as the ledger reads it. */
function signed(kopecks: number): string {
  return `${kopecks < 0 ? '−' : '+'}${formatRub(Math.abs(kopecks))}`;
}

/** An admin other than the requester approves (the ledger entry is written now) or declines. */
export async function decideAdjustment(
  admin: SessionUser,
  input: { requestId: string; decision: 'approve' | 'decline' },
  ctx: StaffWriteContext,
): Promise<ActionResult<{ accountId: string }>> {
  if (!isStaff(admin)) return fail(NOT_STAFF);
  if (admin.role !== 'admin') return fail('Одобрить или отклонить корректировку может только администратор');
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx): Promise<ActionResult<{ accountId: string }>> => {
    const [request] = await tx
      .select()
      .from(accountAdjustments)
      .where(eq(accountAdjustments.id, input.requestId))
      .for('update');
    if (!request) return fail('Корректировка не найдена — обновите страницу');
    if (request.status !== 'pending') {
      return fail(
        request.status === 'approved' ? 'Эта корректировка уже проведена' : 'Эта корректировка уже отклонена',
      );
    }
    if (request.requestedBy === admin.id) return fail('Свою корректировку одобрить нельзя: нужен другой администратор');
    const account = await lockAccount(tx, request.accountId);
    if (!account) return fail(ACCOUNT_GONE);
    const details = {
      accountNumber: account.number,
      adjustmentId: request.id,
      amountKopecks: request.amountKopecks,
      requestedBy: request.requestedBy,
    };
    if (input.decision === 'decline') {
      await tx
        .update(accountAdjustments)
        .set({ status: 'declined', decidedBy: admin.id, decidedAt: now })
        .where(and(eq(accountAdjustments.id, request.id), eq(accountAdjustments.status, 'pending')));
      await audit(
        {
          action: 'adjustment.declined',
          actorUserId: admin.id,
          subjectType: 'account',
          subjectId: account.id,
          ip: ctx.ip,
          details,
        },
        tx,
      );
      return succeed({ accountId: account.id, message: 'Корректировка отклонена, баланс не изменился' });
    }
    const [entry] = await tx
      .insert(ledgerEntries)
      .values({
        accountId: account.id,
        kind: 'adjustment',
        amountKopecks: request.amountKopecks,
        description: describe(request.reason),
        createdBy: admin.id,
        postedAt: now,
      })
      .returning({ id: ledgerEntries.id });
    await tx
      .update(accountAdjustments)
      .set({ status: 'approved', decidedBy: admin.id, decidedAt: now, ledgerEntryId: entry!.id })
      .where(and(eq(accountAdjustments.id, request.id), eq(accountAdjustments.status, 'pending')));
    await audit(
      {
        action: 'adjustment.approved',
        actorUserId: admin.id,
        subjectType: 'account',
        subjectId: account.id,
        ip: ctx.ip,
        details: { ...details, ledgerEntryId: entry!.id },
      },
      tx,
    );
    return succeed({
      accountId: account.id,
      message: `Корректировка ${signed(request.amountKopecks)} одобрена и проведена`,
    });
  });
}

export interface AdjustmentRow {
  id: string;
  amountKopecks: number;
  reason: string;
  status: AdjustmentStatus;
  requestedAt: Date;
  requestedBy: string;
  requesterName: string;
  deciderName: string | null;
  decidedAt: Date | null;
}

/** The account's adjustments, newest first: those waiting, posted and declined. */
export async function listAdjustments(accountId: string): Promise<AdjustmentRow[]> {
  const requester = alias(users, 'requester');
  const decider = alias(users, 'decider');
  return db()
    .select({
      id: accountAdjustments.id,
      amountKopecks: accountAdjustments.amountKopecks,
      reason: accountAdjustments.reason,
      status: accountAdjustments.status,
      requestedAt: accountAdjustments.requestedAt,
      requestedBy: accountAdjustments.requestedBy,
      requesterName: requester.fullName,
      deciderName: decider.fullName,
      decidedAt: accountAdjustments.decidedAt,
    })
    .from(accountAdjustments)
    .innerJoin(requester, eq(requester.id, accountAdjustments.requestedBy))
    .leftJoin(decider, eq(decider.id, accountAdjustments.decidedBy))
    .where(eq(accountAdjustments.accountId, accountId))
    .orderBy(desc(accountAdjustments.requestedAt), desc(accountAdjustments.id));
}
