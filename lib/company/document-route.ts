// The route handlers that hand a company its documents check the session themselves (a route
// handler is not under the layout): no session → the login page and back; another door's user, a
// role without access to money, another company's bill or a malformed id → a plain 404, the same
// answer for all, so nobody learns which documents exist.
import 'server-only';
import { canUseDoor, currentUser, type SessionUser } from '@/lib/auth/session';
import { companyMemberOf } from './access';
import { companyRoleCan } from './roles';

export function notFoundResponse(what = 'Документ не найден'): Response {
  return new Response(what, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

export async function companyDocumentUser(back: string): Promise<{ user: SessionUser } | { response: Response }> {
  const user = await currentUser();
  if (!user) {
    return {
      response: new Response(null, {
        status: 307,
        headers: { Location: `/lk/login?next=${encodeURIComponent(back)}`, 'Cache-Control': 'no-store' },
      }),
    };
  }
  if (!canUseDoor(user, 'company') || !companyRoleCan(companyMemberOf(user)?.role, 'bills')) {
    return { response: notFoundResponse() };
  }
  return { user };
}

export function downloadResponse(bytes: Uint8Array, type: string, fileName: string, download: boolean): Response {
  return new Response(Buffer.from(bytes), {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename="${fileName}"`,
      'Content-Length': String(bytes.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
