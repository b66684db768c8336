import type { Tx } from '../client';
import { tariffs } from '../schema';
import type { TariffCategory, TariffZone } from '../../lib/tariffs/zones';

// Moscow-region household tariffs (demo), with VAT, by effective dates.
const periods = [
  { from: '2025-01-01', to: '2025-06-30', oneRate: 800, decree: 'Распоряжение Комитета по ценам и тарифам Московской области от 19.12.2024 № 250-Р (демо)' },
  { from: '2025-07-01', to: '2025-12-31', oneRate: 870, decree: 'Распоряжение Комитета по ценам и тарифам Московской области от 20.06.2025 № 110-Р (демо)' },
  { from: '2026-01-01', to: '2026-09-30', oneRate: 890, decree: 'Распоряжение Комитета по ценам и тарифам Московской области от 18.12.2025 № 265-Р (демо)' },
  { from: '2026-10-01', to: null, oneRate: 979, decree: 'Распоряжение Комитета по ценам и тарифам Московской области от 19.09.2026 № 190-Р (демо)' },
];

const zoneFactors: { plan: number; zone: TariffZone; factor: number }[] = [
  { plan: 1, zone: 'all_day', factor: 1 },
  { plan: 2, zone: 'day', factor: 1.15 },
  { plan: 2, zone: 'night', factor: 0.4 },
  { plan: 3, zone: 'peak', factor: 1.25 },
  { plan: 3, zone: 'half_peak', factor: 1 },
  { plan: 3, zone: 'night', factor: 0.4 },
];

const categoryFactors: { category: TariffCategory; factor: number }[] = [
  { category: 'urban', factor: 1 },
  { category: 'rural_or_stove', factor: 0.7 },
];

export async function seedTariffs(tx: Tx) {
  const rows = periods.flatMap((p) =>
    categoryFactors.flatMap((c) =>
      zoneFactors.map((z) => ({
        category: c.category,
        zonePlan: z.plan,
        zone: z.zone,
        priceKopecks: Math.round(p.oneRate * c.factor * z.factor),
        effectiveFrom: p.from,
        effectiveTo: p.to,
        decree: p.decree,
      })),
    ),
  );
  return tx.insert(tariffs).values(rows).returning();
}
