import { kopecksToOutSum } from './money';
import type {
  FiscalReceipt,
  FiscalReceiptItem,
  ReceiptPaymentMethod,
  ReceiptPaymentObject,
  ReceiptSno,
  ReceiptTax,
} from './types';

// The 54-ФЗ receipt Robokassa fiscalizes with the payment (`Receipt` parameter). We build it from
// kopecks; the JSON carries rubles as numbers with at most two decimals.
//
// Wire format, as Robokassa's docs and its own code do it: JSON → URL-encoded once → that encoded
// string is both the form field's value and the segment signed after InvId
// (`MerchantLogin:OutSum:InvId:Receipt:Password1`). The form submission then encodes the field
// again as any field; the gateway decodes the form, checks the signature over the still-encoded
// value, and decodes it once more to read the JSON.

export const RECEIPT_NAME_MAX = 128;
const RECEIPT_MAX_ITEMS = 100;

const SNO: readonly ReceiptSno[] = ['osn', 'usn_income', 'usn_income_outcome', 'esn', 'patent'];
const TAX: readonly ReceiptTax[] = [
  'none',
  'vat0',
  'vat5',
  'vat7',
  'vat10',
  'vat20',
  'vat22',
  'vat105',
  'vat107',
  'vat110',
  'vat120',
  'vat122',
];
const METHOD: readonly ReceiptPaymentMethod[] = ['full_prepayment', 'prepayment', 'advance', 'full_payment'];
const OBJECT: readonly ReceiptPaymentObject[] = ['service', 'payment', 'commodity'];

function codePoints(s: string): number {
  return Array.from(s).length;
}

/** Collapses whitespace and cuts to `max` characters (code points). */
export function clipText(text: string, max: number): string {
  const clean = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return codePoints(clean) <= max ? clean : Array.from(clean).slice(0, max).join('').trimEnd();
}

/** One receipt line from kopecks. The name is cleaned and cut to 128 characters. */
export function receiptItem(p: {
  name: string;
  amountKopecks: number;
  quantity?: number;
  tax: ReceiptTax;
  paymentMethod?: ReceiptPaymentMethod;
  paymentObject?: ReceiptPaymentObject;
}): FiscalReceiptItem {
  const name = clipText(p.name, RECEIPT_NAME_MAX);
  if (!name) throw new Error('Позиция чека без наименования');
  kopecksToOutSum(p.amountKopecks); // throws on a negative or fractional amount
  return {
    name,
    quantity: p.quantity ?? 1,
    sum: p.amountKopecks / 100,
    payment_method: p.paymentMethod ?? 'full_payment',
    payment_object: p.paymentObject ?? 'service',
    tax: p.tax,
  };
}

export function buildReceipt(items: FiscalReceiptItem[], sno?: ReceiptSno): FiscalReceipt {
  return sno ? { sno, items } : { items };
}

/** A line's sum in kopecks, or null when it is not a non-negative amount with ≤ 2 decimals. */
function lineKopecks(sum: unknown): number | null {
  if (typeof sum !== 'number' || !Number.isFinite(sum) || sum < 0) return null;
  const k = Math.round(sum * 100);
  if (!Number.isSafeInteger(k) || Math.abs(sum * 100 - k) > 1e-6) return null;
  return k;
}

function receiptTotalKopecks(receipt: FiscalReceipt): number {
  return receipt.items.reduce((total, item) => total + (lineKopecks(item.sum) ?? NaN), 0);
}

/** Why this receipt cannot accompany a payment of `amountKopecks`, or null when it can. */
export function receiptProblem(receipt: FiscalReceipt, amountKopecks: number): string | null {
  if (!receipt || !Array.isArray(receipt.items) || receipt.items.length === 0) return 'В чеке нет позиций';
  if (receipt.items.length > RECEIPT_MAX_ITEMS) return `В чеке больше ${RECEIPT_MAX_ITEMS} позиций`;
  if (receipt.sno !== undefined && !SNO.includes(receipt.sno))
    return `Неизвестная система налогообложения ${String(receipt.sno)}`;
  for (const [i, item] of receipt.items.entries()) {
    const n = i + 1;
    if (typeof item.name !== 'string' || !item.name.trim()) return `Позиция ${n}: нет наименования`;
    if (codePoints(item.name) > RECEIPT_NAME_MAX)
      return `Позиция ${n}: наименование длиннее ${RECEIPT_NAME_MAX} символов`;
    if (typeof item.quantity !== 'number' || !Number.isFinite(item.quantity) || item.quantity <= 0)
      return `Позиция ${n}: количество должно быть больше нуля`;
    if (lineKopecks(item.sum) === null)
      return `Позиция ${n}: сумма должна быть неотрицательной, не больше двух знаков после точки`;
    if (!METHOD.includes(item.payment_method))
      return `Позиция ${n}: неизвестный способ расчёта ${String(item.payment_method)}`;
    if (!OBJECT.includes(item.payment_object))
      return `Позиция ${n}: неизвестный предмет расчёта ${String(item.payment_object)}`;
    if (!TAX.includes(item.tax)) return `Позиция ${n}: неизвестная ставка НДС ${String(item.tax)}`;
  }
  const total = receiptTotalKopecks(receipt);
  if (total !== amountKopecks)
    return `Сумма позиций чека ${kopecksToOutSum(total)} ≠ сумме платежа ${kopecksToOutSum(amountKopecks)}`;
  return null;
}

/**
 * URL-encoding as PHP's `urlencode`, which Robokassa's own SDK and modules use for `Receipt`:
 * everything but `A–Z a–z 0–9 - _ .` becomes `%XX` (upper-case hex, UTF-8), a space becomes '+'.
 * Matching their encoder byte for byte means the signed string is the same whichever way the
 * gateway reads it.
 */
export function formUrlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

function formUrlDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Canonical JSON of the receipt (fixed key order, no unknown keys). */
export function receiptJson(receipt: FiscalReceipt): string {
  const items = receipt.items.map((i) => ({
    name: i.name,
    quantity: i.quantity,
    sum: i.sum,
    payment_method: i.payment_method,
    payment_object: i.payment_object,
    tax: i.tax,
  }));
  return JSON.stringify(receipt.sno ? { sno: receipt.sno, items } : { items });
}

/** The `Receipt` field value: URL-encoded JSON, exactly as sent and signed. */
export function encodeReceipt(receipt: FiscalReceipt): string {
  return formUrlEncode(receiptJson(receipt));
}

/** The receipt inside a received `Receipt` value (the sandbox reads what we sent), or null. */
export function decodeReceipt(encoded: string): FiscalReceipt | null {
  const json = formUrlDecode(encoded);
  if (json === null) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as FiscalReceipt).items)) return null;
    return parsed as FiscalReceipt;
  } catch {
    return null;
  }
}

/**
 * The 54-ФЗ tax code for a VAT rate included in the price (тег 1199): the rate itself for a payment
 * after the service (полный расчёт), the calculated rate 22/122 etc. for an advance (аванс), as
 * the rules of ФНС for prepayments require. Null for a rate the receipt cannot carry.
 */
export function vatTax(ratePercent: number, method: ReceiptPaymentMethod): ReceiptTax | null {
  if (ratePercent === 0) return 'vat0';
  if (![5, 7, 10, 20, 22].includes(ratePercent)) return null;
  const advance = method === 'advance' || method === 'prepayment' || method === 'full_prepayment';
  return `vat${advance ? 100 + ratePercent : ratePercent}` as ReceiptTax;
}
