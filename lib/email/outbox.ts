import 'server-only';
import type { Db, Tx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { deliverDueEmails } from './deliver';
import type { RenderedEmail } from './templates';
import { kickOutbox } from '@/lib/outbox/delivery';

export type OutboxMessage = {
  to: string;
  dedupeKey?: string;
  /** A mailing letter's List-Unsubscribe headers (RFC 8058). */
  headers?: Record<string, string>;
} & RenderedEmail;

/**
 * Queues a message in the caller's transaction: it exists only if the caller's write commits.
 * A repeated `dedupeKey` is ignored, so a logical message is queued once however often it is asked for.
 * Call `kickEmailDelivery()` after the commit.
 */
export async function enqueueEmail(executor: Db | Tx, message: OutboxMessage): Promise<void> {
  await executor
    .insert(emailOutbox)
    .values({
      toAddress: message.to.trim(),
      subject: message.subject,
      html: message.html,
      text: message.text,
      template: message.template,
      headers: message.headers ?? null,
      dedupeKey: message.dedupeKey ?? null,
      // The app's clock, not the database's: senders compare against the app's clock, so a message
      // queued now is due for the kick that follows.
      nextAttemptAt: new Date(),
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey });
}

/** Many messages in one statement (a reminder run); repeated dedupe keys are skipped as above. */
export async function enqueueEmails(executor: Db | Tx, messages: OutboxMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const now = new Date();
  const inserted = await executor
    .insert(emailOutbox)
    .values(
      messages.map((m) => ({
        toAddress: m.to.trim(),
        subject: m.subject,
        html: m.html,
        text: m.text,
        template: m.template,
        headers: m.headers ?? null,
        dedupeKey: m.dedupeKey ?? null,
        nextAttemptAt: now,
      })),
    )
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return inserted.length;
}

/** Starts delivery in the background; the request neither waits for it nor sees its errors. */
export function kickEmailDelivery(): void {
  kickOutbox('email', () => deliverDueEmails());
}
