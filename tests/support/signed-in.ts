import type { SessionUser } from '@/lib/auth/session';
import { openSession } from '@/lib/auth/sessions';

/**
 * What Auth.js's `auth()` returns for a signed-in user: the claims of the JWT, including the id of a
 * real `sessions` row (opened here), since every reader of the session checks that row. Staff
 * sessions have passed the second factor.
 */
export async function sessionClaimsFor(
  user: Pick<SessionUser, 'id' | 'role' | 'sessionVersion'>,
): Promise<{ user: { id: string; sessionVersion: number; sid: string } }> {
  const door = user.role === 'subscriber' ? 'household' : user.role === 'company_user' ? 'company' : 'staff';
  const sid = await openSession({ userId: user.id, door, remember: false, secondFactor: door === 'staff' });
  return { user: { id: user.id, sessionVersion: user.sessionVersion, sid } };
}
