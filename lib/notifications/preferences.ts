import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import type { NotificationChannel, NotificationEvent } from '@/db/enums';
import { notificationPreferences, users } from '@/db/schema';
import {
  LEGACY_EMAIL_FIELDS,
  type LegacyEmailField,
  NOTIFICATION_CHANNELS,
  TABLE_CELLS,
  defaultEnabled,
} from './catalog';

type Executor = Db | Tx;
type LegacyValues = Record<LegacyEmailField, boolean>;

/** The form's values for one user: every cell, from the legacy column, a stored choice or the default. */
export async function preferenceValues(executor: Executor, userId: string): Promise<Record<string, boolean>> {
  const [user] = await executor
    .select({
      notifyNewBill: users.notifyNewBill,
      notifyPaymentReceived: users.notifyPaymentReceived,
      notifyReadingReminders: users.notifyReadingReminders,
      notifyOutages: users.notifyOutages,
      notifyServiceRequests: users.notifyServiceRequests,
      newsSubscription: users.newsSubscription,
    })
    .from(users)
    .where(eq(users.id, userId));
  const stored = await executor
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const values: Record<string, boolean> = { ...(user as LegacyValues | undefined) };
  for (const cell of TABLE_CELLS) {
    const row = stored.find((s) => s.event === cell.event && s.channel === cell.channel);
    values[cell.field] = row ? row.enabled : defaultEnabled(cell.event, cell.channel);
  }
  return values;
}

/** Stores every cell of the form in one transaction: the legacy columns and the table's rows. */
export async function storePreferences(tx: Tx, userId: string, input: Record<string, boolean>): Promise<void> {
  const legacy = Object.fromEntries(
    Object.values(LEGACY_EMAIL_FIELDS).map((field) => [field, input[field] === true]),
  ) as LegacyValues;
  const now = new Date();
  await tx
    .update(users)
    .set({ ...legacy, updatedAt: now })
    .where(eq(users.id, userId));
  await tx
    .insert(notificationPreferences)
    .values(
      TABLE_CELLS.map((cell) => ({
        userId,
        event: cell.event,
        channel: cell.channel,
        enabled: input[cell.field] === true,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.event, notificationPreferences.channel],
      set: { enabled: sql`excluded.enabled`, updatedAt: now },
    });
}

/** A choice of one cell for one user, e.g. «news» by e-mail off from the unsubscribe link. */
export async function setPreference(
  tx: Tx,
  userId: string,
  event: NotificationEvent,
  channel: NotificationChannel,
  enabled: boolean,
): Promise<void> {
  const legacy = channel === 'email' ? LEGACY_EMAIL_FIELDS[event as keyof typeof LEGACY_EMAIL_FIELDS] : undefined;
  if (legacy) {
    await tx
      .update(users)
      .set({ [legacy]: enabled, updatedAt: new Date() })
      .where(eq(users.id, userId));
    return;
  }
  await tx
    .insert(notificationPreferences)
    .values({ userId, event, channel, enabled })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.event, notificationPreferences.channel],
      set: { enabled, updatedAt: new Date() },
    });
}

/** For each of these users, the channels on which they want this event. */
export async function channelsFor(
  executor: Executor,
  userIds: readonly string[],
  event: NotificationEvent,
): Promise<Map<string, NotificationChannel[]>> {
  const result = new Map<string, NotificationChannel[]>();
  if (userIds.length === 0) return result;
  const ids = [...new Set(userIds)];
  const legacyField = LEGACY_EMAIL_FIELDS[event as keyof typeof LEGACY_EMAIL_FIELDS];
  const legacyRows = legacyField
    ? await executor.select({ id: users.id, on: users[legacyField] }).from(users).where(inArray(users.id, ids))
    : [];
  const stored = await executor
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, ids), eq(notificationPreferences.event, event)));
  for (const id of ids) {
    const channels = NOTIFICATION_CHANNELS.filter((channel) => {
      if (channel === 'email' && legacyField) return legacyRows.find((r) => r.id === id)?.on === true;
      const row = stored.find((s) => s.userId === id && s.channel === channel);
      return row ? row.enabled : defaultEnabled(event, channel);
    });
    result.set(id, channels);
  }
  return result;
}
