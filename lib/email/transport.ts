import 'server-only';
import { Resend } from 'resend';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Same key → the provider sends once, so a retry after an unclear failure cannot duplicate. */
  idempotencyKey?: string;
  /** Aborted when the sender gives up waiting, so the row's lock never outlives the request. */
  signal?: AbortSignal;
}

export interface EmailTransport {
  name: string;
  send(msg: OutgoingEmail): Promise<{ providerId: string }>;
}

const DEFAULT_FROM = 'Энергокабинет <noreply@energokabinet.local>';

function resendTransport(apiKey: string, from: string): EmailTransport {
  const resend = new Resend(apiKey);
  return {
    name: 'resend',
    async send({ to, subject, html, text, idempotencyKey, signal }) {
      const { data, error } = await resend.emails.send({ from, to, subject, html, text }, { idempotencyKey, signal });
      if (error)
        throw new Error(`Resend: ${error.name}${error.statusCode ? ` (${error.statusCode})` : ''}: ${error.message}`);
      return { providerId: data.id };
    },
  };
}

/** The outbox row itself is the mailbox, so "sending" only needs to mark it delivered. */
export const devMailboxTransport: EmailTransport = {
  name: 'dev-mailbox',
  async send() {
    return { providerId: 'dev-mailbox' };
  },
};

// Production without a key is a misconfiguration: keep messages pending (retried with back-off)
// so they go out once the key is set, instead of marking them sent to a mailbox no one can open.
const unconfiguredTransport: EmailTransport = {
  name: 'unconfigured',
  async send() {
    throw new Error('RESEND_API_KEY не задан, а страница разработческого почтового ящика выключена (DEV_MAILBOX)');
  },
};

export function isDevMailboxEnabled(): boolean {
  if (process.env.RESEND_API_KEY) return false;
  return process.env.NODE_ENV !== 'production' || process.env.DEV_MAILBOX === '1' || !process.env.DATABASE_URL;
}

let cachedResend: { key: string; transport: EmailTransport } | undefined;

export function transportFromEnv(): EmailTransport {
  const apiKey = process.env.RESEND_API_KEY;
  if (apiKey) {
    const from = process.env.EMAIL_FROM || DEFAULT_FROM;
    const key = `${apiKey}\n${from}`;
    if (cachedResend?.key !== key) cachedResend = { key, transport: resendTransport(apiKey, from) };
    return cachedResend.transport;
  }
  return isDevMailboxEnabled() ? devMailboxTransport : unconfiguredTransport;
}
