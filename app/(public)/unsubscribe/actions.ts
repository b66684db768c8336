'use server';

import { validatedAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import { unsubscribeSchema } from '@/lib/notifications/schemas';
import { unsubscribeByToken } from '@/lib/notifications/unsubscribe';

// No session: the signed token from the letter is the proof (a reader unsubscribes without logging in).
export const confirmUnsubscribe = validatedAction(unsubscribeSchema, async (input) =>
  unsubscribeByToken(input.token, (await requestContext()).ip),
);
