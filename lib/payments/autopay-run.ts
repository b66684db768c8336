import 'server-only';
import { and, asc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import {
  accounts,
  autopayCharges,
  autopaySettings,
  bills,
  cardBindings,
  ledgerEntries,
  payments,
  users,
} from '@/db/schema';
import { renderAutopayNotice } from '@/lib/email/templates';
import { formatDateTime, formatPeriod, periodOf } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { configuredOrigin } from '@/lib/http/app-url';
import { describeError, log } from '@/lib/log';
import { kickNotifications, notify } from '@/lib/notifications/dispatch';
import { audit } from '@/lib/security/audit';
import { cardLabel } from './bindings';
import { gatewayFor, isGatewayId } from './gateways';
import {
  BUSY_WINDOW_MS,
  chargeBinding,
  PAID_STATUSES,
  postRecurringCall,
  RECURRING_MESSAGES,
  type RecurringSender,
} from './recurring';

// The autopay job (pg-boss, every few minutes and after each billing run). Two steps:
//   1. a bill issued since autopay was turned on gets its charge row — the unique key (account,
//      bill) makes it one however often the job runs — and the notice, `notice_hours` ahead;
//   2. a charge whose time has come is claimed (noticed → charging, row locked, the account's
//      autopay locked so two charges cannot both fit under the monthly cap), made through the bound
//      card's gateway (chargeBinding: pending until the gateway's notification credits it), and
//      ends charged or failed. A failed charge is told once and never tried again.

export const AUTOPAY_QUEUE = 'autopay';
const BATCH = 200;
const AUTOPAY_PATH = '/fiz/payments/autopay';

export interface AutopayRunOptions {
  now?: Date;
  /** The server-to-server call to the gateway (tests talk to a peer). */
  send?: RecurringSender;
}

export interface AutopayRunResult {
  noticed: number;
  charged: number;
  failed: number;
  skipped: number;
}

async function owedBy(tx: Tx, accountId: string): Promise<number> {
  const [row] = await tx
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return Math.max(row?.sum ?? 0, 0);
}

/** The start of the calendar month (Moscow) that contains `now`: the cap's month. */
function monthStart(now: Date): Date {
  return new Date(`${periodOf(now)}T00:00:00+03:00`);
}

async function capUsed(tx: Tx, accountId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ sum: sql<number>`coalesce(sum(${autopayCharges.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(autopayCharges)
    .where(
      and(
        eq(autopayCharges.accountId, accountId),
        inArray(autopayCharges.status, ['charging', 'charged']),
        gte(autopayCharges.chargedAt, monthStart(now)),
      ),
    );
  return row?.sum ?? 0;
}

type Plan = { amountKopecks: number; reason: null } | { amountKopecks: 0; reason: string };

/** What to charge: the bill (no more than is owed) or the fixed sum, within what the cap leaves. */
async function plan(
  tx: Tx,
  setting: typeof autopaySettings.$inferSelect,
  bill: { amountKopecks: number },
  now: Date,
): Promise<Plan> {
  const target =
    setting.mode === 'fixed'
      ? (setting.fixedAmountKopecks ?? 0)
      : Math.min(bill.amountKopecks, await owedBy(tx, setting.accountId));
  if (target <= 0) return { amountKopecks: 0, reason: 'задолженности нет — списывать нечего' };
  const left = setting.monthlyCapKopecks - (await capUsed(tx, setting.accountId, now));
  const amountKopecks = Math.min(target, left);
  // Under 1 ₽ no gateway takes a payment.
  if (amountKopecks < 100) {
    return {
      amountKopecks: 0,
      reason: `лимит автоплатежа на месяц, ${formatRub(setting.monthlyCapKopecks)}, исчерпан`,
    };
  }
  return { amountKopecks, reason: null };
}

interface NoticeFacts {
  chargeId: string;
  userId: string;
  accountNumber: string;
  cardMask: string;
  now: Date;
}

async function tell(
  tx: Tx,
  facts: NoticeFacts,
  kind: 'notice' | 'failed' | 'skipped',
  text: { subject: string; lines: string[]; sms: string },
) {
  await notify(tx, 'autopay', [facts.userId], {
    key: `${kind}:${facts.chargeId}`,
    now: facts.now,
    render: (person, utilityName) => ({
      email: renderAutopayNotice({
        utilityName,
        fullName: person.fullName,
        subject: text.subject,
        lines: text.lines,
        link: configuredOrigin() + AUTOPAY_PATH,
      }),
      sms: `${utilityName}: ${text.sms}`,
    }),
  });
}

/** Step 1: a charge row and a notice for every bill issued since its account's autopay was turned on. */
async function announceNewBills(now: Date): Promise<{ noticed: number; skipped: number }> {
  const fresh = await db()
    .select({
      setting: autopaySettings,
      bill: { id: bills.id, period: bills.period, amountKopecks: bills.amountKopecks },
      accountNumber: accounts.number,
      cardMask: cardBindings.cardMask,
    })
    .from(bills)
    .innerJoin(autopaySettings, eq(autopaySettings.accountId, bills.accountId))
    .innerJoin(accounts, eq(accounts.id, bills.accountId))
    .innerJoin(cardBindings, eq(cardBindings.id, autopaySettings.cardBindingId))
    .where(
      and(
        gte(bills.issuedAt, autopaySettings.enabledAt),
        lte(bills.issuedAt, now),
        sql`not exists (select 1 from ${autopayCharges} c where c.account_id = ${bills.accountId} and c.bill_id = ${bills.id})`,
      ),
    )
    .orderBy(asc(bills.issuedAt))
    .limit(BATCH);
  let noticed = 0;
  let skipped = 0;
  for (const { setting, bill, accountNumber, cardMask } of fresh) {
    const outcome = await db().transaction(async (tx) => {
      const planned = await plan(tx, setting, bill, now);
      const chargeAfter = new Date(now.getTime() + setting.noticeHours * 3_600_000);
      const [charge] = await tx
        .insert(autopayCharges)
        .values({
          accountId: setting.accountId,
          billId: bill.id,
          userId: setting.userId,
          status: planned.reason ? 'skipped' : 'noticed',
          amountKopecks: planned.amountKopecks,
          chargeAfter,
          reason: planned.reason,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: autopayCharges.id });
      if (!charge) return null;
      const facts = { chargeId: charge.id, userId: setting.userId, accountNumber, cardMask, now };
      if (planned.reason) {
        await tell(tx, facts, 'skipped', {
          subject: 'Автоплатёж: списания не будет',
          lines: [
            `По лицевому счёту ${accountNumber} выставлен счёт за ${formatPeriod(bill.period)} на ${formatRub(bill.amountKopecks)}.`,
            `Автоплатёж его не оплатит: ${planned.reason}.`,
          ],
          sms: `автоплатёж по л/с ${accountNumber} не спишет оплату счёта за ${formatPeriod(bill.period)}: ${planned.reason}.`,
        });
        return 'skipped' as const;
      }
      const when = formatDateTime(chargeAfter);
      await tell(tx, facts, 'notice', {
        subject: `Автоплатёж: ${when} спишем ${formatRub(planned.amountKopecks)}`,
        lines: [
          `По лицевому счёту ${accountNumber} выставлен счёт за ${formatPeriod(bill.period)} на ${formatRub(bill.amountKopecks)}.`,
          `${when} (московское время) с карты ${cardLabel(cardMask).replace('Карта ', '')} будет списано ${formatRub(planned.amountKopecks)}.`,
          'Не хотите списания — выключите автоплатёж в личном кабинете до этого времени.',
        ],
        sms: `${when} по автоплатежу спишем ${formatRub(planned.amountKopecks)} с карты ${cardLabel(cardMask).replace('Карта ', '')} за л/с ${accountNumber}. Отключить можно в личном кабинете.`,
      });
      await audit(
        {
          action: 'autopay.noticed',
          actorUserId: setting.userId,
          subjectType: 'account',
          subjectId: setting.accountId,
          details: { billId: bill.id, amountKopecks: planned.amountKopecks, chargeAfter: chargeAfter.toISOString() },
        },
        tx,
      );
      return 'noticed' as const;
    });
    if (outcome === 'noticed') noticed++;
    if (outcome === 'skipped') skipped++;
  }
  return { noticed, skipped };
}

type Claim =
  | {
      kind: 'charge';
      chargeId: string;
      userId: string;
      accountId: string;
      bindingId: string;
      amountKopecks: number;
      facts: NoticeFacts;
      gateway: string;
    }
  | { kind: 'skipped' }
  | { kind: 'none' };

/** Claims one due charge: noticed → charging with the amount that fits, or skipped/cancelled. */
async function claim(chargeId: string, now: Date): Promise<Claim> {
  return db().transaction(async (tx): Promise<Claim> => {
    const [charge] = await tx
      .select()
      .from(autopayCharges)
      .where(and(eq(autopayCharges.id, chargeId), eq(autopayCharges.status, 'noticed')))
      .for('update', { skipLocked: true });
    if (!charge) return { kind: 'none' };
    const [setting] = await tx
      .select()
      .from(autopaySettings)
      .where(eq(autopaySettings.accountId, charge.accountId))
      .for('update');
    if (!setting || setting.userId !== charge.userId) {
      await tx
        .update(autopayCharges)
        .set({ status: 'cancelled', reason: 'Автоплатёж выключен до списания', updatedAt: now })
        .where(eq(autopayCharges.id, charge.id));
      return { kind: 'none' };
    }
    // The same card charged for another account a moment ago: its gateway call is still pending, and
    // a second one now would be refused as a double click. The next run takes this one.
    const [inFlight] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(
        and(
          eq(payments.cardBindingId, setting.cardBindingId),
          eq(payments.status, 'pending'),
          gt(payments.createdAt, new Date(now.getTime() - BUSY_WINDOW_MS)),
        ),
      )
      .limit(1);
    if (inFlight) return { kind: 'none' };
    const [bill] = await tx
      .select({ amountKopecks: bills.amountKopecks, period: bills.period })
      .from(bills)
      .where(eq(bills.id, charge.billId));
    const [card] = await tx
      .select({ cardMask: cardBindings.cardMask, gateway: cardBindings.gateway })
      .from(cardBindings)
      .where(eq(cardBindings.id, setting.cardBindingId));
    const [account] = await tx
      .select({ number: accounts.number })
      .from(accounts)
      .where(eq(accounts.id, charge.accountId));
    const facts = {
      chargeId: charge.id,
      userId: setting.userId,
      accountNumber: account?.number ?? '',
      cardMask: card?.cardMask ?? '',
      now,
    };
    const planned = await plan(tx, setting, bill ?? { amountKopecks: 0 }, now);
    if (planned.reason) {
      await tx
        .update(autopayCharges)
        .set({ status: 'skipped', amountKopecks: 0, reason: planned.reason, updatedAt: now })
        .where(eq(autopayCharges.id, charge.id));
      await tell(tx, facts, 'skipped', {
        subject: 'Автоплатёж: списания не будет',
        lines: [`Автоплатёж по лицевому счёту ${facts.accountNumber} не списал оплату: ${planned.reason}.`],
        sms: `автоплатёж по л/с ${facts.accountNumber} не списал оплату: ${planned.reason}.`,
      });
      return { kind: 'skipped' };
    }
    await tx
      .update(autopayCharges)
      .set({ status: 'charging', amountKopecks: planned.amountKopecks, chargedAt: now, updatedAt: now })
      .where(eq(autopayCharges.id, charge.id));
    return {
      kind: 'charge',
      chargeId: charge.id,
      userId: setting.userId,
      accountId: charge.accountId,
      bindingId: setting.cardBindingId,
      amountKopecks: planned.amountKopecks,
      facts,
      gateway: card?.gateway ?? '',
    };
  });
}

async function receiptEmailOf(userId: string): Promise<string | null> {
  const [user] = await db().select({ email: users.email }).from(users).where(eq(users.id, userId));
  return user?.email ?? null;
}

/** Step 2 for one claimed charge: through the gateway, then charged or failed (told once). */
async function charge(
  c: Extract<Claim, { kind: 'charge' }>,
  send: RecurringSender,
  now: Date,
): Promise<'charged' | 'failed'> {
  const gateway = isGatewayId(c.gateway) ? gatewayFor(c.gateway) : null;
  let outcome: { ok: true; paymentId: string } | { ok: false; message: string; paymentId?: string };
  try {
    outcome = gateway
      ? await chargeBinding(
          {
            userId: c.userId,
            bindingId: c.bindingId,
            accountId: c.accountId,
            amountKopecks: c.amountKopecks,
            receiptEmail: await receiptEmailOf(c.userId),
            // No request: the job charges; the audit records no address.
            ip: '',
            now,
          },
          gateway,
          send,
        )
      : { ok: false, message: RECURRING_MESSAGES.unavailable };
  } catch (error) {
    log.error({ chargeId: c.chargeId, error: describeError(error) }, 'autopay.charge_error');
    outcome = { ok: false, message: RECURRING_MESSAGES.unavailable };
  }
  const result = outcome;
  return db().transaction(async (tx) => {
    if (result.ok) {
      await tx
        .update(autopayCharges)
        .set({ status: 'charged', paymentId: result.paymentId, updatedAt: new Date() })
        .where(and(eq(autopayCharges.id, c.chargeId), eq(autopayCharges.status, 'charging')));
      return 'charged' as const;
    }
    await recordFailure(tx, c, result.message, result.paymentId ?? null);
    return 'failed' as const;
  });
}

/** A charging charge ends failed: told once, audited, never tried again. */
async function recordFailure(
  tx: Tx,
  c: { chargeId: string; userId: string; accountId: string; amountKopecks: number; facts: NoticeFacts },
  message: string,
  paymentId: string | null,
): Promise<void> {
  const [failed] = await tx
    .update(autopayCharges)
    .set({ status: 'failed', paymentId, reason: message, updatedAt: new Date() })
    .where(and(eq(autopayCharges.id, c.chargeId), eq(autopayCharges.status, 'charging')))
    .returning({ id: autopayCharges.id });
  if (!failed) return;
  const card = cardLabel(c.facts.cardMask).replace('Карта ', '');
  await tell(tx, c.facts, 'failed', {
    subject: 'Автоплатёж не прошёл',
    lines: [
      `Не получилось списать ${formatRub(c.amountKopecks)} с карты ${card} по лицевому счёту ${c.facts.accountNumber}.`,
      message,
      'Повторять списание мы не будем: оплатите счёт в личном кабинете.',
    ],
    sms: `автоплатёж ${formatRub(c.amountKopecks)} по л/с ${c.facts.accountNumber} не прошёл. Оплатите счёт в личном кабинете.`,
  });
  await audit(
    {
      action: 'autopay.charge_failed',
      actorUserId: c.userId,
      subjectType: 'account',
      subjectId: c.accountId,
      details: { chargeId: c.chargeId, amountKopecks: c.amountKopecks, reason: message },
    },
    tx,
  );
}

/**
 * Past every gateway call's timeout: a charge still «charging» this long after its claim lost the
 * process that made it (a crash or a deploy between the claim and the gateway's answer).
 */
const INTERRUPTED_AFTER_MS = 15 * 60_000;
const UNPAID_PAYMENT: readonly string[] = ['failed', 'cancelled', 'expired'];
export const INTERRUPTED_BEFORE_GATEWAY = 'Списание прервалось до обращения к банку: деньги не списаны.';

/**
 * Settles the charges an interrupted run left «charging». Its payment, where the charge got that
 * far (chargeBinding writes it, dated with the claim's time, before calling the gateway), says what
 * happened: paid → charged; failed, cancelled or expired → failed; still pending → left for its
 * notification or its expiry. No payment: the gateway was never asked and nothing was taken →
 * failed. Never charged again either way: a second charge could take the money twice.
 */
async function settleInterruptedCharges(now: Date): Promise<{ charged: number; failed: number }> {
  const settled = { charged: 0, failed: 0 };
  const stuck = await db()
    .select({ id: autopayCharges.id })
    .from(autopayCharges)
    .where(
      and(
        eq(autopayCharges.status, 'charging'),
        lte(autopayCharges.chargedAt, new Date(now.getTime() - INTERRUPTED_AFTER_MS)),
      ),
    )
    .limit(BATCH);
  for (const { id } of stuck) {
    const outcome = await db().transaction(async (tx) => {
      const [charge] = await tx
        .select()
        .from(autopayCharges)
        .where(and(eq(autopayCharges.id, id), eq(autopayCharges.status, 'charging')))
        .for('update', { skipLocked: true });
      if (!charge?.chargedAt || !charge.userId) return null;
      const [payment] = await tx
        .select({ id: payments.id, status: payments.status, cardMask: payments.cardMask })
        .from(payments)
        .where(
          and(
            eq(payments.accountId, charge.accountId),
            eq(payments.userId, charge.userId),
            eq(payments.amountKopecks, charge.amountKopecks),
            sql`${payments.cardBindingId} is not null`,
            gte(payments.createdAt, charge.chargedAt),
            lte(payments.createdAt, new Date(charge.chargedAt.getTime() + INTERRUPTED_AFTER_MS)),
          ),
        )
        .orderBy(asc(payments.createdAt))
        .limit(1);
      if (payment && (PAID_STATUSES as readonly string[]).includes(payment.status)) {
        await tx
          .update(autopayCharges)
          .set({ status: 'charged', paymentId: payment.id, updatedAt: now })
          .where(eq(autopayCharges.id, charge.id));
        return 'charged' as const;
      }
      if (payment && !UNPAID_PAYMENT.includes(payment.status)) return null;
      const [account] = await tx
        .select({ number: accounts.number })
        .from(accounts)
        .where(eq(accounts.id, charge.accountId));
      const facts = {
        chargeId: charge.id,
        userId: charge.userId,
        accountNumber: account?.number ?? '',
        cardMask: payment?.cardMask ?? '',
        now,
      };
      await recordFailure(
        tx,
        {
          chargeId: charge.id,
          userId: charge.userId,
          accountId: charge.accountId,
          amountKopecks: charge.amountKopecks,
          facts,
        },
        payment ? RECURRING_MESSAGES.declined : INTERRUPTED_BEFORE_GATEWAY,
        payment?.id ?? null,
      );
      return 'failed' as const;
    });
    if (outcome) settled[outcome]++;
  }
  return settled;
}

/** The job: announce new bills, then make the charges whose time has come. Idempotent. */
export async function runAutopay(options: AutopayRunOptions = {}): Promise<AutopayRunResult> {
  const now = options.now ?? new Date();
  const send = options.send ?? postRecurringCall;
  const announced = await announceNewBills(now);
  const settled = await settleInterruptedCharges(now);
  const result: AutopayRunResult = {
    noticed: announced.noticed,
    charged: settled.charged,
    failed: settled.failed,
    skipped: announced.skipped,
  };
  const due = await db()
    .select({ id: autopayCharges.id })
    .from(autopayCharges)
    .where(and(eq(autopayCharges.status, 'noticed'), lte(autopayCharges.chargeAfter, now)))
    .orderBy(asc(autopayCharges.chargeAfter))
    .limit(BATCH);
  for (const { id } of due) {
    const claimed = await claim(id, now);
    if (claimed.kind === 'skipped') result.skipped++;
    if (claimed.kind !== 'charge') continue;
    if ((await charge(claimed, send, now)) === 'charged') result.charged++;
    else result.failed++;
  }
  if (result.noticed + result.failed + result.skipped > 0) kickNotifications();
  return result;
}
