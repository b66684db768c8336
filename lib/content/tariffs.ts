import 'server-only';
import { asc, desc } from 'drizzle-orm';
import { db } from '@/db/client';
import { tariffs, type Tariff } from '@/db/schema';
import type { TariffCategory, TariffZone, ZonePlan } from '@/lib/tariffs/zones';

export interface TariffPeriod {
  effectiveFrom: string;
  effectiveTo: string | null;
  decree: string | null;
  rates: Tariff[];
}

/** Every tariff, grouped by the period it was in force, newest first. */
export async function listTariffPeriods(): Promise<TariffPeriod[]> {
  const rows = await db()
    .select()
    .from(tariffs)
    .orderBy(desc(tariffs.effectiveFrom), asc(tariffs.category), asc(tariffs.zonePlan), asc(tariffs.rangeFromKwh));
  const periods = new Map<string, TariffPeriod>();
  for (const row of rows) {
    let period = periods.get(row.effectiveFrom);
    if (!period) {
      period = { effectiveFrom: row.effectiveFrom, effectiveTo: row.effectiveTo, decree: row.decree, rates: [] };
      periods.set(row.effectiveFrom, period);
    } else if (period.effectiveTo !== null && (row.effectiveTo === null || row.effectiveTo > period.effectiveTo)) {
      // Sets of one start date may end apart (one category re-priced earlier): the period lasts
      // while any of them is in force.
      period.effectiveTo = row.effectiveTo;
    }
    period.rates.push(row);
  }
  return [...periods.values()];
}

const inForce = (r: Tariff, day: string) => r.effectiveFrom <= day && (r.effectiveTo === null || r.effectiveTo >= day);

/**
 * What is in force on `day` (YYYY-MM-DD), or null before the first tariff: every rate in force that
 * day, whichever set it came with (a category re-priced alone leaves the others' rates standing),
 * named after the latest set among them.
 */
export function periodInForce(periods: readonly TariffPeriod[], day: string): TariffPeriod | null {
  const latest = periods.find((p) => p.rates.some((r) => inForce(r, day)));
  if (!latest) return null;
  const rates = periods.flatMap((p) => p.rates.filter((r) => inForce(r, day)));
  const ends = rates.map((r) => r.effectiveTo).filter((d): d is string => d !== null);
  return {
    effectiveFrom: latest.effectiveFrom,
    effectiveTo: ends.length === rates.length ? ends.sort()[0]! : null,
    decree: latest.decree,
    rates,
  };
}

/** Periods that start after `day`: announced changes. */
export function upcomingPeriods(periods: readonly TariffPeriod[], day: string): TariffPeriod[] {
  return periods.filter((p) => p.effectiveFrom > day).reverse();
}

export interface TariffRow {
  category: TariffCategory;
  zonePlan: ZonePlan;
  zone: TariffZone;
  rangeFromKwh: number;
  rangeToKwh: number | null;
}

const zoneOrder: TariffZone[] = ['all_day', 'day', 'peak', 'half_peak', 'night'];
const categoryOrder: TariffCategory[] = ['urban', 'rural_or_stove'];

/** The distinct category/plan/zone/range rows across periods, in reading order. */
export function tariffRows(periods: readonly TariffPeriod[]): TariffRow[] {
  const rows = new Map<string, TariffRow>();
  for (const period of periods) {
    for (const r of period.rates) {
      const key = rowKey(r);
      if (!rows.has(key)) {
        rows.set(key, {
          category: r.category,
          zonePlan: r.zonePlan as ZonePlan,
          zone: r.zone,
          rangeFromKwh: r.rangeFromKwh,
          rangeToKwh: r.rangeToKwh,
        });
      }
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category) ||
      a.zonePlan - b.zonePlan ||
      zoneOrder.indexOf(a.zone) - zoneOrder.indexOf(b.zone) ||
      a.rangeFromKwh - b.rangeFromKwh,
  );
}

function rowKey(r: { category: string; zonePlan: number; zone: string; rangeFromKwh: number }): string {
  return `${r.category}|${r.zonePlan}|${r.zone}|${r.rangeFromKwh}`;
}

export function priceOf(period: TariffPeriod, row: TariffRow): number | null {
  const key = rowKey(row);
  return period.rates.find((r) => rowKey(r) === key)?.priceKopecks ?? null;
}
