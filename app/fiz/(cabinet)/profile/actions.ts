'use server';

import { redirect } from 'next/navigation';
import { userAction } from '@/lib/actions/validated';
import { changePassword, requestEmailChange, updateContacts, updatePreferences } from '@/lib/auth/profile';
import { changeEmailSchema, changePasswordSchema, contactsSchema, preferencesSchema } from '@/lib/auth/schemas';
import { keepThisSession } from '@/lib/auth/sign-in';
import { currentSession } from '@/lib/auth/session';
import { requestContext } from '@/lib/http/request-context';
import { removePushSubscription, savePushSubscription } from '@/lib/notifications/push-subscriptions';
import { pushSubscriptionSchema } from '@/lib/notifications/schemas';

export const saveContacts = userAction('household', contactsSchema, (input, user) => updateContacts(user, input));

export const savePreferences = userAction('household', preferencesSchema, (input, user) =>
  updatePreferences(user, input),
);

export const savePassword = userAction('household', changePasswordSchema, async (input, user) => {
  const current = await currentSession();
  const result = await changePassword(user, input, { ...(await requestContext()), keepSessionId: current?.session.id });
  if (!result.ok) return result;
  // Every other session is over; this browser's cookie moves to the new version.
  await keepThisSession(user.id, result.sessionVersion);
  redirect('/fiz/profile?password=changed');
});

export const startEmailChange = userAction('household', changeEmailSchema, async (input, user) =>
  requestEmailChange(user, input, await requestContext()),
);

export const subscribePush = userAction('household', pushSubscriptionSchema, (input, user) =>
  savePushSubscription(user.id, input),
);

export const unsubscribePush = userAction('household', pushSubscriptionSchema.pick({ endpoint: true }), (input, user) =>
  removePushSubscription(user.id, input.endpoint),
);
