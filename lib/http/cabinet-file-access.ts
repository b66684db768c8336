import 'server-only';
import type { LoginDoor } from '@/lib/auth/login-doors';
import { canUseDoor, currentUser, loginPathByDoor, type SessionUser } from '@/lib/auth/session';

// The session check of a route handler that serves a cabinet's private file (a request's photo, an
// application's document, a generated act): a route handler is not under the cabinet's frame, so it
// checks the user itself. Another user's file, another door's user, a malformed id: the same plain
// 404, so nobody learns which files exist.

export type FileDoor = { kind: LoginDoor; base: '/fiz' | '/lk' } | { kind: 'staff'; base: '/admin' };

export function notFoundResponse(): Response {
  return new Response('Не найдено', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

/** The signed-in user of this door, or the response to send instead (login redirect or 404). */
export async function doorUser(door: FileDoor, back: string): Promise<SessionUser | Response> {
  const user = await currentUser();
  if (!user) {
    return new Response(null, {
      status: 307,
      headers: {
        Location: `${loginPathByDoor[door.kind]}?next=${encodeURIComponent(back)}`,
        'Cache-Control': 'no-store',
      },
    });
  }
  if (!canUseDoor(user, door.kind)) return notFoundResponse();
  return user;
}
