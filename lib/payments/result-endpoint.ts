import 'server-only';
import { clientIp } from '@/lib/http/client-ip';
import { callbackParams } from './callback-params';
import type { PaymentGateway } from './gateway/types';
import { acceptPaymentNotification } from './notify';
import { describeError, log } from '@/lib/log';

/**
 * The ResultURL endpoint shared by Robokassa and the sandbox: `OK<InvId>` for an accepted (or
 * already accepted) notification, 400 for a refused one, 503 when the database is unreachable —
 * anything but OK makes the gateway retry later, which is what we want while Postgres is down.
 */
export async function handleResultNotification(request: Request, gateway: PaymentGateway | null): Promise<Response> {
  if (!gateway) return new Response('not configured', { status: 404 });
  const params = await callbackParams(request);
  if (!params) return new Response('malformed', { status: 400 });
  try {
    const answer = await acceptPaymentNotification(gateway, params, { ip: clientIp(request.headers) });
    return new Response(answer.body, {
      status: answer.status,
      // An XML answer (NET PAY's, МОНЕТА's with the receipt) says so; `OK…`, `SUCCESS`, `FAIL` are text.
      headers: {
        'content-type': answer.body.startsWith('<') ? 'application/xml; charset=utf-8' : 'text/plain; charset=utf-8',
      },
    });
  } catch (error) {
    log.error({ error: describeError(error) }, 'payments.notification_failed');
    return new Response('temporarily unavailable', { status: 503 });
  }
}
