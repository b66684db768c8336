import 'server-only';
import { createHmac } from 'node:crypto';
import { derivedKey } from './keys';

/**
 * What the audit log keeps of something a visitor typed (a login that matched no one, often a
 * mistyped password): a keyed hash, truncated. Repeated attempts on one name still line up, but
 * the log never holds the text itself, and without AUTH_SECRET no guess can be checked against it.
 */
export function pseudonym(value: string): string {
  return createHmac('sha256', derivedKey('audit-pseudonym')).update(value).digest('hex').slice(0, 16);
}
