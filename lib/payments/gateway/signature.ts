import { createHash, timingSafeEqual } from 'node:crypto';
import type { GatewayParams, HashAlgorithm, ShpParams } from './types';

// Robokassa's signature: a hex hash of parameters joined by ':', with the `Shp_` user parameters
// appended as `Shp_key=value` in sorted order after the password. Shared by the Robokassa
// adapter and the sandbox, which speaks the same protocol.

const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['md5', 'sha256', 'sha384', 'sha512'];

const HEX_LENGTH: Record<HashAlgorithm, number> = { md5: 32, sha256: 64, sha384: 96, sha512: 128 };

export function isHashAlgorithm(value: unknown): value is HashAlgorithm {
  return typeof value === 'string' && (HASH_ALGORITHMS as readonly string[]).includes(value);
}

/** Lowercase hex of the UTF-8 bytes of `input`. */
export function hashHex(algorithm: HashAlgorithm, input: string): string {
  return createHash(algorithm).update(input, 'utf8').digest('hex');
}

/**
 * Case-insensitive, constant-time comparison of our signature with the received one. Robokassa
 * documents the value as hex «в любом регистре» and sends it upper-case.
 */
export function signatureMatches(algorithm: HashAlgorithm, expectedHex: string, received: string | undefined): boolean {
  if (typeof received !== 'string') return false;
  const theirs = received.trim().toLowerCase();
  const ours = expectedHex.toLowerCase();
  if (theirs.length !== HEX_LENGTH[algorithm] || ours.length !== theirs.length || !/^[0-9a-f]+$/.test(theirs))
    return false;
  return timingSafeEqual(Buffer.from(ours, 'ascii'), Buffer.from(theirs, 'ascii'));
}

/** Keys are compared by UTF-16 code unit (byte order for the ASCII keys we allow). */
function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `:Shp_a=1:Shp_b=2` for the given parameters sorted by key, or '' when there are none. */
export function shpSignatureSuffix(shp: ShpParams): string {
  return Object.keys(shp)
    .sort(byKey)
    .map((k) => `:${k}=${shp[k]}`)
    .join('');
}

/** Every `Shp_` parameter in a callback; the prefix is matched case-insensitively like the gateway. */
export function pickShp(raw: Record<string, string>): ShpParams {
  const shp: ShpParams = {};
  for (const [k, v] of Object.entries(raw)) if (/^shp_/i.test(k)) shp[k] = v;
  return shp;
}

const SHP_KEY = /^Shp_[a-z][a-z0-9]{0,30}$/;
const SHP_VALUE = /^[A-Za-z0-9._-]{1,200}$/;

/**
 * The `Shp_` parameters we send. Deliberately narrow so that every reading of the protocol signs
 * the same string:
 * - keys `Shp_` + lowercase ASCII letters/digits, none a prefix of another — Robokassa's own code
 *   sorts `key=value` pairs (PHP SDK) or keys case-insensitively (WordPress module); with these
 *   keys byte order, case-insensitive order and pair order all agree;
 * - values from `[A-Za-z0-9._-]`, which every URL encoder leaves alone (the PHP SDK URL-encodes
 *   values before signing them) and which cannot contain the ':' separator.
 * Throws on anything else: it is our bug, not the payer's.
 */
export function assertShpParams(shp: ShpParams): void {
  const keys = Object.keys(shp);
  if (keys.length > 20) throw new Error('Не больше 20 параметров Shp_');
  for (const k of keys) {
    if (!SHP_KEY.test(k))
      throw new Error(
        `Недопустимое имя параметра ${JSON.stringify(k)}: нужно Shp_ и строчные латинские буквы или цифры`,
      );
    const v = shp[k];
    if (typeof v !== 'string' || !SHP_VALUE.test(v)) {
      throw new Error(
        `Недопустимое значение ${k}=${JSON.stringify(v)}: допустимы латинские буквы, цифры, «.», «_», «-» (1–200 символов)`,
      );
    }
    for (const other of keys)
      if (other !== k && other.startsWith(k))
        throw new Error(`Имя ${k} — начало имени ${other}: порядок подписи неоднозначен`);
  }
}

/**
 * A callback's parameters as a plain record. null when a parameter is repeated: which copy the
 * signature covers would be ambiguous (parameter pollution), so such a request is malformed.
 */
export function paramsToRecord(params: GatewayParams): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) {
      if (Object.prototype.hasOwnProperty.call(out, k)) return null;
      out[k] = v;
    }
    return out;
  }
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string') return null;
    out[k] = v;
  }
  return out;
}

const MAX_INV_ID = 2_147_483_647;

export function isInvId(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_INV_ID;
}

export function assertInvId(n: number, name = 'InvId'): void {
  if (!isInvId(n)) throw new RangeError(`${name} должен быть целым числом от 1 до ${MAX_INV_ID}, получено ${n}`);
}

/** '42' → 42; null for '', '042', '+42', '4.2', '0', out of range. */
export function parseInvId(value: string | undefined): number | null {
  if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= MAX_INV_ID ? n : null;
}
