import 'server-only';
import type { LoginFailure } from './login-doors';
import { checkSecondFactor, hasConfirmedFactor } from './staff-factor';

export type StaffSecondStep = { ok: true; passed: boolean } | { ok: false; reason: LoginFailure };

/**
 * After the password: a staff member with a factor must type its code (or a recovery code) in the
 * same form; one without a factor gets a session that opens only the enrolment page.
 */
export async function staffSecondStep(userId: string, code: string, ip: string): Promise<StaffSecondStep> {
  if (!(await hasConfirmedFactor(userId))) return { ok: true, passed: false };
  if (!code.trim()) return { ok: false, reason: 'code_required' };
  const check = await checkSecondFactor(userId, code, { ip });
  if (check === 'totp' || check === 'recovery_code') return { ok: true, passed: true };
  return { ok: false, reason: check === 'rate_limited' ? 'rate_limited' : 'code_invalid' };
}
