import { kopecksToDecimal, outSumToKopecks } from '../money';
import { callbackSignatureBase, createProtocolGateway, requestSignatureBase } from '../protocol';
import { decodeReceipt, receiptProblem } from '../receipt';
import { hashHex, isHashAlgorithm, paramsToRecord, parseInvId, pickShp, signatureMatches } from '../signature';
import {
  GatewayConfigError,
  type FiscalReceipt,
  type GatewayParams,
  type HashAlgorithm,
  type PaymentGateway,
  type ShpParams,
} from '../types';
import { sandboxRefund } from './refund';

// The sandbox gateway built into the app for demo mode, development and tests. It speaks Robokassa's
// protocol with its own merchant login and passwords: our code sends the payer to our own
// `/sandbox/pay` page with the same signed fields it would send Robokassa; that page (which plays
// the gateway) checks the signature, takes a test card, asks for a 3-D Secure code, then sends the
// signed ResultURL notification and returns the payer. This file holds the protocol pieces and the
// pure rules those pages need; the pages and routes live elsewhere. Its passwords come from the
// configuration (lib/payments/gateways.ts): none is written here, or anyone could sign a
// notification.

export const SANDBOX_MERCHANT_LOGIN = 'energokabinet-sandbox';
/** The sandbox's payment page (plays Robokassa's Merchant/Index.aspx), GET with the fields. */
const SANDBOX_PAY_PATH = '/sandbox/pay';
/** The sandbox's recurring-charge endpoint (plays Robokassa's Merchant/Recurring), POST. */
export const SANDBOX_RECURRING_PATH = '/sandbox/recurring';
/** Our ResultURL for sandbox payments. */
export const SANDBOX_RESULT_PATH = '/api/payments/sandbox/result';

export interface SandboxConfig {
  merchantLogin: string;
  password1: string;
  password2: string;
  hash: HashAlgorithm;
}

/** Checks a sandbox configuration: known hash, two different passwords. */
export function checkedSandboxConfig(config: SandboxConfig): SandboxConfig {
  if (!config.password1 || !config.password2 || config.password1 === config.password2)
    throw new GatewayConfigError('Песочница: нужны два разных пароля');
  if (!isHashAlgorithm(config.hash))
    throw new GatewayConfigError(`Песочница: неизвестный алгоритм ${String(config.hash)}`);
  return config;
}

/** The sandbox as a `PaymentGateway`; `origin` is our app's, e.g. `http://localhost:3000`. */
export function sandboxGateway(p: { origin: string; config: SandboxConfig }): PaymentGateway {
  const config = checkedSandboxConfig(p.config);
  const origin = new URL(p.origin).origin;
  return createProtocolGateway({
    id: 'sandbox',
    isTest: true,
    merchantLogin: config.merchantLogin,
    password1: config.password1,
    password2: config.password2,
    hash: config.hash,
    payUrl: origin + SANDBOX_PAY_PATH,
    payMethod: 'GET',
    recurringUrl: origin + SANDBOX_RECURRING_PATH,
    recurringInTestMode: true,
    refund: sandboxRefund,
  });
}

// ---------------------------------------------------------------------------------------------
// The gateway side: checking what our app sent.

export type SandboxRequestCheck<T> = ({ ok: true } & T) | { ok: false; reason: 'malformed' | 'bad_signature' };

export interface SandboxPaymentRequest {
  invId: number;
  amountKopecks: number;
  /** OutSum as received. */
  outSum: string;
  description: string;
  email?: string;
  recurring: boolean;
  receipt?: FiscalReceipt;
  shp: ShpParams;
}

/** What `/sandbox/pay` received, after checking the signature as Robokassa would (Password #1). */
export function parseSandboxPaymentRequest(
  params: GatewayParams,
  config: SandboxConfig,
): SandboxRequestCheck<SandboxPaymentRequest> {
  const raw = paramsToRecord(params);
  if (!raw) return { ok: false, reason: 'malformed' };
  const {
    MerchantLogin: login,
    OutSum: outSum,
    InvId: invIdRaw,
    SignatureValue: signature,
    Description: description,
  } = raw;
  if (!login || !outSum || !invIdRaw || !signature || !description) return { ok: false, reason: 'malformed' };
  const invId = parseInvId(invIdRaw);
  const amountKopecks = outSumToKopecks(outSum);
  if (invId === null || amountKopecks === null || amountKopecks <= 0) return { ok: false, reason: 'malformed' };
  const shp = pickShp(raw);
  const base = requestSignatureBase({
    merchantLogin: login,
    outSum,
    invId: invIdRaw,
    receipt: raw.Receipt,
    password1: config.password1,
    shp,
  });
  if (login !== config.merchantLogin || !signatureMatches(config.hash, hashHex(config.hash, base), signature))
    return { ok: false, reason: 'bad_signature' };
  let receipt: FiscalReceipt | undefined;
  if (raw.Receipt) {
    receipt = decodeReceipt(raw.Receipt) ?? undefined;
    if (!receipt || receiptProblem(receipt, amountKopecks)) return { ok: false, reason: 'malformed' };
  }
  return {
    ok: true,
    invId,
    amountKopecks,
    outSum,
    description,
    ...(raw.Email ? { email: raw.Email } : {}),
    recurring: /^true$/i.test(raw.Recurring ?? ''),
    ...(receipt ? { receipt } : {}),
    shp,
  };
}

