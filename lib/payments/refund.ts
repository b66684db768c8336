import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import {
  accounts,
  connectionApplications,
  ledgerEntries,
  payments,
  refunds,
  paymentAllocations,
  serviceRequests,
  users,
  utilityProfile,
} from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { enqueueEmail, kickEmailDelivery } from '@/lib/email/outbox';
import { renderPaymentRefunded } from '@/lib/email/templates';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import type { PaymentGateway } from './gateway/types';
import { gatewayFor, isGatewayId } from './gateways';
import type { RefundFormInput } from './refund-schema';
import { REFUND_POLICY_PATH } from './status-labels';
import { describeError, log } from '@/lib/log';

// A refund by staff. Everything happens in one transaction holding the payment's
// row lock: read what was already refunded, ask the gateway, then write the refund, the ledger
// entry, the payment's new status, the audit line and the payer's letter. Two staff refunding the
// same payment at once queue on the lock, so the second sees the first's refund and can never take
// the total past what was paid. The gateway is asked before anything is written: when it says no
// (or cannot be reached) the transaction has written nothing and staff are told why.

/** Refunds that hold money back from the payment: done, or accepted by the gateway and in progress. */
const COUNTED: ('requested' | 'succeeded')[] = ['requested', 'succeeded'];

export interface RefundContext {
  ip: string;
  /** Our public origin, for the link in the payer's letter. */
  origin: string;
  now?: Date;
}

export type RefundResult = ActionResult<{ refundId: string; settled: boolean }>;

