import { parseInvId } from './signature';

// Our order reference at a gateway whose signature covers our own order id but no custom field
// (МОНЕТА's MNT_TRANSACTION_ID, NET PAY's orderID): `electricity-42` carries the payment's type
// as well as its number, so a notification can only complete the kind of payment it was signed
// for — what Robokassa's signed Shp_purpose does there.

const PURPOSES = ['electricity', 'services', 'connection'] as const;

export function isPaymentPurpose(value: string | undefined): value is string {
  return value !== undefined && (PURPOSES as readonly string[]).includes(value);
}

export function orderReference(invId: number, purpose: string): string {
  return `${purpose}-${invId}`;
}

export function parseOrderReference(value: string | undefined): { invId: number; purpose: string } | null {
  const m = /^([a-z]+)-(\d+)$/.exec(value ?? '');
  if (!m || !isPaymentPurpose(m[1])) return null;
  const invId = parseInvId(m[2]);
  return invId === null ? null : { invId, purpose: m[1]! };
}

/** A payment's amount as the gateway writes it (`1234.50`); a non-positive or fractional one is a bug. */
export function positiveAmount(kopecks: number): number {
  if (!Number.isSafeInteger(kopecks) || kopecks <= 0)
    throw new RangeError(`Сумма платежа должна быть целым положительным числом копеек, получено ${kopecks}`);
  return kopecks;
}
