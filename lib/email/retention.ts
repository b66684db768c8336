import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import { db } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { env } from '@/lib/config/env';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes letters delivered more than the retention period ago (EMAIL_RETENTION_DAYS). Letters
 * still waiting or parked as failed stay: someone has yet to look at them. Returns how many went.
 */
export async function purgeDeliveredEmails(
  now = new Date(),
  retentionDays = env().EMAIL_RETENTION_DAYS,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const deleted = await db()
    .delete(emailOutbox)
    .where(and(eq(emailOutbox.status, 'sent'), lt(emailOutbox.sentAt, cutoff)))
    .returning({ id: emailOutbox.id });
  return deleted.length;
}
