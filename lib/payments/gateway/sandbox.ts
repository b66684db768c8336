import { kopecksToDecimal, outSumToKopecks } from './money';
import { callbackSignatureBase, createProtocolGateway, requestSignatureBase } from './protocol';
import { decodeReceipt, receiptProblem } from './receipt';
import { sandboxRefund } from './sandbox-refund';
import { hashHex, isHashAlgorithm, paramsToRecord, parseInvId, pickShp, signatureMatches } from './signature';
import {
  GatewayConfigError,
  type FiscalReceipt,
  type GatewayParams,
  type HashAlgorithm,
  type PaymentGateway,
  type ShpParams,
} from './types';

// The sandbox gateway built into the app for development and tests. It speaks Robokassa's
// protocol with its own merchant login and passwords: our code sends the payer to our own
// `/sandbox/pay` page with the same signed fields it would send Robokassa; that page (which plays
// the gateway) checks the signature, takes a test card, asks for a 3-D Secure code, then sends the
// signed ResultURL notification and returns the payer. This file holds the protocol pieces and the
// pure rules those pages need; the pages and routes live elsewhere.
//
// The default passwords are public (they are in this file). Wherever the sandbox is reachable by
// others, set SANDBOX_PASSWORD1/SANDBOX_PASSWORD2, or anyone can sign a notification.

export const SANDBOX_MERCHANT_LOGIN = 'energokabinet-sandbox';
export const SANDBOX_DEFAULT_PASSWORD1 = 'sandbox-password-1';
export const SANDBOX_DEFAULT_PASSWORD2 = 'sandbox-password-2';
/** The sandbox's payment page (plays Robokassa's Merchant/Index.aspx), GET with the fields. */
export const SANDBOX_PAY_PATH = '/sandbox/pay';
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

export function sandboxConfigFromEnv(env: Record<string, string | undefined> = process.env): SandboxConfig {
  const password1 = env.SANDBOX_PASSWORD1 || SANDBOX_DEFAULT_PASSWORD1;
  const password2 = env.SANDBOX_PASSWORD2 || SANDBOX_DEFAULT_PASSWORD2;
  if (password1 === password2) throw new GatewayConfigError('SANDBOX_PASSWORD1 и SANDBOX_PASSWORD2 должны различаться');
  return { merchantLogin: SANDBOX_MERCHANT_LOGIN, password1, password2, hash: 'md5' };
}

export function sandboxUsesDefaultPasswords(config: SandboxConfig): boolean {
  return config.password1 === SANDBOX_DEFAULT_PASSWORD1 || config.password2 === SANDBOX_DEFAULT_PASSWORD2;
}

