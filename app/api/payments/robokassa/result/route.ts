import { gatewayFor } from '@/lib/payments/gateways';
import { handleResultNotification } from '@/lib/payments/result-endpoint';

// Robokassa's ResultURL: server to server, the only proof that a payment happened. POST only (set
// «Метод отсылки данных: POST» in the shop's settings): a GET would put the signature and the
// payer's e-mail into every access log on the way.
export async function POST(request: Request) {
  return handleResultNotification(request, gatewayFor('robokassa'));
}
