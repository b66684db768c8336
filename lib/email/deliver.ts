import 'server-only';
import { emailOutbox } from '@/db/schema';
import {
  deliverDueOutbox,
  deliverOutboxBatch,
  type DeliveryResult,
  type Outbox,
  type OutboxDeliveryOptions,
  type OutboxSender,
} from '@/lib/outbox/delivery';
import { TOKEN_TEMPLATES, type TemplateName, withoutLinks } from './templates';
import { transportFromEnv, type EmailTransport } from './transport';

export { backoffMs, MAX_ATTEMPTS, type DeliveryResult } from '@/lib/outbox/delivery';

export interface DeliveryOptions extends OutboxDeliveryOptions {
  transport?: EmailTransport;
}

interface ClaimedEmail {
  id: string;
  attempts: number;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  template: string;
  headers: Record<string, string> | null;
}

const emailOutboxRows: Outbox<ClaimedEmail> = {
  kind: 'email',
  table: emailOutbox,
  columns: {
    toAddress: emailOutbox.toAddress,
    subject: emailOutbox.subject,
    html: emailOutbox.html,
    text: emailOutbox.text,
    template: emailOutbox.template,
    headers: emailOutbox.headers,
  },
  describe: (row) => ({ emailId: row.id, template: row.template }),
};

function emailSender(transport: EmailTransport): OutboxSender<ClaimedEmail> {
  return {
    name: transport.name,
    send: (row, signal) =>
      transport.send({
        to: row.toAddress,
        subject: row.subject,
        html: row.html,
        text: row.text,
        headers: row.headers ?? undefined,
        idempotencyKey: `email-outbox-${row.id}`,
        signal,
      }),
    // A letter whose link carries a one-time token loses the link once it has left (or will never
    // leave) the outbox: nobody should find it here. Unless the row is itself the recipient's copy.
    onDone: (row) =>
      transport.keepsLetter || !TOKEN_TEMPLATES.has(row.template as TemplateName)
        ? undefined
        : { html: withoutLinks(row.html), text: withoutLinks(row.text) },
  };
}

/** One claim and its sends, without the in-process guard (tests use it to race two senders). */
export function deliverBatch(options: DeliveryOptions = {}): Promise<DeliveryResult & { claimed: number }> {
  return deliverOutboxBatch(emailOutboxRows, emailSender(options.transport ?? transportFromEnv()), options);
}

/** Sends the letters that are due; a call while a run is in progress joins it. */
export function deliverDueEmails(options: DeliveryOptions = {}): Promise<DeliveryResult> {
  return deliverDueOutbox(emailOutboxRows, emailSender(options.transport ?? transportFromEnv()), options);
}
