'use server';

import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import { disableAutopay, enableAutopay } from '@/lib/payments/autopay';
import { autopayOffSchema, autopaySchema } from '@/lib/payments/autopay-schema';

// userAction checks that accountId is one of this user's accounts; the card's ownership and the
// «payee paid before» rule are checked in enableAutopay.
export const saveAutopay = userAction('household', autopaySchema, async (input, user) => {
  const { ip } = await requestContext();
  const outcome = await enableAutopay(user.id, input, { ip });
  if (!outcome.ok) return fail(outcome.message, outcome.field ? { [outcome.field]: outcome.message } : {});
  redirect('/fiz/payments/autopay?saved=1');
});

export const turnOffAutopay = userAction('household', autopayOffSchema, async (input, user) => {
  const { ip } = await requestContext();
  await disableAutopay(user.id, input.accountId, { ip });
  redirect('/fiz/payments/autopay?off=1');
});
