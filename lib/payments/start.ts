import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, bills, payments } from '@/db/schema';
import { audit } from '@/lib/security/audit';
import { paymentExpiresAt } from './expiry';
import { configuredOrigin } from '@/lib/http/app-url';
import { electricityReceipt, type ReceiptLine } from './electricity-receipt';
import { prepaymentReceipt } from './prepayment-receipt';
import { paymentStatusHref } from './status-link';
import type { FiscalReceipt, PaymentGateway } from './gateway/types';
import type { PaymentPurpose } from '@/db/enums';

export interface StartPaymentInput {
  accountId: string;
  userId: string | null;
  amountKopecks: number;
  billId?: string;
  requestsBinding: boolean;
  receiptEmail?: string | null;
  ip: string;
}

export interface StartedPayment {
  paymentId: string;
  invId: number;
}

/** «Оплата электроэнергии по л/с 50010001» — also the fiscal receipt's line (≤ 128 characters). */
export function paymentDescription(accountNumber: string): string {
  return `Оплата электроэнергии по лицевому счёту ${accountNumber}`;
}

/**
 * Records the payment as pending with exactly the amount we ask for, then builds the signed
 * redirect to the gateway. Nothing is credited here: only the gateway's notification does that.
 */
export async function startPayment(input: StartPaymentInput, gateway: PaymentGateway): Promise<StartedPayment> {
  const [account] = await db()
    .select({ number: accounts.number })
    .from(accounts)
    .where(eq(accounts.id, input.accountId));
  if (!account) throw new Error('startPayment: unknown account');
  const description = paymentDescription(account.number);
  // The bill id comes from the form: it only says which bill this pays, and counts only when it is a
  // bill of this very account (an unknown or someone else's id would fail the insert or mislink it).
  const [bill] = input.billId
    ? await db()
        .select({ id: bills.id })
        .from(bills)
        .where(and(eq(bills.id, input.billId), eq(bills.accountId, input.accountId)))
    : [];
  const [payment] = await db()
    .insert(payments)
    .values({
      accountId: input.accountId,
      userId: input.userId,
      purpose: 'electricity',
      billId: bill?.id ?? null,
      amountKopecks: input.amountKopecks,
      gateway: gateway.id,
      isTest: gateway.isTest,
      description,
      receiptEmail: input.receiptEmail ?? null,
      requestsBinding: input.requestsBinding,
    })
    .returning({ id: payments.id, invId: payments.invId });
  if (!payment) throw new Error('startPayment: insert returned nothing');
  await audit({
    action: 'payment.started',
    actorUserId: input.userId,
    subjectType: 'payment',
    subjectId: payment.id,
    ip: input.ip,
    details: { invId: payment.invId, amountKopecks: input.amountKopecks, gateway: gateway.id },
  });
  return { paymentId: payment.id, invId: payment.invId };
}

/**
 * The 54-ФЗ receipt a payment carries: a line per account paid for electricity (the lines come
 * from receiptLinesOf, with each account's debt at that moment); a paid service or connection fee
 * is paid before the work, a prepayment.
 */
export function paymentReceipt(
  payment: { amountKopecks: number; description: string; purpose: PaymentPurpose },
  receiptLines?: readonly ReceiptLine[],
): FiscalReceipt {
  return receiptLines && payment.purpose === 'electricity'
    ? electricityReceipt(receiptLines)
    : prepaymentReceipt(payment.description, payment.amountKopecks);
}

/**
 * The signed hand-over to the gateway for a pending payment, rebuilt from the stored row (it is
 * deterministic), so the browser can be sent through our own /payments/go/<id> page — a GET
 * redirect for the sandbox, an auto-submitted POST form for Robokassa with a 54-ФЗ receipt.
 */
export function gatewayHandOver(
  payment: {
    invId: number;
    amountKopecks: number;
    description: string;
    receiptEmail: string | null;
    requestsBinding: boolean;
    /** Names the payment type to the gateway (signed Shp_ parameter). */
    purpose: PaymentPurpose;
    createdAt: Date;
  },
  gateway: PaymentGateway,
  /** An electricity payment's lines (receiptLinesOf): a receipt item per account paid. */
  receiptLines?: readonly ReceiptLine[],
  /** The utility as a receipt printed by the gateway's cash register names it. */
  seller?: { inn: string; paymentAddress: string },
) {
  return gateway.paymentRedirect({
    seller,
    invId: payment.invId,
    amountKopecks: payment.amountKopecks,
    description: payment.description,
    email: payment.receiptEmail ?? undefined,
    recurring: payment.requestsBinding,
    receipt: paymentReceipt(payment, receiptLines),
    // Signed by the gateway and echoed back: the notification must name the same purpose.
    shp: { Shp_purpose: payment.purpose },
    expiresAt: paymentExpiresAt(payment.createdAt),
    returnUrl: configuredOrigin() + paymentStatusHref(payment.invId),
  });
}
