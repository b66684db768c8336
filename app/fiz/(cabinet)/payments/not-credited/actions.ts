'use server';

import { succeed } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/validated';
import { findPaymentOnAccount } from '@/lib/support/payment-finder';
import { cabinetPaymentFinderSchema } from '@/lib/support/payment-finder-schema';

// userAction has checked that the account is one of the session's own.
export const findMyPayment = userAction('household', cabinetPaymentFinderSchema, async (input) =>
  succeed({
    finding: await findPaymentOnAccount(input.accountId, { paidOn: input.paidOn, amountKopecks: input.amount }),
  }),
);
