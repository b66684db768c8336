import 'server-only';
import { Resend } from 'resend';
import { demoOrDevelopment, env } from '@/lib/config/env';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers (List-Unsubscribe on a mailing letter, Reply-To on a reading reminder). */
  headers?: Record<string, string>;
  /** Same key → the provider sends once, so a retry after an unclear failure cannot duplicate. */
  idempotencyKey?: string;
  /** Aborted when the sender gives up waiting, so the row's lock never outlives the request. */
  signal?: AbortSignal;
}

export interface EmailTransport {
  name: string;
  /**
   * The outbox row is the recipient's only copy (the development mailbox): it keeps its links after
   * delivery. Real transports hand the letter over, and a token-bearing row then loses its link.
   */
  keepsLetter?: boolean;
  send(msg: OutgoingEmail): Promise<{ providerId: string }>;
}

const DEFAULT_FROM = 'Энергокабинет <noreply@energokabinet.local>';

// Passed explicitly even when unset: the SDK would otherwise read RESEND_BASE_URL from the
// environment itself, a setting nothing validates.
const RESEND_API = 'https://api.resend.com';

function resendTransport(apiKey: string, from: string, baseUrl: string): EmailTransport {
  const resend = new Resend(apiKey, { baseUrl });
  return {
    name: 'resend',
    async send({ to, subject, html, text, headers, idempotencyKey, signal }) {
      // Resend takes the reply address as its own field, not as a custom header.
      const { 'Reply-To': replyTo, ...custom } = headers ?? {};
      const { data, error } = await resend.emails.send(
        { from, to, subject, html, text, headers: Object.keys(custom).length ? custom : undefined, replyTo },
        { idempotencyKey, signal },
      );
      if (error)
        throw new Error(`Resend: ${error.name}${error.statusCode ? ` (${error.statusCode})` : ''}: ${error.message}`);
      return { providerId: data.id };
    },
  };
}

/** The outbox row itself is the mailbox, so "sending" only needs to mark it delivered. */
export const devMailboxTransport: EmailTransport = {
  name: 'dev-mailbox',
  keepsLetter: true,
  async send() {
    return { providerId: 'dev-mailbox' };
  },
};

// Production without a key is a misconfiguration: keep messages pending (retried with back-off)
// so they go out once the key is set, instead of marking them sent to a mailbox no one can open.
const unconfiguredTransport: EmailTransport = {
  name: 'unconfigured',
  async send() {
    throw new Error(
      'RESEND_API_KEY не задан, а почтовый ящик разработчика есть только в демонстрационном режиме (DEMO=1)',
    );
  },
};

/**
 * The development mailbox (the outbox shown at /dev/mailbox, letters «sent» to it): only in demo
 * mode and development, where the letters are made up, and never once a real provider is set.
 */
export function isDevMailboxEnabled(): boolean {
  return !env().RESEND_API_KEY && demoOrDevelopment();
}

let cachedResend: { key: string; transport: EmailTransport } | undefined;

export function transportFromEnv(): EmailTransport {
  const { RESEND_API_KEY: apiKey, EMAIL_FROM, RESEND_API_URL } = env();
  if (apiKey) {
    const from = EMAIL_FROM || DEFAULT_FROM;
    const baseUrl = RESEND_API_URL ?? RESEND_API;
    const key = `${apiKey}\n${from}\n${baseUrl}`;
    if (cachedResend?.key !== key) cachedResend = { key, transport: resendTransport(apiKey, from, baseUrl) };
    return cachedResend.transport;
  }
  return isDevMailboxEnabled() ? devMailboxTransport : unconfiguredTransport;
}
