import { createHmac } from 'node:crypto';
import { kopecksToOutSum, outSumToKopecks } from './money';
import { clipText, RECEIPT_NAME_MAX } from './receipt';
import { assertInvId, hashHex } from './signature';
import type { HashAlgorithm, RefundOutcome, RefundRequest, RefundState } from './types';

// Robokassa's Refund API (docs.robokassa.ru, «Осуществление возвратов по API»):
//
// 1. The operation's key: `GET ${auth}/Merchant/WebService/Service.asmx/OpStateExt?MerchantLogin=…&
//    InvoiceID=…&Signature=hash(MerchantLogin:InvoiceID:Password2)` answers XML with Result/Code
//    (0 = ok), State/Code (100 = paid) and Info/OpKey.
// 2. `POST https://services.robokassa.ru/RefundService/Refund/Create`, the body a JWT signed with
//    Password #3 (HS256 here): header {"alg":"HS256","typ":"JWT"}, compact JSON payload
//    {"OpKey":…,"RefundSum":…,"InvoiceItems":[…]}. RefundSum is left out for a full refund.
//    The answer: {"success":true,"message":null,"requestId":"<guid>"} or
//    {"success":false,"message":"NotEnoughOperationFunds","requestId":null}.
// 3. `GET …/Refund/GetState?id=<requestId>` → {"requestId","amount","label":"finished|processing|canceled"}.
//
// Not stated by the docs: the Content-Type of step 2. Robokassa's own SDK posts its other JWT API on
// the same host (Invoice API) as a JSON string with `application/json`; we do the same.

export const ROBOKASSA_REFUND_CREATE_URL = 'https://services.robokassa.ru/RefundService/Refund/Create';
const ROBOKASSA_REFUND_STATE_URL = 'https://services.robokassa.ru/RefundService/Refund/GetState';
const ROBOKASSA_OPSTATE_PATH = '/Merchant/WebService/Service.asmx/OpStateExt';

const JWT_HEADER = '{"alg":"HS256","typ":"JWT"}';
const TIMEOUT_MS = 15_000;

export interface RefundPayloadInput {
  opKey: string;
  /** Omitted for a full refund (the docs: «не указывать при полном возврате»). */
  refundKopecks?: number;
  /** One line of the 54-ФЗ refund receipt, like the payment's own receipt line. */
  item: { name: string; amountKopecks: number };
}

/**
 * The payload as compact JSON. Money goes in as a JSON number written from the kopecks' digits
 * (`12.34`), never through floating point.
 */
export function refundPayloadJson(p: RefundPayloadInput): string {
  const money = (kopecks: number) => kopecksToOutSum(kopecks);
  const name = clipText(p.item.name, RECEIPT_NAME_MAX);
  const parts = [`"OpKey":${JSON.stringify(p.opKey)}`];
  if (p.refundKopecks !== undefined) parts.push(`"RefundSum":${money(p.refundKopecks)}`);
  parts.push(
    `"InvoiceItems":[{"Name":${JSON.stringify(name)},"Quantity":1,"Cost":${money(p.item.amountKopecks)},"Tax":"none","PaymentMethod":"full_payment","PaymentObject":"service"}]`,
  );
  return `{${parts.join(',')}}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** `base64url(header).base64url(payload).base64url(HMAC-SHA256(Password3, the first two joined by '.'))`. */
export function refundJwt(payloadJson: string, password3: string): string {
  const signed = `${base64url(JWT_HEADER)}.${base64url(payloadJson)}`;
  return `${signed}.${createHmac('sha256', password3).update(signed, 'utf8').digest('base64url')}`;
}

/** The OpStateExt request for one payment, signed `MerchantLogin:InvoiceID:Password2`. */
export function opStateUrl(p: {
  baseUrl: string;
  merchantLogin: string;
  invId: number;
  password2: string;
  hash: HashAlgorithm;
}): string {
  assertInvId(p.invId, 'InvoiceID');
  const url = new URL(ROBOKASSA_OPSTATE_PATH, p.baseUrl);
  url.searchParams.set('MerchantLogin', p.merchantLogin);
  url.searchParams.set('InvoiceID', String(p.invId));
  url.searchParams.set('Signature', hashHex(p.hash, `${p.merchantLogin}:${p.invId}:${p.password2}`));
  return url.toString();
}

export interface OperationState {
  /** Result/Code: 0 ok, 1 bad signature, 2 unknown shop, 3 unknown InvoiceID, 4 two operations, 1000 internal. */
  resultCode: number | null;
  /** State/Code: 5 initiated, 10 cancelled, 20 hold, 50 received, 60 returned, 80 suspended, 100 paid. */
  stateCode: number | null;
  opKey: string | null;
  /** Info/OutSum, what reached the shop, in kopecks. */
  outSumKopecks: number | null;
}

function xmlText(xml: string, path: string[]): string | null {
  // The answer is small and flat; a nested path of plain elements is enough (no attributes needed).
  let scope = xml;
  for (const name of path) {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(scope);
    if (!m) return null;
    scope = m[1]!;
  }
  return scope
    .trim()
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

export function parseOperationState(xml: string): OperationState {
  const int = (s: string | null) => (s !== null && /^-?\d+$/.test(s) ? Number(s) : null);
  const outSum = xmlText(xml, ['Info', 'OutSum']);
  return {
    resultCode: int(xmlText(xml, ['Result', 'Code'])),
    stateCode: int(xmlText(xml, ['State', 'Code'])),
    opKey: xmlText(xml, ['Info', 'OpKey']) || null,
    outSumKopecks: outSum === null ? null : outSumToKopecks(outSum),
  };
}

const REFUSALS: Record<string, string> = {
  NotEnoughOperationFunds: 'по операции не осталось столько денег для возврата',
  OperationNotFound: 'операция не найдена',
  AlreadyRefunded: 'платёж уже возвращён',
};

/** The Refund/Create answer. */
export function parseRefundCreateAnswer(
  body: string,
): { ok: true; requestId: string } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, message: 'непонятный ответ сервиса возвратов' };
  }
  const answer = (parsed ?? {}) as { success?: unknown; message?: unknown; requestId?: unknown };
  if (answer.success === true && typeof answer.requestId === 'string' && answer.requestId.trim())
    return { ok: true, requestId: answer.requestId.trim() };
  const code = typeof answer.message === 'string' ? answer.message.slice(0, 200) : '';
  return {
    ok: false,
    message: REFUSALS[code] ? `${REFUSALS[code]} (${code})` : code || 'заявка на возврат не создана',
  };
}

const OP_STATE_RESULTS: Record<number, string> = {
  1: 'неверная подпись запроса состояния (проверьте пароль №2 и алгоритм хэша)',
  2: 'магазин не найден или не активирован',
  3: 'операция с таким номером не найдена',
  4: 'найдено две операции с этим номером (тестовая и настоящая)',
};

export interface RobokassaRefundConfig {
  merchantLogin: string;
  password2: string;
  /** Password #3 («Доступ к API возвратов»); without it refunds are refused with an explanation. */
  password3?: string;
  hash: HashAlgorithm;
  /** `https://auth.robokassa.ru` (OpStateExt). */
  baseUrl: string;
  refundCreateUrl?: string;
  fetch?: typeof fetch;
}

