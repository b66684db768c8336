import { describe, expect, it } from 'vitest';
import { maskedAddress, maskHolderName, maskStreet } from '@/lib/payments/masking';

describe('guest payment masking', () => {
  it('keeps the first and last letter of the surname and the initials', () => {
    expect(maskHolderName('Иванова Мария Петровна')).toBe('И***а М. П.');
    expect(maskHolderName('  Ли  Ан ')).toBe('Л*** А.');
    expect(maskHolderName('Кузнецов')).toBe('К***в');
  });

  it('shows the settlement, the street kind and its first letter, never the house or the flat', () => {
    expect(maskStreet('ул. Ленина')).toBe('ул. Л***');
    expect(maskStreet('Садовая')).toBe('С***');
    const account = { settlement: 'г. Истра', street: 'ул. Ленина', house: '5', flat: '12' };
    expect(maskedAddress(account)).toBe('г. Истра, ул. Л***');
    expect(maskedAddress(account)).not.toMatch(/5|12/);
  });
});
