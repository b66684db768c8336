import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import type { NotificationChannel, NotificationEvent } from '@/db/enums';
import { emailOutbox, notifications } from '@/db/schema';
import { listParams, pageNumber } from '@/lib/http/list-params';

// The notification centre (/fiz/notifications): what the portal sent this user, by which channel
// and when, newest first. Only the session's own rows: the caller passes the session's user id.

const PAGE_SIZE = 20;

export const notificationCentreParams = listParams('/fiz/notifications', { page: pageNumber });
export const companyNotificationCentreParams = listParams('/lk/notifications', { page: pageNumber });

export type DeliveryState = 'pending' | 'held' | 'sent' | 'failed';

export interface CentreRow {
  id: string;
  event: NotificationEvent;
  channel: NotificationChannel;
  address: string;
  subject: string;
  body: string;
  createdAt: Date;
  state: DeliveryState;
  /** Sent at; for a message still waiting, when it is due (after quiet hours). */
  at: Date;
}

export interface CentrePage {
  rows: CentreRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export async function notificationCentre(
  userId: string,
  opts: { page?: number; now?: Date } = {},
): Promise<CentrePage> {
  const now = opts.now ?? new Date();
  const [{ total } = { total: 0 }] = await db()
    .select({ total: sql<number>`count(*)::int` })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, opts.page ?? 1), pageCount);
  // An e-mail's delivery is the outbox's (its letter is queued there under notification:<id>); the
  // outbox forgets delivered letters after EMAIL_RETENTION_DAYS, so an e-mail without one was sent.
  const rows = await db()
    .select({
      id: notifications.id,
      event: notifications.event,
      channel: notifications.channel,
      address: notifications.address,
      subject: notifications.subject,
      body: notifications.body,
      createdAt: notifications.createdAt,
      status: sql<string>`case when ${notifications.channel} = 'email' then coalesce(${emailOutbox.status}::text, 'sent') else ${notifications.status}::text end`,
      sentAt: sql<Date | null>`coalesce(${emailOutbox.sentAt}, ${notifications.sentAt})`.mapWith(notifications.sentAt),
      nextAttemptAt: notifications.nextAttemptAt,
    })
    .from(notifications)
    .leftJoin(emailOutbox, eq(emailOutbox.dedupeKey, sql`'notification:' || ${notifications.id}::text`))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return {
    rows: rows.map((r) => {
      const state: DeliveryState =
        r.status === 'sent'
          ? 'sent'
          : r.status === 'failed'
            ? 'failed'
            : r.nextAttemptAt > now && r.channel !== 'email'
              ? 'held'
              : 'pending';
      return {
        id: r.id,
        event: r.event,
        channel: r.channel,
        address: r.address,
        subject: r.subject,
        body: r.body,
        createdAt: r.createdAt,
        state,
        at: state === 'sent' && r.sentAt ? r.sentAt : state === 'held' ? r.nextAttemptAt : r.createdAt,
      };
    }),
    total,
    page,
    pageCount,
    pageSize: PAGE_SIZE,
  };
}

export const deliveryStateLabels: Record<DeliveryState, string> = {
  pending: 'отправляется',
  held: 'ждёт утра',
  sent: 'отправлено',
  failed: 'не отправлено',
};
