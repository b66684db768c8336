// Amounts are integer kopecks everywhere in our code. The gateway protocol speaks rubles as
// decimal strings (`OutSum=123.45`, and in notifications often `123.450000`); this file is the only
// place where one becomes the other. Both directions work on the digits of the string, never on
// floating-point arithmetic, so `0.1 + 0.2` can never leak into a payment.

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const MAX_KOPECKS = BigInt(Number.MAX_SAFE_INTEGER);

/** 12345 → '123.45', 1000 → '10.00', 5 → '0.05'. A negative or fractional input is a bug. */
export function kopecksToOutSum(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) {
    throw new RangeError(`Сумма должна быть целым неотрицательным числом копеек, получено ${kopecks}`);
  }
  const rubles = Math.floor(kopecks / 100);
  const rest = kopecks % 100;
  return `${rubles}.${rest.toString().padStart(2, '0')}`;
}

/**
 * The same amount with `decimals` digits after the point: `kopecksToDecimal(12345, 6)` →
 * '123.450000', the way Robokassa writes OutSum and Fee in its notifications.
 */
export function kopecksToDecimal(kopecks: number, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 2 || decimals > 12) throw new RangeError(`decimals: ${decimals}`);
  return kopecksToOutSum(kopecks) + '0'.repeat(decimals - 2);
}

/**
 * '123.45' → 12345, '10.000000' → 1000, '10' → 1000, '10.5' → 1050, '0' → 0.
 * null for anything else: junk, signs, exponents ('1e3'), commas, spaces, a missing digit on
 * either side of the point ('.5', '5.'), a nonzero digit beyond kopecks ('0.001'), or an amount
 * that does not fit in a safe integer of kopecks.
 */
export function outSumToKopecks(value: string | null | undefined): number | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const m = DECIMAL.exec(value);
  if (!m) return null;
  const whole = m[1]!;
  const fraction = m[2] ?? '';
  if (/[1-9]/.test(fraction.slice(2))) return null;
  const kopecks = BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  if (kopecks > MAX_KOPECKS) return null;
  return Number(kopecks);
}

/**
 * A gateway's commission ('0.350000', '1.234567') in kopecks, rounded half up: the fee is
 * informational, so unlike OutSum a third decimal is not a reason to reject it.
 */
export function decimalToKopecksRounded(value: string | null | undefined): number | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const m = DECIMAL.exec(value);
  if (!m) return null;
  const fraction = (m[2] ?? '').padEnd(3, '0');
  let kopecks = BigInt(m[1]!) * 100n + BigInt(fraction.slice(0, 2));
  if (fraction.charCodeAt(2) >= 53 /* '5' */) kopecks += 1n;
  if (kopecks > MAX_KOPECKS) return null;
  return Number(kopecks);
}
