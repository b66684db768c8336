import { gatewayFor } from '@/lib/payments/gateways';
import { handleResultNotification } from '@/lib/payments/result-endpoint';

// МОНЕТА's Pay URL: server to server, the only proof that a payment happened. МОНЕТА sends it by
// GET or POST as chosen in the account's settings (POST keeps the signature out of access logs).
export async function POST(request: Request) {
  return handleResultNotification(request, gatewayFor('moneta'));
}

export async function GET(request: Request) {
  return handleResultNotification(request, gatewayFor('moneta'));
}
