import 'server-only';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { accounts, cardBindings, ledgerEntries, payments } from '@/db/schema';
import { audit } from '@/lib/security/audit';
import { recurringAccepted } from './gateway/protocol';
import { prepaymentReceipt } from './prepayment-receipt';
import { electricityReceipt } from './electricity-receipt';
import { parseInvId } from './gateway/signature';
import type { PaymentGateway, RecurringChargeCall } from './gateway/types';
import { paymentDescription } from './start';
import { describeError, log } from '@/lib/log';

// «Оплатить привязанной картой»: one click charges a bound card. Like a normal payment it
// is recorded `pending` first with exactly the amount asked; the gateway's `OK…` answer to the
// server-to-server call only means «accepted» — the ResultURL notification (notify.ts) is what
// marks it paid and credits the ledger, once.

export const RECURRING_MESSAGES = {
  notFound: 'Карта не найдена среди ваших — обновите страницу',
  otherGateway:
    'Эта карта привязана через другой платёжный сервис. Удалите её и привяжите карту заново при обычной оплате',
  otherPurpose: 'Эта карта привязана для оплаты платных услуг — электроэнергию ею оплатить нельзя',
  otherPurposeServices:
    'Эта карта привязана для оплаты электроэнергии — платные услуги ею оплатить нельзя. Оплатите картой обычным способом и отметьте «Запомнить карту для платных услуг»',
  newPayee: (accountNumber: string) =>
    `Привязанной картой можно платить только по лицевому счёту, который вы уже оплачивали. Первый платёж по счёту ${accountNumber} сделайте обычной оплатой картой`,
  busy: 'Предыдущее списание с этой карты ещё обрабатывается — подождите пару минут и обновите страницу',
  unavailable: 'Оплата привязанной картой сейчас недоступна. Деньги не списаны — оплатите картой обычным способом',
  declined:
    'Платёжный сервис не принял списание с привязанной карты. Деньги не списаны — оплатите картой обычным способом',
  noAnswer:
    'Платёжный сервис не ответил. Не повторяйте оплату: если списание пройдёт, оно появится в истории платежей в течение нескольких минут',
} as const;

/** Statuses that prove this user has paid this payee before (a refund does not undo that). */
export const PAID_STATUSES = ['paid', 'refunded', 'partially_refunded'] as const;

/** A second charge from the same card while one is still pending is refused for this long. */
export const BUSY_WINDOW_MS = 2 * 60_000;

export interface ChargeBindingInput {
  userId: string;
  bindingId: string;
  /** Must already be checked as the user's (userAction does); the «paid before» rule is checked here. */
  accountId: string;
  amountKopecks: number;
  receiptEmail?: string | null;
  ip: string;
  now?: Date;
  /** A charge for a paid-service request (payment type «services»); absent: electricity. */
  service?: { requestId: string; description: string };
  /**
   * Runs in the transaction that records the payment, before the gateway is asked: a caller that
   * must find its own record by the payment when the notification lands (an SMS payment) links it
   * here, so the link exists however fast the notification comes.
   */
  linkPayment?: (tx: Tx, paymentId: string) => Promise<void>;
}

export type ChargeBindingOutcome =
  | { ok: true; paymentId: string; invId: number }
  | { ok: false; message: string; field?: 'bindingId' | 'accountId'; paymentId?: string };

/** Sends the server-to-server call and returns the gateway's answer body. */
export type RecurringSender = (call: RecurringChargeCall) => Promise<string>;

export const postRecurringCall: RecurringSender = async (call) => {
  const response = await fetch(call.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(call.fields).toString(),
    signal: AbortSignal.timeout(15_000),
    cache: 'no-store',
  });
  return (await response.text()).slice(0, 500);
};

class Refusal extends Error {
  constructor(readonly outcome: Extract<ChargeBindingOutcome, { ok: false }>) {
    super(outcome.message);
  }
}

/**
 * Records a pending payment charged from the binding and asks the gateway to charge it.
 * Refuses another user's binding, a binding of another gateway or payment type, a payee this
 * user has never paid, and a second charge while one from the same card is still pending (the
 * binding row is locked, so two clicks at once cannot both pass that check).
 */
