import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { emailOutbox, notifications, users } from '@/db/schema';
import { isUuid } from '@/lib/validation/ids';

// Reads for the development mailbox page (/dev/mailbox): the outbox is the mailbox.

export type EmailOutbox = typeof emailOutbox.$inferSelect;

export type MailboxEntry = Pick<EmailOutbox, 'id' | 'toAddress' | 'subject' | 'status' | 'template' | 'createdAt'>;

export async function listMailbox(options: { to?: string; limit?: number } = {}): Promise<MailboxEntry[]> {
  const to = options.to?.trim();
  return db()
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      template: emailOutbox.template,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(to ? sql`lower(${emailOutbox.toAddress}) = lower(${to})` : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(options.limit ?? 200);
}

export interface SmsMailboxEntry {
  id: string;
  phone: string;
  text: string;
  status: EmailOutbox['status'];
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

/** The SMS sandbox: SMS notifications (to the user with this e-mail, when given), newest first. */
export async function listSmsMailbox(options: { to?: string; limit?: number } = {}): Promise<SmsMailboxEntry[]> {
  const to = options.to?.trim();
  return (
    db()
      .select({
        id: notifications.id,
        phone: notifications.address,
        text: notifications.body,
        status: notifications.status,
        createdAt: notifications.createdAt,
        sentAt: notifications.sentAt,
        nextAttemptAt: notifications.nextAttemptAt,
      })
      .from(notifications)
      // Left: the answer to an SMS from a phone no account has belongs to no user, and is shown too.
      .leftJoin(users, eq(users.id, notifications.userId))
      .where(
        to
          ? sql`${notifications.channel} = 'sms' and lower(${users.email}) = lower(${to})`
          : eq(notifications.channel, 'sms'),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.limit ?? 200)
  );
}

export async function getMailboxMessage(id: string): Promise<EmailOutbox | null> {
  // A malformed id would be a database error (500); it is simply a message that does not exist.
  if (!isUuid(id)) return null;
  const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row ?? null;
}

/** The http(s) links in a text body, in order, without repeats or trailing punctuation. */
export function linksInText(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"']+/g) ?? [];
  return [...new Set(found.map((link) => link.replace(/[.,;:!?)\]]+$/, '')))];
}

export const mailboxStatusLabels: Record<EmailOutbox['status'], string> = {
  pending: 'В очереди',
  sending: 'Отправляется',
  sent: 'Отправлено',
  failed: 'Не отправлено',
};
