import 'server-only';
import { demoOrDevelopment, env } from '@/lib/config/env';

export interface OutgoingSms {
  /** +7XXXXXXXXXX */
  to: string;
  text: string;
  signal?: AbortSignal;
}

export interface SmsTransport {
  name: string;
  send(sms: OutgoingSms): Promise<{ providerId: string }>;
}

const SMSRU_SEND_URL = 'https://sms.ru/sms/send';

interface SmsRuAnswer {
  status?: string;
  status_code?: number;
  status_text?: string;
  sms?: Record<string, { status?: string; status_code?: number; status_text?: string; sms_id?: string }>;
}

/**
 * SMS.ru's HTTP API (sms/send with json=1): the answer is OK as a whole and per number; anything
 * else (a 5xx, no answer, a refusal) throws, and the row is retried with back-off.
 */
export function smsRuTransport(
  apiId: string,
  options: { from?: string; test?: boolean; fetch?: typeof fetch } = {},
): SmsTransport {
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'sms.ru',
    async send({ to, text, signal }) {
      const number = to.replace(/\D/g, '');
      const body = new URLSearchParams({ api_id: apiId, to: number, msg: text, json: '1' });
      if (options.from) body.set('from', options.from);
      if (options.test) body.set('test', '1');
      const response = await doFetch(SMSRU_SEND_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal,
      });
      if (!response.ok) throw new Error(`SMS.ru: HTTP ${response.status}`);
      const answer = (await response.json()) as SmsRuAnswer;
      if (answer.status !== 'OK') {
        throw new Error(`SMS.ru: ${answer.status_code ?? '?'} ${answer.status_text ?? 'запрос отклонён'}`);
      }
      const one = answer.sms?.[number];
      if (one?.status !== 'OK' || !one.sms_id) {
        throw new Error(`SMS.ru: ${one?.status_code ?? '?'} ${one?.status_text ?? 'номер не принят'}`);
      }
      return { providerId: one.sms_id };
    },
  };
}

/** The sandbox: the notification row is the message, shown in the development mailbox (/dev/mailbox). */
export const devMailboxSmsTransport: SmsTransport = {
  name: 'dev-mailbox',
  async send() {
    return { providerId: 'dev-mailbox' };
  },
};

/** SMS can be sent here: a provider is set, or the development mailbox shows them. */
export function smsAvailable(): boolean {
  return Boolean(env().SMSRU_API_ID) || demoOrDevelopment();
}

export function smsTransportFromEnv(): SmsTransport | null {
  const { SMSRU_API_ID, SMSRU_FROM, SMSRU_TEST } = env();
  if (SMSRU_API_ID) return smsRuTransport(SMSRU_API_ID, { from: SMSRU_FROM, test: SMSRU_TEST });
  return demoOrDevelopment() ? devMailboxSmsTransport : null;
}
