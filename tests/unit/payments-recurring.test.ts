import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recurringAccepted } from '@/lib/payments/gateway/protocol';
import { buildReceipt, receiptItem } from '@/lib/payments/gateway/receipt';
import { robokassaGateway } from '@/lib/payments/gateway/robokassa';
import {
  parseSandboxRecurringRequest,
  sandboxGateway,
  type SandboxConfig,
} from '@/lib/payments/gateway/sandbox/gateway';

// The charge of a bound card exactly as lib/payments/recurring.ts asks for it: description
// «Оплата электроэнергии по лицевому счёту …», a one-line 54-ФЗ receipt, Shp_purpose. The
// expected values were computed outside this code base:
//   printf '%s' 'energo:1500.00:100245:pass1Secret:Shp_purpose=electricity' | md5sum
//   python3: urllib.parse.quote_plus(json.dumps(receipt, ensure_ascii=False, separators=(',', ':')), safe='')
// and the signature base is also rebuilt by hand below with node:crypto.

const robokassa = robokassaGateway({
  merchantLogin: 'energo',
  password1: 'pass1Secret',
  password2: 'pass2Secret',
  isTest: false,
});
const description = 'Оплата электроэнергии по лицевому счёту 50010003';
const shp = { Shp_purpose: 'electricity' };
const receipt = buildReceipt([receiptItem({ name: description, amountKopecks: 150000, tax: 'none' })]);
const RECEIPT_ENCODED =
  '%7B%22items%22%3A%5B%7B%22name%22%3A%22%D0%9E%D0%BF%D0%BB%D0%B0%D1%82%D0%B0+%D1%8D%D0%BB%D0%B5%D0%BA%D1%82%D1%80%D0%BE%D1%8D%D0%BD%D0%B5%D1%80%D0%B3%D0%B8%D0%B8+%D0%BF%D0%BE+%D0%BB%D0%B8%D1%86%D0%B5%D0%B2%D0%BE%D0%BC%D1%83+%D1%81%D1%87%D1%91%D1%82%D1%83+50010003%22%2C%22quantity%22%3A1%2C%22sum%22%3A1500%2C%22payment_method%22%3A%22full_payment%22%2C%22payment_object%22%3A%22service%22%2C%22tax%22%3A%22none%22%7D%5D%7D';

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

describe('Robokassa Merchant/Recurring call for a bound card', () => {
  it('without a receipt: the documented fields, signed MerchantLogin:OutSum:InvoiceID:Password1:Shp_…', () => {
    const call = robokassa.recurringCharge({
      invId: 100245,
      previousInvId: 100101,
      amountKopecks: 150000,
      description,
      shp,
    });
    expect(call.url).toBe('https://auth.robokassa.ru/Merchant/Recurring');
    expect(call.fields).toEqual({
      MerchantLogin: 'energo',
      InvoiceID: '100245',
      PreviousInvoiceID: '100101',
      OutSum: '1500.00',
      Description: description,
      SignatureValue: 'bde2bd8aa342eefabb26ec601a3277dd',
      Shp_purpose: 'electricity',
    });
    expect(call.fields.SignatureValue).toBe(md5('energo:1500.00:100245:pass1Secret:Shp_purpose=electricity'));
  });

  it('with the receipt the charge sends: Receipt URL-encoded once and signed after InvoiceID', () => {
    const call = robokassa.recurringCharge({
      invId: 100245,
      previousInvId: 100101,
      amountKopecks: 150000,
      description,
      receipt,
      shp,
    });
    expect(call.fields.Receipt).toBe(RECEIPT_ENCODED);
    expect(call.fields.SignatureValue).toBe('22cf2c0616aa7152f2d8831069e36cc8');
    expect(call.fields.SignatureValue).toBe(
      md5(`energo:1500.00:100245:${RECEIPT_ENCODED}:pass1Secret:Shp_purpose=electricity`),
    );
    // PreviousInvoiceID is not part of the signature (the gateway ties it to the shop itself).
    expect(
      robokassa.recurringCharge({ invId: 100245, previousInvId: 7, amountKopecks: 150000, description, receipt, shp })
        .fields.SignatureValue,
    ).toBe('22cf2c0616aa7152f2d8831069e36cc8');
  });

  it('the answer OK<InvoiceID> means accepted; anything else is a refusal', () => {
    expect(recurringAccepted('OK100245')).toBe(true);
    expect(recurringAccepted('ERROR: PreviousInvoiceID is not a paid recurring payment')).toBe(false);
  });
});

describe('the sandbox reads the same call as Robokassa would', () => {
  const config: SandboxConfig = {
    merchantLogin: 'energokabinet-sandbox',
    password1: 'unit-one',
    password2: 'unit-two',
    hash: 'md5',
  };
  const sandbox = sandboxGateway({ origin: 'http://127.0.0.1:3000', config });

  it('posts to its own /sandbox/recurring and accepts its signed fields', () => {
    const call = sandbox.recurringCharge({
      invId: 100245,
      previousInvId: 100101,
      amountKopecks: 150000,
      description,
      receipt,
      shp,
    });
    expect(call.url).toBe('http://127.0.0.1:3000/sandbox/recurring');
    expect(call.fields.SignatureValue).toBe(
      md5(`energokabinet-sandbox:1500.00:100245:${RECEIPT_ENCODED}:unit-one:Shp_purpose=electricity`),
    );
    expect(parseSandboxRecurringRequest(new URLSearchParams(call.fields), config)).toEqual({
      ok: true,
      invId: 100245,
      previousInvId: 100101,
      amountKopecks: 150000,
      description,
      receipt,
      shp,
    });
  });

  it('refuses another amount, another password and the parent number reused as the new one', () => {
    const call = sandbox.recurringCharge({
      invId: 100245,
      previousInvId: 100101,
      amountKopecks: 150000,
      description,
      shp,
    });
    expect(parseSandboxRecurringRequest({ ...call.fields, OutSum: '1.00' }, config)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(parseSandboxRecurringRequest(call.fields, { ...config, password1: 'guessed' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(parseSandboxRecurringRequest({ ...call.fields, PreviousInvoiceID: '100245' }, config)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
