import { createHash, timingSafeEqual } from 'node:crypto';

// SMS.ru's callback (the address set in the account's «Callback» settings): a form POST of
// `data[0]`, `data[1]`, … — one record each, its lines separated by \n, the first line its type —
// and `hash`, the SHA-256 (hex) of the account's api_id followed by every record as sent. SMS.ru
// counts a delivery as received only when the answer is «100», and otherwise sends it again.
//
// An incoming SMS (to the utility's number) is the record `sms_income`: its id, the sender's
// number, the time (unix seconds), then the text (which may itself hold line breaks). Status
// reports (`sms_status`) of the SMS we sent arrive on the same address and are skipped here.

const INCOMING_SMS = 'sms_income';

export interface SmsRuIncoming {
  id: string;
  /** Digits only, as SMS.ru sends them (79161234567). */
  from: string;
  text: string;
}

function records(form: URLSearchParams): string[] {
  return [...form.entries()]
    .map(([name, value]) => ({ index: /^data\[(\d{1,4})\]$/.exec(name)?.[1], value }))
    .filter((entry): entry is { index: string; value: string } => entry.index !== undefined)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((entry) => entry.value);
}

function hashOf(key: string, entries: string[]): string {
  return createHash('sha256')
    .update(key + entries.join(''))
    .digest('hex');
}

/** The callback's incoming SMS, or null when the hash is missing or not the key's over these records. */
export function readSmsRuCallback(key: string, body: string): SmsRuIncoming[] | null {
  const form = new URLSearchParams(body);
  const entries = records(form);
  const given = Buffer.from((form.get('hash') ?? '').toLowerCase());
  const expected = Buffer.from(hashOf(key, entries));
  if (entries.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return entries.flatMap((entry) => {
    const [type, id, from, , ...text] = entry.replace(/\r\n?/g, '\n').split('\n');
    if (type !== INCOMING_SMS || !id || !from) return [];
    return [{ id: id.trim(), from: from.replace(/\D/g, ''), text: text.join('\n') }];
  });
}

/** A callback body as SMS.ru would post it (the demo's «send an SMS» form). */
export function smsRuCallbackBody(key: string, messages: (SmsRuIncoming & { at: Date })[]): string {
  const entries = messages.map((m) =>
    [INCOMING_SMS, m.id, m.from, String(Math.floor(m.at.getTime() / 1000)), m.text].join('\n'),
  );
  const form = new URLSearchParams();
  entries.forEach((entry, index) => form.set(`data[${index}]`, entry));
  form.set('hash', hashOf(key, entries));
  return form.toString();
}
