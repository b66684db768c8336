import { describe, expect, it } from 'vitest';
import { recurringAccepted, redirectHref } from '@/lib/payments/gateway/protocol';
import { buildReceipt, receiptItem } from '@/lib/payments/gateway/receipt';
import {
  check3dsCode,
  checkSandboxCard,
  cvvError,
  expiryError,
  luhnValid,
  maskCard,
  SANDBOX_MESSAGES,
  sandboxCards,
} from '@/lib/payments/gateway/sandbox/cards';
import {
  buildSandboxFailReturn,
  buildSandboxNotification,
  buildSandboxSuccessReturn,
  checkedSandboxConfig,
  parseSandboxPaymentRequest,
  parseSandboxRecurringRequest,
  sandboxGateway,
  sandboxRecurringAnswer,
} from '@/lib/payments/gateway/sandbox/gateway';
import { testSandboxConfig } from '../support/sandbox-fixtures';

// Expected signatures computed outside the code base with coreutils, e.g.
//   printf '%s' '123.450000:77:sandbox-password-2:Shp_account=1234567:Shp_purpose=bill' | md5sum

const config = testSandboxConfig;
const sandbox = sandboxGateway({ origin: 'http://localhost:3000', config });
const shp = { Shp_purpose: 'bill', Shp_account: '1234567' };

describe('sandbox gateway: the same protocol at our own pages', () => {
  it('sends the payer to /sandbox/pay with Robokassa fields signed by the sandbox Password #1', () => {
    const r = sandbox.paymentRedirect({ invId: 77, amountKopecks: 12345, description: 'Оплата', shp });
    expect(sandbox.id).toBe('sandbox');
    expect(sandbox.isTest).toBe(true);
    expect(r.url).toBe('http://localhost:3000/sandbox/pay');
    expect(r.method).toBe('GET');
    // energokabinet-sandbox:123.45:77:sandbox-password-1:Shp_account=1234567:Shp_purpose=bill
    expect(r.fields).toMatchObject({
      MerchantLogin: 'energokabinet-sandbox',
      OutSum: '123.45',
      InvId: '77',
      IsTest: '1',
      SignatureValue: 'b154eaa476eb9952fe3a083705cfb423',
    });
  });

  it('the sandbox page checks what it received like Robokassa would', () => {
    const r = sandbox.paymentRedirect({
      invId: 77,
      amountKopecks: 12345,
      description: 'Оплата за июнь',
      email: 'a@b.ru',
      recurring: true,
      shp,
    });
    const received = new URL(redirectHref(r)).searchParams;
    expect(parseSandboxPaymentRequest(received, config)).toEqual({
      ok: true,
      invId: 77,
      amountKopecks: 12345,
      outSum: '123.45',
      description: 'Оплата за июнь',
      email: 'a@b.ru',
      recurring: true,
      shp: { Shp_account: '1234567', Shp_purpose: 'bill' },
    });
    const tampered = new URLSearchParams(received);
    tampered.set('OutSum', '1.45');
    expect(parseSandboxPaymentRequest(tampered, config)).toEqual({ ok: false, reason: 'bad_signature' });
    tampered.set('OutSum', 'lots');
    expect(parseSandboxPaymentRequest(tampered, config)).toEqual({ ok: false, reason: 'malformed' });
    const shpChanged = new URLSearchParams(received);
    shpChanged.set('Shp_account', '7654321');
    expect(parseSandboxPaymentRequest(shpChanged, config)).toEqual({ ok: false, reason: 'bad_signature' });
    const otherShop = new URLSearchParams(received);
    otherShop.set('MerchantLogin', 'someone');
    expect(parseSandboxPaymentRequest(otherShop, config)).toEqual({ ok: false, reason: 'bad_signature' });
    // Description, Email, Recurring are not signed, exactly as at Robokassa
    const unsigned = new URLSearchParams(received);
    unsigned.set('Description', 'другое');
    expect(parseSandboxPaymentRequest(unsigned, config).ok).toBe(true);
  });

  it('carries a 54-ФЗ receipt through the GET redirect and checks it against the amount', () => {
    const receipt = buildReceipt(
      [receiptItem({ name: 'Электроэнергия (л/с 1234567), июнь 2026', amountKopecks: 12345, tax: 'vat22' })],
      'osn',
    );
    const r = sandbox.paymentRedirect({ invId: 77, amountKopecks: 12345, description: 'Оплата', receipt, shp });
    const parsed = parseSandboxPaymentRequest(new URL(redirectHref(r)).searchParams, config);
    expect(parsed.ok && parsed.receipt).toEqual(receipt);
    expect(() => redirectHref({ ...r, method: 'POST' })).toThrow();
  });

  it('charges a bound card at /sandbox/recurring and answers OK<InvoiceID>', () => {
    const call = sandbox.recurringCharge({
      invId: 78,
      previousInvId: 77,
      amountKopecks: 12345,
      description: 'Автоплатёж',
      shp,
    });
    expect(call.url).toBe('http://localhost:3000/sandbox/recurring');
    // energokabinet-sandbox:123.45:78:sandbox-password-1:Shp_account=1234567:Shp_purpose=bill
    expect(call.fields.SignatureValue).toBe('fa26b2229c6ced8fdb135760e2f14fdf');
    const body = new URLSearchParams(new URLSearchParams(call.fields).toString());
    expect(parseSandboxRecurringRequest(body, config)).toMatchObject({
      ok: true,
      invId: 78,
      previousInvId: 77,
      amountKopecks: 12345,
      shp: { Shp_account: '1234567', Shp_purpose: 'bill' },
    });
    body.set('OutSum', '999.00');
    expect(parseSandboxRecurringRequest(body, config)).toEqual({ ok: false, reason: 'bad_signature' });
    body.delete('PreviousInvoiceID');
    expect(parseSandboxRecurringRequest(body, config)).toEqual({ ok: false, reason: 'malformed' });
    expect(recurringAccepted(sandboxRecurringAnswer(78))).toBe(true);
  });
});

