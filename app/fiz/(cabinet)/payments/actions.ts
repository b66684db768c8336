'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import { activeGateway } from '@/lib/payments/active-gateway';
import { cabinetPaymentSchema } from '@/lib/payments/schemas';
import { startPayment } from '@/lib/payments/start';

// userAction checks that accountId is one of this user's accounts before anything is recorded.
export const payFromCabinet = userAction('household', cabinetPaymentSchema, async (input, user) => {
  const { ip, origin } = await requestContext();
  const payment = await startPayment(
    {
      accountId: input.accountId,
      userId: user.id,
      amountKopecks: input.amount,
      billId: input.billId,
      requestsBinding: input.rememberCard,
      receiptEmail: user.email,
      ip,
    },
    activeGateway(origin),
  );
  redirect(`/payments/go/${payment.paymentId}`);
});
