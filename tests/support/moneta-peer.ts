import { createHash } from 'node:crypto';

// Plays НКО «МОНЕТА» (MONETA.Assistant) from its documentation, independently of our adapter: it
// reads the payment form we send and writes the Pay URL notification МОНЕТА would send.
// Signatures as documented: md5 hex of the fields concatenated in a fixed order, an absent field
// as '', then the «код проверки целостности данных».

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

export interface MonetaPeer {
  accountId: string;
  code: string;
}

/** What МОНЕТА checks on our form: md5(MNT_ID+MNT_TRANSACTION_ID+MNT_AMOUNT+MNT_CURRENCY_CODE+MNT_SUBSCRIBER_ID+MNT_TEST_MODE+code). */
export function formSignatureValid(peer: MonetaPeer, form: Record<string, string>): boolean {
  const f = (k: string) => form[k] ?? '';
  const expected = md5(
    f('MNT_ID') +
      f('MNT_TRANSACTION_ID') +
      f('MNT_AMOUNT') +
      f('MNT_CURRENCY_CODE') +
      f('MNT_SUBSCRIBER_ID') +
      f('MNT_TEST_MODE') +
      peer.code,
  );
  return form.MNT_SIGNATURE?.toLowerCase() === expected;
}

let operation = 700_000;

/**
 * The Pay URL notification for a paid form: the form's own transaction id, amount and currency
 * unless `override` changes them (a tampered or odd notification), signed with `peer.code`.
 */
export function payUrlNotification(
  peer: MonetaPeer,
  form: Record<string, string>,
  override: Partial<Record<string, string>> = {},
): Record<string, string> {
  const fields: Record<string, string> = {
    MNT_ID: peer.accountId,
    MNT_TRANSACTION_ID: form.MNT_TRANSACTION_ID ?? '',
    MNT_OPERATION_ID: String(++operation),
    MNT_AMOUNT: form.MNT_AMOUNT ?? '',
    MNT_CURRENCY_CODE: form.MNT_CURRENCY_CODE ?? 'RUB',
    MNT_TEST_MODE: form.MNT_TEST_MODE ?? '0',
    MNT_USER: '12345678',
    MNT_CORRACCOUNT: '303',
    ...override,
  } as Record<string, string>;
  const f = (k: string) => fields[k] ?? '';
  fields.MNT_SIGNATURE = md5(
    f('MNT_ID') +
      f('MNT_TRANSACTION_ID') +
      f('MNT_OPERATION_ID') +
      f('MNT_AMOUNT') +
      f('MNT_CURRENCY_CODE') +
      f('MNT_SUBSCRIBER_ID') +
      f('MNT_TEST_MODE') +
      peer.code,
  );
  return fields;
}

export interface PayUrlAnswer {
  resultCode: string;
  /** md5(MNT_RESULT_CODE + MNT_ID + MNT_TRANSACTION_ID + code), as МОНЕТА checks the XML answer. */
  signatureValid: boolean;
  /** INVENTORY: the receipt's lines as PayAnyWay's cash-register service reads them. */
  inventory: { name: string; price: string; quantity: string; vatTag: string; pm: string; po: string }[];
  customer: string | null;
}

const unescapeXml = (v: string) => v.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** Reads our answer to a Pay URL notification the way МОНЕТА does; null for a plain-text answer. */
export function readPayUrlAnswer(
  peer: MonetaPeer,
  notification: Record<string, string>,
  body: string,
): PayUrlAnswer | null {
  const tag = (name: string, within = body) => {
    const found = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(within)?.[1];
    return found === undefined ? null : unescapeXml(found);
  };
  if (!body.startsWith('<?xml')) return null;
  const resultCode = tag('MNT_RESULT_CODE') ?? '';
  const attributes = new Map(
    [...body.matchAll(/<ATTRIBUTE>([\s\S]*?)<\/ATTRIBUTE>/g)].map((m) => [tag('KEY', m[1]), tag('VALUE', m[1])]),
  );
  const expected = md5(resultCode + peer.accountId + (notification.MNT_TRANSACTION_ID ?? '') + peer.code);
  return {
    resultCode,
    signatureValid:
      tag('MNT_ID') === peer.accountId &&
      tag('MNT_TRANSACTION_ID') === notification.MNT_TRANSACTION_ID &&
      tag('MNT_SIGNATURE')?.toLowerCase() === expected,
    inventory: JSON.parse(attributes.get('INVENTORY') ?? '[]') as PayUrlAnswer['inventory'],
    customer: attributes.get('CUSTOMER') ?? null,
  };
}
