import { describe, expect, it } from 'vitest';
import {
  decimalToKopecksRounded,
  kopecksToDecimal,
  kopecksToOutSum,
  outSumToKopecks,
} from '@/lib/payments/gateway/money';
import {
  buildReceipt,
  decodeReceipt,
  encodeReceipt,
  formUrlEncode,
  receiptItem,
  receiptJson,
  receiptProblem,
  vatTax,
} from '@/lib/payments/gateway/receipt';
import type { FiscalReceipt } from '@/lib/payments/gateway/types';

describe('kopecksToOutSum', () => {
  it('writes rubles with two decimals from integer kopecks', () => {
    expect(kopecksToOutSum(12345)).toBe('123.45');
    expect(kopecksToOutSum(512)).toBe('5.12');
    expect(kopecksToOutSum(100)).toBe('1.00');
    expect(kopecksToOutSum(99)).toBe('0.99');
    expect(kopecksToOutSum(5)).toBe('0.05');
    expect(kopecksToOutSum(0)).toBe('0.00');
    expect(kopecksToOutSum(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });
  it('refuses what is not a non-negative integer of kopecks', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => kopecksToOutSum(bad)).toThrow(RangeError);
    }
  });
  it('pads to six decimals the way notifications write amounts', () => {
    expect(kopecksToDecimal(12345, 6)).toBe('123.450000');
    expect(kopecksToDecimal(0, 6)).toBe('0.000000');
  });
});

describe('outSumToKopecks', () => {
  it.each([
    ['123.45', 12345],
    ['10.000000', 1000],
    ['10', 1000],
    ['10.5', 1050],
    ['0.01', 1],
    ['0.10000', 10],
    ['0', 0],
    ['007.50', 750],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%s → %d', (input, expected) => {
    expect(outSumToKopecks(input)).toBe(expected);
  });

  it.each([
    'abc',
    '',
    ' 10',
    '10 ',
    '1,5',
    '.5',
    '5.',
    '1e3',
    '1E3',
    '-1',
    '+1',
    '-0.01',
    '0x10',
    'NaN',
    'Infinity',
    '0.001',
    '1.999',
    '10.000001',
    '1.2.3',
    '١٢',
    '90071992547409.92',
    '99999999999999999999',
    '1'.repeat(100),
  ])('%j → null', (input) => {
    expect(outSumToKopecks(input)).toBeNull();
  });

  it('takes nothing that is not a string', () => {
    expect(outSumToKopecks(null)).toBeNull();
    expect(outSumToKopecks(undefined)).toBeNull();
  });

  it('round-trips every amount it writes, with two or six decimals', () => {
    for (let k = 0; k < 20_000; k += 7) {
      expect(outSumToKopecks(kopecksToOutSum(k))).toBe(k);
      expect(outSumToKopecks(kopecksToDecimal(k, 6))).toBe(k);
    }
    // amounts where float arithmetic goes wrong (0.29 * 100 = 28.999999999999996)
    expect(outSumToKopecks('0.29')).toBe(29);
    expect(outSumToKopecks('1.15')).toBe(115);
    expect(outSumToKopecks('4.35')).toBe(435);
  });
});

describe('decimalToKopecksRounded (fees)', () => {
  it('rounds half up to the kopeck', () => {
    expect(decimalToKopecksRounded('0.350000')).toBe(35);
    expect(decimalToKopecksRounded('1.234567')).toBe(123);
    expect(decimalToKopecksRounded('1.235')).toBe(124);
    expect(decimalToKopecksRounded('0.005')).toBe(1);
    expect(decimalToKopecksRounded('0.004999')).toBe(0);
    expect(decimalToKopecksRounded('2')).toBe(200);
  });
  it('refuses junk', () => {
    expect(decimalToKopecksRounded('-1')).toBeNull();
    expect(decimalToKopecksRounded('x')).toBeNull();
    expect(decimalToKopecksRounded(undefined)).toBeNull();
  });
});

