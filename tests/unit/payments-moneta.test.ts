import { afterEach, describe, expect, it } from 'vitest';
import { monetaGateway } from '@/lib/payments/gateway/moneta';
import { activeGateway, chosenGateway, gatewayChoices, gatewayFor } from '@/lib/payments/gateways';
import { overrideEnv, readEnv } from '@/lib/config/env';
import { productionProblems } from '@/lib/config/start-check';
import { formSignatureValid, payUrlNotification } from '../support/moneta-peer';

// Fixed vectors computed outside this code base with coreutils:
//   printf '%s' '54600817electricity-421234.50RUB0QWERTY' | md5sum          → d57da961…
//   printf '%s' '54600817electricity-42987651234.50RUB0QWERTY' | md5sum     → 488c80cb…
//   printf '%s' '54600817electricity-4298765001234.5RUB0QWERTY' | md5sum    → b9dee7ca…

const peer = { accountId: '54600817', code: 'QWERTY' };
const gw = monetaGateway({ accountId: peer.accountId, integrityCode: peer.code, isTest: false });
const request = {
  invId: 42,
  amountKopecks: 1234_50,
  description: 'Оплата электроэнергии',
  shp: { Shp_purpose: 'electricity' },
};

describe('МОНЕТА payment form', () => {
  it('posts the documented fields to moneta.ru/assistant.htm, signed as МОНЕТА checks it', () => {
    const r = gw.paymentRedirect({ ...request, returnUrl: 'https://lk.example.ru/payments/success?InvId=42&t=x' });
    expect(r.url).toBe('https://moneta.ru/assistant.htm');
    expect(r.method).toBe('POST');
    expect(r.fields).toMatchObject({
      MNT_ID: '54600817',
      MNT_TRANSACTION_ID: 'electricity-42',
      MNT_AMOUNT: '1234.50',
      MNT_CURRENCY_CODE: 'RUB',
      MNT_TEST_MODE: '0',
      MNT_SIGNATURE: 'd57da9614543e8a32f84cd3c66d7d955',
      MNT_SUCCESS_URL: 'https://lk.example.ru/payments/success?InvId=42&t=x',
    });
    expect(formSignatureValid(peer, r.fields)).toBe(true);
    expect(formSignatureValid({ ...peer, code: 'other' }, r.fields)).toBe(false);
  });

  it('refuses a bound-card charge and binds no card (not supported through the hosted form)', () => {
    expect(gw.chargesBoundCards).toBe(false);
    expect(() =>
      gw.recurringCharge({ invId: 2, previousInvId: 1, amountKopecks: 100, description: 'x', shp: {} }),
    ).toThrow(/МОНЕТА/);
  });
});

