import { sandboxGateway } from '@/lib/payments/gateway/sandbox';
import { sandboxActive, sandboxConfig } from '@/lib/payments/active-gateway';
import { handleResultNotification } from '@/lib/payments/result-endpoint';

// The built-in sandbox's ResultURL: the same protocol as Robokassa's, closed once a real gateway is configured.
export async function POST(request: Request) {
  const gateway = sandboxActive()
    ? sandboxGateway({ origin: new URL(request.url).origin, config: sandboxConfig() })
    : null;
  return handleResultNotification(request, gateway);
}
