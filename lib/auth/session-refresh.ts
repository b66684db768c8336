import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey } from '@/lib/security/keys';

/**
 * After a password change the user's session version moves on, which ends every session — this
 * one included. The action that changed the password lifts its own cookie to the new version by
 * asking Auth.js to update the session with this proof. A browser can also post session updates,
 * but it cannot compute the proof, so an old stolen cookie cannot be revived this way.
 */
export interface SessionRefresh {
  sv: number;
  proof: string;
}

function proofFor(userId: string, sessionVersion: number): string {
  return createHmac('sha256', derivedKey('session-refresh')).update(`${userId}:${sessionVersion}`).digest('base64url');
}

export function sessionRefreshFor(userId: string, sessionVersion: number): SessionRefresh {
  return { sv: sessionVersion, proof: proofFor(userId, sessionVersion) };
}

/** The new session version if `data` carries a valid proof for this user, otherwise null. */
export function verifiedSessionRefresh(userId: string, data: unknown): number | null {
  const refresh = (data as { refresh?: Partial<SessionRefresh> } | null | undefined)?.refresh;
  if (!refresh || typeof refresh.sv !== 'number' || !Number.isInteger(refresh.sv) || typeof refresh.proof !== 'string')
    return null;
  const expected = Buffer.from(proofFor(userId, refresh.sv));
  const given = Buffer.from(refresh.proof);
  return expected.length === given.length && timingSafeEqual(expected, given) ? refresh.sv : null;
}
