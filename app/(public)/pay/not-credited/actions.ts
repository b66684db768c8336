'use server';

import { validatedAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import { findPaymentAsGuest } from '@/lib/support/payment-finder';
import { guestPaymentFinderSchema } from '@/lib/support/payment-finder-schema';

export const findGuestPayment = validatedAction(guestPaymentFinderSchema, async (input) =>
  findPaymentAsGuest(
    { accountNumber: input.accountNumber, paidOn: input.paidOn, amountKopecks: input.amount },
    await requestContext(),
  ),
);
