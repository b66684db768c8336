import { describe, expect, it } from 'vitest';
import { priceVolume, ratesInForce, type TariffRate } from '@/lib/tariffs/pricing';
import { zonesForPlan } from '@/lib/tariffs/zones';

const rate = (over: Partial<TariffRate>): TariffRate => ({
  id: 'x',
  category: 'urban',
  zonePlan: 1,
  zone: 'all_day',
  rangeFromKwh: 0,
  rangeToKwh: null,
  priceKopecks: 890,
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-09-30',
  ...over,
});

describe('ratesInForce', () => {
  const tariffs = [
    rate({ id: 'h1', effectiveFrom: '2025-01-01', effectiveTo: '2025-06-30', priceKopecks: 800 }),
    rate({ id: 'h2', effectiveFrom: '2025-07-01', effectiveTo: '2025-12-31', priceKopecks: 870 }),
    rate({ id: 'open', effectiveFrom: '2026-10-01', effectiveTo: null, priceKopecks: 979 }),
    rate({
      id: 'rural',
      category: 'rural_or_stove',
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      priceKopecks: 560,
    }),
    rate({
      id: 'night',
      zonePlan: 2,
      zone: 'night',
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      priceKopecks: 320,
    }),
  ];
  it('picks the tariff whose inclusive dates contain the day, across a mid-year change', () => {
    expect(
      ratesInForce(tariffs, { category: 'urban', zonePlan: 1, zone: 'all_day', day: '2025-06-30' }).map((r) => r.id),
    ).toEqual(['h1']);
    expect(
      ratesInForce(tariffs, { category: 'urban', zonePlan: 1, zone: 'all_day', day: '2025-07-01' }).map((r) => r.id),
    ).toEqual(['h2']);
    expect(
      ratesInForce(tariffs, { category: 'urban', zonePlan: 1, zone: 'all_day', day: '2030-01-01' }).map((r) => r.id),
    ).toEqual(['open']);
  });
  it('separates categories, plans and zones, and finds nothing in a gap', () => {
    expect(
      ratesInForce(tariffs, { category: 'rural_or_stove', zonePlan: 1, zone: 'all_day', day: '2026-02-01' }).map(
        (r) => r.id,
      ),
    ).toEqual(['rural']);
    expect(
      ratesInForce(tariffs, { category: 'urban', zonePlan: 2, zone: 'night', day: '2026-02-01' }).map((r) => r.id),
    ).toEqual(['night']);
    expect(ratesInForce(tariffs, { category: 'urban', zonePlan: 1, zone: 'all_day', day: '2026-02-01' })).toEqual([]);
  });
});

describe('priceVolume', () => {
  const ranges = [
    rate({ id: 'r1', rangeFromKwh: 0, rangeToKwh: 150, priceKopecks: 600 }),
    rate({ id: 'r2', rangeFromKwh: 150, rangeToKwh: null, priceKopecks: 900 }),
  ];
  it('splits a volume across volume ranges', () => {
    expect(priceVolume(200, ranges)).toEqual([
      { tariffId: 'r1', kwh: 150, priceKopecks: 600, amountKopecks: 90_000 },
      { tariffId: 'r2', kwh: 50, priceKopecks: 900, amountKopecks: 45_000 },
    ]);
  });
  it('prices zero as nothing and a negative recalculation as money back', () => {
    expect(priceVolume(0, ranges)).toEqual([]);
    expect(priceVolume(-10, [rate({ priceKopecks: 890 })])).toEqual([
      { tariffId: 'x', kwh: -10, priceKopecks: 890, amountKopecks: -8900 },
    ]);
  });
  it('refuses fractions, a missing tariff and ranges that do not cover the volume', () => {
    expect(() => priceVolume(12.5, ranges)).toThrow(/whole kWh/);
    expect(() => priceVolume(10, [])).toThrow(/No tariff/);
    expect(() => priceVolume(200, [rate({ rangeToKwh: 150 })])).toThrow(/do not cover/);
  });
});

describe('zonesForPlan', () => {
  it('lists the registers of each plan', () => {
    expect(zonesForPlan(1)).toEqual(['all_day']);
    expect(zonesForPlan(2)).toEqual(['day', 'night']);
    expect(zonesForPlan(3)).toEqual(['peak', 'half_peak', 'night']);
    expect(() => zonesForPlan(4)).toThrow();
  });
});
