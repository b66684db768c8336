// Household tariffs of the demo (Moscow region, with VAT), by effective dates; integer kopecks per kWh.
import type { Tx } from '../client';
import { tariffs } from '../schema';
import type { TariffCategory, TariffZone } from '../../lib/tariffs/zones';

// Rates derive from the urban one-rate price: zones and categories by the usual coefficients.
const periods = [
  {
    from: '2025-01-01',
    to: '2025-06-30',
    oneRate: 800,
    decree: 'Распоряжение Комитета по ценам и тарифам Московской области от 19.12.2024 № 250-Р (демо)',
  },
  {
    from: '2025-07-01',
    to: '2025-12-31',
    oneRate: 870,
    decree: 'Распоряжение Комитета по ценам и тарифам Московской области от 20.06.2025 № 110-Р (демо)',
  },
  {
    from: '2026-01-01',
    to: '2026-09-30',
    oneRate: 890,
    decree: 'Распоряжение Комитета по ценам и тарифам Московской области от 18.12.2025 № 265-Р (демо)',
  },
  {
    from: '2026-10-01',
    to: null,
    oneRate: 979,
    decree: 'Распоряжение Комитета по ценам и тарифам Московской области от 19.09.2026 № 190-Р (демо)',
  },
];

const zoneFactors: { plan: number; zone: TariffZone; percent: number }[] = [
  { plan: 1, zone: 'all_day', percent: 100 },
  { plan: 2, zone: 'day', percent: 115 },
  { plan: 2, zone: 'night', percent: 40 },
  { plan: 3, zone: 'peak', percent: 125 },
  { plan: 3, zone: 'half_peak', percent: 100 },
  { plan: 3, zone: 'night', percent: 40 },
];

const categoryFactors: { category: TariffCategory; percent: number }[] = [
  { category: 'urban', percent: 100 },
  { category: 'rural_or_stove', percent: 70 },
];

export async function seedTariffs(tx: Tx) {
  const rows = periods.flatMap((p) =>
    categoryFactors.flatMap((c) =>
      zoneFactors.map((z) => ({
        category: c.category,
        zonePlan: z.plan,
        zone: z.zone,
        // One volume range: the whole month at one price.
        rangeFromKwh: 0,
        rangeToKwh: null,
        // Integer arithmetic, so half-kopecks round up reliably (890 × 115 % = 1 023,5 → 1 024).
        priceKopecks: Math.round((p.oneRate * c.percent * z.percent) / 10_000),
        effectiveFrom: p.from,
        effectiveTo: p.to,
        decree: p.decree,
      })),
    ),
  );
  return tx.insert(tariffs).values(rows).returning();
}
