import 'server-only';
import type { z } from 'zod';
import { asc, desc, eq, max, min } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, accountTerms, bills, users } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { formatPeriod, periodOf } from '@/lib/format/dates';
import { shiftPeriod } from '@/lib/readings/window';
import { audit } from '@/lib/security/audit';
import type { accountTermsSchema } from './registry-schemas';
import { ACCOUNT_GONE, isStaff, lockAccount, NOT_STAFF, type StaffWriteContext } from './staff-write';
import type { TariffCategory } from '@/db/enums';

// Residents, owners and tariff category change from the 1st of a month that is not billed yet, so
// the next billing run uses them and every bill already issued keeps the values it was computed
// with. The billing SQL reads the row in force for the period it bills (terms-sql.ts).

/** How far ahead a change may be entered. */
const MONTHS_AHEAD = 24;

interface Terms {
  residents: number;
  owners: number;
  tariffCategory: TariffCategory;
}

const same = (a: Terms, b: Terms) =>
  a.residents === b.residents && a.owners === b.owners && a.tariffCategory === b.tariffCategory;

export async function changeAccountTerms(
  staff: SessionUser,
  input: z.output<typeof accountTermsSchema>,
  ctx: StaffWriteContext,
): Promise<ActionResult> {
  if (!isStaff(staff)) return fail(NOT_STAFF);
  const now = ctx.now ?? new Date();
  const from = input.month;
  const latestAllowed = shiftPeriod(periodOf(now), MONTHS_AHEAD);
  if (from > latestAllowed) {
    return fail(`Изменение можно внести не дальше чем на ${MONTHS_AHEAD} месяца вперёд`, {
      month: `Выберите месяц не позже: ${formatPeriod(latestAllowed)}`,
    });
  }
  return db().transaction(async (tx) => {
    const account = await lockAccount(tx, input.account);
    if (!account) return fail(ACCOUNT_GONE);

    const [billed] = await tx
      .select({ last: max(bills.period), first: min(bills.period) })
      .from(bills)
      .where(eq(bills.accountId, account.id));
    if (billed?.last && from <= billed.last) {
      const message = `Счёт за ${formatPeriod(billed.last)} уже выставлен: изменение может действовать с месяца ${formatPeriod(shiftPeriod(billed.last, 1))} или позже`;
      return fail(message, { month: message });
    }

    const history = await tx
      .select()
      .from(accountTerms)
      .where(eq(accountTerms.accountId, account.id))
      .orderBy(asc(accountTerms.effectiveFrom));
    const before: Terms =
      history.filter((h) => h.effectiveFrom <= from).at(-1) ??
      (history.length
        ? history[0]!
        : { residents: account.residents, owners: account.owners, tariffCategory: account.tariffCategory });
    const after: Terms = { residents: input.residents, owners: input.owners, tariffCategory: input.tariffCategory };
    if (same(before, after)) return fail('С этого месяца значения и так такие — менять нечего');

    if (history.length === 0) {
      // The values so far become a dated row too, so the periods before the change keep them
      // while `accounts` moves on to the latest values.
      const contractMonth = `${account.contractStart.slice(0, 7)}-01`;
      const starts = [contractMonth, shiftPeriod(from, -1), ...(billed?.first ? [billed.first] : [])].sort();
      await tx.insert(accountTerms).values({
        accountId: account.id,
        effectiveFrom: starts[0]!,
        residents: account.residents,
        owners: account.owners,
        tariffCategory: account.tariffCategory,
        createdBy: staff.id,
        createdAt: now,
      });
    }
    // A change not billed yet may be corrected: the same month is entered again.
    await tx
      .insert(accountTerms)
      .values({
        accountId: account.id,
        effectiveFrom: from,
        ...after,
        reason: input.reason,
        createdBy: staff.id,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [accountTerms.accountId, accountTerms.effectiveFrom],
        set: { ...after, reason: input.reason, createdBy: staff.id, createdAt: now },
      });
    const [latest] = await tx
      .select()
      .from(accountTerms)
      .where(eq(accountTerms.accountId, account.id))
      .orderBy(desc(accountTerms.effectiveFrom))
      .limit(1);
    await tx
      .update(accounts)
      .set({ residents: latest!.residents, owners: latest!.owners, tariffCategory: latest!.tariffCategory })
      .where(eq(accounts.id, account.id));
    await audit(
      {
        action: 'account.terms_changed',
        actorUserId: staff.id,
        subjectType: 'account',
        subjectId: account.id,
        ip: ctx.ip,
        details: { accountNumber: account.number, effectiveFrom: from, before, after, reason: input.reason },
      },
      tx,
    );
    return succeed({
      message: `Изменение сохранено: действует с месяца ${formatPeriod(from)}, войдёт в ближайшее начисление`,
    });
  });
}

export interface AccountTermsRow extends Terms {
  id: string;
  effectiveFrom: string;
  reason: string | null;
  createdAt: Date;
  authorName: string | null;
}

/** The dated values of an account, newest first (empty when they never changed by date). */
export async function listAccountTerms(accountId: string): Promise<AccountTermsRow[]> {
  return db()
    .select({
      id: accountTerms.id,
      effectiveFrom: accountTerms.effectiveFrom,
      residents: accountTerms.residents,
      owners: accountTerms.owners,
      tariffCategory: accountTerms.tariffCategory,
      reason: accountTerms.reason,
      createdAt: accountTerms.createdAt,
      authorName: users.fullName,
    })
    .from(accountTerms)
    .leftJoin(users, eq(users.id, accountTerms.createdBy))
    .where(eq(accountTerms.accountId, accountId))
    .orderBy(desc(accountTerms.effectiveFrom));
}
