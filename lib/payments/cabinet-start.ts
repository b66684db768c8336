import 'server-only';
import type { z } from 'zod';
import { requestContext } from '@/lib/http/request-context';
import { chosenGateway } from './gateways';
import type { cabinetPaymentSchema } from './schemas';
import { startPayment } from './start';
import { paymentGoHref } from './status-link';

/**
 * A card payment from a cabinet, household or company alike: recorded as pending for the payer's
 * session user, through the gateway the payer chose (or the default one); the hand-over page to send the browser to. Crediting
 * is the gateway notification's business (lib/payments/notify.ts), once per payment.
 * The caller has checked that the account is one the user may pay for.
 */
export async function startCabinetPayment(
  payer: { id: string; email: string },
  input: z.output<typeof cabinetPaymentSchema>,
): Promise<string> {
  const { ip } = await requestContext();
  const gateway = chosenGateway(input.gateway);
  const payment = await startPayment(
    {
      accountId: input.accountId,
      userId: payer.id,
      amountKopecks: input.amount,
      billId: input.billId,
      // A gateway that cannot charge a bound card later (МОНЕТА) gets no binding request.
      requestsBinding: input.rememberCard && gateway.chargesBoundCards,
      receiptEmail: payer.email,
      ip,
    },
    gateway,
  );
  return paymentGoHref(payment.paymentId);
}
