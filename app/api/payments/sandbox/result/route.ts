import { gatewayFor } from '@/lib/payments/gateways';
import { handleResultNotification } from '@/lib/payments/result-endpoint';

// The built-in sandbox's ResultURL: the same protocol as Robokassa's; 404 outside demo mode and
// development, and once a real gateway is configured.
export async function POST(request: Request) {
  return handleResultNotification(request, gatewayFor('sandbox'));
}
