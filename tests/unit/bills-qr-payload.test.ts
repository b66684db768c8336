// The ГОСТ Р 56042-2014 payment string and its QR code: field order, kopecks, `|` never inside a
// value, UTF-8 bytes in one byte-mode segment, and a code that a QR reader decodes back to the string.
import jsQR from 'jsqr';
import { create as createQr } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { paymentQr, QR_QUIET_ZONE } from '@/lib/bills/qr-code';
import {
  billPaymentPayload,
  gostPaymentPayload,
  gostPeriod,
  gostSum,
  type Payee,
  parseGostPayload,
  paymentQrSegments,
  sanitizeValue,
  splitFullName,
} from '@/lib/bills/qr-payload';

// The demo utility's details (db/seed/utility.ts).
const payee: Payee = {
  name: 'МУП «Объединение Истринские электросети»',
  settlementAccount: '40702810640000012345',
  bankName: 'ПАО Сбербанк',
  bic: '044525225',
  correspondentAccount: '30101810400000000225',
  inn: '5017012349',
  kpp: '501701001',
};

const petrovBill = {
  payee,
  bill: { receiptNumber: 'R-202610-50010002', period: '2026-10-01', amountKopecks: 512_345 },
  account: { number: '50010002', holderName: 'Петров Алексей Сергеевич' },
  periodLabel: 'октябрь 2026',
};

const PETROV_PAYLOAD =
  'ST00012|Name=МУП «Объединение Истринские электросети»|PersonalAcc=40702810640000012345|BankName=ПАО Сбербанк' +
  '|BIC=044525225|CorrespAcc=30101810400000000225|PayeeINN=5017012349|KPP=501701001|Sum=512345' +
  '|Purpose=Оплата электроэнергии за октябрь 2026, л/с 50010002, квитанция R-202610-50010002' +
  '|PersAcc=50010002|PaymPeriod=102026|QuittId=R-202610-50010002|LastName=Петров|FirstName=Алексей|MiddleName=Сергеевич' +
  '|TechCode=02';

/** Decodes a QR matrix with an independent reader, as a phone would: 4 px per module, white quiet zone. */
function decode(modules: Uint8Array, size: number): Uint8Array | null {
  const scale = 4;
  const side = (size + 2 * QR_QUIET_ZONE) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!modules[row * size + col]) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const px = ((row + QR_QUIET_ZONE) * scale + dy) * side + (col + QR_QUIET_ZONE) * scale + dx;
          rgba[px * 4] = rgba[px * 4 + 1] = rgba[px * 4 + 2] = 0;
        }
      }
    }
  }
  const result = jsQR(rgba, side, side, { inversionAttempts: 'dontInvert' });
  return result ? new Uint8Array(result.binaryData) : null;
}

