import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { demoMode } from '@/lib/config/env';
import { accounts, cardBindings, ledgerEntries, paymentAllocations, payments, users } from '@/db/schema';
import { formatRub } from '@/lib/format/money';
import { kickNotifications, notify } from '@/lib/notifications/dispatch';
import { creditConnectionPayment } from '@/lib/connection/credit';
import { creditServicePayment } from '@/lib/services/credit';
import { audit } from '@/lib/security/audit';
import type { FiscalReceipt, PaidPaymentReceipt, PaymentGateway } from './gateway/types';
import { receiptLinesOf } from './electricity-receipt';
import { paymentReceipt } from './start';
import { queuePaymentReceivedEmail } from './mail';
import { queueSmsPaymentResult } from './sms-payment-result';

/** Stored as a binding's mask when the gateway did not report the card number. */
const UNKNOWN_CARD_MASK = 'номер не сообщён';

export interface NotificationAnswer {
  status: 200 | 400;
  body: string;
}

/**
 * The gateway's server-to-server notification (Robokassa ResultURL) — the only proof of payment.
 * Exactly once: the payment row is locked, only a pending (or failed) payment moves to «paid», and
 * the ledger credit sits behind a unique index on the payment, all in one transaction. However
 * many times, or however concurrently, the same notification arrives, the account is credited
 * once. A bad signature, an unknown InvId, another amount or purpose is refused, credited never,
 * and logged. A test payment (the sandbox, a gateway's test mode) moves no money, so it is credited
 * only in demo mode, whose ledger is made up anyway; elsewhere it is refused like a forgery.
 * Database errors propagate, so the route answers 5xx and the gateway retries.
 */
