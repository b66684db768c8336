import 'server-only';
import { eq } from 'drizzle-orm';
import { notifications } from '@/db/schema';
import {
  deliverDueOutbox,
  deliverOutboxBatch,
  kickOutbox,
  type DeliveryResult,
  type Outbox,
  type OutboxDeliveryOptions,
  type OutboxSender,
} from '@/lib/outbox/delivery';
import { smsTransportFromEnv, type SmsTransport } from '@/lib/sms/transport';

// The SMS rows of `notifications` are their own outbox, delivered by the same mechanism as e-mail.

export interface SmsDeliveryOptions extends OutboxDeliveryOptions {
  transport?: SmsTransport | null;
}

interface ClaimedSms {
  id: string;
  attempts: number;
  address: string;
  body: string;
}

const smsRows: Outbox<ClaimedSms> = {
  kind: 'sms',
  table: notifications,
  scope: eq(notifications.channel, 'sms'),
  columns: { address: notifications.address, body: notifications.body },
  describe: (row) => ({ notificationId: row.id }),
};

function smsSender(transport: SmsTransport): OutboxSender<ClaimedSms> {
  return { name: transport.name, send: (row, signal) => transport.send({ to: row.address, text: row.body, signal }) };
}

function transportOf(options: SmsDeliveryOptions): SmsTransport | null {
  return options.transport === undefined ? smsTransportFromEnv() : options.transport;
}

/** One claim and its sends (tests call it with their own clock and transport). */
export async function deliverSmsBatch(options: SmsDeliveryOptions = {}): Promise<DeliveryResult & { claimed: number }> {
  const transport = transportOf(options);
  // No provider (production without SMSRU_API_ID): the rows wait, nothing is claimed.
  if (!transport) return { sent: 0, failed: 0, claimed: 0 };
  return deliverOutboxBatch(smsRows, smsSender(transport), options);
}

/** Sends what is due; a call while a run is in progress joins it. */
export async function deliverDueSms(options: SmsDeliveryOptions = {}): Promise<DeliveryResult> {
  const transport = transportOf(options);
  if (!transport) return { sent: 0, failed: 0 };
  return deliverDueOutbox(smsRows, smsSender(transport), options);
}

/** Starts SMS delivery in the background; the caller neither waits for it nor sees its errors. */
export function kickSmsDelivery(): void {
  kickOutbox('sms', () => deliverDueSms());
}
