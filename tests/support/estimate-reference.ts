// An independent, readable statement of the estimate rules (ПП РФ № 354, п. 59–61) for tests only: the
// billing run's SQL is the one engine (lib/billing/run-sql.ts); tests hold it to this and to figures
// computed by hand.
import { compareZones, type InitialReading, type Zone } from '@/lib/readings/consumption';
import {
  AVERAGE_MONTHS,
  MAX_AVERAGE_PERIODS,
  MIN_AVERAGE_MONTHS,
  type BilledVolume,
  type ZoneVolume,
} from '@/lib/readings/estimates';
import { assertPeriod, shiftPeriod } from '@/lib/readings/window';

export type { BilledVolume, VolumeMethod } from '@/lib/readings/estimates';

export type EstimateInput = {
  /** The billing period without an accepted reading. */
  period: string;
  /** The registers of the meter being billed, in display order (`zonesForPlan`). */
  zones: readonly Zone[];
  /**
   * Volumes already billed for this meter, any order; rows of `period` and later are ignored. After a
   * meter replacement the caller merges the replaced meters' volumes in: the average is the
   * household's consumption, not the new device's (п. 59 speaks of the consumer's average), so a
   * replacement neither resets the 6-month history nor pushes the account onto the norm. Rows for
   * the same period and zone are added up — the replacement month has volumes from both meters.
   */
  history: readonly BilledVolume[];
  residents: number;
  normKwhPerResident: number;
};

export type Estimate = {
  method: 'average' | 'norm';
  volumes: ZoneVolume[];
  /** For the cabinet and the bill: why this month was estimated and how. */
  reason: string;
  /** 1 for the first period in a row without a reading, 4 when the norm takes over. */
  consecutive: number;
  /** The months with readings the average was taken over, newest first; empty under the norm. */
  averagedPeriods: string[];
};

type PeriodVolumes = { real: boolean; zones: Map<Zone, number> };

function assertWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a whole non-negative number, got ${value}`);
}

function assertZones(zones: readonly Zone[]): void {
  if (zones.length === 0) throw new RangeError('A meter has at least one zone');
  if (new Set(zones).size !== zones.length) throw new RangeError(`Repeated zone in ${zones.join(', ')}`);
}

/** numerator / denominator rounded half up, in integers so x.5 is never a float accident. */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * Splits a whole total across zones by integer weights so the parts add up to the total exactly
 * (largest remainder; ties go to the earlier zone). With no weights it all goes to the first zone.
 */
function splitByWeights(total: number, zones: readonly Zone[], weights: ReadonlyMap<Zone, number>): ZoneVolume[] {
  const sum = zones.reduce((acc, zone) => acc + (weights.get(zone) ?? 0), 0);
  if (sum === 0) return zones.map((zone, i) => ({ zone, kwh: i === 0 ? total : 0 }));
  const parts = zones.map((zone, index) => {
    const exact = total * (weights.get(zone) ?? 0);
    return { zone, index, kwh: Math.floor(exact / sum), remainder: exact % sum };
  });
  let left = total - parts.reduce((acc, p) => acc + p.kwh, 0);
  for (const part of [...parts].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left === 0) break;
    part.kwh += 1;
    left -= 1;
  }
  return parts.map(({ zone, kwh }) => ({ zone, kwh }));
}

function hasExactly(volumes: PeriodVolumes, zones: readonly Zone[]): boolean {
  return volumes.zones.size === zones.length && zones.every((zone) => volumes.zones.has(zone));
}

/**
 * The volume of a period without an accepted reading (ПП РФ № 354, п. 59–60):
 *
 * - п. 59 «б»: for up to 3 periods in a row, the average monthly consumption of the last 6 months
 *   billed by reading; when there are fewer than 6 but at least 3, of those (п. 59: «not less than
 *   3 months» of the meter's actual operation). Estimated months never feed a later average.
 * - п. 60: from the 4th period in a row — and whenever there are fewer than 3 months of readings
 *   (a new account or a new meter without merged history: no lawful average exists) — the norm ×
 *   residents. `residents` is whoever the norm applies to; п. 56(2) cases are the caller's choice.
 *
 * The run length counts the periods right before `period` billed by average or norm; a month with a
 * reading or with nothing billed at all ends it. `recalculation` rows correct other months and are
 * ignored here.
 *
 * Zones: the average is per zone when every averaged month has exactly the meter's zones. The norm
 * is one figure for the household, and after a replacement by a meter with another zone plan the old
 * months have other registers; then the total is split across the meter's zones in proportion to
 * their share in the averaged months that have them, or all into the first zone when there are none.
 * The split keeps the total exact (a norm of 200 kWh bills 200 kWh). The billing issue may replace
 * this with zone shares from the tariff decree.
 *
 * Volumes are whole kWh, rounded half up, never negative.
 */
export function estimatePeriod(input: EstimateInput): Estimate {
  const { period, zones, residents, normKwhPerResident } = input;
  assertPeriod(period);
  assertZones(zones);
  assertWhole(residents, 'Residents');
  assertWhole(normKwhPerResident, 'Norm per resident');

  const byPeriod = new Map<string, PeriodVolumes>();
  for (const row of input.history) {
    assertPeriod(row.period);
    if (row.method === 'recalculation' || row.period >= period) continue;
    assertWhole(row.kwh, `Volume of ${row.zone} for ${row.period}`);
    const entry = byPeriod.get(row.period) ?? { real: true, zones: new Map<Zone, number>() };
    entry.real &&= row.method === 'reading';
    entry.zones.set(row.zone, (entry.zones.get(row.zone) ?? 0) + row.kwh);
    byPeriod.set(row.period, entry);
  }

  let consecutive = 1;
  while (byPeriod.get(shiftPeriod(period, -consecutive))?.real === false) consecutive += 1;

  const realPeriods = [...byPeriod.entries()]
    .filter(([, v]) => v.real)
    .sort(([a], [b]) => b.localeCompare(a))
    .slice(0, AVERAGE_MONTHS);

  const shares = new Map<Zone, number>();
  for (const [, v] of realPeriods) {
    if (!hasExactly(v, zones)) continue;
    for (const zone of zones) shares.set(zone, (shares.get(zone) ?? 0) + (v.zones.get(zone) ?? 0));
  }

  const ordinal = consecutive === 1 ? '' : ` ${consecutive}-й месяц подряд`;
  const months = realPeriods.length;

  if (months >= MIN_AVERAGE_MONTHS && consecutive <= MAX_AVERAGE_PERIODS) {
    const volumes = realPeriods.every(([, v]) => hasExactly(v, zones))
      ? zones.map((zone) => ({ zone, kwh: roundHalfUp(shares.get(zone) ?? 0, months) }))
      : splitByWeights(
          roundHalfUp(
            realPeriods.reduce((acc, [, v]) => acc + [...v.zones.values()].reduce((a, kwh) => a + kwh, 0), 0),
            months,
          ),
          zones,
          shares,
        );
    return {
      method: 'average',
      volumes,
      reason: `нет показаний${ordinal}: по среднему за ${months} мес.`,
      consecutive,
      averagedPeriods: realPeriods.map(([p]) => p),
    };
  }

  const norm = `по нормативу ${residents} чел. × ${normKwhPerResident} кВт·ч`;
  let reason: string;
  if (consecutive > MAX_AVERAGE_PERIODS) reason = `нет показаний${ordinal}: ${norm}`;
  else if (months === 0) reason = `нет показаний, а прежних показаний нет: ${norm}`;
  else
    reason = `нет показаний, а прежние есть только за ${months} мес. (для среднего нужно не меньше ${MIN_AVERAGE_MONTHS}): ${norm}`;
  return {
    method: 'norm',
    // A norm has no zone split: one volume at the one-rate tariff, whatever the meter's zones.
    volumes: [{ zone: 'all_day', kwh: residents * normKwhPerResident }],
    reason,
    consecutive,
    averagedPeriods: [],
  };
}

export type EstimatedVolume = { period: string; zone: Zone; kwh: number };

export type RecalculationInput = {
  /** The volumes billed by average or norm for the consecutive periods without a reading. */
  estimated: readonly EstimatedVolume[];
  /** The register before the gap: the last accepted reading of each zone. */
  lastRealReading: readonly InitialReading[];
  /** The register the subscriber has now submitted, same meter and zones. */
  newReading: readonly InitialReading[];
};

export type Recalculation = {
  zone: Zone;
  /** What the meter counted from the last real reading to the new one. */
  realKwh: number;
  /** What the estimated periods billed for this zone. */
  estimatedKwh: number;
  /** realKwh − estimatedKwh; negative when the estimate overcharged (money back). */
  correctionKwh: number;
};

/**
 * The recalculation once a real reading ends a run of estimated periods (ПП РФ № 354, п. 61; п. 59 «б»
 * bills the average only «until the period in which the consumer submitted readings»).
 *
 * The register difference covers the estimated periods AND the period of the new reading, and no
 * meter can say how it divides between them. So `correctionKwh` is the whole volume the bill of the
 * reading's period charges for this zone (as a recalculation line): that month's use plus the
 * correction of the estimates. Billing that period's `new − last` on top would count it twice.
 *
 * One meter: a replacement inside the gap needs the old meter's final reading and is the caller's
 * job. Throws RangeError when the registers go down, the zones differ, or the estimated periods are
 * not one consecutive run.
 */
export function recalculateAfterReading(input: RecalculationInput): Recalculation[] {
  const before = new Map<Zone, number>();
  for (const r of input.lastRealReading) {
    assertWhole(r.value, `Last reading of ${r.zone}`);
    if (before.has(r.zone)) throw new RangeError(`Two last readings for zone ${r.zone}`);
    before.set(r.zone, r.value);
  }
  const after = new Map<Zone, number>();
  for (const r of input.newReading) {
    assertWhole(r.value, `New reading of ${r.zone}`);
    if (after.has(r.zone)) throw new RangeError(`Two new readings for zone ${r.zone}`);
    if (!before.has(r.zone)) throw new RangeError(`No last reading for zone ${r.zone}`);
    after.set(r.zone, r.value);
  }
  if (after.size === 0 || after.size !== before.size)
    throw new RangeError('The last and the new reading must cover the same zones');

  const estimatedByZone = new Map<Zone, number>();
  const seen = new Set<string>();
  for (const row of input.estimated) {
    assertPeriod(row.period);
    assertWhole(row.kwh, `Estimated volume of ${row.zone} for ${row.period}`);
    if (!after.has(row.zone))
      throw new RangeError(`Estimated volume for zone ${row.zone}, which the meter does not have`);
    const key = `${row.period}/${row.zone}`;
    if (seen.has(key)) throw new RangeError(`Two estimated volumes for ${row.period}, zone ${row.zone}`);
    seen.add(key);
    estimatedByZone.set(row.zone, (estimatedByZone.get(row.zone) ?? 0) + row.kwh);
  }
  const periods = [...new Set(input.estimated.map((r) => r.period))].sort();
  periods.forEach((p, i) => {
    if (i > 0 && shiftPeriod(periods[i - 1]!, 1) !== p)
      throw new RangeError(`Estimated periods are not consecutive: ${periods.join(', ')}`);
  });

  return [...after.entries()]
    .sort(([a], [b]) => compareZones(a, b))
    .map(([zone, value]) => {
      const last = before.get(zone) ?? 0;
      if (value < last) throw new RangeError(`New reading of ${zone} (${value}) is below the last one (${last})`);
      const realKwh = value - last;
      const estimatedKwh = estimatedByZone.get(zone) ?? 0;
      return { zone, realKwh, estimatedKwh, correctionKwh: realKwh - estimatedKwh };
    });
}

/**
 * п. 61 as billing-rules.md decides it: what the meter counted over a run of estimated months (and the
 * month of the reading) is spread over the estimated months in proportion to each month's estimate,
 * whole kWh by largest remainder (ties to the earlier month); with no estimate at all, the first
 * month takes it all. Each month is then corrected at its own tariff: share − estimate.
 */
export function spreadOverMonths(
  totalKwh: number,
  months: readonly { period: string; weight: number }[],
): { period: string; kwh: number }[] {
  const sorted = [...months].sort((a, b) => a.period.localeCompare(b.period));
  const sum = sorted.reduce((acc, m) => acc + m.weight, 0);
  if (sum === 0) return sorted.map((m, i) => ({ period: m.period, kwh: i === 0 ? totalKwh : 0 }));
  const parts = sorted.map((m, index) => ({
    period: m.period,
    index,
    kwh: Math.floor((totalKwh * m.weight) / sum),
    remainder: (totalKwh * m.weight) % sum,
  }));
  let left = totalKwh - parts.reduce((acc, p) => acc + p.kwh, 0);
  for (const part of [...parts].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left === 0) break;
    part.kwh += 1;
    left -= 1;
  }
  return parts.map(({ period, kwh }) => ({ period, kwh }));
}

/**
 * The recalculation lines `spreadOverMonths` implies for one meter (single-range tariffs): per month
 * and zone, the meter's share at that month's zone price minus what the month billed — a norm on a
 * multi-zone meter was billed on the one-rate line (zone `all_day`), taken back at that price.
 */
export function expectedRecalculationLines(input: {
  estimated: readonly { period: string; zone: Zone; kwh: number }[];
  realByZone: ReadonlyMap<Zone, number>;
  priceOf: (period: string, zone: Zone) => number;
}): { zone: Zone; forPeriod: string; kwh: number; priceKopecks: number }[] {
  const months = [...new Set(input.estimated.map((v) => v.period))].sort();
  const weights = months.map((period) => ({
    period,
    weight: input.estimated.filter((v) => v.period === period).reduce((sum, v) => sum + v.kwh, 0),
  }));
  const net = new Map<string, number>();
  const add = (period: string, zone: Zone, kwh: number) =>
    net.set(`${period}|${zone}`, (net.get(`${period}|${zone}`) ?? 0) + kwh);
  for (const [zone, real] of input.realByZone)
    for (const share of spreadOverMonths(real, weights)) add(share.period, zone, share.kwh);
  for (const v of input.estimated) add(v.period, v.zone, -v.kwh);
  return [...net]
    .filter(([, kwh]) => kwh !== 0)
    .map(([key, kwh]) => {
      const [forPeriod, zone] = key.split('|') as [string, Zone];
      return { zone, forPeriod, kwh, priceKopecks: input.priceOf(forPeriod, zone) };
    })
    .sort((a, b) => `${a.forPeriod}|${a.zone}`.localeCompare(`${b.forPeriod}|${b.zone}`));
}
