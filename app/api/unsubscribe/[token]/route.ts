import { configuredOrigin } from '@/lib/http/app-url';
import { clientIp } from '@/lib/http/client-ip';
import { unsubscribeByToken } from '@/lib/notifications/unsubscribe';

// The List-Unsubscribe address of a mailing letter. POST is RFC 8058's one-click unsubscribe: the
// mail client posts «List-Unsubscribe=One-Click» for the reader, with no session and no cookies, so
// the signed token in the address is the only proof. GET (a reader who opened the address) only
// leads to the page with the button: a link opened by a scanner must not unsubscribe anyone.

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await unsubscribeByToken(token, clientIp(request.headers));
  const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
  if (!result.ok) return new Response(result.message, { status: 403, headers });
  return new Response(result.message ?? 'Вы отписались.', { status: 200, headers });
}

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return Response.redirect(`${configuredOrigin()}/unsubscribe/${encodeURIComponent(token)}`, 303);
}
