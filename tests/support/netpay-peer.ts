import { createDecipheriv, createHash } from 'node:crypto';

// Plays NET PAY from the protocol the integrations agree on (no adapter code used): it decrypts
// the payment form we send and writes the GET notification NET PAY would send.

export interface NetpayPeer {
  apiKey: string;
  auth: string;
}

const md5b64 = (s: string) => createHash('md5').update(s, 'utf8').digest('base64');

/** The form's parameters, decrypted as NET PAY does: key = base64(md5(base64(md5(api_key)) + expire))[0..16]. */
export function readForm(peer: NetpayPeer, form: Record<string, string>): Record<string, string> {
  const key = Buffer.from(md5b64(md5b64(peer.apiKey) + form.expire).slice(0, 16), 'ascii');
  const out: Record<string, string> = {};
  for (const part of decodeURIComponent(form.data ?? '').split('&')) {
    const decipher = createDecipheriv('aes-128-ecb', key, null);
    const plain = Buffer.concat([decipher.update(Buffer.from(part, 'base64')), decipher.final()]).toString('utf8');
    const eq = plain.indexOf('=');
    out[plain.slice(0, eq)] = plain.slice(eq + 1);
  }
  return out;
}

/**
 * NET PAY's notification for a paid order, fields in NET PAY's order, then
 * token = md5_hex(v_orderID;…;v_n; + base64(md5(api_key)) + ';'). `override` changes or adds
 * fields before signing; `signWith` signs with another key (a forgery).
 */
export function notificationQuery(
  peer: NetpayPeer,
  request: Record<string, string>,
  override: Partial<Record<string, string>> = {},
  signWith = peer.apiKey,
): URLSearchParams {
  const fields: [string, string][] = Object.entries({
    orderID: request.orderID ?? '',
    orderNumber: request.orderNumber ?? '',
    amount: request.amount ?? '',
    status: 'APPROVED',
    transactionType: 'Sale',
    error: '000',
    auth: peer.auth,
    ...override,
  }) as [string, string][];
  const token = createHash('md5')
    .update(fields.map(([, v]) => `${v};`).join('') + md5b64(signWith) + ';', 'utf8')
    .digest('hex');
  return new URLSearchParams([...fields, ['token', token]]);
}