describe('gostPaymentPayload', () => {
  it("writes Petrov's October bill as the standard's string: header, the 5 required fields in order, then the rest", () => {
    expect(billPaymentPayload(petrovBill)).toBe(PETROV_PAYLOAD);
  });

  it('starts with ST0001 + encoding digit 2 (UTF-8) and reads back field by field', () => {
    const fields = parseGostPayload(PETROV_PAYLOAD);
    expect(PETROV_PAYLOAD.startsWith('ST00012|')).toBe(true);
    expect([...fields.keys()].slice(0, 5)).toEqual(['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc']);
    expect(fields.get('Sum')).toBe('512345');
    expect(fields.get('PaymPeriod')).toBe('102026');
  });

  it('only the required fields when nothing else is given', () => {
    expect(gostPaymentPayload({ ...payee, inn: null, kpp: null })).toBe(
      'ST00012|Name=МУП «Объединение Истринские электросети»|PersonalAcc=40702810640000012345|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225',
    );
  });

  it('never lets `|` (the separator) or a line break into a value', () => {
    const payload = gostPaymentPayload(
      { ...payee, name: 'ООО «Свет | Тепло»', bankName: 'Банк|Один' },
      {
        purpose: 'за октябрь|квитанция\nR-1',
        payerFullName: 'Иванова|Мария  Петровна',
        payerAddress: 'г. Истра,\r\nул. Советская | д. 12',
      },
    );
    const fields = parseGostPayload(payload);
    expect(payload.split('|')).toHaveLength(fields.size + 1);
    expect(fields.get('Name')).toBe('ООО «Свет Тепло»');
    expect(fields.get('BankName')).toBe('Банк Один');
    expect(fields.get('Purpose')).toBe('за октябрь квитанция R-1');
    expect(fields.get('LastName')).toBe('Иванова');
    expect(fields.get('FirstName')).toBe('Мария');
    expect(fields.get('PayerAddress')).toBe('г. Истра, ул. Советская д. 12');
    expect(sanitizeValue('  a |b\t|| c  ')).toBe('a b c');
  });

  it('refuses a payee whose account numbers would send the money astray', () => {
    expect(() => gostPaymentPayload({ ...payee, settlementAccount: '4070281064000001234' })).toThrow(RangeError);
    expect(() => gostPaymentPayload({ ...payee, bic: '04452522A' })).toThrow(RangeError);
    expect(() => gostPaymentPayload({ ...payee, correspondentAccount: '' })).toThrow(RangeError);
    expect(() => gostPaymentPayload({ ...payee, name: ' | ' })).toThrow(/Name is required/);
    expect(() => gostPaymentPayload({ ...payee, bankName: 'Б'.repeat(46) })).toThrow(/longer than 45/);
    expect(() => gostPaymentPayload({ ...payee, inn: '50170123' })).toThrow(RangeError);
    // A bank without a correspondent account writes 0, as the standard says.
    expect(parseGostPayload(gostPaymentPayload({ ...payee, correspondentAccount: '0' })).get('CorrespAcc')).toBe('0');
  });

  it('cuts a long purpose at 210 characters', () => {
    const purpose = parseGostPayload(gostPaymentPayload(payee, { purpose: 'а'.repeat(300) })).get('Purpose')!;
    expect(purpose).toHaveLength(210);
    expect(purpose.endsWith('…')).toBe(true);
  });

  it('a bill that owes nothing carries no Sum; a company pays without a person’s name', () => {
    const credit = parseGostPayload(
      billPaymentPayload({ ...petrovBill, bill: { ...petrovBill.bill, amountKopecks: -1500 } }),
    );
    expect(credit.has('Sum')).toBe(false);
    const company = parseGostPayload(
      billPaymentPayload({
        ...petrovBill,
        account: { number: '70020001', holderName: 'ООО «Истра-Агро»', kind: 'company' },
      }),
    );
    expect(company.has('LastName')).toBe(false);
    expect(company.get('PersAcc')).toBe('70020001');
  });
});

describe('ГИС ЖКХ identifiers in the payload', () => {
  it('the purpose names the ИПД of the bill, else the ИЖКУ, else the ЕЛС; no field of its own (the standard has none)', () => {
    const withIds = (bill: object, account: object) =>
      parseGostPayload(
        billPaymentPayload({
          ...petrovBill,
          bill: { ...petrovBill.bill, ...bill },
          account: { ...petrovBill.account, ...account },
        }),
      );
    const ids = { els: '50АБ010002', izhku: '50АБ010002-01' };
    const full = withIds({ ipd: '50АБ010002-01-0012' }, ids);
    expect(full.get('Purpose')).toBe(
      'Оплата электроэнергии за октябрь 2026, л/с 50010002, квитанция R-202610-50010002, ИПД 50АБ010002-01-0012',
    );
    expect(withIds({ ipd: null }, ids).get('Purpose')).toMatch(/, ИЖКУ 50АБ010002-01$/);
    expect(withIds({}, { els: ids.els }).get('Purpose')).toMatch(/, ЕЛС 50АБ010002$/);
    // The other fields are as before: the account number stays the payer's account (PersAcc).
    expect(full.get('PersAcc')).toBe('50010002');
    expect([...full.keys()]).toEqual([...parseGostPayload(PETROV_PAYLOAD).keys()]);
  });
});

