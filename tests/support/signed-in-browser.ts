// The browser of a test that calls pages and route handlers directly: who is signed in, as the
// session cookie would say. Wired into a test file (mocks must be declared there) with
//
//   vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));
//
// and driven with `signInAs(user)` / `signInAs(null)`. Everything behind `auth()` is the real code.
import type { SessionUser } from '@/lib/auth/session';
import { sessionClaimsFor } from './signed-in';

type Claims = Awaited<ReturnType<typeof sessionClaimsFor>>;

const browser = { claims: null as Claims | null };

/** auth.ts as the code under test sees it: the claims of the current cookie, or nobody. */
export function authModule() {
  return { auth: async () => browser.claims, signIn: async () => undefined };
}

/** Signs the browser in as `user` with a real session row, or out with `null`. */
export async function signInAs(user: Pick<SessionUser, 'id' | 'role' | 'sessionVersion'> | null): Promise<void> {
  browser.claims = user ? await sessionClaimsFor(user) : null;
}