describe('sandbox notification and return', () => {
  const outcome = { invId: 77, amountKopecks: 12345, shp: { Shp_account: '1234567', Shp_purpose: 'bill' } };

  it('builds the exact ResultURL fields, signed with Password #2 over a six-decimal OutSum', () => {
    expect(
      buildSandboxNotification({ ...outcome, cardMask: '411111******1111', email: 'a@b.ru', fee: 350 }, config),
    ).toEqual({
      OutSum: '123.450000',
      InvId: '77',
      Fee: '3.500000',
      PaymentMethod: 'BankCard',
      IncCurrLabel: 'BankCardPSR',
      IncAccount: '411111******1111',
      EMail: 'a@b.ru',
      // 123.450000:77:sandbox-password-2:Shp_account=1234567:Shp_purpose=bill, upper-case like Robokassa
      SignatureValue: 'D9037ACC40306752DAB3DB3ABE995181',
      Shp_account: '1234567',
      Shp_purpose: 'bill',
    });
  });

  it('is accepted by the sandbox gateway, also after a trip through a form body', () => {
    const fields = buildSandboxNotification({ ...outcome, cardMask: '411111******1111' }, config);
    expect(fields.Fee).toBe('0.000000');
    const body = new URLSearchParams(new URLSearchParams(fields).toString());
    expect(sandbox.verifyResult(body)).toMatchObject({
      ok: true,
      invId: 77,
      amountKopecks: 12345,
      fee: 0,
      cardMask: '411111******1111',
      paymentMethod: 'BankCard',
      shp: outcome.shp,
    });
    expect(sandbox.resultAnswer(77)).toBe('OK77');
  });

  it('signs with the passwords it is configured with, two different ones', () => {
    const own = { ...config, password1: 'my-own-1', password2: 'my-own-2' };
    const fields = buildSandboxNotification({ ...outcome, cardMask: '411111******1111' }, own);
    // 123.450000:77:my-own-2:Shp_account=1234567:Shp_purpose=bill
    expect(fields.SignatureValue).toBe('E3ED4DE75813FF77997AE748C0F48518');
    expect(sandbox.verifyResult(fields)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(sandboxGateway({ origin: 'http://localhost:3000', config: own }).verifyResult(fields).ok).toBe(true);
    expect(() => checkedSandboxConfig({ ...config, password1: 'same', password2: 'same' })).toThrow();
    expect(() => sandboxGateway({ origin: 'http://localhost:3000', config: { ...config, password1: '' } })).toThrow();
  });

  it('returns the payer to SuccessURL signed with Password #1, to FailURL unsigned', () => {
    const success = buildSandboxSuccessReturn(outcome, config);
    // 123.450000:77:sandbox-password-1:Shp_account=1234567:Shp_purpose=bill
    expect(success.SignatureValue).toBe('B8DD36FF4672DE645719BB622D631BEE');
    expect(sandbox.verifySuccess(success)).toMatchObject({ ok: true, invId: 77, amountKopecks: 12345 });
    expect(sandbox.verifyResult(success)).toEqual({ ok: false, reason: 'bad_signature' });
    const fail = buildSandboxFailReturn(outcome);
    expect(fail).toEqual({
      OutSum: '123.450000',
      InvId: '77',
      Culture: 'ru',
      IsTest: '1',
      Shp_account: '1234567',
      Shp_purpose: 'bill',
    });
    expect(sandbox.verifySuccess(fail)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('sandbox card form', () => {
  it('knows its test cards, all of them valid by Luhn', () => {
    for (const c of sandboxCards) expect(luhnValid(c.pan)).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true); // the textbook Luhn example
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });

  it('4111 1111 1111 1111 pays after 3-D Secure', () => {
    const r = checkSandboxCard('4111 1111 1111 1111');
    expect(r).toMatchObject({
      ok: true,
      pan: '4111111111111111',
      cardMask: '411111******1111',
      card: { outcome: 'success', threeDS: true },
    });
  });

  it('5555 5555 5555 4444 pays without a code; 4000 0000 0000 0002 is declined', () => {
    expect(checkSandboxCard('5555-5555-5555-4444')).toMatchObject({
      ok: true,
      cardMask: '555555******4444',
      card: { outcome: 'success', threeDS: false },
    });
    expect(checkSandboxCard('4000000000000002')).toMatchObject({
      ok: true,
      cardMask: '400000******0002',
      card: { outcome: 'declined' },
    });
  });

  it('explains in Russian what is wrong with a number', () => {
    expect(checkSandboxCard('')).toEqual({ ok: false, error: SANDBOX_MESSAGES.cardEmpty });
    expect(checkSandboxCard('1234')).toEqual({ ok: false, error: SANDBOX_MESSAGES.cardLength });
    expect(checkSandboxCard('4111 1111 1111 111x')).toEqual({ ok: false, error: SANDBOX_MESSAGES.cardLength });
    expect(checkSandboxCard('4111111111111112')).toEqual({ ok: false, error: SANDBOX_MESSAGES.cardLuhn });
    expect(checkSandboxCard('4242 4242 4242 4242')).toEqual({
      ok: false,
      error: 'Карта не принимается: в песочнице работают только тестовые карты',
    });
  });

  it('masks a card number to first six and last four', () => {
    expect(maskCard('4111111111111111')).toBe('411111******1111');
    expect(maskCard('4111 1111 1111 1111')).toBe('411111******1111');
    expect(maskCard('2200000000000000004')).toBe('220000*********0004');
    expect(maskCard('4222222222222')).toBe('422222***2222');
    expect(() => maskCard('411111')).toThrow();
  });

  it('checks the expiry date through the end of its month', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(expiryError('06/26', now)).toBeNull();
    expect(expiryError('12/28', now)).toBeNull();
    expect(expiryError('1228', now)).toBeNull();
    expect(expiryError(' 07 / 30 ', now)).toBeNull();
    expect(expiryError('05/26', now)).toBe(SANDBOX_MESSAGES.expiryPast);
    expect(expiryError('12/25', now)).toBe('Срок действия карты истёк');
    expect(expiryError('13/27', now)).toBe(SANDBOX_MESSAGES.expiryMonth);
    expect(expiryError('00/27', now)).toBe(SANDBOX_MESSAGES.expiryMonth);
    expect(expiryError('1/27', now)).toBe(SANDBOX_MESSAGES.expiryFormat);
    expect(expiryError('', now)).toBe(SANDBOX_MESSAGES.expiryFormat);
    expect(expiryError('12/99', now)).toBe(SANDBOX_MESSAGES.expiryFar);
  });

  it('wants a three-digit CVC', () => {
    expect(cvvError('123')).toBeNull();
    expect(cvvError('12')).toBe('CVC/CVV — три цифры на обороте карты');
    expect(cvvError('1234')).not.toBeNull();
    expect(cvvError('abc')).not.toBeNull();
  });

  it('confirms 3-D Secure only with 12345', () => {
    expect(check3dsCode('12345')).toEqual({ ok: true });
    expect(check3dsCode(' 12345 ')).toEqual({ ok: true });
    expect(check3dsCode('00000')).toEqual({ ok: false, error: 'Неверный код подтверждения. В песочнице код — 12345' });
    expect(check3dsCode('')).toMatchObject({ ok: false });
  });
});
