import 'server-only';
import type { GatewayParams } from './gateway/types';
import { activeGateway } from './gateways';
import { paymentById, paymentByInvId, type PaymentView } from './payment-view';
import { goTokenMatches, statusTokenMatches } from './status-link';

// Who may see a payment on its own pages: the gateway's signed return, a link we signed for this
// payment, or the payer's own session. Anyone else is told nothing, not even that it exists.

/** The signed-in user, asked only when nothing else proves the right to see the payment. */
export type Viewer = () => Promise<{ id: string } | null>;

async function payersSession(payment: PaymentView, viewer: Viewer): Promise<boolean> {
  if (!payment.userId) return false;
  const user = await viewer();
  return user?.id === payment.userId;
}

/** The payment /payments/success may describe, from the query it was opened with. */
export async function paymentForStatusPage(
  params: Record<string, string>,
  viewer: Viewer,
): Promise<PaymentView | null> {
  const signed = activeGateway().verifySuccess(params as GatewayParams);
  const payment = await paymentByInvId(signed.ok ? signed.invId : Number(params.InvId));
  if (!payment) return null;
  if (signed.ok || statusTokenMatches(payment.invId, params.t) || (await payersSession(payment, viewer)))
    return payment;
  return null;
}

/** The payment /payments/go/<id> may hand over to the gateway. */
export async function paymentForHandOver(id: string, token: unknown, viewer: Viewer): Promise<PaymentView | null> {
  const payment = await paymentById(id);
  if (!payment) return null;
  if (goTokenMatches(payment.id, token) || (await payersSession(payment, viewer))) return payment;
  return null;
}
