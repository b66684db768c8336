import { createHash } from 'node:crypto';
import { kopecksToOutSum, outSumToKopecks } from './money';
import { clipText } from './receipt';
import { isPaymentPurpose, orderReference, parseOrderReference, positiveAmount } from './order-reference';
import { assertInvId, paramsToRecord, signatureMatches } from './signature';
import {
  GatewayConfigError,
  type CallbackVerification,
  type FiscalReceiptItem,
  type GatewayParams,
  type PaidPaymentReceipt,
  type PaymentGateway,
  type PaymentRedirect,
  type PaymentRedirectRequest,
  type ReceiptTax,
  type VerifiedCallback,
} from './types';

// НКО «МОНЕТА» (MONETA.Assistant, the hosted payment form). The payer is sent by a POST form to
// `${origin}/assistant.htm`; МОНЕТА notifies our Pay URL (set in the account's settings:
// `${APP_URL}/api/payments/moneta/result`) server to server and returns the payer to
// MNT_SUCCESS_URL / MNT_FAIL_URL.
//
// Confirmed from docs.moneta.ru (payments/payment-notification, assistant/v1/pay-notification):
//   - the Pay URL notification comes by GET or POST with MNT_ID, MNT_TRANSACTION_ID,
//     MNT_OPERATION_ID, MNT_AMOUNT (`120.25`), MNT_CURRENCY_CODE, MNT_TEST_MODE, MNT_SIGNATURE;
//   - its receipt is acknowledged by a plain-text UTF-8 answer without HTML, `SUCCESS` or `FAIL`,
//     or an XML answer; ours is the XML one with the 54-ФЗ receipt (payUrlReceiptAnswer), the same
//     to every duplicate; an unanswered notification is retried for 24–27 hours, so duplicates
//     are normal;
//   - MNT_SUBSCRIBER_ID on the form saves the payer's card on МОНЕТА's own page (card-saving), a
//     mode exclusive with PAYMENTTOKEN and switched on in the account's settings.
// From the notes only (PayAnyWay plugins and gems, not yet seen in МОНЕТА's own pages):
//   - the signature formulas below (md5 hex, fields concatenated without separators, an absent
//     field as an empty string, compared case-insensitively);
//   - the form address `https://moneta.ru/assistant.htm` (`https://demo.moneta.ru/…` for the demo).
// Card binding for charges we start ourselves: not offered. PAYMENTTOKEN needs the raw card number
// sent to МОНЕТА by us (outside SAQ A), and how a merchant charges a card saved through
// MNT_SUBSCRIBER_ID is not documented where we looked — so `chargesBoundCards` is false and
// `recurringCharge` refuses.

export const MONETA_ORIGIN = 'https://moneta.ru';
export const MONETA_DEMO_ORIGIN = 'https://demo.moneta.ru';
const DESCRIPTION_MAX = 500;
const CURRENCY = 'RUB';

export interface MonetaConfig {
  /** MNT_ID: the number of the shop's extended account at МОНЕТА. */
  accountId: string;
  /** «Код проверки целостности данных» from the account's settings. */
  integrityCode: string;
  /** MNT_TEST_MODE=1: a test payment that moves no money. */
  isTest: boolean;
  /** `https://moneta.ru` unless given (`https://demo.moneta.ru` for the demo site). */
  origin?: string;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/**
 * PayAnyWay's `vatTag` for a receipt line's tax: the FFD tag of the VAT sum at that rate (1102 the
 * general rate, 1106 its calculated rate for an advance, 1103/1107 10 %, 1104 0 %, 1105 без НДС).
 * The general rate's tags kept their numbers when it went from 18 to 20 %, and are read the same
 * for 22 % from 2026 — PayAnyWay's pages we could read predate that change. The УСН rates 5 and 7 %
 * have no tag there: the settings are refused at start (lib/config/env.ts) rather than a receipt sent with a wrong tag.
 */
const VAT_TAG: Partial<Record<ReceiptTax, string>> = {
  none: '1105',
  vat0: '1104',
  vat10: '1103',
  vat110: '1107',
  vat20: '1102',
  vat120: '1106',
  vat22: '1102',
  vat122: '1106',
};

const xmlText = (v: string) => v.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function inventoryLine(item: FiscalReceiptItem) {
  const vatTag = VAT_TAG[item.tax];
  if (!vatTag) throw new Error(`МОНЕТА: ставку ${item.tax} нельзя передать в чеке`);
  return {
    name: item.name,
    price: (item.sum / item.quantity).toFixed(2),
    quantity: String(item.quantity),
    vatTag,
    pm: item.payment_method,
    po: item.payment_object,
  };
}

/**
 * The XML answer to a Pay URL notification carrying the 54-ФЗ receipt for МОНЕТА's fiscalization
 * (kassa.payanyway.ru, «Передача данных для чека по 54-ФЗ»): the result code 200, signed
 * md5(MNT_RESULT_CODE + MNT_ID + MNT_TRANSACTION_ID + code), and the attributes INVENTORY (the
 * lines as JSON) and CUSTOMER (where the receipt goes).
 */
function payUrlReceiptAnswer(accountId: string, txId: string, code: string, paid: PaidPaymentReceipt): string {
  const resultCode = '200';
  const attributes = [['INVENTORY', JSON.stringify(paid.receipt.items.map(inventoryLine))]];
  if (paid.email) attributes.push(['CUSTOMER', paid.email]);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<MNT_RESPONSE>' +
    `<MNT_ID>${accountId}</MNT_ID>` +
    `<MNT_TRANSACTION_ID>${xmlText(txId)}</MNT_TRANSACTION_ID>` +
    `<MNT_RESULT_CODE>${resultCode}</MNT_RESULT_CODE>` +
    `<MNT_SIGNATURE>${md5(resultCode + accountId + txId + code)}</MNT_SIGNATURE>` +
    '<MNT_ATTRIBUTES>' +
    attributes
      .map(([key, value]) => `<ATTRIBUTE><KEY>${key}</KEY><VALUE>${xmlText(value!)}</VALUE></ATTRIBUTE>`)
      .join('') +
    '</MNT_ATTRIBUTES>' +
    '</MNT_RESPONSE>'
  );
}

