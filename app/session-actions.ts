'use server';

import { endAllSessions } from '@/lib/auth/profile';
import { currentUser, loginPathByKind } from '@/lib/auth/session';
import { signOutTo } from '@/lib/auth/sign-in';
import type { LoginKind } from '@/lib/auth/login-kinds';
import { requestContext } from '@/lib/http/request-context';

function doorOf(formData: unknown): LoginKind {
  // A hand-made request can pass anything as the argument, not only a form.
  const door = formData instanceof FormData ? formData.get('door') : null;
  return door === 'company' || door === 'staff' ? door : 'household';
}

/** Ends this browser's session. */
export async function logout(formData: FormData): Promise<void> {
  await signOutTo(loginPathByKind[doorOf(formData)]);
}

/** «Выйти на всех устройствах»: moves the session version on, so every cookie issued so far dies. */
export async function logoutEverywhere(formData: FormData): Promise<void> {
  const user = await currentUser();
  if (user) await endAllSessions(user, await requestContext());
  await signOutTo(`${loginPathByKind[doorOf(formData)]}?everywhere=1`);
}
