import 'server-only';
import { createHmac } from 'node:crypto';
import { authSecret } from '@/lib/config/auth-secret';
import { demoOrDevelopment, env } from '@/lib/config/env';
import { readingReplyToken, readReadingReplyToken } from './reply-token';

// Where replies come in and how their deliveries are proven. Production takes the domain and the
// secrets from the configuration and, without them, refuses every delivery (no reply address is
// offered either). Demo mode and development, with no real provider set, use made-up values, so
// the development mailbox can send a correctly signed reply to the app itself.

const DEMO_DOMAIN = 'reply.energokabinet.local';
// Public on purpose: it signs only the demo mailbox's own made-up deliveries.
const DEMO_WEBHOOK_SECRET = `whsec_${Buffer.from('energokabinet-demo-inbound-mail!').toString('base64')}`;
const DEMO_SMS_KEY = 'energokabinet-demo-sms-callback';

const LOCAL_PART = 'readings';

function inboundEmailDomain(): string | null {
  const { INBOUND_EMAIL_DOMAIN, RESEND_API_KEY } = env();
  if (INBOUND_EMAIL_DOMAIN) return INBOUND_EMAIL_DOMAIN;
  return !RESEND_API_KEY && demoOrDevelopment() ? DEMO_DOMAIN : null;
}

/** Resend's inbound webhook signing secret (Svix); null: every delivery is refused. */
export function inboundEmailSecret(): string | null {
  const { RESEND_WEBHOOK_SECRET, RESEND_API_KEY } = env();
  if (RESEND_WEBHOOK_SECRET) return RESEND_WEBHOOK_SECRET;
  return !RESEND_API_KEY && demoOrDevelopment() ? DEMO_WEBHOOK_SECRET : null;
}

/** SMS.ru signs its callbacks with the account's api_id; null: every callback is refused. */
export function smsCallbackKey(): string | null {
  const { SMSRU_API_ID } = env();
  if (SMSRU_API_ID) return SMSRU_API_ID;
  return demoOrDevelopment() ? DEMO_SMS_KEY : null;
}

function tokenSecret(): string {
  return createHmac('sha256', authSecret()).update('readings-reply-address').digest('base64url');
}

/** The reminder's reply address for this account and period, or null when replies are not received. */
export function readingReplyAddress(accountId: string, period: string): string | null {
  const domain = inboundEmailDomain();
  return domain ? `${LOCAL_PART}+${readingReplyToken(tokenSecret(), accountId, period)}@${domain}` : null;
}

/** The account and period of the first of these addresses that is a valid reply address of ours. */
export function readReplyAddress(addresses: readonly string[]): { accountId: string; period: string } | null {
  const domain = inboundEmailDomain();
  if (!domain) return null;
  for (const raw of addresses) {
    const address = bareAddress(raw);
    const match = /^([^@+]+)\+([^@]+)@(.+)$/.exec(address);
    if (!match || match[1] !== LOCAL_PART || match[3] !== domain) continue;
    const found = readReadingReplyToken(tokenSecret(), match[2]!);
    if (found) return found;
  }
  return null;
}

/** «Иван Петров <Ivan@Example.ru>» → «ivan@example.ru». */
export function bareAddress(raw: string): string {
  const angle = /<([^<>]+)>/.exec(raw);
  return (angle ? angle[1]! : raw).trim().toLowerCase();
}
