import { decimalToKopecksRounded, kopecksToOutSum, outSumToKopecks } from './money';
import { clipText, encodeReceipt, receiptProblem } from './receipt';
import {
  assertInvId,
  assertShpParams,
  hashHex,
  paramsToRecord,
  parseInvId,
  pickShp,
  shpSignatureSuffix,
  signatureMatches,
} from './signature';
import type {
  CallbackVerification,
  GatewayId,
  GatewayParams,
  HashAlgorithm,
  PaymentGateway,
  PaymentRedirect,
  PaymentRedirectRequest,
  RecurringChargeCall,
  RecurringChargeRequest,
  ShpParams,
} from './types';

// Robokassa's protocol, parameterised by where it is spoken. The Robokassa adapter points it at
// auth.robokassa.ru; the sandbox points it at our own pages with its own passwords.
//
// Signatures (hex hash, joined by ':'; Shp_ pairs sorted by key and appended after the password):
//   payment request   MerchantLogin:OutSum:InvId[:Receipt]:Password1[:Shp_…]
//   ResultURL         OutSum:InvId:Password2[:Shp_…]      over the OutSum string as received
//   SuccessURL        OutSum:InvId:Password1[:Shp_…]
//   recurring charge  MerchantLogin:OutSum:InvoiceID[:Receipt]:Password1[:Shp_…]
// Not signed: Description, Email, Culture, Encoding, IsTest, Recurring, PreviousInvoiceID — and in
// callbacks Fee, EMail, PaymentMethod, IncCurrLabel, IncAccount.

const DESCRIPTION_MAX = 100;

export interface ProtocolConfig {
  id: GatewayId;
  isTest: boolean;
  merchantLogin: string;
  password1: string;
  password2: string;
  hash: HashAlgorithm;
  /** The payment page. */
  payUrl: string;
  payMethod: 'GET' | 'POST';
  /** The recurring-charge endpoint (server to server). */
  recurringUrl: string;
  /**
   * Robokassa's Merchant/Recurring has no test mode (its SDK refuses IsTest there): a child
   * payment made while the shop is in test mode would be real. The sandbox allows it.
   */
  recurringInTestMode: boolean;
  /** Refunds differ between gateways (Robokassa's Refund API, the sandbox's own), so each brings its own. */
  refund: PaymentGateway['refund'];
  refundState?: PaymentGateway['refundState'];
}

export interface RequestSignatureInput {
  merchantLogin: string;
  outSum: string;
  invId: string;
  /** The URL-encoded Receipt exactly as sent, when sent. */
  receipt?: string;
  password1: string;
  shp: ShpParams;
}

/** `MerchantLogin:OutSum:InvId[:Receipt]:Password1[:Shp_…]` (also the recurring charge's base). */
export function requestSignatureBase(p: RequestSignatureInput): string {
  const parts = [p.merchantLogin, p.outSum, p.invId];
  if (p.receipt) parts.push(p.receipt);
  parts.push(p.password1);
  return parts.join(':') + shpSignatureSuffix(p.shp);
}

/** `OutSum:InvId:Password[:Shp_…]`: ResultURL with Password #2, SuccessURL with Password #1. */
export function callbackSignatureBase(p: { outSum: string; invId: string; password: string; shp: ShpParams }): string {
  return `${p.outSum}:${p.invId}:${p.password}${shpSignatureSuffix(p.shp)}`;
}

function assertAmount(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks <= 0)
    throw new RangeError(`Сумма платежа должна быть целым положительным числом копеек, получено ${kopecks}`);
  return kopecksToOutSum(kopecks);
}

function cleanDescription(description: string): string {
  const text = clipText(description ?? '', DESCRIPTION_MAX);
  if (!text) throw new Error('Нужно описание платежа (Description)');
  return text;
}

function encodedReceipt(p: { receipt?: PaymentRedirectRequest['receipt']; amountKopecks: number }): string | undefined {
  if (!p.receipt) return undefined;
  const problem = receiptProblem(p.receipt, p.amountKopecks);
  if (problem) throw new Error(`Чек 54-ФЗ: ${problem}`);
  return encodeReceipt(p.receipt);
}

/** Verifies a ResultURL/SuccessURL callback signed with `password`. */
function verifyCallback(hash: HashAlgorithm, password: string, params: GatewayParams): CallbackVerification {
  const raw = paramsToRecord(params);
  if (!raw) return { ok: false, reason: 'malformed' };
  const { OutSum: outSum, InvId: invIdRaw, SignatureValue: signature } = raw;
  if (!outSum || !invIdRaw || !signature) return { ok: false, reason: 'malformed' };
  const invId = parseInvId(invIdRaw);
  const amountKopecks = outSumToKopecks(outSum);
  if (invId === null || amountKopecks === null || amountKopecks <= 0) return { ok: false, reason: 'malformed' };
  const shp = pickShp(raw);
  const expected = hashHex(hash, callbackSignatureBase({ outSum, invId: invIdRaw, password, shp }));
  if (!signatureMatches(hash, expected, signature)) return { ok: false, reason: 'bad_signature' };

  const fee = raw.Fee !== undefined ? decimalToKopecksRounded(raw.Fee) : null;
  const email = raw.EMail ?? raw.Email;
  const cardMask = raw.IncAccount;
  return {
    ok: true,
    invId,
    amountKopecks,
    ...(fee !== null ? { fee } : {}),
    ...(email ? { email } : {}),
    // Unsigned, stored as is: only a method name's shape (BankCard, SBP, …), never arbitrary text.
    ...(raw.PaymentMethod && /^[A-Za-z0-9_-]{1,40}$/.test(raw.PaymentMethod)
      ? { paymentMethod: raw.PaymentMethod }
      : {}),
    ...(cardMask && /^\d{4,8}\*{2,9}\d{2,4}$/.test(cardMask) ? { cardMask } : {}),
    shp,
    raw,
  };
}

