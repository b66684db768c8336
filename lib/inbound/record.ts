import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import type { NotificationChannel } from '@/db/enums';
import { inboundMessages } from '@/db/schema';

// The provider's message id is the key of an inbound message: the first delivery records it with
// its answer in one transaction, a retried delivery finds it and does nothing again.

export async function alreadyReceived(channel: NotificationChannel, providerMessageId: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(and(eq(inboundMessages.channel, channel), eq(inboundMessages.providerMessageId, providerMessageId)));
  return Boolean(row);
}

/**
 * Records the message; `answer` (queueing the reply) runs in the same transaction, and only for the
 * delivery that recorded it. Returns false when another delivery of the same message came first.
 */
export async function recordInbound(
  message: typeof inboundMessages.$inferInsert,
  answer: (tx: Tx) => Promise<void>,
): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(inboundMessages)
      .values(message)
      .onConflictDoNothing({ target: [inboundMessages.channel, inboundMessages.providerMessageId] })
      .returning({ id: inboundMessages.id });
    if (!row) return false;
    await answer(tx);
    return true;
  });
}
