import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { payments } from '@/db/schema';
import { callbackParams } from '@/lib/payments/callback-params';
import { sandboxConfig } from '@/lib/payments/gateways';
import type { GatewayParams } from '../types';
import { parseSandboxRecurringRequest, sandboxRecurringAnswer } from './gateway';
import { notifyShop } from './pay-flow';
import { describeError, log } from '@/lib/log';

// The sandbox playing Robokassa's Merchant/Recurring: it checks the signed call
// (MerchantLogin:OutSum:InvoiceID[:Receipt]:Password1[:Shp_…]), answers `OK<InvoiceID>` for a
// charge it accepts, and afterwards sends the signed ResultURL notification, exactly as it does
// after its card form. The sandbox keeps no books of its own: the parent payment as our table
// records it (paid through the sandbox with Recurring=true, and the card the sandbox reported)
// stands for what a real gateway would remember about the card.

export type SandboxRecurringAnswer =
  { status: 200; body: string; deliver: (origin: string) => Promise<boolean> } | { status: 400; body: string };

async function acceptSandboxRecurring(params: GatewayParams): Promise<SandboxRecurringAnswer> {
  const request = parseSandboxRecurringRequest(params, sandboxConfig());
  if (!request.ok) return { status: 400, body: `ERROR: ${request.reason}` };
  const [parent] = await db()
    .select({
      gateway: payments.gateway,
      status: payments.status,
      requestsBinding: payments.requestsBinding,
      cardMask: payments.cardMask,
    })
    .from(payments)
    .where(eq(payments.invId, request.previousInvId));
  // Robokassa charges again only a paid payment that was started with Recurring=true.
  if (
    !parent ||
    parent.gateway !== 'sandbox' ||
    !parent.requestsBinding ||
    parent.status === 'pending' ||
    parent.status === 'failed' ||
    parent.status === 'cancelled' ||
    parent.status === 'expired' ||
    !parent.cardMask
  ) {
    return { status: 400, body: 'ERROR: PreviousInvoiceID is not a paid recurring payment' };
  }
  const cardMask = parent.cardMask;
  return {
    status: 200,
    body: sandboxRecurringAnswer(request.invId),
    deliver: (origin) =>
      notifyShop(origin, { invId: request.invId, amountKopecks: request.amountKopecks, shp: request.shp }, cardMask),
  };
}

/**
 * The HTTP side of /sandbox/recurring: answers first, then `later` runs the notification (the
 * route passes Next's `after`, so the answer is not held up by our own ResultURL's work).
 */
export async function handleSandboxRecurring(
  request: Request,
  origin: string,
  later: (task: () => Promise<void>) => void,
): Promise<Response> {
  const text = (body: string, status: number) =>
    new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const params = await callbackParams(request);
  if (!params) return text('ERROR: malformed', 400);
  try {
    const answer = await acceptSandboxRecurring(params);
    if (answer.status === 200) {
      later(async () => {
        if (!(await answer.deliver(origin))) log.error('sandbox.recurring_notification_unacknowledged');
      });
    }
    return text(answer.body, answer.status);
  } catch (error) {
    log.error({ error: describeError(error) }, 'sandbox.recurring_charge_failed');
    return text('ERROR: temporarily unavailable', 503);
  }
}