export interface SandboxRecurringRequest {
  invId: number;
  previousInvId: number;
  amountKopecks: number;
  description: string;
  receipt?: FiscalReceipt;
  shp: ShpParams;
}

/** What `/sandbox/recurring` received, after checking `MerchantLogin:OutSum:InvoiceID[:Receipt]:Password1[:Shp_…]`. */
export function parseSandboxRecurringRequest(
  params: GatewayParams,
  config: SandboxConfig,
): SandboxRequestCheck<SandboxRecurringRequest> {
  const raw = paramsToRecord(params);
  if (!raw) return { ok: false, reason: 'malformed' };
  const {
    MerchantLogin: login,
    OutSum: outSum,
    InvoiceID: invIdRaw,
    PreviousInvoiceID: prevRaw,
    SignatureValue: signature,
  } = raw;
  if (!login || !outSum || !invIdRaw || !prevRaw || !signature) return { ok: false, reason: 'malformed' };
  const invId = parseInvId(invIdRaw);
  const previousInvId = parseInvId(prevRaw);
  const amountKopecks = outSumToKopecks(outSum);
  if (
    invId === null ||
    previousInvId === null ||
    invId === previousInvId ||
    amountKopecks === null ||
    amountKopecks <= 0
  )
    return { ok: false, reason: 'malformed' };
  const shp = pickShp(raw);
  const base = requestSignatureBase({
    merchantLogin: login,
    outSum,
    invId: invIdRaw,
    receipt: raw.Receipt,
    password1: config.password1,
    shp,
  });
  if (login !== config.merchantLogin || !signatureMatches(config.hash, hashHex(config.hash, base), signature))
    return { ok: false, reason: 'bad_signature' };
  let receipt: FiscalReceipt | undefined;
  if (raw.Receipt) {
    receipt = decodeReceipt(raw.Receipt) ?? undefined;
    if (!receipt || receiptProblem(receipt, amountKopecks)) return { ok: false, reason: 'malformed' };
  }
  return {
    ok: true,
    invId,
    previousInvId,
    amountKopecks,
    description: raw.Description ?? '',
    ...(receipt ? { receipt } : {}),
    shp,
  };
}

/** The sandbox's answer to an accepted recurring charge (Robokassa answers `OK<InvoiceID>`). */
export function sandboxRecurringAnswer(invId: number): string {
  return `OK${invId}`;
}

// ---------------------------------------------------------------------------------------------
// The gateway side: what it sends back.

export interface SandboxOutcome {
  invId: number;
  amountKopecks: number;
  /** Echoed exactly as received in the payment request. */
  shp: ShpParams;
}

/**
 * The ResultURL notification for a successful sandbox payment, signed with Password #2 like
 * Robokassa's: `OutSum:InvId:Password2[:Shp_…]`. OutSum and Fee are written with six decimals
 * ('123.450000') and the signature in upper case, as Robokassa does, so our verifier is exercised
 * on the raw, non-canonical string.
 */
export function buildSandboxNotification(
  p: SandboxOutcome & { fee?: number; email?: string; cardMask: string },
  config: SandboxConfig,
): Record<string, string> {
  const outSum = kopecksToDecimal(p.amountKopecks, 6);
  const invId = String(p.invId);
  const fields: Record<string, string> = {
    OutSum: outSum,
    InvId: invId,
    Fee: kopecksToDecimal(p.fee ?? 0, 6),
    PaymentMethod: 'BankCard',
    IncCurrLabel: 'BankCardPSR',
    IncAccount: p.cardMask,
    SignatureValue: hashHex(
      config.hash,
      callbackSignatureBase({ outSum, invId, password: config.password2, shp: p.shp }),
    ).toUpperCase(),
  };
  if (p.email) fields.EMail = p.email;
  return { ...fields, ...p.shp };
}

/** The payer's return to SuccessURL, signed with Password #1: `OutSum:InvId:Password1[:Shp_…]`. */
export function buildSandboxSuccessReturn(p: SandboxOutcome, config: SandboxConfig): Record<string, string> {
  const outSum = kopecksToDecimal(p.amountKopecks, 6);
  const invId = String(p.invId);
  return {
    OutSum: outSum,
    InvId: invId,
    SignatureValue: hashHex(
      config.hash,
      callbackSignatureBase({ outSum, invId, password: config.password1, shp: p.shp }),
    ).toUpperCase(),
    Culture: 'ru',
    IsTest: '1',
    ...p.shp,
  };
}

/** The payer's return to FailURL (declined or abandoned). Unsigned, as Robokassa's. */
export function buildSandboxFailReturn(p: SandboxOutcome): Record<string, string> {
  return { OutSum: kopecksToDecimal(p.amountKopecks, 6), InvId: String(p.invId), Culture: 'ru', IsTest: '1', ...p.shp };
}
