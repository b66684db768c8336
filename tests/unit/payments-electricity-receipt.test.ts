import { describe, expect, it } from 'vitest';
import { electricityReceipt } from '@/lib/payments/electricity-receipt';
import { prepaymentReceipt } from '@/lib/payments/prepayment-receipt';
import { receiptProblem } from '@/lib/payments/gateway/receipt';

describe('the receipt of an electricity payment', () => {
  it('has a line per account; what pays the debt is a full payment, the rest an advance at the calculated rate', () => {
    const receipt = electricityReceipt(
      [
        { accountNumber: '50010001', amountKopecks: 1_500_00, dueKopecks: 1_200_00 },
        { accountNumber: '50010002', amountKopecks: 320_45, dueKopecks: 320_45 },
        { accountNumber: '50010003', amountKopecks: 100_00, dueKopecks: -50_00 },
      ],
      22,
    );
    expect(receipt.items.map((i) => [i.name, i.sum, i.payment_method, i.payment_object, i.tax])).toEqual([
      ['Электроэнергия, лицевой счёт 50010001', 1200, 'full_payment', 'service', 'vat22'],
      ['Аванс за электроэнергию, лицевой счёт 50010001', 300, 'advance', 'service', 'vat122'],
      ['Электроэнергия, лицевой счёт 50010002', 320.45, 'full_payment', 'service', 'vat22'],
      ['Аванс за электроэнергию, лицевой счёт 50010003', 100, 'advance', 'service', 'vat122'],
    ]);
    expect(receiptProblem(receipt, 1_500_00 + 320_45 + 100_00)).toBeNull();
  });

  it('refuses a VAT rate the receipt cannot carry', () => {
    expect(() => electricityReceipt([{ accountNumber: '1', amountKopecks: 100, dueKopecks: 100 }], 18)).toThrow(
      /COMPANY_VAT_RATE_PERCENT/,
    );
  });
});

describe('the receipt of a paid service or connection fee', () => {
  it('is a full prepayment of a service with VAT at the calculated rate', () => {
    expect(prepaymentReceipt('Замена счётчика, заявка № 12', 3_500_00, 22)).toEqual({
      items: [
        {
          name: 'Замена счётчика, заявка № 12',
          quantity: 1,
          sum: 3500,
          payment_method: 'full_prepayment',
          payment_object: 'service',
          tax: 'vat122',
        },
      ],
    });
    expect(prepaymentReceipt('Техприсоединение', 550_00, 0).items[0]!.tax).toBe('vat0');
    expect(() => prepaymentReceipt('x', 100, 18)).toThrow(/COMPANY_VAT_RATE_PERCENT/);
  });
});
