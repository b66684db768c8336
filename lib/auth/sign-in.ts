import 'server-only';
import { AuthError, CredentialsSignin } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signOut, updateSession } from '@/auth';
import { type ActionResult, fail } from '@/lib/actions/result';
import { requestContext } from '@/lib/http/request-context';
import { audit } from '@/lib/security/audit';
import { isLoginFailure, type LoginDoor, loginFailureMessages } from './login-doors';
import { currentSession } from './session';
import { sessionRefreshFor } from './session-refresh';
import { endSession, sessionPolicy } from './sessions';
import { requestLog } from '@/lib/http/request-log';
import { describeError } from '@/lib/log';

const homeByDoor: Record<LoginDoor, string> = { household: '/fiz', company: '/lk', staff: '/admin' };

/** Only our own paths under the door's home; anything else (//evil, https://…) goes home. */
export function safeNext(door: LoginDoor, next: string | undefined): string {
  const home = homeByDoor[door];
  if (!next || !/^\/[A-Za-z0-9/_\-?=&.%]*$/.test(next) || next.startsWith('//')) return home;
  return next === home || next.startsWith(`${home}/`) || next.startsWith(`${home}?`) ? next : home;
}

/** Opens a session through Auth.js (which sets the cookie) and goes on, or says why not. */
export async function signInAt(
  door: LoginDoor,
  input: { login: string; password: string; next?: string; code?: string; remember?: boolean },
): Promise<ActionResult> {
  try {
    await signIn(door, {
      login: input.login,
      password: input.password,
      code: input.code ?? '',
      remember: input.remember ? 'on' : '',
      redirect: false,
    });
    if (!sessionPolicy(door, Boolean(input.remember)).persistentCookie) await makeBrowserSessionCookie();
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const reason = isLoginFailure(error.code) ? error.code : 'invalid';
      return fail(loginFailureMessages[reason]);
    }
    if (error instanceof AuthError) {
      (await requestLog()).error({ error: describeError(error) }, 'auth.sign_in_failed');
      return fail('Вход временно недоступен. Попробуйте через минуту.');
    }
    throw error;
  }
  redirect(safeNext(door, input.next));
}

/**
 * Auth.js gives every session cookie an expiry; a session that should end with the browser gets
 * its cookie set again without one (the server-side row still holds the absolute end).
 */
async function makeBrowserSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (!/(^|[.-])authjs\.session-token(\.\d+)?$/.test(cookie.name)) continue;
    jar.set(cookie.name, cookie.value, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: cookie.name.startsWith('__Secure-') || cookie.name.startsWith('__Host-'),
    });
  }
}

/** Logout: the session row goes first, so the cookie is dead even where a copy of it survives. */
export async function signOutTo(path: string): Promise<never> {
  const current = await currentSession();
  if (current) {
    await endSession(current.session.id);
    await audit({
      action: 'logout',
      actorUserId: current.user.id,
      subjectType: 'user',
      subjectId: current.user.id,
      ip: (await requestContext()).ip,
    });
  }
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
