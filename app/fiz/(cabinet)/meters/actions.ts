'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { requestMeter } from '@/lib/meters/requests';
import { requestMeterSchema } from '@/lib/meters/schemas';

// userAction has already checked the session and that `accountId` is one of this user's accounts.
export const requestNewMeter = userAction('household', requestMeterSchema, async (input, user) => {
  const result = await requestMeter(user, input);
  if (!result.ok) return result;
  redirect(`/fiz/meters?requested=${result.meterId}`);
});
