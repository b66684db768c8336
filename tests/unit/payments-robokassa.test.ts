import { afterEach, describe, expect, it } from 'vitest';
import { recurringAccepted } from '@/lib/payments/gateway/protocol';
import { buildReceipt, receiptItem } from '@/lib/payments/gateway/receipt';
import { robokassaGateway } from '@/lib/payments/gateway/robokassa';
import { activeGateway, gatewayFor } from '@/lib/payments/gateways';
import { overrideEnv, readEnv } from '@/lib/config/env';
import type { PaymentGateway, VerifiedCallback } from '@/lib/payments/gateway/types';

// Every expected signature below was computed outside this code base, with coreutils, e.g.
//   printf '%s' 'test:5.12:5:securepass1' | md5sum
//   printf '%s' 'energo:1234.50:42:pass1Secret:Shp_account=1234567:Shp_purpose=bill' | sha256sum
// and the Receipt encoding with Python's urllib.parse.quote_plus(json, safe='').

const gw = robokassaGateway({
  merchantLogin: 'energo',
  password1: 'pass1Secret',
  password2: 'pass2Secret',
  isTest: false,
});
const shp = { Shp_purpose: 'bill', Shp_account: '1234567' }; // deliberately not in key order

const RECEIPT_ENCODED =
  '%7B%22sno%22%3A%22osn%22%2C%22items%22%3A%5B%7B%22name%22%3A%22%D0%AD%D0%BB%D0%B5%D0%BA%D1%82%D1%80%D0%BE%D1%8D%D0%BD%D0%B5%D1%80%D0%B3%D0%B8%D1%8F+%28%D0%BB%2F%D1%81+1234567%29%2C+%D0%B8%D1%8E%D0%BD%D1%8C+2026%22%2C%22quantity%22%3A1%2C%22sum%22%3A1234.5%2C%22payment_method%22%3A%22full_payment%22%2C%22payment_object%22%3A%22service%22%2C%22tax%22%3A%22vat22%22%7D%5D%7D';
const receipt = buildReceipt(
  [receiptItem({ name: 'Электроэнергия (л/с 1234567), июнь 2026', amountKopecks: 123450, tax: 'vat22' })],
  'osn',
);

