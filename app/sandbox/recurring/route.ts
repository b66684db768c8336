import { after } from 'next/server';
import { appOrigin } from '@/lib/http/app-url';
import { sandboxActive } from '@/lib/payments/active-gateway';
import { handleSandboxRecurring } from '@/lib/payments/sandbox-recurring';

// The built-in sandbox's Merchant/Recurring (a bound card's charge, server to server). It answers
// OK<InvoiceID> first and sends the signed ResultURL notification after the answer has gone, as a
// real gateway does: «accepted» and «paid» are two separate messages. Closed once a real gateway
// is configured.
export async function POST(request: Request) {
  if (!sandboxActive()) return new Response('not found', { status: 404 });
  return handleSandboxRecurring(request, await appOrigin(), after);
}