export function createProtocolGateway(cfg: ProtocolConfig): PaymentGateway {
  const sign = (base: string) => hashHex(cfg.hash, base);

  return {
    id: cfg.id,
    isTest: cfg.isTest,

    paymentRedirect(p: PaymentRedirectRequest): PaymentRedirect {
      assertInvId(p.invId);
      const outSum = assertAmount(p.amountKopecks);
      assertShpParams(p.shp);
      const receipt = encodedReceipt(p);
      const invId = String(p.invId);
      const fields: Record<string, string> = {
        MerchantLogin: cfg.merchantLogin,
        OutSum: outSum,
        InvId: invId,
        Description: cleanDescription(p.description),
        SignatureValue: sign(
          requestSignatureBase({
            merchantLogin: cfg.merchantLogin,
            outSum,
            invId,
            receipt,
            password1: cfg.password1,
            shp: p.shp,
          }),
        ),
        Culture: 'ru',
        Encoding: 'utf-8',
      };
      const email = p.email?.trim();
      if (email && email.length <= 254 && /^[^@\s]+@[^@\s]+$/.test(email)) fields.Email = email;
      if (receipt) fields.Receipt = receipt;
      if (p.recurring) fields.Recurring = 'true';
      // ISO 8601, not signed; past it the gateway's page refuses the payment, as our expiry job does.
      if (p.expiresAt) fields.ExpirationDate = p.expiresAt.toISOString();
      if (cfg.isTest) fields.IsTest = '1';
      Object.assign(fields, p.shp);
      return { url: cfg.payUrl, method: cfg.payMethod, fields };
    },

    verifyResult(params: GatewayParams): CallbackVerification {
      return verifyCallback(cfg.hash, cfg.password2, params);
    },

    resultAnswer(invId: number): string {
      assertInvId(invId);
      return `OK${invId}`;
    },

    refusalAnswer: (reason: string) => `refused: ${reason}`,

    chargesBoundCards: true,

    verifySuccess(params: GatewayParams): CallbackVerification {
      return verifyCallback(cfg.hash, cfg.password1, params);
    },

    refund: cfg.refund,
    refundState: cfg.refundState,

    recurringCharge(p: RecurringChargeRequest): RecurringChargeCall {
      if (cfg.isTest && !cfg.recurringInTestMode) {
        throw new Error(
          'Повторные списания Robokassa не имеют тестового режима: в тестовом режиме магазина списание было бы настоящим',
        );
      }
      assertInvId(p.invId, 'InvoiceID');
      assertInvId(p.previousInvId, 'PreviousInvoiceID');
      if (p.invId === p.previousInvId)
        throw new Error('Повторное списание нуждается в новом номере счёта (InvoiceID ≠ PreviousInvoiceID)');
      const outSum = assertAmount(p.amountKopecks);
      assertShpParams(p.shp);
      const receipt = encodedReceipt(p);
      const invId = String(p.invId);
      const fields: Record<string, string> = {
        MerchantLogin: cfg.merchantLogin,
        InvoiceID: invId,
        PreviousInvoiceID: String(p.previousInvId),
        OutSum: outSum,
        Description: cleanDescription(p.description),
        SignatureValue: sign(
          requestSignatureBase({
            merchantLogin: cfg.merchantLogin,
            outSum,
            invId,
            receipt,
            password1: cfg.password1,
            shp: p.shp,
          }),
        ),
      };
      if (receipt) fields.Receipt = receipt;
      Object.assign(fields, p.shp);
      return { url: cfg.recurringUrl, fields };
    },
  };
}

/**
 * The gateway's answer to a recurring charge: `OK<InvoiceID>` (Robokassa's SDK also accepts
 * `OK+<id>`) means accepted for processing — not paid; the ResultURL notification completes it.
 */
export function recurringAccepted(body: string): boolean {
  return /^OK\+?\d+$/i.test(body.trim());
}

/** A full URL for a GET redirect (the sandbox); a POST redirect needs a form with `fields`. */
export function redirectHref(r: PaymentRedirect): string {
  if (r.method !== 'GET') throw new Error('Переход методом POST выполняется формой с полями fields');
  const url = new URL(r.url);
  for (const [k, v] of Object.entries(r.fields)) url.searchParams.set(k, v);
  return url.toString();
}
