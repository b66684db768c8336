import 'server-only';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { describeError, log } from '@/lib/log';

// The route-handler helper of the inbound webhooks (a provider's server calls them, with no
// session): the provider's signature is the only proof, checked by `receive`. 401 for an
// unsigned or forged delivery; 503 while something on our side is down, so the provider retries.

export interface InboundAnswer {
  status: number;
  body: string;
}

export async function handleInboundWebhook(
  request: Request,
  name: string,
  receive: (body: string, headers: Headers) => Promise<InboundAnswer>,
): Promise<Response> {
  const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
  try {
    const body = await request.text();
    if (body.length > 1_000_000) return new Response('too large', { status: 413, headers });
    const answer = await receive(body, request.headers);
    if (answer.status === 401) log.warn({ webhook: name }, 'inbound.signature_refused');
    return new Response(answer.body, { status: answer.status, headers });
  } catch (error) {
    const level = isDatabaseUnavailable(error) ? 'warn' : 'error';
    log[level]({ webhook: name, error: describeError(error) }, 'inbound.failed');
    return new Response('temporarily unavailable', { status: 503, headers });
  }
}
