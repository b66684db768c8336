import { after } from 'next/server';
import { configuredOrigin } from '@/lib/http/app-url';
import { handleSandboxRecurring } from '@/lib/payments/gateway/sandbox/recurring';
import { sandboxActive } from '@/lib/payments/gateways';

// The built-in sandbox's Merchant/Recurring (a bound card's charge, server to server). It answers
// OK<InvoiceID> first and sends the signed ResultURL notification after the answer has gone, as a
// real gateway does: «accepted» and «paid» are two separate messages. It calls back our configured
// origin only, never one taken from the request. 404 outside demo mode and development.
export async function POST(request: Request) {
  if (!sandboxActive()) return new Response('not found', { status: 404 });
  return handleSandboxRecurring(request, configuredOrigin(), after);
}
