import 'server-only';
import { hkdfSync } from 'node:crypto';
import { authSecret } from '@/lib/config/auth-secret';

/** Everything AUTH_SECRET keys besides the session cookie, each with a key of its own. */
export type KeyPurpose =
  'guest-ticket' | 'session-refresh' | 'sandbox-password' | 'audit-pseudonym' | 'appeal-link' | 'sms-payment-code';

/**
 * A sub-key of AUTH_SECRET for one purpose (HKDF-SHA-256, RFC 5869): a value signed for one use
 * can never be replayed as another, and no feature holds the secret that signs the sessions.
 */
export function derivedKey(purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret(), '', `energokabinet:${purpose}`, 32));
}