/** The sandbox as a `PaymentGateway`; `origin` is our app's, e.g. `http://localhost:3000`. */
export function sandboxGateway(p: { origin: string; config?: SandboxConfig }): PaymentGateway {
  const config = p.config ?? sandboxConfigFromEnv();
  if (!isHashAlgorithm(config.hash))
    throw new GatewayConfigError(`Песочница: неизвестный алгоритм ${String(config.hash)}`);
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
  config: SandboxConfig = sandboxConfigFromEnv(),
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
  config: SandboxConfig = sandboxConfigFromEnv(),
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
  config: SandboxConfig = sandboxConfigFromEnv(),
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
export function buildSandboxSuccessReturn(
  p: SandboxOutcome,
  config: SandboxConfig = sandboxConfigFromEnv(),
): Record<string, string> {
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

// ---------------------------------------------------------------------------------------------
// The payment page's rules: test cards, card form validation, 3-D Secure.

export type SandboxCardOutcome = 'success' | 'declined';

export interface SandboxCard {
  pan: string;
  outcome: SandboxCardOutcome;
  /** Asks for the 3-D Secure code before the outcome. */
  threeDS: boolean;
  label: string;
}

export const sandboxCards: readonly SandboxCard[] = [
  { pan: '4111111111111111', outcome: 'success', threeDS: true, label: 'Visa — успешная оплата с кодом 3-D Secure' },
  { pan: '5555555555554444', outcome: 'success', threeDS: false, label: 'Mastercard — успешная оплата без кода' },
  { pan: '4000000000000002', outcome: 'declined', threeDS: false, label: 'Visa — банк отклоняет оплату' },
];

export const SANDBOX_3DS_CODE = '12345';

export const SANDBOX_MESSAGES = {
  cardEmpty: 'Введите номер карты',
  cardLength: 'Номер карты — от 13 до 19 цифр',
  cardLuhn: 'Номер карты введён с ошибкой — проверьте цифры',
  cardNotAccepted: 'Карта не принимается: в песочнице работают только тестовые карты',
  declined: 'Банк отклонил оплату. Деньги не списаны — попробуйте другую карту',
  expiryFormat: 'Укажите срок действия в формате ММ/ГГ, например 12/28',
  expiryMonth: 'Месяц срока действия — от 01 до 12',
  expiryPast: 'Срок действия карты истёк',
  expiryFar: 'Проверьте год срока действия',
  cvv: 'CVC/CVV — три цифры на обороте карты',
  code3ds: 'Неверный код подтверждения. В песочнице код — 12345',
} as const;

/** Digits only, with spaces and dashes between groups allowed; null for anything else. */
export function normalizeCardNumber(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '');
  return /^\d+$/.test(compact) ? compact : null;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** '4111111111111111' → '411111******1111': first six and last four, the rest starred. */
export function maskCard(pan: string): string {
  const digits = normalizeCardNumber(pan);
  if (!digits || digits.length < 13 || digits.length > 19)
    throw new Error('Маскировать можно только номер карты из 13–19 цифр');
  return digits.slice(0, 6) + '*'.repeat(digits.length - 10) + digits.slice(-4);
}

export type SandboxCardCheck =
  { ok: true; pan: string; cardMask: string; card: SandboxCard } | { ok: false; error: string };

/** The card number field: format, Luhn, and whether the sandbox knows the card. */
export function checkSandboxCard(input: string): SandboxCardCheck {
  if (!input.trim()) return { ok: false, error: SANDBOX_MESSAGES.cardEmpty };
  const pan = normalizeCardNumber(input);
  if (!pan || pan.length < 13 || pan.length > 19) return { ok: false, error: SANDBOX_MESSAGES.cardLength };
  if (!luhnValid(pan)) return { ok: false, error: SANDBOX_MESSAGES.cardLuhn };
  const card = sandboxCards.find((c) => c.pan === pan);
  if (!card) return { ok: false, error: SANDBOX_MESSAGES.cardNotAccepted };
  return { ok: true, pan, cardMask: maskCard(pan), card };
}

/** 'MM/YY' (also 'MM / YY', 'MMYY'); valid through the end of that month. null when fine. */
export function expiryError(input: string, now: Date = new Date()): string | null {
  const m = /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(input);
  if (!m) return SANDBOX_MESSAGES.expiryFormat;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return SANDBOX_MESSAGES.expiryMonth;
  const year = 2000 + Number(m[2]);
  const nowMonths = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const cardMonths = year * 12 + (month - 1);
  if (cardMonths < nowMonths) return SANDBOX_MESSAGES.expiryPast;
  if (cardMonths > nowMonths + 20 * 12) return SANDBOX_MESSAGES.expiryFar;
  return null;
}

export function cvvError(input: string): string | null {
  return /^\d{3}$/.test(input.trim()) ? null : SANDBOX_MESSAGES.cvv;
}

/** The 3-D Secure step: only '12345' confirms. */
export function check3dsCode(input: string): { ok: true } | { ok: false; error: string } {
  return input.trim() === SANDBOX_3DS_CODE ? { ok: true } : { ok: false, error: SANDBOX_MESSAGES.code3ds };
}