export async function chargeBinding(
  input: ChargeBindingInput,
  gateway: PaymentGateway,
  send: RecurringSender = postRecurringCall,
): Promise<ChargeBindingOutcome> {
  const now = input.now ?? new Date();
  let prepared: { paymentId: string; invId: number; call: RecurringChargeCall; cardMask: string };
  try {
    prepared = await db().transaction(async (tx) => {
      const refuse = (message: string, field?: 'bindingId' | 'accountId') => {
        throw new Refusal({ ok: false, message, ...(field ? { field } : {}) });
      };
      const [binding] = await tx
        .select()
        .from(cardBindings)
        .where(and(eq(cardBindings.id, input.bindingId), eq(cardBindings.userId, input.userId)))
        .for('update');
      if (!binding) return refuse(RECURRING_MESSAGES.notFound, 'bindingId');
      if (binding.gateway !== gateway.id) return refuse(RECURRING_MESSAGES.otherGateway, 'bindingId');
      // A binding serves only the payment type it was made for.
      const purpose = input.service ? 'services' : 'electricity';
      if (binding.purpose !== purpose) {
        return refuse(
          purpose === 'services' ? RECURRING_MESSAGES.otherPurposeServices : RECURRING_MESSAGES.otherPurpose,
          'bindingId',
        );
      }
      const previousInvId = parseInvId(binding.token);
      if (previousInvId === null) return refuse(RECURRING_MESSAGES.unavailable, 'bindingId');

      const [account] = await tx
        .select({ number: accounts.number })
        .from(accounts)
        .where(eq(accounts.id, input.accountId));
      if (!account) return refuse(RECURRING_MESSAGES.notFound, 'accountId');
      // The payee of paid services is the utility itself, whatever the request's account.
      const [paidBefore] = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(
          and(
            eq(payments.userId, input.userId),
            purpose === 'services' ? eq(payments.purpose, 'services') : eq(payments.accountId, input.accountId),
            inArray(payments.status, [...PAID_STATUSES]),
          ),
        )
        .limit(1);
      if (!paidBefore) return refuse(RECURRING_MESSAGES.newPayee(account.number), 'accountId');

      const [inFlight] = await tx
        .select({ id: payments.id })
        .from(payments)
        .where(
          and(
            eq(payments.cardBindingId, binding.id),
            eq(payments.status, 'pending'),
            gt(payments.createdAt, new Date(now.getTime() - BUSY_WINDOW_MS)),
          ),
        )
        .limit(1);
      if (inFlight) return refuse(RECURRING_MESSAGES.busy, 'bindingId');

      const description = input.service?.description ?? paymentDescription(account.number);
      // What the account owes before this charge: the receipt's full payment, the rest an advance.
      const [owed] = await tx
        .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.accountId, input.accountId));
      const [payment] = await tx
        .insert(payments)
        .values({
          accountId: input.accountId,
          userId: input.userId,
          purpose,
          serviceRequestId: input.service?.requestId ?? null,
          amountKopecks: input.amountKopecks,
          gateway: gateway.id,
          isTest: gateway.isTest,
          description,
          receiptEmail: input.receiptEmail ?? null,
          requestsBinding: false,
          cardBindingId: binding.id,
          cardMask: binding.cardMask,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: payments.id, invId: payments.invId });
      if (!payment) throw new Error('chargeBinding: insert returned nothing');
      await input.linkPayment?.(tx, payment.id);

      let call: RecurringChargeCall;
      try {
        call = gateway.recurringCharge({
          invId: payment.invId,
          previousInvId,
          amountKopecks: input.amountKopecks,
          description,
          receipt:
            purpose === 'electricity'
              ? electricityReceipt([
                  { accountNumber: account.number, amountKopecks: input.amountKopecks, dueKopecks: owed?.sum ?? 0 },
                ])
              : prepaymentReceipt(description, input.amountKopecks),
          shp: { Shp_purpose: purpose },
        });
      } catch (error) {
        // E.g. Robokassa in test mode, where Merchant/Recurring would move real money.
        log.warn({ error: describeError(error) }, 'payments.recurring_not_possible');
        return refuse(RECURRING_MESSAGES.unavailable);
      }
      await audit(
        {
          action: 'payment.started',
          actorUserId: input.userId,
          subjectType: 'payment',
          subjectId: payment.id,
          ip: input.ip,
          details: {
            invId: payment.invId,
            amountKopecks: input.amountKopecks,
            gateway: gateway.id,
            cardBindingId: binding.id,
            previousInvId,
          },
        },
        tx,
      );
      return { paymentId: payment.id, invId: payment.invId, call, cardMask: binding.cardMask };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    throw error;
  }

  const charged = (outcome: string, extra: Record<string, unknown> = {}) =>
    audit({
      action: 'card.charged',
      actorUserId: input.userId,
      subjectType: 'payment',
      subjectId: prepared.paymentId,
      ip: input.ip,
      details: {
        invId: prepared.invId,
        cardBindingId: input.bindingId,
        cardMask: prepared.cardMask,
        amountKopecks: input.amountKopecks,
        outcome,
        ...extra,
      },
    });

  let answer: string;
  try {
    answer = await send(prepared.call);
  } catch (error) {
    // Unknown whether the gateway took it: the payment stays pending, and a notification may
    // still complete it. The busy window stops an immediate second charge.
    log.error({ paymentId: prepared.paymentId, error: describeError(error) }, 'payments.recurring_no_answer');
    await charged('no_answer');
    return { ok: false, message: RECURRING_MESSAGES.noAnswer, paymentId: prepared.paymentId };
  }
  if (!recurringAccepted(answer)) {
    // A definite refusal. «failed», not deleted: should a notification arrive anyway, notify.ts
    // still completes a failed payment.
    await db()
      .update(payments)
      .set({ status: 'failed', updatedAt: new Date() })
      .where(and(eq(payments.id, prepared.paymentId), eq(payments.status, 'pending')));
    await charged('declined', { answer: answer.slice(0, 200) });
    return { ok: false, message: RECURRING_MESSAGES.declined, paymentId: prepared.paymentId };
  }
  await charged('accepted');
  return { ok: true, paymentId: prepared.paymentId, invId: prepared.invId };
}
