// Pure tariff arithmetic: which tariff is in force, and what a volume costs in kopecks.
import type { TariffCategory, TariffZone } from './zones';

export interface TariffRate {
  id: string;
  category: TariffCategory;
  zonePlan: number;
  zone: TariffZone;
  rangeFromKwh: number;
  rangeToKwh: number | null;
  priceKopecks: number;
  effectiveFrom: string; // YYYY-MM-DD
  effectiveTo: string | null; // inclusive
}

/** The rates (one per volume range, ordered) in force on `day` for a category, plan and zone. */
export function ratesInForce<T extends TariffRate>(
  tariffs: readonly T[],
  query: { category: TariffCategory; zonePlan: number; zone: TariffZone; day: string },
): T[] {
  return tariffs
    .filter(
      (t) =>
        t.category === query.category &&
        t.zonePlan === query.zonePlan &&
        t.zone === query.zone &&
        t.effectiveFrom <= query.day &&
        (t.effectiveTo === null || t.effectiveTo >= query.day),
    )
    .sort((a, b) => a.rangeFromKwh - b.rangeFromKwh);
}

export interface PricedPart {
  tariffId: string;
  kwh: number;
  priceKopecks: number;
  amountKopecks: number;
}

/**
 * Splits a monthly volume across the volume ranges (диапазоны) and prices each part.
 * Whole kWh × whole kopecks per kWh, so every amount is exact; a negative volume (a
 * recalculation that gives money back) is priced from the first range, mirrored.
 */
export function priceVolume(
  kwh: number,
  rates: readonly Pick<TariffRate, 'id' | 'rangeFromKwh' | 'rangeToKwh' | 'priceKopecks'>[],
): PricedPart[] {
  if (!Number.isInteger(kwh)) throw new RangeError('Volume must be whole kWh');
  if (rates.length === 0) throw new Error('No tariff in force');
  if (kwh === 0) return [];
  const sign = Math.sign(kwh);
  let remaining = Math.abs(kwh);
  const parts: PricedPart[] = [];
  for (const rate of rates) {
    if (remaining === 0) break;
    const capacity = rate.rangeToKwh === null ? Infinity : rate.rangeToKwh - rate.rangeFromKwh;
    const used = Math.min(remaining, capacity);
    remaining -= used;
    parts.push({
      tariffId: rate.id,
      kwh: sign * used,
      priceKopecks: rate.priceKopecks,
      amountKopecks: sign * used * rate.priceKopecks,
    });
  }
  if (remaining > 0) throw new Error('Tariff ranges do not cover the volume');
  return parts;
}
