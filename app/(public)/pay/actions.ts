'use server';

import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { validatedAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import { chosenGateway } from '@/lib/payments/gateways';
import { lookupGuestPayee, readTicket } from '@/lib/payments/guest';
import { guestConfirmSchema, guestLookupSchema } from '@/lib/payments/schemas';
import { startPayment } from '@/lib/payments/start';
import { paymentGoHref } from '@/lib/payments/status-link';

export const findPayee = validatedAction(guestLookupSchema, async (input) =>
  lookupGuestPayee(
    { accountNumber: input.accountNumber, amountKopecks: input.amount, email: input.email },
    await requestContext(),
  ),
);

export const payAsGuest = validatedAction(guestConfirmSchema, async ({ ticket, gateway }) => {
  const body = readTicket(ticket);
  if (!body) return fail('Подтверждение устарело — введите номер лицевого счёта ещё раз.');
  const { ip } = await requestContext();
  const payment = await startPayment(
    {
      accountId: body.accountId,
      billId: body.billId,
      userId: null,
      amountKopecks: body.amountKopecks,
      requestsBinding: false,
      receiptEmail: body.email,
      ip,
    },
    chosenGateway(gateway),
  );
  redirect(paymentGoHref(payment.paymentId));
});
