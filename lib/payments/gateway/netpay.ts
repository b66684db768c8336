import { createCipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { kopecksToOutSum, outSumToKopecks } from './money';
import { clipText } from './receipt';
import { isPaymentPurpose, orderReference, parseOrderReference, positiveAmount } from './order-reference';
import { assertInvId, paramsToRecord, signatureMatches } from './signature';
import {
  GatewayConfigError,
  type CallbackVerification,
  type FiscalReceipt,
  type GatewayParams,
  type PaymentGateway,
  type PaymentRedirect,
  type PaymentRedirectRequest,
  type VerifiedCallback,
} from './types';

// NET PAY (net2pay.ru): the payer is sent by a POST form to NET PAY's own payment page; NET PAY
// calls our notification URL (given in each request as param1=callback/value1=<url>) by GET.
//
// NET PAY publishes no specification that we could find (docs.netpay.ac and docs.netpay.com.mx
// are other products). Everything below is from shared/notes/payment-gateways-more.md, where four
// independent integrations — one the vendor's own WooCommerce plugin — agree:
//   - the form: `auth` (the Auth signature NET PAY issues), `expire` (`YYYY-MM-DDVHH:mm:ss`, a
//     literal V) and `data`: each `name=value` encrypted alone with AES-128-ECB/PKCS#7 under the
//     first 16 characters of base64(md5(base64(md5(api_key)) + expire)), base64, joined by '&';
//   - the notification: orderID, orderNumber, amount, status (APPROVED|WAITING),
//     transactionType (Sale, Capture, Authorize, Cancel, Refund…), error, auth, token;
//     token = md5_hex(v1;…;vn; + base64(md5(api_key)) + ';') over the values in the order
//     received from orderID on, token itself left out — never sorted;
//   - paid = error 0/00/000 and APPROVED and Sale or Capture;
//   - the answer: `<notification><orderId/><transactionType/><status>1|0</status><error/></notification>`.
// Unconfirmed even in the notes (marked «?» there), decided here:
//   - the time zone of `expire`: Moscow time, NET PAY being a Russian processor;
//   - whether `token` covers the decoded or the raw values: decoded (as every integration reads them);
//   - UTF-8 values in `data` and whether parameter order matters: sent UTF-8, in a fixed order;
//   - NET PAY's retries of an unanswered notification: unknown — so duplicates are expected.
//   - the receipt (`cashbox_data`, ATOL's JSON): its fields as NET PAY's integrations send them;
//     VAT codes with ATOL's current names (vat22, vat122), which the older integrations predate.
// Not offered: card binding (no recurring mechanism found), holds (isHold).

const NETPAY_PAY_URL = 'https://my.net2pay.ru/billingService/paypage/';
const NETPAY_TEST_PAY_URL = 'https://demo.net2pay.ru/billingService/paypage/';
const DESCRIPTION_MAX = 250;
/** How long the signed form stays valid at NET PAY. */
const EXPIRE_MS = 24 * 60 * 60 * 1000;
const PAID_ERRORS = new Set(['0', '00', '000']);

export interface NetpayConfig {
  apiKey: string;
  /** The Auth signature NET PAY issued to the shop. */
  auth: string;
  /** NET PAY's test payment page (demo.net2pay.ru): no real money. */
  isTest: boolean;
  /** Our notification endpoint, absolute. */
  notificationUrl: string;
  /**
   * The shop's NET PAY account passes receipts to a connected cash register: each payment then
   * carries its 54-ФЗ receipt as `cashbox_data`.
   */
  sendsReceipts: boolean;
  /** For tests: the moment the form is signed. */
  now?: () => Date;
}

const md5raw = (s: string) => createHash('md5').update(s, 'utf8').digest();

/** `2026-12-02V18:45:00` in Moscow time (UTC+3 all year). */
function expireStamp(at: Date): string {
  const msk = new Date(at.getTime() + 3 * 60 * 60 * 1000).toISOString();
  return `${msk.slice(0, 10)}V${msk.slice(11, 19)}`;
}

function encryptParams(apiKey: string, expire: string, params: [string, string][]): string {
  const k1 = md5raw(apiKey).toString('base64');
  const key = Buffer.from(
    md5raw(k1 + expire)
      .toString('base64')
      .slice(0, 16),
    'ascii',
  );
  const parts = params.map(([name, value]) => {
    const cipher = createCipheriv('aes-128-ecb', key, null);
    return Buffer.concat([cipher.update(`${name}=${value}`, 'utf8'), cipher.final()]).toString('base64');
  });
  return encodeURIComponent(parts.join('&'));
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

const xmlSafe = (v: string | undefined, pattern: RegExp) => (v && pattern.test(v) ? v : '');

function answer(orderIdValue: string, transactionType: string, accepted: boolean, error: string): string {
  return (
    '<notification>' +
    `<orderId>${xmlSafe(orderIdValue, /^[a-z]+-\d{1,10}$/)}</orderId>` +
    `<transactionType>${xmlSafe(transactionType, /^[A-Za-z_]{1,40}$/)}</transactionType>` +
    `<status>${accepted ? 1 : 0}</status>` +
    `<error>${error}</error>` +
    '</notification>'
  );
}

/** ATOL's limit on a receipt line's name, as NET PAY's cashbox passes it on. */
const CASHBOX_NAME_MAX = 64;

/**
 * `cashbox_data`: the 54-ФЗ receipt NET PAY hands to the cash register connected to the shop, in
 * ATOL's JSON — the seller (ИНН, the site as the place of settlement), the buyer's e-mail, the
 * lines with their VAT code (ATOL's names are ours: vat22, vat122, none…), one electronic payment
 * of the whole. `timestamp` is left to NET PAY, as its integrations do.
 */
function cashboxData(receipt: FiscalReceipt, seller: { inn: string; paymentAddress: string }, email: string): string {
  const rubles = (sum: number) => kopecksToOutSum(Math.round(sum * 100));
  const total = receipt.items.reduce((kopecks, item) => kopecks + Math.round(item.sum * 100), 0);
  return JSON.stringify({
    timestamp: '',
    service: { callback_url: '', inn: seller.inn, payment_address: seller.paymentAddress },
    receipt: {
      attributes: { email, phone: '' },
      items: receipt.items.map((item) => ({
        name: clipText(item.name, CASHBOX_NAME_MAX),
        price: rubles(item.sum / item.quantity),
        quantity: String(item.quantity),
        sum: rubles(item.sum),
        tax: item.tax,
      })),
      payments: [{ type: 1, sum: kopecksToOutSum(total) }],
      total: kopecksToOutSum(total),
    },
  });
}

export function netpayGateway(config: NetpayConfig): PaymentGateway {
  if (!config.apiKey || !config.auth) throw new GatewayConfigError('NET PAY: нужны api_key и подпись Auth');
  const { apiKey, auth } = config;
  const tokenKey = md5raw(apiKey).toString('base64');
  const notificationUrl = new URL(config.notificationUrl).toString();
  const now = config.now ?? (() => new Date());

  return {
    id: 'netpay',
    isTest: config.isTest,
    chargesBoundCards: false,

    paymentRedirect(p: PaymentRedirectRequest): PaymentRedirect {
      assertInvId(p.invId);
      const purpose = p.shp.Shp_purpose;
      if (!isPaymentPurpose(purpose)) throw new Error(`NET PAY: неизвестный тип платежа ${JSON.stringify(purpose)}`);
      const description = clipText(p.description ?? '', DESCRIPTION_MAX);
      if (!description) throw new Error('Нужно описание платежа (description)');
      const expire = expireStamp(new Date(now().getTime() + EXPIRE_MS));
      const params: [string, string][] = [
        ['amount', kopecksToOutSum(positiveAmount(p.amountKopecks))],
        ['currency', 'RUB'],
        ['orderID', orderReference(p.invId, purpose)],
        ['orderNumber', String(p.invId)],
        ['description', description],
      ];
      const email = p.email?.trim();
      if (email && email.length <= 254 && /^[^@\s]+@[^@\s]+$/.test(email)) params.push(['email', email]);
      if (p.returnUrl) params.push(['successUrl', p.returnUrl], ['failUrl', p.returnUrl]);
      if (config.sendsReceipts) {
        if (!p.receipt || !p.seller) throw new Error('NET PAY: для чека нужны позиции и ИНН продавца');
        params.push(['cashbox_data', cashboxData(p.receipt, p.seller, email ?? '')]);
      }
      params.push(['param1', 'callback'], ['value1', notificationUrl]);
      return {
        url: config.isTest ? NETPAY_TEST_PAY_URL : NETPAY_PAY_URL,
        method: 'POST',
        fields: { data: encryptParams(apiKey, expire, params), auth, expire },
      };
    },

    verifyResult(params: GatewayParams): CallbackVerification {
      const raw = paramsToRecord(params);
      if (!raw) return { ok: false, reason: 'malformed' };
      const names = Object.keys(raw);
      const from = names.indexOf('orderID');
      const { token, auth: theirAuth } = raw;
      if (from < 0 || !token || theirAuth === undefined) return { ok: false, reason: 'malformed' };
      const signed = names
        .slice(from)
        .filter((n) => n !== 'token')
        .map((n) => `${raw[n]};`)
        .join('');
      const expected = createHash('md5').update(`${signed}${tokenKey};`, 'utf8').digest('hex');
      if (!signatureMatches('md5', expected, token) || !sameText(theirAuth, auth))
        return { ok: false, reason: 'bad_signature' };
      const order = parseOrderReference(raw.orderID);
      const amountKopecks = outSumToKopecks(raw.amount);
      if (!order || amountKopecks === null || amountKopecks <= 0) return { ok: false, reason: 'malformed' };
      const paid =
        PAID_ERRORS.has(raw.error ?? '') &&
        raw.status === 'APPROVED' &&
        (raw.transactionType === 'Sale' || raw.transactionType === 'Capture');
      if (!paid) return { ok: false, reason: 'not_paid' };
      return { ok: true, invId: order.invId, amountKopecks, shp: { Shp_purpose: order.purpose }, raw };
    },

    resultAnswer(invId: number, callback?: VerifiedCallback): string {
      assertInvId(invId);
      return answer(callback?.raw.orderID ?? '', callback?.raw.transactionType ?? '', true, '');
    },

    refusalAnswer(reason: string, params?: Record<string, string>): string {
      return answer(params?.orderID ?? '', params?.transactionType ?? '', false, xmlSafe(reason, /^[a-z_]{1,40}$/));
    },

    // The payer's return carries nothing NET PAY signed: the status page relies on our own link.
    verifySuccess: () => ({ ok: false, reason: 'malformed' }),

    recurringCharge() {
      throw new Error('NET PAY: списание с привязанной карты не поддерживается');
    },

    async refund() {
      return { ok: false, reason: 'Возврат платежа через NET PAY оформляется в личном кабинете NET PAY' };
    },
  };
}
