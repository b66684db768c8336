import 'server-only';
import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn, signOut, updateSession } from '@/auth';
import { type ActionResult, fail } from '@/lib/actions/result';
import { isLoginFailure, type LoginKind, loginFailureMessages } from './login-kinds';
import { sessionRefreshFor } from './session-refresh';

const homeByKind: Record<LoginKind, string> = { household: '/fiz', company: '/lk', staff: '/admin' };

/** Only our own paths under the door's home; anything else (//evil, https://…) goes home. */
export function safeNext(kind: LoginKind, next: string | undefined): string {
  const home = homeByKind[kind];
  if (!next || !/^\/[A-Za-z0-9/_\-?=&.%]*$/.test(next) || next.startsWith('//')) return home;
  return next === home || next.startsWith(`${home}/`) || next.startsWith(`${home}?`) ? next : home;
}

/** Opens a session through Auth.js (which sets the cookie) and goes on, or says why not. */
export async function signInAt(
  kind: LoginKind,
  input: { login: string; password: string; next?: string },
): Promise<ActionResult> {
  try {
    await signIn(kind, { login: input.login, password: input.password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const reason = isLoginFailure(error.code) ? error.code : 'invalid';
      return fail(loginFailureMessages[reason]);
    }
    if (error instanceof AuthError) {
      console.error('[auth] sign-in failed', error);
      return fail('Вход временно недоступен. Попробуйте через минуту.');
    }
    throw error;
  }
  redirect(safeNext(kind, input.next));
}

export async function signOutTo(path: string): Promise<never> {
  await signOut({ redirect: false });
  redirect(path);
}

/**
 * Moves this browser's own cookie to the user's new session version (after a password change),
 * with a proof only the server can compute; see lib/auth/session-refresh.ts.
 */
export async function keepThisSession(userId: string, sessionVersion: number): Promise<void> {
  // Auth.js types the update payload as a partial Session; ours is the refresh proof it carries.
  await updateSession({ refresh: sessionRefreshFor(userId, sessionVersion) } as unknown as Parameters<
    typeof updateSession
  >[0]);
}