/** The gateway that took the payment, or why it cannot refund. */
function refundGateway(id: string): PaymentGateway | string {
  if (!isGatewayId(id)) return `Неизвестный платёжный шлюз «${id}»`;
  try {
    return (
      gatewayFor(id) ??
      (id === 'robokassa'
        ? 'Robokassa не подключена (нет ROBOKASSA_*): вернуть платёж через неё нельзя'
        : id === 'moneta'
          ? 'МОНЕТА не подключена (нет MONETA_*): вернуть платёж через неё нельзя'
          : id === 'netpay'
            ? 'NET PAY не подключён (нет NETPAY_*): вернуть платёж через него нельзя'
            : 'песочница есть только в демонстрационном режиме')
    );
  } catch (error) {
    return `Платёжный шлюз настроен с ошибкой: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** What is already refunded from a payment (inside the caller's transaction, after the lock). */
async function refundedSoFar(executor: Pick<ReturnType<typeof db>, 'select'>, paymentId: string): Promise<number> {
  const [row] = await executor
    .select({ sum: sql<number>`coalesce(sum(${refunds.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.status, COUNTED)));
  return row?.sum ?? 0;
}

class WrittenAfterGateway extends Error {
  constructor(
    readonly reference: string,
    cause: unknown,
  ) {
    super('refund accepted by the gateway but not recorded', { cause });
  }
}

/**
 * For a paid-service payment: runs inside the refund's transaction once the refund is recorded
 * (the request is cancelled in the same commit) and replaces the electricity letter.
 */
export type AfterServiceRefund = (
  tx: Tx,
  refund: { id: string; amountKopecks: number; invId: number },
) => Promise<void>;

export async function refundPayment(
  staff: { id: string },
  input: RefundFormInput,
  ctx: RefundContext,
  afterServiceRefund?: AfterServiceRefund,
): Promise<RefundResult> {
  const now = ctx.now ?? new Date();
  let declined: { reason: string; invId: number; gateway: string } | null = null;

  let outcome: RefundResult;
  try {
    outcome = await db().transaction(async (tx): Promise<RefundResult> => {
      const [payment] = await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for('update');
      if (!payment) return fail('Платёж не найден');
      if (payment.status !== 'paid' && payment.status !== 'partially_refunded') {
        return fail(
          payment.status === 'refunded' ? 'Платёж уже возвращён полностью' : 'Вернуть можно только оплаченный платёж',
        );
      }
      if (payment.purpose === 'services' && !afterServiceRefund) {
        // The payment that paid a live request goes back by cancelling the request, so the two agree.
        const [live] = await tx
          .select({ number: serviceRequests.number })
          .from(serviceRequests)
          .where(and(eq(serviceRequests.paidPaymentId, payment.id), ne(serviceRequests.status, 'cancelled')));
        if (live) {
          return fail(
            `Это оплата заявки № ${live.number} на платные услуги: верните её отменой заявки в разделе «Платные услуги»`,
          );
        }
      }
      if (payment.purpose === 'connection') {
        // The payment that concluded a connection contract is the contract's price, not a surplus.
        const [contract] = await tx
          .select({ number: connectionApplications.number })
          .from(connectionApplications)
          .where(eq(connectionApplications.paidPaymentId, payment.id));
        if (contract) {
          return fail(
            `Этой оплатой заключён договор технологического присоединения № ТП-${contract.number}: её не возвращают из раздела платежей`,
          );
        }
      }
      // A refund posts to one account's ledger; a payment split over several cannot say whose.
      const [split] = await tx
        .select({ accountId: paymentAllocations.accountId })
        .from(paymentAllocations)
        .where(eq(paymentAllocations.paymentId, payment.id))
        .limit(1);
      if (split) {
        return fail(
          'Этим платежом оплачено несколько лицевых счетов: из раздела платежей его не возвращают — оформите корректировку по каждому счёту',
        );
      }
      const already = await refundedSoFar(tx, payment.id);
      const left = payment.amountKopecks - already;
      if (left <= 0) return fail('Платёж уже возвращён полностью');
      if (input.amount > left) {
        const message =
          already > 0
            ? `Можно вернуть не больше ${formatRub(left)}: из ${formatRub(payment.amountKopecks)} уже возвращено ${formatRub(already)}`
            : `Можно вернуть не больше суммы платежа, ${formatRub(left)}`;
        return fail(message, { amount: message });
      }

      const gateway = refundGateway(payment.gateway);
      if (typeof gateway === 'string') {
        declined = { reason: gateway, invId: payment.invId, gateway: payment.gateway };
        return fail(`Возврат не оформлен: ${gateway}`);
      }
      const answer = await gateway.refund({
        invId: payment.invId,
        paymentAmountKopecks: payment.amountKopecks,
        alreadyRefundedKopecks: already,
        amountKopecks: input.amount,
        description: payment.description,
      });
      if (!answer.ok) {
        declined = { reason: answer.reason, invId: payment.invId, gateway: payment.gateway };
        return fail(`Платёжный сервис не провёл возврат: ${answer.reason}. Ничего не записано — деньги не возвращены.`);
      }

      // From here on the gateway has the refund: a failure to record it must be loud (see below).
      try {
        const [refund] = await tx
          .insert(refunds)
          .values({
            paymentId: payment.id,
            amountKopecks: input.amount,
            status: answer.settled ? 'succeeded' : 'requested',
            reason: input.reason,
            gatewayReference: answer.reference,
            createdBy: staff.id,
            createdAt: now,
            completedAt: answer.settled ? now : null,
          })
          .returning({ id: refunds.id });
        if (!refund) throw new Error('refund insert returned nothing');
        // Positive: money going back to the payer adds to what the account owes (db/schema.ts).
        // A paid-service payment never entered the electricity ledger, so its refund does not either.
        if (payment.purpose === 'electricity') {
          await tx.insert(ledgerEntries).values({
            accountId: payment.accountId,
            kind: 'refund',
            amountKopecks: input.amount,
            paymentId: payment.id,
            refundId: refund.id,
            description: `Возврат по платежу № ${payment.invId}`,
            createdBy: staff.id,
            postedAt: now,
          });
        }
        const fully = already + input.amount === payment.amountKopecks;
        await tx
          .update(payments)
          .set({ status: fully ? 'refunded' : 'partially_refunded', updatedAt: now })
          .where(eq(payments.id, payment.id));
        await audit(
          {
            action: answer.settled ? 'refund.completed' : 'refund.requested',
            actorUserId: staff.id,
            subjectType: 'payment',
            subjectId: payment.id,
            ip: ctx.ip,
            details: {
              invId: payment.invId,
              refundId: refund.id,
              amountKopecks: input.amount,
              refundedBefore: already,
              gateway: payment.gateway,
              reference: answer.reference,
            },
          },
          tx,
        );

        const [account] = await tx
          .select({ number: accounts.number })
          .from(accounts)
          .where(eq(accounts.id, payment.accountId));
        const [payer] = payment.userId
          ? await tx
              .select({ email: users.email, fullName: users.fullName })
              .from(users)
              .where(eq(users.id, payment.userId))
          : [];
        const to = payer?.email ?? payment.receiptEmail;
        if (afterServiceRefund) {
          await afterServiceRefund(tx, { id: refund.id, amountKopecks: input.amount, invId: payment.invId });
        } else if (to) {
          const [profile] = await tx
            .select({ shortName: utilityProfile.shortName })
            .from(utilityProfile)
            .where(eq(utilityProfile.id, 1));
          await enqueueEmail(tx, {
            to,
            dedupeKey: `payment-refunded:${refund.id}`,
            ...renderPaymentRefunded({
              utilityName: profile?.shortName ?? 'Энергокабинет',
              fullName: payer?.fullName ?? null,
              accountNumber: account?.number ?? '',
              amount: formatRub(input.amount),
              paymentAmount: formatRub(payment.amountKopecks),
              invId: payment.invId,
              paidOn: formatDate(payment.paidAt ?? payment.createdAt),
              when: formatDateTime(now),
              policyLink: new URL(REFUND_POLICY_PATH, ctx.origin).toString(),
            }),
          });
        }
        const message = answer.settled
          ? `Возврат ${formatRub(input.amount)} проведён${to ? ', плательщику отправлено письмо' : ''}`
          : `Заявка на возврат ${formatRub(input.amount)} принята платёжным сервисом${to ? ', плательщику отправлено письмо' : ''}`;
        return succeed({ refundId: refund.id, settled: answer.settled, message });
      } catch (error) {
        throw new WrittenAfterGateway(answer.reference, error);
      }
    });
  } catch (error) {
    if (!(error instanceof WrittenAfterGateway)) throw error;
    // The gateway refunded but our write failed and rolled back: nothing in the ledger says so.
    // Leave a trace outside the failed transaction and tell staff exactly that.
    log.error(
      { paymentId: input.paymentId, reference: error.reference, error: describeError(error.cause) },
      'refund.accepted_not_recorded',
    );
    await audit({
      action: 'refund.failed',
      actorUserId: staff.id,
      subjectType: 'payment',
      subjectId: input.paymentId,
      ip: ctx.ip,
      details: { stage: 'record', reference: error.reference, amountKopecks: input.amount },
    }).catch(() => {});
    return fail(
      `Платёжный сервис принял возврат (номер ${error.reference}), но записать его не удалось. Не повторяйте возврат — сообщите администратору.`,
    );
  }

  if (declined) {
    const d = declined as { reason: string; invId: number; gateway: string };
    await audit({
      action: 'refund.failed',
      actorUserId: staff.id,
      subjectType: 'payment',
      subjectId: input.paymentId,
      ip: ctx.ip,
      details: { stage: 'gateway', invId: d.invId, gateway: d.gateway, amountKopecks: input.amount, reason: d.reason },
    });
  }
  if (outcome.ok) kickEmailDelivery();
  return outcome;
}
