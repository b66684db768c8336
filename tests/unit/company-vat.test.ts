import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumSplits, vatInside } from '@/lib/company/vat';

describe('VAT inside an amount, kopeck-exact', () => {
  it('takes 22/122 of the amount, rounded half away from zero', () => {
    // 12 200,00 ₽ with 22 %: exactly 2 200,00 ₽ of tax.
    expect(vatInside(1_220_000, 22)).toEqual({ grossKopecks: 1_220_000, netKopecks: 1_000_000, vatKopecks: 220_000 });
    // 100,00 ₽: 18,0327… → 18,03 ₽.
    expect(vatInside(10_000, 22)).toEqual({ grossKopecks: 10_000, netKopecks: 8_197, vatKopecks: 1_803 });
    // 61 kopecks × 22/122 = 11,0 → 11; 305 × 22/122 = 55,0 exactly; 183 × 22/122 = 33,0.
    expect(vatInside(61, 22).vatKopecks).toBe(11);
    // A half kopeck rounds up: 20 % of 3 kopecks inside = 0,5 → 1.
    expect(vatInside(3, 20).vatKopecks).toBe(1);
    expect(vatInside(-3, 20).vatKopecks).toBe(-1);
    expect(vatInside(10_000, 0)).toEqual({ grossKopecks: 10_000, netKopecks: 10_000, vatKopecks: 0 });
  });

  it('always splits a line into net + tax = gross, and totals add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50_000_000, max: 500_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(0, 10, 20, 22),
        (amounts, rate) => {
          const lines = amounts.map((a) => vatInside(a, rate));
          for (const l of lines) {
            expect(l.netKopecks + l.vatKopecks).toBe(l.grossKopecks);
            // Within half a kopeck of the exact share.
            expect(Math.abs(l.vatKopecks - (l.grossKopecks * rate) / (100 + rate))).toBeLessThanOrEqual(0.5);
          }
          const total = sumSplits(lines);
          expect(total.grossKopecks).toBe(amounts.reduce((s, a) => s + a, 0));
          expect(total.netKopecks + total.vatKopecks).toBe(total.grossKopecks);
        },
      ),
    );
  });

  it('refuses fractions of a kopeck and odd rates', () => {
    expect(() => vatInside(1.5, 22)).toThrow(RangeError);
    expect(() => vatInside(100, 22.5)).toThrow(RangeError);
  });
});
