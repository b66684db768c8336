import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@/lib/validation/ids';

// The token in a reminder's reply address (readings+<token>@domain): the account and the period,
// signed. Mail systems may lower-case an address, so the token is lower-case base32 only; it fits
// the 64 characters of an address's local part. 80 bits of HMAC: not guessable, not forgeable.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const MAC_BYTES = 10;

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function mac(secret: string, accountId: string, period: string): Buffer {
  return createHmac('sha256', secret).update(`readings-reply:${accountId}:${period}`).digest().subarray(0, MAC_BYTES);
}

/** `period` is the first day of the month (YYYY-MM-01). */
export function readingReplyToken(secret: string, accountId: string, period: string): string {
  const id = Buffer.from(accountId.replace(/-/g, ''), 'hex');
  return `${base32(id)}${period.slice(0, 4)}${period.slice(5, 7)}${base32(mac(secret, accountId, period))}`;
}

export function readReadingReplyToken(secret: string, token: string): { accountId: string; period: string } | null {
  const match = /^([a-z2-7]{26})(\d{4})(\d{2})([a-z2-7]{16})$/.exec(token.toLowerCase());
  if (!match) return null;
  const id = unbase32(match[1]!);
  const given = unbase32(match[4]!);
  if (!id || id.length !== 16 || !given || given.length !== MAC_BYTES) return null;
  const hex = id.toString('hex');
  const accountId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const period = `${match[2]}-${match[3]}-01`;
  if (!isUuid(accountId) || Number(match[3]) < 1 || Number(match[3]) > 12) return null;
  const expected = mac(secret, accountId, period);
  return timingSafeEqual(expected, given) ? { accountId, period } : null;
}
