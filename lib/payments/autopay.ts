import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { db, type Tx } from '@/db/client';
import { accounts, autopayCharges, autopaySettings, cardBindings, payments } from '@/db/schema';
import { audit } from '@/lib/security/audit';
import type { autopaySchema } from './autopay-schema';
import { gatewayFor, isGatewayId } from './gateways';
import { RECURRING_MESSAGES } from './recurring';

// Autopay's settings: one per account, set by one of its users with one of their bound cards. The
// charges themselves are the job's (autopay-run.ts). Turning it off deletes the row and cancels a
// charge that was announced but not yet made.

export type AutopaySetting = typeof autopaySettings.$inferSelect;

export const AUTOPAY_MESSAGES = {
  noCard: 'Карта не найдена среди ваших привязанных — обновите страницу',
  otherPurpose: 'Эта карта привязана для оплаты платных услуг — для автоплатежа за электроэнергию она не подходит',
  noRecurring:
    'Платёжный сервис этой карты не списывает по привязке. Привяжите карту заново при обычной оплате и включите автоплатёж с ней',
  someoneElse: 'Автоплатёж по этому счёту уже включил другой пользователь — выключить его может только он',
} as const;

/** The autopay settings of these accounts (the ones the user sees), by account id. */
export async function autopayOf(accountIds: readonly string[]): Promise<Map<string, AutopaySetting>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db()
    .select()
    .from(autopaySettings)
    .where(inArray(autopaySettings.accountId, [...accountIds]));
  return new Map(rows.map((r) => [r.accountId, r]));
}

export type AutopayOutcome = { ok: true } | { ok: false; message: string; field?: 'bindingId' | 'accountId' };

/** Turns autopay on (or changes it). The caller has checked that the account is the user's. */
export async function enableAutopay(
  userId: string,
  input: z.output<typeof autopaySchema>,
  context: { ip: string; now?: Date },
): Promise<AutopayOutcome> {
  const now = context.now ?? new Date();
  return db().transaction(async (tx): Promise<AutopayOutcome> => {
    const [binding] = await tx
      .select()
      .from(cardBindings)
      .where(and(eq(cardBindings.id, input.bindingId), eq(cardBindings.userId, userId)));
    if (!binding) return { ok: false, message: AUTOPAY_MESSAGES.noCard, field: 'bindingId' };
    if (binding.purpose !== 'electricity')
      return { ok: false, message: AUTOPAY_MESSAGES.otherPurpose, field: 'bindingId' };
    const gateway = isGatewayId(binding.gateway) ? gatewayFor(binding.gateway) : null;
    if (!gateway?.chargesBoundCards) return { ok: false, message: AUTOPAY_MESSAGES.noRecurring, field: 'bindingId' };
    // The rule of every charge from a bound card: only a payee this user has paid before.
    const [paidBefore] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(
        and(
          eq(payments.userId, userId),
          eq(payments.accountId, input.accountId),
          inArray(payments.status, ['paid', 'refunded', 'partially_refunded']),
        ),
      )
      .limit(1);
    if (!paidBefore) {
      const [account] = await tx
        .select({ number: accounts.number })
        .from(accounts)
        .where(eq(accounts.id, input.accountId));
      return { ok: false, message: RECURRING_MESSAGES.newPayee(account?.number ?? ''), field: 'accountId' };
    }
    const values = {
      userId,
      cardBindingId: binding.id,
      mode: input.mode,
      fixedAmountKopecks: input.mode === 'fixed' ? (input.fixedAmount ?? null) : null,
      monthlyCapKopecks: input.monthlyCap,
      noticeHours: input.noticeHours,
      updatedAt: now,
    };
    const [saved] = await tx
      .insert(autopaySettings)
      .values({ accountId: input.accountId, ...values, enabledAt: now })
      .onConflictDoUpdate({
        target: autopaySettings.accountId,
        set: values,
        // Another user's autopay on a shared account is theirs to change.
        setWhere: eq(autopaySettings.userId, userId),
      })
      .returning({ accountId: autopaySettings.accountId });
    if (!saved) return { ok: false, message: AUTOPAY_MESSAGES.someoneElse, field: 'accountId' };
    await audit(
      {
        action: 'autopay.enabled',
        actorUserId: userId,
        subjectType: 'account',
        subjectId: input.accountId,
        ip: context.ip,
        details: { ...values, updatedAt: undefined, cardMask: binding.cardMask },
      },
      tx,
    );
    return { ok: true };
  });
}

/** Turns autopay off; an announced charge not made yet is cancelled. Nothing to turn off is not an error. */
export async function disableAutopay(
  userId: string,
  accountId: string,
  context: { ip: string; reason?: string },
): Promise<{ ok: true; wasOn: boolean }> {
  return db().transaction(async (tx) => {
    const removed = await tx
      .delete(autopaySettings)
      .where(and(eq(autopaySettings.accountId, accountId), eq(autopaySettings.userId, userId)))
      .returning({ accountId: autopaySettings.accountId });
    if (removed.length === 0) return { ok: true, wasOn: false } as const;
    await cancelAnnouncedCharges(tx, [accountId]);
    await audit(
      {
        action: 'autopay.disabled',
        actorUserId: userId,
        subjectType: 'account',
        subjectId: accountId,
        ip: context.ip,
        details: { reason: context.reason ?? 'by_user' },
      },
      tx,
    );
    return { ok: true, wasOn: true } as const;
  });
}

/** Charges announced but not made for these accounts are not made. */
export async function cancelAnnouncedCharges(tx: Tx, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await tx
    .update(autopayCharges)
    .set({ status: 'cancelled', reason: 'Автоплатёж выключен до списания', updatedAt: new Date() })
    .where(and(inArray(autopayCharges.accountId, [...accountIds]), eq(autopayCharges.status, 'noticed')));
}

export const AUTOPAY_CHARGE_LABELS: Record<(typeof autopayCharges.$inferSelect)['status'], string> = {
  noticed: 'предстоит списание',
  charging: 'списываем',
  charged: 'списано',
  failed: 'не прошло',
  skipped: 'не списывали',
  cancelled: 'отменено',
};

/** The latest autopay charges of these accounts, newest first. */
export async function recentAutopayCharges(accountIds: readonly string[], limit = 10) {
  if (accountIds.length === 0) return [];
  return db()
    .select({
      id: autopayCharges.id,
      accountId: autopayCharges.accountId,
      status: autopayCharges.status,
      amountKopecks: autopayCharges.amountKopecks,
      chargeAfter: autopayCharges.chargeAfter,
      reason: autopayCharges.reason,
    })
    .from(autopayCharges)
    .where(inArray(autopayCharges.accountId, [...accountIds]))
    .orderBy(desc(autopayCharges.createdAt))
    .limit(limit);
}
