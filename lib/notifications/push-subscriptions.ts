import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { pushAvailable } from './push';
import type { pushSubscriptionSchema } from './schemas';

type SubscriptionInput = z.output<typeof pushSubscriptionSchema>;

/**
 * Keeps this browser's subscription for the signed-in user. An endpoint is one browser profile: if
 * another user subscribed it before (a shared device), it now belongs to whoever signed in last.
 */
export async function savePushSubscription(userId: string, input: SubscriptionInput): Promise<ActionResult> {
  if (!pushAvailable()) return fail('Push-уведомления на этом портале не включены');
  await db()
    .insert(pushSubscriptions)
    .values({ userId, endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { userId, p256dh: sql`excluded.p256dh`, auth: sql`excluded.auth`, createdAt: new Date() },
    });
  return succeed({ message: 'Push-уведомления на этом устройстве включены' });
}

/** This browser's subscription gone (the user switched push off here). Only the user's own. */
export async function removePushSubscription(userId: string, endpoint: string): Promise<ActionResult> {
  await db()
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
  return succeed({ message: 'Push-уведомления на этом устройстве выключены' });
}
