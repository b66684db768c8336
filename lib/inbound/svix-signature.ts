import { createHmac, timingSafeEqual } from 'node:crypto';

// Resend signs its webhooks the Svix way (Standard Webhooks): HMAC-SHA256 over
// `<svix-id>.<svix-timestamp>.<raw body>` with the base64 key after `whsec_`, sent as
// `svix-signature: v1,<base64>` (several, space-separated, while a secret is rotated). The
// timestamp bounds a replay to a few minutes; the message id makes a replay inside them harmless.

const TOLERANCE_SECONDS = 5 * 60;

export interface SvixHeaders {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
}

function key(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

function sign(secret: string, id: string, timestamp: string, body: string): string {
  return createHmac('sha256', key(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** The headers a sender puts on `body` (the demo's reply form signs its delivery with them). */
export function svixHeaders(secret: string, id: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    'svix-id': id,
    'svix-timestamp': timestamp,
    'svix-signature': `v1,${sign(secret, id, timestamp, body)}`,
  };
}

/** True when one of the signatures is the secret's over this very body, made within the tolerance. */
export function verifySvixSignature(secret: string, headers: SvixHeaders, body: string, now = new Date()): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(sign(secret, id, timestamp, body));
  return signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
