import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { utilityProfile } from '@/db/schema';
import { enqueueEmail } from './outbox';
import type { RenderedEmail } from './templates';

/**
 * Queues a letter signed with the utility's short name inside the caller's transaction: if the
 * change rolls back, no letter goes out; once it commits, the outbox delivers it (with retries) outside the user's request.
 * Everything is read through `tx`: the embedded database has one connection, and a query on
 * another handle would wait for this very transaction.
 */
export async function queueLetter(
  tx: Tx,
  to: string,
  render: (utilityName: string) => RenderedEmail,
  dedupeKey?: string,
): Promise<void> {
  const [profile] = await tx
    .select({ shortName: utilityProfile.shortName })
    .from(utilityProfile)
    .where(eq(utilityProfile.id, 1));
  await enqueueEmail(tx, { to, dedupeKey, ...render(profile?.shortName ?? 'Энергокабинет') });
}
