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
    }
    period.rates.push(row);
  }
  return [...periods.values()];
}

/** The period in force on `day` (YYYY-MM-DD), or null before the first one. */
export function periodInForce(periods: readonly TariffPeriod[], day: string): TariffPeriod | null {
  return periods.find((p) => p.effectiveFrom <= day && (p.effectiveTo === null || p.effectiveTo >= day)) ?? null;
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
