import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { notifications, pushSubscriptions } from '@/db/schema';
import { describeError, log } from '@/lib/log';
import {
  deliverDueOutbox,
  deliverOutboxBatch,
  kickOutbox,
  type DeliveryResult,
  type Outbox,
  type OutboxDeliveryOptions,
  type OutboxSender,
} from '@/lib/outbox/delivery';
import { PushSubscriptionGone, pushAvailable, sendPush, vapidKeys, type PushMessage, type PushTarget } from './push';

// The push rows of `notifications` are an outbox like the SMS ones. A row is one notification of
// one user; it goes to each of the user's subscriptions (their phone, their laptop).

export interface PushDeliveryOptions extends OutboxDeliveryOptions {
  /** Sends one message to one subscription (tests may watch it); the web-push library otherwise. */
  send?: (target: PushTarget, message: PushMessage, signal: AbortSignal) => Promise<void>;
}

interface ClaimedPush {
  id: string;
  attempts: number;
  userId: string;
  subject: string;
  body: string;
}

const pushRows: Outbox<ClaimedPush> = {
  kind: 'push',
  table: notifications,
  scope: eq(notifications.channel, 'push'),
  columns: { userId: notifications.userId, subject: notifications.subject, body: notifications.body },
  describe: (row) => ({ notificationId: row.id }),
};

function pushSender(send: NonNullable<PushDeliveryOptions['send']>): OutboxSender<ClaimedPush> {
  return {
    name: 'web-push',
    async send(row, signal) {
      const targets = await db()
        .select({
          id: pushSubscriptions.id,
          endpoint: pushSubscriptions.endpoint,
          p256dh: pushSubscriptions.p256dh,
          auth: pushSubscriptions.auth,
        })
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, row.userId));
      const message: PushMessage = { title: row.subject, body: row.body, url: '/cabinet' };
      let delivered = 0;
      const gone: string[] = [];
      let failure: unknown;
      for (const target of targets) {
        try {
          await send(target, message, signal);
          delivered++;
        } catch (error) {
          if (error instanceof PushSubscriptionGone) gone.push(target.id);
          else failure = error;
        }
      }
      if (gone.length > 0) {
        await db()
          .delete(pushSubscriptions)
          .where(and(eq(pushSubscriptions.userId, row.userId), inArray(pushSubscriptions.id, gone)))
          .catch((e: unknown) => log.error({ error: describeError(e) }, 'push.gone_not_removed'));
      }
      // One device that took it is delivery; retrying would show it there twice.
      if (delivered > 0) return { providerId: `web-push:${delivered}` };
      if (failure) throw failure;
      // Every subscription was dropped by the browser: nobody left to tell, nothing to retry.
      return { providerId: 'web-push:no-subscription' };
    },
  };
}

function defaultSend(): NonNullable<PushDeliveryOptions['send']> | null {
  const keys = vapidKeys();
  return keys ? (target, message, signal) => sendPush(target, message, keys, signal) : null;
}

/** One claim and its sends (tests call it with their own clock). */
export async function deliverPushBatch(
  options: PushDeliveryOptions = {},
): Promise<DeliveryResult & { claimed: number }> {
  const send = options.send ?? (pushAvailable() ? defaultSend() : null);
  if (!send) return { sent: 0, failed: 0, claimed: 0 };
  return deliverOutboxBatch(pushRows, pushSender(send), options);
}

/** Sends what is due; a call while a run is in progress joins it. */
export async function deliverDuePush(options: PushDeliveryOptions = {}): Promise<DeliveryResult> {
  const send = options.send ?? (pushAvailable() ? defaultSend() : null);
  if (!send) return { sent: 0, failed: 0 };
  return deliverDueOutbox(pushRows, pushSender(send), options);
}

/** Starts push delivery in the background; the caller neither waits for it nor sees its errors. */
export function kickPushDelivery(): void {
  kickOutbox('push', () => deliverDuePush());
}
