import { describe, expect, it } from 'vitest';
import { netpayGateway } from '@/lib/payments/gateway/netpay';
import { readEnv } from '@/lib/config/env';
import { productionProblems } from '@/lib/config/start-check';
import { notificationQuery, readForm } from '../support/netpay-peer';

// Fixed vectors computed outside this code base with openssl and coreutils (public demo api_key):
//   K1=$(printf %s js4cucpn4kkc6jl1p95np054g2 | openssl dgst -md5 -binary | base64)   → m+8JdAhk/cWaBpImW9Zv8w==
//   KEY=$(printf %s "${K1}2026-12-03V12:00:00" | openssl dgst -md5 -binary | base64 | cut -c1-16) → 5kzKgmHXNsnQ2dfE
//   printf %s amount=1234.50 | openssl enc -aes-128-ecb -K $(printf %s $KEY | xxd -p) | base64 → NZKvYrKuNLkCPSFVrzU2+w==
//   printf %s "electricity-42;42;1234.50;APPROVED;Sale;000;AUTHSIG;${K1};" | md5sum → bb58f70a…

const peer = { apiKey: 'js4cucpn4kkc6jl1p95np054g2', auth: 'AUTHSIG' };
const gw = netpayGateway({
  ...peer,
  isTest: false,
  sendsReceipts: false,
  notificationUrl: 'https://lk.example.ru/api/payments/netpay/result',
  now: () => new Date('2026-12-02T09:00:00Z'),
});
const request = {
  invId: 42,
  amountKopecks: 1234_50,
  description: 'Оплата электроэнергии по лицевому счёту 50010002',
  shp: { Shp_purpose: 'electricity' },
  returnUrl: 'https://lk.example.ru/payments/success?InvId=42&t=x',
};

describe('NET PAY payment form', () => {
  const r = gw.paymentRedirect(request);

  it('posts auth, expire (Moscow time, literal V) and data encrypted field by field', () => {
    expect(r.url).toBe('https://my.net2pay.ru/billingService/paypage/');
    expect(r.method).toBe('POST');
    expect(r.fields.auth).toBe('AUTHSIG');
    expect(r.fields.expire).toBe('2026-12-03V12:00:00');
    expect(decodeURIComponent(r.fields.data!).split('&')[0]).toBe('NZKvYrKuNLkCPSFVrzU2+w==');
  });

  it('carries what NET PAY needs, readable with the shop key only', () => {
    expect(readForm(peer, r.fields)).toEqual({
      amount: '1234.50',
      currency: 'RUB',
      orderID: 'electricity-42',
      orderNumber: '42',
      description: 'Оплата электроэнергии по лицевому счёту 50010002',
      successUrl: request.returnUrl,
      failUrl: request.returnUrl,
      param1: 'callback',
      value1: 'https://lk.example.ru/api/payments/netpay/result',
    });
    expect(() => readForm({ ...peer, apiKey: 'other' }, r.fields)).toThrow();
  });
});

describe('NET PAY notification', () => {
  const form = readForm(peer, gw.paymentRedirect(request).fields);

  it('accepts the token over the values in the order received, and answers the XML', () => {
    const q = notificationQuery(peer, form);
    expect(q.get('token')).toBe('bb58f70ab0aa160e6f9a8f8afb290bdd');
    const v = gw.verifyResult(q);
    expect(v).toMatchObject({ ok: true, invId: 42, amountKopecks: 1234_50, shp: { Shp_purpose: 'electricity' } });
    expect(v.ok && gw.resultAnswer(42, v)).toBe(
      '<notification><orderId>electricity-42</orderId><transactionType>Sale</transactionType><status>1</status><error></error></notification>',
    );
    expect(gw.refusalAnswer('bad_signature', { orderID: '<x>', transactionType: 'Sale' })).toBe(
      '<notification><orderId></orderId><transactionType>Sale</transactionType><status>0</status><error>bad_signature</error></notification>',
    );
  });

  it('ignores parameters before orderID and refuses a reordered one', () => {
    const q = notificationQuery(peer, form);
    const prefixed = new URLSearchParams([['utm', 'x'], ...q]);
    expect(gw.verifyResult(prefixed).ok).toBe(true);
    const entries = [...q];
    const swapped = new URLSearchParams([entries[1]!, entries[0]!, ...entries.slice(2)]);
    expect(gw.verifyResult(swapped)).toMatchObject({ ok: false });
  });

  it('refuses forged, tampered, foreign-auth, unpaid and malformed notifications', () => {
    const q = notificationQuery(peer, form);
    const tampered = new URLSearchParams(q);
    tampered.set('amount', '1.00');
    expect(gw.verifyResult(tampered)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(gw.verifyResult(notificationQuery(peer, form, {}, 'guessed-key'))).toMatchObject({
      reason: 'bad_signature',
    });
    expect(gw.verifyResult(notificationQuery(peer, form, { auth: 'OTHER' }))).toMatchObject({
      reason: 'bad_signature',
    });
    for (const o of [
      { status: 'WAITING', transactionType: 'Authorize' },
      { error: '05' },
      { transactionType: 'Refund' },
    ])
      expect(gw.verifyResult(notificationQuery(peer, form, o))).toMatchObject({ reason: 'not_paid' });
    expect(gw.verifyResult(notificationQuery(peer, form, { orderID: 'bill-42' }))).toMatchObject({
      reason: 'malformed',
    });
    expect(gw.verifyResult(notificationQuery(peer, form, { amount: '-1' }))).toMatchObject({ reason: 'malformed' });
    expect(gw.verifyResult(new URLSearchParams('orderID=1&orderID=2'))).toMatchObject({ reason: 'malformed' });
    expect(gw.verifyResult({})).toMatchObject({ reason: 'malformed' });
  });
});

describe('NET PAY configuration', () => {
  it('is refused when incomplete, and counts as a gateway for a production start', () => {
    expect(readEnv({ NETPAY_API_KEY: 'k' }).ok).toBe(false);
    expect(readEnv({ NETPAY_AUTH: 'a' }).ok).toBe(false);
    const read = readEnv({ NODE_ENV: 'production', NETPAY_API_KEY: 'k', NETPAY_AUTH: 'a' });
    expect(read.ok).toBe(true);
    if (read.ok) expect(productionProblems(read.env).join('\n')).not.toMatch(/шлюз не настроен/);
  });
});
