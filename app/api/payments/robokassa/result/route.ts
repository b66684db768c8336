import { robokassaFromEnv } from '@/lib/payments/gateway/robokassa';
import { handleResultNotification } from '@/lib/payments/result-endpoint';

// Robokassa's ResultURL: server to server, the only proof that a payment happened.
export async function POST(request: Request) {
  return handleResultNotification(request, robokassaFromEnv());
}

export async function GET(request: Request) {
  return handleResultNotification(request, robokassaFromEnv());
}
