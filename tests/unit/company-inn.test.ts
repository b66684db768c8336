import { describe, expect, it } from 'vitest';
import { isValidInn, isValidKpp } from '@/lib/company/inn';

describe('ИНН by its check digits', () => {
  it('accepts real organisations’ and persons’ numbers', () => {
    // ПАО Сбербанк, the demo company, the demo utility's style of number; a 12-digit ИП number.
    for (const inn of ['7707083893', '5017045672', '500100732259']) expect(isValidInn(inn)).toBe(true);
  });

  it('refuses a changed digit, a wrong length and non-digits', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('500100732269')).toBe(false);
    expect(isValidInn('770708389')).toBe(false);
    expect(isValidInn('77070838931')).toBe(false);
    expect(isValidInn('77070838 3')).toBe(false);
  });
});

describe('КПП by its form', () => {
  it('takes 4 digits, 2 digits or capital letters, 3 digits', () => {
    expect(isValidKpp('773601001')).toBe(true);
    expect(isValidKpp('7736AB001')).toBe(true);
    expect(isValidKpp('7736ab001')).toBe(false);
    expect(isValidKpp('77360100')).toBe(false);
  });
});