function verified(r: ReturnType<PaymentGateway['verifyResult']>): VerifiedCallback {
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}`);
  return r;
}

describe('Robokassa payment redirect', () => {
  it('reproduces the documented example: test:5.12:5:securepass1 → MD5 d33ad746…', () => {
    const doc = robokassaGateway({
      merchantLogin: 'test',
      password1: 'securepass1',
      password2: 'securepass2',
      isTest: false,
    });
    const r = doc.paymentRedirect({ invId: 5, amountKopecks: 512, description: 'desc', shp: {} });
    expect(r.fields.SignatureValue).toBe('d33ad746fefb057705993fc6662c5beb');
    expect(r).toEqual({
      url: 'https://auth.robokassa.ru/Merchant/Index.aspx',
      method: 'POST',
      fields: {
        MerchantLogin: 'test',
        OutSum: '5.12',
        InvId: '5',
        Description: 'desc',
        SignatureValue: 'd33ad746fefb057705993fc6662c5beb',
        Culture: 'ru',
        Encoding: 'utf-8',
      },
    });
  });

  it('signs without Shp_ as MerchantLogin:OutSum:InvId:Password1', () => {
    const r = gw.paymentRedirect({ invId: 42, amountKopecks: 123450, description: 'Оплата', shp: {} });
    expect(r.fields.SignatureValue).toBe('c62b29e6cbf3c323161d240c14094cc3');
  });

  it('appends Shp_ pairs sorted by key after the password, and sends them', () => {
    const r = gw.paymentRedirect({ invId: 42, amountKopecks: 123450, description: 'Оплата', shp });
    // energo:1234.50:42:pass1Secret:Shp_account=1234567:Shp_purpose=bill
    expect(r.fields.SignatureValue).toBe('7b86fad30f9ed3986cb430a505be7a1e');
    expect(r.fields.Shp_account).toBe('1234567');
    expect(r.fields.Shp_purpose).toBe('bill');
    expect(r.fields.IsTest).toBeUndefined();
  });

  it('uses the hash chosen in the shop settings', () => {
    const base = { merchantLogin: 'energo', password1: 'pass1Secret', password2: 'pass2Secret', isTest: false };
    const req = { invId: 42, amountKopecks: 123450, description: 'Оплата', shp };
    expect(robokassaGateway({ ...base, hash: 'sha256' }).paymentRedirect(req).fields.SignatureValue).toBe(
      '4fcdc7cf616fddd2ccd46b75172ac803ee8b8e57d149d771a5420e13c867a2dc',
    );
    expect(robokassaGateway({ ...base, hash: 'sha384' }).paymentRedirect(req).fields.SignatureValue).toBe(
      '60afb8918413ef8517b4854675e19e44967e8c91a11103bb7c448003dfbc69797e198568a36711446cbb64d7f9e3f8b2',
    );
    expect(robokassaGateway({ ...base, hash: 'sha512' }).paymentRedirect(req).fields.SignatureValue).toBe(
      'f1a252ca09288ff27eff935d3cddd4648a5e2df825026354e899726f1845bda3f74cd96c8e0d1eed0cf00b8e535e763db1066de206e66d35c4c1e69d0af330e5',
    );
  });

  it('signs the URL-encoded Receipt after InvId and sends exactly that string', () => {
    const r = gw.paymentRedirect({ invId: 42, amountKopecks: 123450, description: 'Оплата', receipt, shp });
    expect(r.fields.Receipt).toBe(RECEIPT_ENCODED);
    // energo:1234.50:42:<encoded receipt>:pass1Secret:Shp_account=1234567:Shp_purpose=bill
    expect(r.fields.SignatureValue).toBe('6ccdcd0726cd5685a979e6c990175157');
    expect(r.method).toBe('POST');
    // the form submission encodes the field once more; the gateway gets our string back
    expect(new URLSearchParams(new URLSearchParams(r.fields).toString()).get('Receipt')).toBe(RECEIPT_ENCODED);
  });

  it('refuses a receipt whose lines do not add up to the payment', () => {
    expect(() => gw.paymentRedirect({ invId: 42, amountKopecks: 123400, description: 'Оплата', receipt, shp })).toThrow(
      /Чек 54-ФЗ/,
    );
  });

  it('adds Recurring=true, Email and IsTest=1 without signing them', () => {
    const test = robokassaGateway({
      merchantLogin: 'energo',
      password1: 'pass1Secret',
      password2: 'pass2Secret',
      isTest: true,
    });
    const r = test.paymentRedirect({
      invId: 42,
      amountKopecks: 123450,
      description: 'Оплата',
      email: 'ivanov@example.ru',
      recurring: true,
      shp,
    });
    expect(r.fields).toMatchObject({ Recurring: 'true', Email: 'ivanov@example.ru', IsTest: '1', Culture: 'ru' });
    expect(r.fields.SignatureValue).toBe('7b86fad30f9ed3986cb430a505be7a1e');
    expect(test.isTest).toBe(true);
    expect(gw.isTest).toBe(false);
  });

  it('cuts the description to 100 characters', () => {
    const r = gw.paymentRedirect({ invId: 1, amountKopecks: 100, description: 'Оплата '.repeat(40), shp: {} });
    expect(Array.from(r.fields.Description!).length).toBeLessThanOrEqual(100);
    expect(() => gw.paymentRedirect({ invId: 1, amountKopecks: 100, description: '  ', shp: {} })).toThrow();
  });

  it('refuses invalid numbers and ambiguous Shp_ parameters (our bugs)', () => {
    const ok = { invId: 1, amountKopecks: 100, description: 'x', shp: {} };
    for (const invId of [0, -1, 1.5, 2_147_483_648]) expect(() => gw.paymentRedirect({ ...ok, invId })).toThrow();
    expect(gw.paymentRedirect({ ...ok, invId: 2_147_483_647 }).fields.InvId).toBe('2147483647');
    for (const amountKopecks of [0, -100, 10.5, Number.NaN])
      expect(() => gw.paymentRedirect({ ...ok, amountKopecks })).toThrow();
    const badShp: Record<string, string>[] = [
      { shp_account: '1' },
      { Shp_Account: '1' },
      { Shp_: '1' },
      { Shp_a: '1', Shp_ab: '2' },
      { Shp_a: 'x:y' },
      { Shp_a: '' },
      { Shp_a: 'пробел' },
    ];
    for (const bad of badShp) {
      expect(() => gw.paymentRedirect({ ...ok, shp: bad })).toThrow();
    }
  });
});

describe('Robokassa ResultURL notification', () => {
  const notification = {
    OutSum: '1234.500000',
    InvId: '42',
    Fee: '12.345678',
    EMail: 'ivanov@example.ru',
    PaymentMethod: 'BankCard',
    IncCurrLabel: 'BankCardPSR',
    Shp_account: '1234567',
    Shp_purpose: 'bill',
    // 1234.500000:42:pass2Secret:Shp_account=1234567:Shp_purpose=bill
    SignatureValue: '1b1de11519fdc0414371b06ff84ccb23',
  };

  it('verifies OutSum=10.000000 over the raw string and parses it to kopecks', () => {
    const r = verified(
      gw.verifyResult({ OutSum: '10.000000', InvId: '7', SignatureValue: '6587ad5a6dac9260c3152c249183396b' }),
    );
    expect(r.invId).toBe(7);
    expect(r.amountKopecks).toBe(1000);
    expect(r.shp).toEqual({});
  });

  it('does not accept the signature of the canonical amount for the raw one', () => {
    // 42e5… is md5('10.00:7:pass2Secret'): right money, wrong bytes
    expect(
      gw.verifyResult({ OutSum: '10.000000', InvId: '7', SignatureValue: '42e556887416b02cc397fc271056e512' }),
    ).toEqual({ ok: false, reason: 'bad_signature' });
    expect(
      verified(gw.verifyResult({ OutSum: '10.00', InvId: '7', SignatureValue: '42e556887416b02cc397fc271056e512' }))
        .amountKopecks,
    ).toBe(1000);
  });

  it('verifies Shp_ parameters and returns the unsigned extras', () => {
    const r = verified(gw.verifyResult(notification));
    expect(r).toMatchObject({
      invId: 42,
      amountKopecks: 123450,
      fee: 1235,
      email: 'ivanov@example.ru',
      paymentMethod: 'BankCard',
      shp: { Shp_account: '1234567', Shp_purpose: 'bill' },
    });
    expect(r.raw).toEqual(notification);
    expect(r.cardMask).toBeUndefined();
  });

  it('accepts an upper-case signature and URLSearchParams', () => {
    const upper = { ...notification, SignatureValue: notification.SignatureValue.toUpperCase() };
    expect(gw.verifyResult(upper).ok).toBe(true);
    expect(gw.verifyResult(new URLSearchParams(upper)).ok).toBe(true);
  });

  it('uses the configured hash', () => {
    const sha = robokassaGateway({
      merchantLogin: 'energo',
      password1: 'pass1Secret',
      password2: 'pass2Secret',
      isTest: false,
      hash: 'sha256',
    });
    const params = {
      ...notification,
      SignatureValue: '5e0b6fc2f1224cf40116e7ea4ea01815f9e573ec6d98a8756019f2d2fa1218e7',
    };
    expect(sha.verifyResult(params).ok).toBe(true);
    expect(sha.verifyResult(notification)).toEqual({ ok: false, reason: 'bad_signature' }); // an MD5 is not a SHA-256
  });

  it('refuses a wrong password, amount, InvId or Shp_', () => {
    const other = robokassaGateway({
      merchantLogin: 'energo',
      password1: 'pass1Secret',
      password2: 'someone-else',
      isTest: false,
    });
    const bad = { ok: false, reason: 'bad_signature' };
    expect(other.verifyResult(notification)).toEqual(bad);
    expect(gw.verifyResult({ ...notification, OutSum: '1234.510000' })).toEqual(bad);
    expect(gw.verifyResult({ ...notification, OutSum: '1.000000' })).toEqual(bad);
    expect(gw.verifyResult({ ...notification, InvId: '43' })).toEqual(bad);
    expect(gw.verifyResult({ ...notification, Shp_account: '7654321' })).toEqual(bad);
    expect(gw.verifyResult({ ...notification, Shp_extra: '1' })).toEqual(bad);
    expect(gw.verifyResult({ ...notification, shp_extra: '1' })).toEqual(bad);
    const { Shp_purpose: _dropped, ...withoutPurpose } = notification;
    void _dropped;
    expect(gw.verifyResult(withoutPurpose)).toEqual(bad);
  });

  it('refuses the SuccessURL signature (Password #1) as a notification', () => {
    expect(gw.verifyResult({ ...notification, SignatureValue: 'd925b030cc78ac09e0f92518c7a2f9ab' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('treats the unsigned extras as unsigned: changing them keeps the signature valid', () => {
    const r = verified(gw.verifyResult({ ...notification, Fee: '0.000000', EMail: 'x@y.z' }));
    expect(r.fee).toBe(0);
    expect(r.email).toBe('x@y.z');
  });

  it('tells malformed requests from bad signatures', () => {
    const malformed = { ok: false, reason: 'malformed' };
    const { OutSum: _o, ...noOutSum } = notification;
    const { SignatureValue: _s, ...noSignature } = notification;
    void _o;
    void _s;
    expect(gw.verifyResult(noOutSum)).toEqual(malformed);
    expect(gw.verifyResult(noSignature)).toEqual(malformed);
    for (const OutSum of ['abc', '-10.00', '1e3', '0.000000', '1,5'])
      expect(gw.verifyResult({ ...notification, OutSum })).toEqual(malformed);
    for (const InvId of ['0', '042', 'abc', '2147483648', ''])
      expect(gw.verifyResult({ ...notification, InvId })).toEqual(malformed);
    const repeated = new URLSearchParams(notification);
    repeated.append('OutSum', '1.000000');
    expect(gw.verifyResult(repeated)).toEqual(malformed);
    expect(gw.verifyResult({ ...notification, SignatureValue: 'abc' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(gw.verifyResult({ ...notification, SignatureValue: 'z'.repeat(32) })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('answers OK<InvId>', () => {
    expect(gw.resultAnswer(42)).toBe('OK42');
    expect(gw.resultAnswer(5)).toBe('OK5');
    expect(() => gw.resultAnswer(0)).toThrow();
  });
});

describe('Robokassa SuccessURL', () => {
  const success = {
    OutSum: '1234.500000',
    InvId: '42',
    Culture: 'ru',
    Shp_account: '1234567',
    Shp_purpose: 'bill',
    SignatureValue: 'D925B030CC78AC09E0F92518C7A2F9AB',
  };
  it('verifies with Password #1', () => {
    expect(verified(gw.verifySuccess(success))).toMatchObject({ invId: 42, amountKopecks: 123450 });
  });
  it('does not accept the notification signature (Password #2)', () => {
    expect(gw.verifySuccess({ ...success, SignatureValue: '1b1de11519fdc0414371b06ff84ccb23' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});

describe('Robokassa recurring charge (card binding)', () => {
  const prod = gw;
  it('POSTs to Merchant/Recurring signed MerchantLogin:OutSum:InvoiceID:Password1[:Shp_], PreviousInvoiceID unsigned', () => {
    const call = prod.recurringCharge({
      invId: 43,
      previousInvId: 42,
      amountKopecks: 50000,
      description: 'Оплата по привязанной карте',
      shp,
    });
    expect(call.url).toBe('https://auth.robokassa.ru/Merchant/Recurring');
    expect(call.fields).toEqual({
      MerchantLogin: 'energo',
      InvoiceID: '43',
      PreviousInvoiceID: '42',
      OutSum: '500.00',
      Description: 'Оплата по привязанной карте',
      SignatureValue: 'c9d00faedb468bfc39a619f72b3c4c56',
      Shp_account: '1234567',
      Shp_purpose: 'bill',
    });
    const otherParent = prod.recurringCharge({
      invId: 43,
      previousInvId: 1,
      amountKopecks: 50000,
      description: 'x',
      shp,
    });
    expect(otherParent.fields.SignatureValue).toBe('c9d00faedb468bfc39a619f72b3c4c56');
  });

  it('signs a receipt after InvoiceID', () => {
    const call = prod.recurringCharge({
      invId: 43,
      previousInvId: 42,
      amountKopecks: 123450,
      description: 'x',
      receipt,
      shp,
    });
    expect(call.fields.Receipt).toBe(RECEIPT_ENCODED);
    expect(call.fields.SignatureValue).toBe('5bbe294fbc9aabca02603f8353bd8998');
  });

  it('refuses to charge in test mode (Merchant/Recurring has none) and to reuse the parent number', () => {
    const test = robokassaGateway({
      merchantLogin: 'energo',
      password1: 'pass1Secret',
      password2: 'pass2Secret',
      isTest: true,
    });
    expect(() =>
      test.recurringCharge({ invId: 43, previousInvId: 42, amountKopecks: 100, description: 'x', shp: {} }),
    ).toThrow(/тестового режима/);
    expect(() =>
      prod.recurringCharge({ invId: 42, previousInvId: 42, amountKopecks: 100, description: 'x', shp: {} }),
    ).toThrow();
  });

  it('reads the answer: OK<id> is accepted (not yet paid)', () => {
    expect(recurringAccepted('OK43')).toBe(true);
    expect(recurringAccepted('OK+43\n')).toBe(true);
    expect(recurringAccepted('ERROR')).toBe(false);
    expect(recurringAccepted('')).toBe(false);
  });
});

describe('configuration', () => {
  const env = {
    ROBOKASSA_MERCHANT_LOGIN: 'energo',
    ROBOKASSA_PASSWORD1: 'pass1Secret',
    ROBOKASSA_PASSWORD2: 'pass2Secret',
  };
  const base = { AUTH_SECRET: 'unit-test-secret-unit-test-secret-unit', NODE_ENV: 'test', DEMO: '1' };
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());
  const configure = (vars: Record<string, string>) => {
    restore?.();
    restore = overrideEnv({ ...base, ...vars });
  };

  it('reads the shop from the environment', () => {
    configure({});
    expect(gatewayFor('robokassa')).toBeNull();
    configure({ ...env, ROBOKASSA_TEST: '1' });
    const g = gatewayFor('robokassa')!;
    expect(g.id).toBe('robokassa');
    expect(g.isTest).toBe(true);
    configure({ ...env, ROBOKASSA_TEST: '0' });
    expect(gatewayFor('robokassa')!.isTest).toBe(false);
    configure(env);
    expect(
      gatewayFor('robokassa')!.paymentRedirect({ invId: 42, amountKopecks: 123450, description: 'x', shp }).fields
        .SignatureValue,
    ).toBe('7b86fad30f9ed3986cb430a505be7a1e');
    configure({ ...env, ROBOKASSA_HASH: 'SHA256' });
    const sha = gatewayFor('robokassa')!;
    expect(sha.paymentRedirect({ invId: 42, amountKopecks: 123450, description: 'x', shp }).fields.SignatureValue).toBe(
      '4fcdc7cf616fddd2ccd46b75172ac803ee8b8e57d149d771a5420e13c867a2dc',
    );
  });

  it('refuses a half-configured shop instead of falling back to the sandbox', () => {
    const problems = (vars: Record<string, string>) => {
      const read = readEnv({ ...base, ...vars });
      return read.ok ? '' : read.problems.join('\n');
    };
    expect(problems({ ROBOKASSA_MERCHANT_LOGIN: 'energo' })).toMatch(/не полностью/);
    expect(problems({ ...env, ROBOKASSA_PASSWORD2: '' })).toMatch(/не полностью/);
    expect(problems({ ...env, ROBOKASSA_TEST: 'maybe' })).toMatch(/ROBOKASSA_TEST/);
    expect(problems({ ...env, ROBOKASSA_HASH: 'crc32' })).toMatch(/ROBOKASSA_HASH/);
    expect(problems({ ...env, ROBOKASSA_PASSWORD2: 'pass1Secret' })).toMatch(/различаться/);
    expect(() => overrideEnv({ ...base, ROBOKASSA_MERCHANT_LOGIN: 'energo' })).toThrow(/не полностью/);
  });

  it('talks to another Robokassa host when given one', () => {
    const kz = robokassaGateway({
      merchantLogin: 'energo',
      password1: 'a',
      password2: 'b',
      isTest: false,
      baseUrl: 'https://auth.robokassa.kz/',
    });
    expect(kz.paymentRedirect({ invId: 1, amountKopecks: 100, description: 'x', shp: {} }).url).toBe(
      'https://auth.robokassa.kz/Merchant/Index.aspx',
    );
  });

  it('picks Robokassa when configured, otherwise the sandbox at the configured origin', () => {
    configure(env);
    expect(activeGateway().id).toBe('robokassa');
    configure({ APP_URL: 'https://lk.example.ru/anything' });
    const sandbox = activeGateway();
    expect(sandbox.id).toBe('sandbox');
    expect(sandbox.isTest).toBe(true);
    expect(sandbox.paymentRedirect({ invId: 1, amountKopecks: 100, description: 'x', shp: {} }).url).toBe(
      'https://lk.example.ru/sandbox/pay',
    );
    configure({ APP_URL: 'https://energo.example/' });
    expect(activeGateway().paymentRedirect({ invId: 1, amountKopecks: 100, description: 'x', shp: {} }).url).toBe(
      'https://energo.example/sandbox/pay',
    );
    configure({});
    expect(gatewayFor('robokassa')).toBeNull();
    configure(env);
    expect(gatewayFor('robokassa')!.id).toBe('robokassa');
    // Once a real gateway is configured the sandbox is closed.
    expect(gatewayFor('sandbox')).toBeNull();
  });

  it('has no sandbox outside demo mode and development', () => {
    configure({ NODE_ENV: 'production', DEMO: '0' });
    expect(gatewayFor('sandbox')).toBeNull();
    expect(() => activeGateway()).toThrow(/не настроен/);
    configure({ NODE_ENV: 'development', DEMO: '0' });
    expect(gatewayFor('sandbox')!.id).toBe('sandbox');
  });
});
