import { receiveSmsCallback } from '@/lib/inbound/sms';
import { handleInboundWebhook } from '@/lib/inbound/webhook-endpoint';

// SMS.ru's callback: incoming SMS to the utility's number (readings by SMS). Server to server, no
// session: the hash over the records with the account's api_id is the proof.
export async function POST(request: Request) {
  return handleInboundWebhook(request, 'smsru-callback', (body) => receiveSmsCallback(body));
}
