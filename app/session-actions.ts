'use server';

import { endAllSessions } from '@/lib/auth/profile';
import { currentUser, loginPathByDoor } from '@/lib/auth/session';
import { signOutTo } from '@/lib/auth/sign-in';
import type { LoginDoor } from '@/lib/auth/login-doors';
import { requestContext } from '@/lib/http/request-context';

function doorOf(formData: unknown): LoginDoor {
  // A hand-made request can pass anything as the argument, not only a form.
  const door = formData instanceof FormData ? formData.get('door') : null;
  return door === 'company' || door === 'staff' ? door : 'household';
}

/** Ends this browser's session. */
export async function logout(formData: FormData): Promise<void> {
  await signOutTo(loginPathByDoor[doorOf(formData)]);
}

/** «Выйти на всех устройствах»: moves the session version on, so every cookie issued so far dies. */
export async function logoutEverywhere(formData: FormData): Promise<void> {
  const user = await currentUser();
  if (user) await endAllSessions(user, await requestContext());
  await signOutTo(`${loginPathByDoor[doorOf(formData)]}?everywhere=1`);
}
