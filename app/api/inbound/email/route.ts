import { receiveInboundEmail } from '@/lib/inbound/email';
import { handleInboundWebhook } from '@/lib/inbound/webhook-endpoint';

// Resend's inbound-mail webhook (event email.received): replies to reading reminders. Server to
// server, no session: the Svix signature is the proof.
export async function POST(request: Request) {
  return handleInboundWebhook(request, 'resend-inbound', (body, headers) => receiveInboundEmail(body, headers));
}