describe('МОНЕТА Pay URL notification', () => {
  const form = gw.paymentRedirect(request).fields;

  it('accepts the documented signature and answers SUCCESS', () => {
    const n = payUrlNotification(peer, form, { MNT_OPERATION_ID: '98765' });
    expect(n.MNT_SIGNATURE).toBe('488c80cb403dcd169174ed02590fc41e');
    expect(gw.verifyResult(n)).toMatchObject({
      ok: true,
      invId: 42,
      amountKopecks: 1234_50,
      shp: { Shp_purpose: 'electricity' },
    });
    expect(gw.verifyResult({ ...n, MNT_SIGNATURE: n.MNT_SIGNATURE!.toUpperCase() }).ok).toBe(true);
    expect(gw.resultAnswer(42)).toBe('SUCCESS');
    expect(gw.refusalAnswer('bad_signature')).toBe('FAIL');
  });

  it('signs the amount string as received: 001234.5 is the same 1234.50', () => {
    const n = payUrlNotification(peer, form, { MNT_OPERATION_ID: '98765', MNT_AMOUNT: '001234.5' });
    expect(n.MNT_SIGNATURE).toBe('b9dee7ca15cba2af03dfcf74aae547b0');
    expect(gw.verifyResult(n)).toMatchObject({ ok: true, amountKopecks: 1234_50 });
  });

  it('refuses forged, tampered, foreign, other-currency and test notifications', () => {
    const n = payUrlNotification(peer, form);
    expect(gw.verifyResult({ ...n, MNT_SIGNATURE: '0'.repeat(32) })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(gw.verifyResult(payUrlNotification({ ...peer, code: 'guess' }, form))).toMatchObject({
      reason: 'bad_signature',
    });
    expect(gw.verifyResult({ ...n, MNT_AMOUNT: '1.00' })).toMatchObject({ reason: 'bad_signature' });
    expect(gw.verifyResult({ ...n, MNT_TRANSACTION_ID: 'services-42' })).toMatchObject({ reason: 'bad_signature' });
    expect(gw.verifyResult(payUrlNotification({ ...peer, accountId: '11111111' }, form))).toMatchObject({
      reason: 'bad_signature',
    });
    expect(gw.verifyResult(payUrlNotification(peer, form, { MNT_CURRENCY_CODE: 'USD' }))).toMatchObject({
      reason: 'wrong_currency',
    });
    expect(gw.verifyResult(payUrlNotification(peer, form, { MNT_TEST_MODE: '1' }))).toMatchObject({
      reason: 'test_mode',
    });
    expect(gw.verifyResult(payUrlNotification(peer, form, { MNT_TRANSACTION_ID: 'bill-42' }))).toMatchObject({
      reason: 'malformed',
    });
    expect(gw.verifyResult(payUrlNotification(peer, form, { MNT_AMOUNT: '1e3' }))).toMatchObject({
      reason: 'malformed',
    });
    expect(gw.verifyResult(new URLSearchParams('MNT_ID=1&MNT_ID=2'))).toMatchObject({ reason: 'malformed' });
  });
});

describe('МОНЕТА configuration', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('is refused when incomplete or malformed, and counts as a gateway for a production start', () => {
    expect(readEnv({ MONETA_ACCOUNT_ID: '54600817' }).ok).toBe(false);
    expect(readEnv({ MONETA_INTEGRITY_CODE: 'QWERTY' }).ok).toBe(false);
    expect(readEnv({ MONETA_ACCOUNT_ID: 'shop', MONETA_INTEGRITY_CODE: 'QWERTY' }).ok).toBe(false);
    const read = readEnv({
      NODE_ENV: 'production',
      MONETA_ACCOUNT_ID: '54600817',
      MONETA_INTEGRITY_CODE: 'QWERTY',
    });
    expect(read.ok).toBe(true);
    if (read.ok) expect(productionProblems(read.env).join('\n')).not.toMatch(/шлюз не настроен/);
  });

  it('is refused with a VAT rate its receipt has no code for', () => {
    const moneta = { MONETA_ACCOUNT_ID: '54600817', MONETA_INTEGRITY_CODE: 'QWERTY' };
    const refused = readEnv({ ...moneta, COMPANY_VAT_RATE_PERCENT: '5' });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.problems.join('\n')).toMatch(/ставку НДС 5\u00a0% нельзя передать в чеке через МОНЕТУ/);
    for (const rate of ['0', '10', '20', '22'])
      expect(readEnv({ ...moneta, COMPANY_VAT_RATE_PERCENT: rate }).ok).toBe(true);
    expect(readEnv({ COMPANY_VAT_RATE_PERCENT: '5' }).ok).toBe(true);
  });

  it('serves new payments when it is the only gateway; the sandbox then closes', () => {
    restore = overrideEnv({ DEMO: '1', MONETA_ACCOUNT_ID: '54600817', MONETA_INTEGRITY_CODE: 'QWERTY' });
    expect(activeGateway().id).toBe('moneta');
    expect(gatewayFor('sandbox')).toBeNull();
    expect(gatewayFor('moneta')!.isTest).toBe(false);
  });

  it('beside Robokassa: both are offered, Robokassa first; a choice of an unconfigured one falls back', () => {
    restore = overrideEnv({
      DEMO: '1',
      ROBOKASSA_MERCHANT_LOGIN: 'energo',
      ROBOKASSA_PASSWORD1: 'pass1Secret',
      ROBOKASSA_PASSWORD2: 'pass2Secret',
      MONETA_ACCOUNT_ID: '54600817',
      MONETA_INTEGRITY_CODE: 'QWERTY',
    });
    expect(gatewayChoices().map((c) => c.value)).toEqual(['robokassa', 'moneta']);
    expect(chosenGateway('moneta').id).toBe('moneta');
    expect(chosenGateway(undefined).id).toBe('robokassa');
    expect(chosenGateway('netpay').id).toBe('robokassa');
    expect(chosenGateway('sandbox').id).toBe('robokassa');
  });

  it('alone: a single choice, so the page shows none', () => {
    restore = overrideEnv({ DEMO: '1', MONETA_ACCOUNT_ID: '54600817', MONETA_INTEGRITY_CODE: 'QWERTY' });
    expect(gatewayChoices()).toEqual([{ value: 'moneta', label: 'МОНЕТА (НКО «МОНЕТА»)' }]);
  });
});