/** `PaymentGateway.refund` for Robokassa: OpStateExt for the OpKey, then Refund/Create. */
export function createRobokassaRefund(cfg: RobokassaRefundConfig): (p: RefundRequest) => Promise<RefundOutcome> {
  const doFetch = cfg.fetch ?? fetch;
  return async (p) => {
    const left = p.paymentAmountKopecks - p.alreadyRefundedKopecks;
    if (!Number.isSafeInteger(p.amountKopecks) || p.amountKopecks <= 0 || p.amountKopecks > left) {
      return { ok: false, reason: 'Сумма возврата больше того, что осталось от платежа' };
    }
    if (!cfg.password3)
      return {
        ok: false,
        reason:
          'Возвраты через Robokassa не настроены: задайте ROBOKASSA_PASSWORD3 (пароль №3, «Доступ к API возвратов»)',
      };
    try {
      const stateResponse = await doFetch(
        opStateUrl({
          baseUrl: cfg.baseUrl,
          merchantLogin: cfg.merchantLogin,
          invId: p.invId,
          password2: cfg.password2,
          hash: cfg.hash,
        }),
        {
          signal: AbortSignal.timeout(TIMEOUT_MS),
        },
      );
      if (!stateResponse.ok)
        return {
          ok: false,
          reason: `Robokassa не ответила на запрос состояния платежа (HTTP ${stateResponse.status})`,
        };
      const state = parseOperationState(await stateResponse.text());
      if (state.resultCode !== 0) {
        return {
          ok: false,
          reason: `Robokassa: ${OP_STATE_RESULTS[state.resultCode ?? -1] ?? `ошибка запроса состояния (код ${state.resultCode ?? '—'})`}`,
        };
      }
      if (state.stateCode !== 100 || !state.opKey)
        return {
          ok: false,
          reason: `Robokassa: платёж не в состоянии «оплачен» (код ${state.stateCode ?? '—'}), вернуть нечего`,
        };

      const full = p.alreadyRefundedKopecks === 0 && p.amountKopecks === p.paymentAmountKopecks;
      const payload = refundPayloadJson({
        opKey: state.opKey,
        refundKopecks: full ? undefined : p.amountKopecks,
        item: { name: p.description, amountKopecks: p.amountKopecks },
      });
      const response = await doFetch(cfg.refundCreateUrl ?? ROBOKASSA_REFUND_CREATE_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(refundJwt(payload, cfg.password3)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const answer = parseRefundCreateAnswer(await response.text());
      if (!answer.ok) return { ok: false, reason: `Robokassa отказала в возврате: ${answer.message}` };
      return { ok: true, reference: answer.requestId, settled: false };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return {
        ok: false,
        reason: timedOut
          ? 'Robokassa не ответила вовремя; возврат не оформлен — проверьте операцию в кабинете Robokassa'
          : 'Нет связи с Robokassa; возврат не оформлен',
      };
    }
  };
}

const REFUND_LABELS: Record<string, RefundState> = {
  finished: 'succeeded',
  processing: 'processing',
  canceled: 'failed',
};

/** `PaymentGateway.refundState` for Robokassa: Refund/GetState of the request id Refund/Create gave. */
export function createRobokassaRefundState(cfg: {
  stateUrl?: string;
  fetch?: typeof fetch;
}): (reference: string) => Promise<RefundState> {
  const doFetch = cfg.fetch ?? fetch;
  return async (reference) => {
    const url = new URL(cfg.stateUrl ?? ROBOKASSA_REFUND_STATE_URL);
    url.searchParams.set('id', reference);
    const response = await doFetch(url.toString(), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`Robokassa Refund/GetState: HTTP ${response.status}`);
    const answer = (await response.json()) as { label?: unknown };
    const state = typeof answer.label === 'string' ? REFUND_LABELS[answer.label] : undefined;
    if (!state) throw new Error(`Robokassa Refund/GetState: unknown label ${JSON.stringify(answer.label)}`);
    return state;
  };
}