export async function acceptPaymentNotification(
  gateway: PaymentGateway,
  params: Record<string, string>,
  context: { ip: string; now?: Date },
): Promise<NotificationAnswer> {
  const now = context.now ?? new Date();
  const verified = gateway.verifyResult(params);
  const refuse = async (reason: string, details: Record<string, unknown> = {}): Promise<NotificationAnswer> => {
    await audit({
      action: 'payment.notification_refused',
      ip: context.ip,
      subjectType: 'payment',
      subjectId: params.InvId?.slice(0, 20),
      details: { gateway: gateway.id, reason, outSum: params.OutSum?.slice(0, 30), ...details },
    });
    return { status: 400, body: gateway.refusalAnswer(reason, params) };
  };
  if (!verified.ok) return refuse(verified.reason);

  const outcome = await db().transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.invId, verified.invId)).for('update');
    if (!payment) return { refused: 'unknown_inv_id' } as const;
    if (payment.gateway !== gateway.id) return { refused: 'other_gateway' } as const;
    if (payment.amountKopecks !== verified.amountKopecks) {
      return { refused: 'amount_mismatch', expected: payment.amountKopecks, got: verified.amountKopecks } as const;
    }
    // Signed by the gateway as we sent it: a notification for another kind of payment is not this one's.
    if (verified.shp.Shp_purpose !== payment.purpose) return { refused: 'purpose_mismatch' } as const;
    if ((payment.isTest || gateway.isTest) && !demoMode()) return { refused: 'test_payment' } as const;
    if (payment.status === 'paid' || payment.status === 'refunded' || payment.status === 'partially_refunded') {
      return { duplicate: true, receipt: answerReceipt(payment.fiscalReceipt, payment.receiptEmail) } as const;
    }

    // Given up as unpaid, and paid after all: received money is never refused. The payment keeps
    // its expired_at, which marks it for staff as credited after its expiry.
    const late = payment.status === 'expired';
    const cardMask = verified.cardMask ?? payment.cardMask;
    // A gateway that fiscalizes from our answer gets the receipt as the money arrives: each
    // account's debt is read before this payment is credited, in this transaction.
    const fiscalReceipt = gateway.receiptInAnswer
      ? paymentReceipt(payment, payment.purpose === 'electricity' ? await receiptLinesOf(payment, tx) : undefined)
      : null;
    await tx
      .update(payments)
      .set({
        status: 'paid',
        paidAt: now,
        feeKopecks: verified.fee ?? null,
        paymentMethod: verified.paymentMethod ?? null,
        cardMask,
        ...(fiscalReceipt ? { fiscalReceipt } : {}),
        updatedAt: now,
      })
      .where(eq(payments.id, payment.id));
    // The ledger is the electricity balance: a payment for paid services or a connection invoice
    // credits its request or application instead (same transaction, same row lock), never the
    // account's electricity debt.
    // A payment for several accounts names each with its share; any other, its one account.
    const allocated = await tx
      .select({ accountId: paymentAllocations.accountId, amountKopecks: paymentAllocations.amountKopecks })
      .from(paymentAllocations)
      .where(eq(paymentAllocations.paymentId, payment.id));
    if (payment.purpose === 'services') {
      await creditServicePayment(tx, payment, { now, ip: context.ip });
    } else if (payment.purpose === 'connection') {
      await creditConnectionPayment(tx, payment, { now, ip: context.ip });
    } else {
      // Each allocation is credited on its own; the ledger's unique index (payment, account) keeps
      // every credit single, whatever a retry does.
      const credits =
        allocated.length > 0 ? allocated : [{ accountId: payment.accountId, amountKopecks: payment.amountKopecks }];
      await tx
        .insert(ledgerEntries)
        .values(
          credits.map((credit) => ({
            accountId: credit.accountId,
            kind: 'payment' as const,
            amountKopecks: -credit.amountKopecks,
            paymentId: payment.id,
            description:
              allocated.length > 0
                ? `Оплата картой, платёж № ${payment.invId} по нескольким лицевым счетам`
                : `Оплата картой, платёж № ${payment.invId}`,
            postedAt: now,
          })),
        )
        .onConflictDoNothing();
    }
    // Robokassa's ResultURL does not promise the card number, so a binding is made without it too
    // (the parent InvId is the token; the mask is only for the person to recognise the card).
    if (payment.requestsBinding && payment.userId && gateway.chargesBoundCards) {
      const [bound] = await tx
        .insert(cardBindings)
        .values({
          userId: payment.userId,
          purpose: payment.purpose,
          gateway: gateway.id,
          // Robokassa: later charges name this payment as PreviousInvoiceID.
          token: String(payment.invId),
          cardMask: cardMask ?? UNKNOWN_CARD_MASK,
          parentPaymentId: payment.id,
        })
        .onConflictDoNothing()
        .returning({ id: cardBindings.id });
      if (bound) {
        await audit(
          {
            action: 'card.bound',
            actorUserId: payment.userId,
            subjectType: 'card_binding',
            subjectId: bound.id,
            ip: context.ip,
            details: { invId: payment.invId, cardMask: cardMask ?? null, purpose: payment.purpose },
          },
          tx,
        );
      }
    }
    // By their ids, read above: an `id = … or id in (subquery)` here made Postgres scan every account.
    const paidAccounts = await tx
      .select({ number: accounts.number })
      .from(accounts)
      .where(inArray(accounts.id, [payment.accountId, ...allocated.map((a) => a.accountId)]))
      .orderBy(asc(accounts.number));
    const account = { number: paidAccounts.map((a) => a.number).join(', ') };
    const [payer] = payment.userId
      ? await tx
          .select({ email: users.email, fullName: users.fullName, notify: users.notifyPaymentReceived })
          .from(users)
          .where(eq(users.id, payment.userId))
      : [];
    const to = payer?.notify ? payer.email : payment.receiptEmail;
    // A service or connection payment's letter is the request's or application's own, sent by its credit.
    if (to && payment.purpose === 'electricity') {
      await queuePaymentReceivedEmail(tx, {
        to,
        fullName: payer?.fullName ?? null,
        accountNumber: account.number,
        amountKopecks: payment.amountKopecks,
        invId: payment.invId,
        paidAt: now,
      });
    }
    // A payment asked for by SMS is answered by SMS, switch or not; that answer replaces the usual one.
    const answeredBySms = await queueSmsPaymentResult(tx, payment.id, 'paid', now);
    // The receipt letter above is the e-mail; the payer's SMS, if asked for, goes through the dispatcher.
    if (payment.userId && payment.purpose === 'electricity' && !answeredBySms) {
      await notify(tx, 'payment_credited', [payment.userId], {
        key: payment.id,
        channels: ['sms'],
        now,
        render: (_person, utilityName) => ({
          title: `Платёж ${formatRub(payment.amountKopecks)} зачислен`,
          sms: `${utilityName}: платёж ${formatRub(payment.amountKopecks)} ${paidAccounts.length > 1 ? 'по лицевым счетам' : 'по лицевому счёту'} ${account.number} зачислен.`,
        }),
      });
    }
    await audit(
      {
        action: late ? 'payment.paid_after_expiry' : 'payment.paid',
        subjectType: 'payment',
        subjectId: payment.id,
        ip: context.ip,
        details: {
          invId: payment.invId,
          amountKopecks: payment.amountKopecks,
          expiredAt: payment.expiredAt ?? undefined,
        },
      },
      tx,
    );
    return { paid: true, receipt: answerReceipt(fiscalReceipt, payment.receiptEmail) } as const;
  });

  if ('refused' in outcome && outcome.refused) {
    const { refused, ...details } = outcome;
    return refuse(refused, details);
  }
  if ('paid' in outcome) kickNotifications();
  const receipt = 'receipt' in outcome ? outcome.receipt : undefined;
  return { status: 200, body: gateway.resultAnswer(verified.invId, verified, receipt) };
}

function answerReceipt(receipt: FiscalReceipt | null, email: string | null): PaidPaymentReceipt | undefined {
  return receipt ? { receipt, email } : undefined;
}
