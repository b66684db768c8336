import { gatewayFor } from '@/lib/payments/gateways';
import { handleResultNotification } from '@/lib/payments/result-endpoint';

// NET PAY's notification: server to server, by GET (the only method its integrations show), the
// only proof that a payment happened. Answered with NET PAY's <notification> XML.
export async function GET(request: Request) {
  return handleResultNotification(request, gatewayFor('netpay'));
}