describe('money, periods and names in the payload', () => {
  it('Sum is whole kopecks, digits only', () => {
    expect(gostSum(100)).toBe('100'); // 1,00 ₽
    expect(gostSum(5)).toBe('5'); // 0,05 ₽
    expect(gostSum(123_456)).toBe('123456'); // 1 234,56 ₽
    expect(gostSum(1_000_000_00)).toBe('100000000'); // 1 000 000,00 ₽
    expect(() => gostSum(0)).toThrow(RangeError);
    expect(() => gostSum(-100)).toThrow(RangeError);
    expect(() => gostSum(12.5)).toThrow(RangeError);
    expect(() => gostSum(Number.NaN)).toThrow(RangeError);
    expect(parseGostPayload(gostPaymentPayload(payee, { sumKopecks: 99_90 })).get('Sum')).toBe('9990');
  });

  it('PaymPeriod is MMYYYY', () => {
    expect(gostPeriod('2026-10-01')).toBe('102026');
    expect(gostPeriod('2025-01-01')).toBe('012025');
    expect(() => gostPeriod('2026-10-15')).toThrow(RangeError);
    expect(() => gostPeriod('2026-13-01')).toThrow(RangeError);
  });

  it('splits «Фамилия Имя Отчество»', () => {
    expect(splitFullName('Петров Алексей Сергеевич')).toEqual({
      lastName: 'Петров',
      firstName: 'Алексей',
      middleName: 'Сергеевич',
    });
    expect(splitFullName('Ким Анна')).toEqual({ lastName: 'Ким', firstName: 'Анна', middleName: undefined });
    expect(splitFullName('Алиев Рустам Ильхам оглы')).toMatchObject({ middleName: 'Ильхам оглы' });
  });
});

describe('the QR code', () => {
  it('is one byte-mode segment holding the UTF-8 bytes of the string', () => {
    const [segment] = paymentQrSegments(PETROV_PAYLOAD);
    expect(segment.mode).toBe('byte');
    expect(Buffer.from(segment.data).equals(Buffer.from(PETROV_PAYLOAD, 'utf8'))).toBe(true);
    const qr = createQr(paymentQrSegments(PETROV_PAYLOAD), { errorCorrectionLevel: 'M' });
    expect(qr.segments).toHaveLength(1);
    expect(qr.segments[0]!.mode.id).toBe('Byte');
  });

  it('decodes back to exactly the payment string (an independent reader, as a bank app would)', () => {
    const qr = paymentQr(PETROV_PAYLOAD);
    expect(qr.extent).toBe(qr.size + 2 * QR_QUIET_ZONE);
    expect(qr.size).toBe(17 + 4 * qr.version);
    // Cyrillic is 2 bytes in UTF-8 (this string: 526 bytes, version 18, 89 modules a side); printed
    // 55 mm wide a module is ~0.6 mm, well within what a phone camera reads from paper.
    expect(Buffer.byteLength(PETROV_PAYLOAD)).toBe(526);
    expect(qr.version).toBeLessThanOrEqual(20);
    const bytes = decode(qr.modules, qr.size);
    expect(bytes).not.toBeNull();
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes!)).toBe(PETROV_PAYLOAD);
  });

  it('draws the same modules as its SVG path', () => {
    const qr = paymentQr(PETROV_PAYLOAD);
    const dark = new Uint8Array(qr.size * qr.size);
    for (const [, x, y, w] of qr.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(w); i++)
        dark[(Number(y) - QR_QUIET_ZONE) * qr.size + Number(x) - QR_QUIET_ZONE + i] = 1;
    }
    expect(dark).toEqual(qr.modules);
  });
});
