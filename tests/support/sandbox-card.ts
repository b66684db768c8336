// The sandbox as the card's gateway for tests of charges made without the payer (autopay): a card
// bound by a paid first payment, and the sandbox's own Merchant/Recurring handler answering the
// signed server-to-server call, with the ResultURL notification it promises delivered when the
// test says.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cardBindings } from '@/db/schema';
import { buildSandboxNotification } from '@/lib/payments/gateway/sandbox/gateway';
import { handleSandboxRecurring } from '@/lib/payments/gateway/sandbox/recurring';
import type { PaymentGateway, RecurringChargeCall } from '@/lib/payments/gateway/types';
import { gatewayFor } from '@/lib/payments/gateways';
import { acceptPaymentNotification } from '@/lib/payments/notify';
import type { RecurringSender } from '@/lib/payments/recurring';
import { startPayment } from '@/lib/payments/start';
import { testSandboxConfig } from './sandbox-fixtures';

const SANDBOX_CARD = '411111******1111';
const ip = '203.0.113.40';

export function sandbox(): PaymentGateway {
  const gateway = gatewayFor('sandbox');
  if (!gateway) throw new Error('the sandbox is not active in this test');
  return gateway;
}

/** The signed ResultURL notification the sandbox sends for a paid payment. */
function sandboxNotification(invId: number, amountKopecks: number): Record<string, string> {
  return buildSandboxNotification(
    { invId, amountKopecks, shp: { Shp_purpose: 'electricity' }, cardMask: SANDBOX_CARD },
    testSandboxConfig,
  );
}

/** Delivers the notification of a payment, `copies` times at once; every answer must be OK. */
export async function notifyPaid(invId: number, amountKopecks: number, copies = 1): Promise<void> {
  const answers = await Promise.all(
    Array.from({ length: copies }, () =>
      acceptPaymentNotification(sandbox(), sandboxNotification(invId, amountKopecks), { ip }),
    ),
  );
  const refused = answers.find((a) => a.status !== 200 || a.body !== `OK${invId}`);
  if (refused) throw new Error(`notification refused: ${refused.body}`);
}

/** A first payment with «Запомнить карту», paid: the user's electricity binding. */
export async function bindSandboxCard(db: Db, userId: string, accountId: string, amountKopecks = 10_00) {
  const { invId, paymentId } = await startPayment(
    { accountId, userId, amountKopecks, requestsBinding: true, ip },
    sandbox(),
  );
  await notifyPaid(invId, amountKopecks);
  const [binding] = await db.select().from(cardBindings).where(eq(cardBindings.parentPaymentId, paymentId));
  if (!binding) throw new Error('no binding was made');
  return binding;
}

/**
 * A RecurringSender that hands the call to the sandbox's Merchant/Recurring handler (which checks
 * its signature and answers OK<InvoiceID>); `calls` records what was sent, `decline` makes the
 * gateway refuse the next calls.
 */
export function sandboxRecurringPeer() {
  const calls: RecurringChargeCall[] = [];
  const peer = {
    calls,
    decline: false,
    send: (async (call) => {
      calls.push(call);
      if (peer.decline) return 'ERROR: card declined';
      const response = await handleSandboxRecurring(
        new Request(call.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(call.fields).toString(),
        }),
        'http://127.0.0.1:9',
        () => {},
      );
      return response.text();
    }) as RecurringSender,
  };
  return peer;
}
