import { describe, expect, it } from 'vitest';
import { escapeHtml, renderPaymentRefunded } from '@/lib/email/templates';
import { refundSchema } from '@/lib/payments/refund-schema';

// The payer's refund letter and the staff refund form's rules.

const evil = '<script>alert("x")</script>';
const policyLink = 'https://energo.example/documents/poryadok-vozvrata';

describe('refund letter', () => {
  const letter = renderPaymentRefunded({
    utilityName: 'МУП',
    fullName: evil,
    accountNumber: '50010003',
    amount: '10,00 ₽',
    paymentAmount: '1 234,56 ₽',
    invId: 100042,
    paidOn: '18.11.2026',
    when: '25.11.2026, 14:05',
    policyLink,
  });

  it('names itself, says how much of which payment goes back where, and links the refund policy', () => {
    expect(letter.template).toBe('payment_refunded');
    expect(letter.subject).toBe('Возврат 10,00 ₽ по платежу № 100042');
    expect(letter.text).toContain(
      'возврат 10,00 ₽ по платежу № 100042 от 18.11.2026 на 1 234,56 ₽ (лицевой счёт 50010003)',
    );
    expect(letter.text).toContain('на ту же карту');
    expect(letter.text).toContain(policyLink);
    expect(letter.html).toContain(`href="${escapeHtml(policyLink)}"`);
  });

  it('escapes what it interpolates in the HTML and keeps it in the text', () => {
    expect(letter.html).not.toContain('<script');
    expect(letter.html).toContain('&lt;script&gt;');
    expect(letter.text).toContain(evil);
  });
});

describe('refund form', () => {
  const id = '0b7c5f0e-7d1a-4c3e-9a55-0d8f1b2c3d4e';
  const parse = (amount: string, reason = 'Ошибочный платёж') =>
    refundSchema.safeParse({ paymentId: id, amount, reason });
  const message = (r: ReturnType<typeof parse>) => (r.success ? null : r.error.issues[0]?.message);

  it('takes rubles as people type them, in whole kopecks', () => {
    expect(parse('1 234,56').data?.amount).toBe(1234_56);
    expect(parse('10.5').data?.amount).toBe(10_50);
    expect(parse('0,01').data?.amount).toBe(1);
    expect(parse('800 ₽').data?.amount).toBe(800_00);
  });

  it('refuses fractions of a kopeck, zero, junk and a missing reason, in Russian', () => {
    expect(message(parse('1,234'))).toMatch(/не больше двух знаков после запятой/);
    expect(message(parse('0'))).toBe('Сумма возврата должна быть больше нуля');
    expect(message(parse('-5'))).toMatch(/^Сумма — в рублях/);
    expect(message(parse(''))).toBe('Укажите сумму возврата');
    expect(message(parse('10', '  '))).toMatch(/^Опишите причину возврата/);
  });
});