describe('54-ФЗ receipt', () => {
  const name = 'Электроэнергия (л/с 1234567), июнь 2026';
  const receipt = buildReceipt([receiptItem({ name, amountKopecks: 123450, tax: 'vat22' })], 'osn');

  it('builds lines from kopecks with rubles as two-decimal numbers', () => {
    expect(receipt).toEqual({
      sno: 'osn',
      items: [
        { name, quantity: 1, sum: 1234.5, payment_method: 'full_payment', payment_object: 'service', tax: 'vat22' },
      ],
    });
    expect(receiptItem({ name: 'x', amountKopecks: 1, tax: 'none' }).sum).toBe(0.01);
    expect(receiptItem({ name: 'x', amountKopecks: 10, tax: 'none' }).sum).toBe(0.1);
    expect(JSON.stringify(receiptItem({ name: 'x', amountKopecks: 12345678, tax: 'none' }).sum)).toBe('123456.78');
    expect(JSON.stringify(receiptItem({ name: 'x', amountKopecks: 29, tax: 'none' }).sum)).toBe('0.29');
  });

  it('cuts a name to 128 characters and cleans whitespace', () => {
    const item = receiptItem({ name: '  Очень\n длинное  ' + 'я'.repeat(300), amountKopecks: 100, tax: 'none' });
    expect(Array.from(item.name)).toHaveLength(128);
    expect(item.name.startsWith('Очень длинное я')).toBe(true);
    expect(() => receiptItem({ name: '   ', amountKopecks: 100, tax: 'none' })).toThrow();
  });

  it('checks lines against the payment amount and the codes against the lists', () => {
    expect(receiptProblem(receipt, 123450)).toBeNull();
    expect(receiptProblem(receipt, 123451)).toMatch(/≠/);
    const two = buildReceipt([
      receiptItem({ name: 'Электроэнергия', amountKopecks: 100000, tax: 'vat22' }),
      receiptItem({ name: 'Пени', amountKopecks: 2345, tax: 'none', paymentObject: 'payment' }),
    ]);
    expect(receiptProblem(two, 102345)).toBeNull();
    const bad = (over: Record<string, unknown>) =>
      ({ items: [{ ...receipt.items[0]!, ...over }] }) as unknown as FiscalReceipt;
    expect(receiptProblem(bad({ tax: 'vat18' }), 123450)).toMatch(/НДС/);
    expect(receiptProblem(bad({ payment_method: 'cash' }), 123450)).toMatch(/способ расчёта/);
    expect(receiptProblem(bad({ payment_object: 'gold' }), 123450)).toMatch(/предмет расчёта/);
    expect(receiptProblem(bad({ name: 'я'.repeat(129) }), 123450)).toMatch(/128/);
    expect(receiptProblem(bad({ quantity: 0 }), 123450)).toMatch(/количество/);
    expect(receiptProblem(bad({ sum: 1234.501 }), 123450)).toMatch(/двух знаков/);
    expect(receiptProblem({ items: [] }, 0)).toMatch(/нет позиций/);
  });

  it('URL-encodes the JSON as PHP urlencode does (independently computed with Python quote_plus)', () => {
    expect(receiptJson(receipt)).toBe(
      '{"sno":"osn","items":[{"name":"Электроэнергия (л/с 1234567), июнь 2026","quantity":1,"sum":1234.5,"payment_method":"full_payment","payment_object":"service","tax":"vat22"}]}',
    );
    expect(encodeReceipt(receipt)).toBe(
      '%7B%22sno%22%3A%22osn%22%2C%22items%22%3A%5B%7B%22name%22%3A%22%D0%AD%D0%BB%D0%B5%D0%BA%D1%82%D1%80%D0%BE%D1%8D%D0%BD%D0%B5%D1%80%D0%B3%D0%B8%D1%8F+%28%D0%BB%2F%D1%81+1234567%29%2C+%D0%B8%D1%8E%D0%BD%D1%8C+2026%22%2C%22quantity%22%3A1%2C%22sum%22%3A1234.5%2C%22payment_method%22%3A%22full_payment%22%2C%22payment_object%22%3A%22service%22%2C%22tax%22%3A%22vat22%22%7D%5D%7D',
    );
    expect(formUrlEncode("a b!'()*~-_.")).toBe('a+b%21%27%28%29%2A%7E-_.');
    expect(decodeReceipt(encodeReceipt(receipt))).toEqual(receipt);
    expect(decodeReceipt('%E0%A4%A')).toBeNull();
    expect(decodeReceipt('not-json')).toBeNull();
  });
});

describe('vatTax (тег 1199)', () => {
  it('is the rate for a payment after the service and the calculated rate for an advance', () => {
    expect(vatTax(22, 'full_payment')).toBe('vat22');
    expect(vatTax(22, 'advance')).toBe('vat122');
    expect(vatTax(20, 'full_payment')).toBe('vat20');
    expect(vatTax(20, 'advance')).toBe('vat120');
    expect(vatTax(5, 'advance')).toBe('vat105');
    expect(vatTax(10, 'prepayment')).toBe('vat110');
    expect(vatTax(0, 'advance')).toBe('vat0');
  });

  it('refuses a rate the receipt cannot carry', () => {
    expect(vatTax(18, 'full_payment')).toBeNull();
  });
});
