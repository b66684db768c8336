// The Next.js request boundary for the bad-input tests (tests/integration/bad-input-*.test.ts):
// what a real request would provide — the session cookie, the headers, after() — driven by
// `requestState`. Each test file wires these in with vi.mock (mocks must be declared in the file):
//
//   vi.mock('next-auth', () => import('../support/request-boundary').then((m) => m.nextAuthModule()));
//   vi.mock('@/auth', () => import('../support/request-boundary').then((m) => m.authModule()));
//   …
//
// Only the boundary is replaced; validation, domain code and the database are the real ones.
import { AuthError, CredentialsSignin } from '@auth/core/errors';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { openSession } from '@/lib/auth/sessions';

/** The session row each signed-in test user's cookie names. */
const sessionOf = new Map<string, string>();

export const requestState = {
  /** Who is signed in (their cookie), or nobody. */
  userId: null as string | null,
  ip: '198.51.100.1',
  /** Tasks handed to after(): the test runs them once the handler has answered. */
  after: [] as Array<() => unknown>,
};

/** next-auth's entry needs the Next.js runtime to load; its error classes are @auth/core's, re-exported. */
export function nextAuthModule() {
  return { AuthError, CredentialsSignin };
}

/**
 * auth.ts: the cookie says who is signed in, and follows the user's current session version, as
 * keepThisSession() makes it do after a password change. signIn does what the Credentials provider
 * in auth.ts does: the real `authenticate`, a refusal as CredentialsSignin with its code, any other
 * failure as an AuthError (as Auth.js wraps it).
 */
export function authModule() {
  return {
    auth: async () => {
      const id = requestState.userId;
      if (!id) return null;
      const [row] = await db()
        .select({ sv: users.sessionVersion, role: users.role })
        .from(users)
        .where(eq(users.id, id));
      if (!row) return null;
      // The signed-in browser has one live session row, as a real login opens (staff: past the second factor).
      const known = sessionOf.get(id);
      const alive = known
        ? (await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.id, known))).length
        : 0;
      if (!alive) {
        const door = row.role === 'subscriber' ? 'household' : row.role === 'company_user' ? 'company' : 'staff';
        sessionOf.set(id, await openSession({ userId: id, door, remember: false, secondFactor: true }));
      }
      return { user: { id, sessionVersion: row.sv, sid: sessionOf.get(id) } };
    },
    signIn: async (door: 'household' | 'company' | 'staff', credentials: { login?: unknown; password?: unknown }) => {
      const login = typeof credentials.login === 'string' ? credentials.login : '';
      const password = typeof credentials.password === 'string' ? credentials.password : '';
      const refuse = (code: string) => {
        const error = new CredentialsSignin();
        error.code = code;
        return error;
      };
      if (!login || !password || login.length > 254 || password.length > 1024) throw refuse('invalid');
      let outcome;
      try {
        outcome = await authenticate({ door, login, password, ip: requestState.ip });
      } catch (cause) {
        throw new AuthError('authorize failed', { cause: cause as Error });
      }
      if (!outcome.ok) throw refuse(outcome.reason);
    },
    signOut: async () => undefined,
    updateSession: async () => null,
    handlers: {},
  };
}

export function headersModule() {
  return {
    headers: async () => new Headers({ host: 'test.local', 'x-forwarded-for': requestState.ip }),
    // Only what signInAt uses after a login: the session cookie lives in requestState here.
    cookies: async () => ({ getAll: () => [], set: () => undefined }),
  };
}

/** after() runs a task once the response has gone; here the test runs it right after the handler. */
export function after(task: unknown): void {
  requestState.after.push(() => (typeof task === 'function' ? (task as () => unknown)() : task));
}

/** Runs what the handler left for after the response; a failure there is the handler's failure. */
export async function runAfterTasks(): Promise<void> {
  try {
    for (const task of requestState.after.splice(0)) await task();
  } finally {
    requestState.after.length = 0;
  }
}