export function monetaGateway(config: MonetaConfig): PaymentGateway {
  const accountId = config.accountId?.trim();
  if (!accountId || !/^\d{1,20}$/.test(accountId))
    throw new GatewayConfigError('МОНЕТА: нужен номер расширенного счёта (MNT_ID, только цифры)');
  if (!config.integrityCode) throw new GatewayConfigError('МОНЕТА: нужен код проверки целостности данных');
  const code = config.integrityCode;
  const testMode = config.isTest ? '1' : '0';
  const payUrl = `${new URL(config.origin ?? MONETA_ORIGIN).origin}/assistant.htm`;

  return {
    id: 'moneta',
    isTest: config.isTest,
    chargesBoundCards: false,

    paymentRedirect(p: PaymentRedirectRequest): PaymentRedirect {
      assertInvId(p.invId);
      const purpose = p.shp.Shp_purpose;
      if (!isPaymentPurpose(purpose)) throw new Error(`МОНЕТА: неизвестный тип платежа ${JSON.stringify(purpose)}`);
      const description = clipText(p.description ?? '', DESCRIPTION_MAX);
      if (!description) throw new Error('Нужно описание платежа (MNT_DESCRIPTION)');
      const id = orderReference(p.invId, purpose);
      const amount = kopecksToOutSum(positiveAmount(p.amountKopecks));
      // md5(MNT_ID + MNT_TRANSACTION_ID + MNT_AMOUNT + MNT_CURRENCY_CODE + MNT_SUBSCRIBER_ID +
      // MNT_TEST_MODE + code); we send no MNT_SUBSCRIBER_ID (see above), so it signs as ''.
      const signature = md5(accountId + id + amount + CURRENCY + '' + testMode + code);
      const fields: Record<string, string> = {
        MNT_ID: accountId,
        MNT_TRANSACTION_ID: id,
        MNT_AMOUNT: amount,
        MNT_CURRENCY_CODE: CURRENCY,
        MNT_TEST_MODE: testMode,
        MNT_DESCRIPTION: description,
        MNT_SIGNATURE: signature,
      };
      if (p.returnUrl) {
        fields.MNT_SUCCESS_URL = p.returnUrl;
        fields.MNT_FAIL_URL = p.returnUrl;
        fields.MNT_RETURN_URL = p.returnUrl;
      }
      return { url: payUrl, method: 'POST', fields };
    },

    verifyResult(params: GatewayParams): CallbackVerification {
      const raw = paramsToRecord(params);
      if (!raw) return { ok: false, reason: 'malformed' };
      const {
        MNT_ID: id = '',
        MNT_TRANSACTION_ID: txId = '',
        MNT_OPERATION_ID: operationId = '',
        MNT_AMOUNT: amount = '',
        MNT_CURRENCY_CODE: currency = '',
        MNT_SUBSCRIBER_ID: subscriberId = '',
        MNT_TEST_MODE: mode = '',
        MNT_SIGNATURE: signature,
      } = raw;
      if (!id || !txId || !amount || !signature) return { ok: false, reason: 'malformed' };
      // md5(MNT_ID + MNT_TRANSACTION_ID + MNT_OPERATION_ID + MNT_AMOUNT + MNT_CURRENCY_CODE +
      // MNT_SUBSCRIBER_ID + MNT_TEST_MODE + code), over the strings exactly as received.
      const expected = md5(id + txId + operationId + amount + currency + subscriberId + mode + code);
      if (!signatureMatches('md5', expected, signature)) return { ok: false, reason: 'bad_signature' };
      if (id !== accountId) return { ok: false, reason: 'bad_signature' };
      const parsed = parseOrderReference(txId);
      const amountKopecks = outSumToKopecks(amount);
      if (!parsed || amountKopecks === null || amountKopecks <= 0) return { ok: false, reason: 'malformed' };
      if (currency !== CURRENCY) return { ok: false, reason: 'wrong_currency' };
      // A test notification never completes a live payment (and a live one a test-mode shop's).
      if ((mode === '1') !== config.isTest) return { ok: false, reason: 'test_mode' };
      return {
        ok: true,
        invId: parsed.invId,
        amountKopecks,
        shp: { Shp_purpose: parsed.purpose },
        raw,
      };
    },

    receiptInAnswer: true,

    resultAnswer(invId: number, callback?: VerifiedCallback, paid?: PaidPaymentReceipt): string {
      assertInvId(invId);
      const txId = callback?.raw.MNT_TRANSACTION_ID;
      if (!paid || !txId) return 'SUCCESS';
      return payUrlReceiptAnswer(accountId, txId, code, paid);
    },

    refusalAnswer: () => 'FAIL',

    // The payer's return carries nothing МОНЕТА signed: the status page relies on the link we
    // signed ourselves (MNT_SUCCESS_URL) or the payer's session.
    verifySuccess: () => ({ ok: false, reason: 'malformed' }),

    recurringCharge() {
      throw new Error('МОНЕТА: списание с привязанной карты не подключено (см. lib/payments/gateway/moneta.ts)');
    },

    async refund() {
      return {
        ok: false,
        reason: 'Возврат платежа через МОНЕТУ оформляется в личном кабинете moneta.ru',
      };
    },
  };
}
