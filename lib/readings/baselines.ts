// What a new reading of a register is checked against: the latest accepted reading before the
// period and the average monthly consumption the plausibility check compares with. Read for any
// number of meters in two queries, so one meter's form and a company's 5 000-row file apply the
// very same rule (lib/readings/consumption.ts `validateNewReading`) to the very same figures.
import 'server-only';
import { and, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { consumptionVolumes, readings } from '@/db/schema';
import type { TariffZone } from '@/lib/tariffs/zones';
import { type NewReadingCheck, validateNewReading } from './consumption';
import { periodsBetween } from './window';

/** How many real months the implausibility check averages over (ПП 354 п. 59 uses 6). */
const AVERAGE_MONTHS = 6;

export interface RegisterBaseline {
  last: { value: number; period: string } | null;
  averageMonthly: number | null;
}

export const registerKey = (meterId: string, zone: TariffZone) => `${meterId}:${zone}`;

/** The latest accepted reading before `period` of every register of `meterIds` (one row per register). */
export function lastReadingsBefore(executor: Db | Tx, meterIds: string[], period: string) {
  return executor
    .selectDistinctOn([readings.meterId, readings.zone], {
      meterId: readings.meterId,
      zone: readings.zone,
      value: readings.value,
      period: readings.period,
    })
    .from(readings)
    .where(and(inArray(readings.meterId, meterIds), eq(readings.status, 'accepted'), lt(readings.period, period)))
    .orderBy(readings.meterId, readings.zone, desc(readings.period));
}

/** Per `registerKey`, for every register of `meterIds` that has a history before `period`. */
export async function registerBaselines(
  executor: Db | Tx,
  meterIds: readonly string[],
  period: string,
): Promise<Map<string, RegisterBaseline>> {
  const result = new Map<string, RegisterBaseline>();
  if (meterIds.length === 0) return result;
  const ids = [...meterIds];
  const lastRows = await lastReadingsBefore(executor, ids, period);

  const ranked = executor
    .select({
      meterId: consumptionVolumes.meterId,
      zone: consumptionVolumes.zone,
      kwh: consumptionVolumes.kwh,
      rank: sql<number>`row_number() over (partition by ${consumptionVolumes.meterId}, ${consumptionVolumes.zone} order by ${consumptionVolumes.period} desc)`.as(
        'rank',
      ),
    })
    .from(consumptionVolumes)
    .where(
      and(
        inArray(consumptionVolumes.meterId, ids),
        eq(consumptionVolumes.method, 'reading'),
        lt(consumptionVolumes.period, period),
      ),
    )
    .as('ranked');
  const volumeRows = await executor
    .select({ meterId: ranked.meterId, zone: ranked.zone, kwh: ranked.kwh })
    .from(ranked)
    .where(lte(ranked.rank, AVERAGE_MONTHS));

  for (const r of lastRows) {
    result.set(registerKey(r.meterId, r.zone), { last: { value: r.value, period: r.period }, averageMonthly: null });
  }
  const sums = new Map<string, { sum: number; n: number }>();
  for (const v of volumeRows) {
    const key = registerKey(v.meterId, v.zone);
    const s = sums.get(key) ?? { sum: 0, n: 0 };
    s.sum += v.kwh;
    s.n += 1;
    sums.set(key, s);
  }
  for (const [key, s] of sums) {
    const entry = result.get(key) ?? { last: null, averageMonthly: null };
    entry.averageMonthly = s.sum / s.n;
    result.set(key, entry);
  }
  return result;
}

/** The single-entry check of one register's raw text against its baseline, for `period`. */
export function checkRegister(raw: string, baseline: RegisterBaseline | undefined, period: string): NewReadingCheck {
  const last = baseline?.last ?? null;
  return validateNewReading({
    value: raw,
    lastAccepted: last?.value ?? null,
    averageMonthly: baseline?.averageMonthly ?? null,
    months: last ? Math.max(1, periodsBetween(last.period, period)) : 1,
  });
}
