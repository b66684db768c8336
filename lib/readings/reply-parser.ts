// Readings written by a person in a reply letter or an SMS, in the forms people use: «12345»,
// «день 12345 ночь 6789», «Т1 12345; Т2 6789», «T1=12345 T2=6789». Pure: it only finds the numbers
// and which register each is for; whether a number is a valid reading (whole kWh, not below the
// last, plausible) is decided by the form's own rules in lib/readings/submit.ts. Values stay text.
import { type TariffZone, zonesForPlan } from '@/lib/tariffs/zones';

/** The registers as a meter's display names them: T1 (day/peak), T2 (night), T3 (half-peak). */
export type ReplyRegister = 't1' | 't2' | 't3';

export type ParsedReply =
  | { kind: 'labelled'; values: Partial<Record<ReplyRegister, string>>; confirmed: boolean }
  | { kind: 'sequence'; values: string[]; confirmed: boolean }
  | { kind: 'unclear' };

// Where the quoted history of a reply starts: a quoted line, a client's «… wrote:» line, an
// «Original message» or header block, a signature separator.
const HISTORY_STARTS = [
  /^\s*>/,
  /^\s*-{2,}\s*(original message|forwarded message|исходное сообщение|пересылаемое сообщение)/i,
  /(wrote|пишет|написал|написала|написал\(а\))\s*:\s*$/i,
  /^.*@.*>\s*:\s*$/,
  /^\s*(from|от|sent|отправлено|date|дата)\s*:\s/i,
  /^\s*_{5,}\s*$/,
  /^\s*--\s*$/,
];

/** The new text of a reply, without the letter it answers (and without a signature). */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const end = lines.findIndex((line) => HISTORY_STARTS.some((start) => start.test(line)));
  return (end < 0 ? lines : lines.slice(0, end)).join('\n').trim();
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
// Longest first: «полупик» before «пик». Not after a letter or digit (JS's \b knows no Cyrillic).
const LABELLED = new RegExp(
  String.raw`(?<![\p{L}\d])(полупик[\p{L}]*|пик[\p{L}]*|день|дневн[\p{L}]*|ночь|ночн[\p{L}]*|[тt]\s?([123]))\s*[:=\-–—]?\s*` +
    NUMBER +
    String.raw`(?![\d])`,
  'giu',
);
const BARE = new RegExp(String.raw`(?<![\p{L}\d.,])` + NUMBER + String.raw`(?![\p{L}\d])`, 'gu');
const CONFIRMED = /(?<![\p{L}])(верно|подтверждаю)(?![\p{L}])/iu;

function registerOf(label: string, digit: string | undefined): ReplyRegister {
  if (digit) return `t${digit}` as ReplyRegister;
  const word = label.toLowerCase();
  if (word.startsWith('полупик')) return 't3';
  if (word.startsWith('ноч')) return 't2';
  return 't1';
}

/** The readings in a reply (quoted history already stripped, or stripped here). */
export function parseReadingsReply(raw: string): ParsedReply {
  const text = stripQuotedReply(raw);
  const confirmed = CONFIRMED.test(text);
  const labelled: Partial<Record<ReplyRegister, string>> = {};
  let found = false;
  for (const match of text.matchAll(LABELLED)) {
    const register = registerOf(match[1]!, match[2]);
    const value = match[3]!;
    // The same register twice with different numbers: we would have to guess.
    if (labelled[register] !== undefined && labelled[register] !== value) return { kind: 'unclear' };
    labelled[register] = value;
    found = true;
  }
  if (found) return { kind: 'labelled', values: labelled, confirmed };
  const values = [...text.matchAll(BARE)].map((match) => match[1]!);
  if (values.length === 0 || values.length > 3) return { kind: 'unclear' };
  return { kind: 'sequence', values, confirmed };
}

/** Which register of a zone plan each T-number is (as the meter's display shows them). */
const REGISTER_ZONES: Record<1 | 2 | 3, Partial<Record<ReplyRegister, TariffZone>>> = {
  1: { t1: 'all_day' },
  2: { t1: 'day', t2: 'night' },
  3: { t1: 'peak', t2: 'night', t3: 'half_peak' },
};

/**
 * The form's per-zone values for a meter of this zone plan, or null when the reply does not name
 * every register of it exactly once (a missing one, one too many, a T3 on a two-zone meter).
 * Numbers without labels are taken in the display's order: T1, T2, T3.
 */
export function replyValuesForPlan(reply: ParsedReply, plan: number): Partial<Record<TariffZone, string>> | null {
  if (reply.kind === 'unclear') return null;
  const zones = REGISTER_ZONES[plan as 1 | 2 | 3];
  if (!zones) return null;
  const order: ReplyRegister[] = ['t1', 't2', 't3'];
  const byRegister: Partial<Record<ReplyRegister, string>> =
    reply.kind === 'labelled'
      ? reply.values
      : Object.fromEntries(reply.values.map((value, index) => [order[index], value]));
  const given = Object.keys(byRegister) as ReplyRegister[];
  const wanted = zonesForPlan(plan).length;
  if (given.length !== wanted || given.some((register) => !zones[register])) return null;
  return Object.fromEntries(given.map((register) => [zones[register]!, byRegister[register]!]));
}
