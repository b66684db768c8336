// Reading and consumption history of a meter, month by month: what the register
// showed, what was billed and how it was obtained (reading, average, norm, recalculation), what it cost.
// Set-based: four queries for any number of meters and months.
import 'server-only';
import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, billLines, bills, consumptionVolumes, meters, readings } from '@/db/schema';
import { formatAccountAddress } from '@/lib/accounts/list';
import { accessibleAccountIds, canAccessAccount, type SessionUser } from '@/lib/auth/session';
import { periodOf } from '@/lib/format/dates';
import { type TariffZone, zonesForPlan } from '@/lib/tariffs/zones';
import { compareZones } from './consumption';
import type { VolumeMethod } from './estimates';
import { shiftPeriod } from './window';
import { isUuid } from '@/lib/validation/ids';

import type { ReadingSource } from '@/db/enums';
export type { ReadingSource };

export interface HistoryRow {
  /** Billing period `YYYY-MM-01`. */
  period: string;
  zone: TariffZone;
  /** The accepted register value of this period; null when the month had no reading (estimated). */
  reading: number | null;
  readingSource: ReadingSource | null;
  /**
   * The billed volume of the period (`consumption_volumes`). For a period not billed yet (the current
   * one) whose previous month has a reading: the register difference, with `method` null.
   */
  consumptionKwh: number | null;
  /** How the billed volume was obtained; null when the period is not billed (yet). */
  method: VolumeMethod | null;
  /**
   * The sum of this meter's and zone's bill lines that are for this period: lines of the period's own
   * bill, plus recalculation lines of later bills whose `forPeriod` names it. Null when nothing is billed.
   */
  amountKopecks: number | null;
}

export interface PeriodTotal {
  period: string;
  /** Billed kWh over all zones. */
  kwh: number;
  amountKopecks: number;
  /** Some zone of the period was billed by average or norm, not by a reading. */
  estimated: boolean;
}

export interface EstimatedPeriod {
  period: string;
  method: 'average' | 'norm';
  kwh: number;
}

export interface MeterHistory {
  meter: {
    id: string;
    accountId: string;
    serialNumber: string;
    model: string | null;
    zonePlan: number;
    zones: TariffZone[];
  };
  /** Newest first, one per period × zone, zones in register order. */
  rows: HistoryRow[];
  /** One per billed period, oldest first (the chart). */
  totals: PeriodTotal[];
  /** Periods billed without a reading, oldest first. */
  estimatedPeriods: EstimatedPeriod[];
}

export interface AccountHistory {
  id: string;
  number: string;
  address: string;
  residents: number;
  normKwhPerResident: number;
  meters: MeterHistory[];
}

export interface HistoryOptions {
  /** Billing periods before the current one to include (the current one is included when it has a reading). */
  months: number;
  now: Date;
}

export const DEFAULT_HISTORY_MONTHS = 24;

type MeterRow = { id: string; accountId: string; serialNumber: string; model: string | null; zonePlan: number };

function windowOf(options: HistoryOptions): { from: string; to: string } {
  const { months, now } = options;
  if (!Number.isInteger(months) || months < 1 || months > 120)
    throw new RangeError(`History months must be 1–120, got ${months}`);
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid date');
  const to = periodOf(now);
  return { from: shiftPeriod(to, -months), to };
}

const key = (meterId: string, period: string, zone: string) => `${meterId}|${period}|${zone}`;

/** The histories of the given meters, in their order: three queries whatever their number. */
async function historiesOf(meterRows: readonly MeterRow[], options: HistoryOptions): Promise<MeterHistory[]> {
  if (meterRows.length === 0) return [];
  const { from, to } = windowOf(options);
  const ids = meterRows.map((m) => m.id);

  const readingRows = await db()
    .select({
      meterId: readings.meterId,
      period: readings.period,
      zone: readings.zone,
      value: readings.value,
      source: readings.source,
    })
    .from(readings)
    .where(
      and(
        inArray(readings.meterId, ids),
        eq(readings.status, 'accepted'),
        gte(readings.period, from),
        lte(readings.period, to),
      ),
    );

  const volumeRows = await db()
    .select({
      meterId: consumptionVolumes.meterId,
      period: consumptionVolumes.period,
      zone: consumptionVolumes.zone,
      kwh: consumptionVolumes.kwh,
      method: consumptionVolumes.method,
    })
    .from(consumptionVolumes)
    .where(
      and(
        inArray(consumptionVolumes.meterId, ids),
        gte(consumptionVolumes.period, from),
        lte(consumptionVolumes.period, to),
      ),
    );

  // A line is for its `forPeriod` (a recalculation names the month it corrects), else for its bill's period.
  const forPeriod = sql<string>`to_char(coalesce(${billLines.forPeriod}, ${bills.period}), 'YYYY-MM-DD')`;
  const amountRows = await db()
    .select({
      meterId: sql<string>`${billLines.meterId}`,
      zone: sql<TariffZone>`${billLines.zone}`,
      period: forPeriod,
      amountKopecks: sql<number>`sum(${billLines.amountKopecks})::bigint`.mapWith(Number),
    })
    .from(billLines)
    .innerJoin(bills, eq(bills.id, billLines.billId))
    .where(
      and(
        inArray(billLines.meterId, ids),
        isNotNull(billLines.zone),
        sql`coalesce(${billLines.forPeriod}, ${bills.period}) between ${from} and ${to}`,
      ),
    )
    .groupBy(billLines.meterId, billLines.zone, forPeriod);

  return meterRows.map((meter) => {
    const rowsByKey = new Map<string, HistoryRow>();
    const rowOf = (period: string, zone: TariffZone): HistoryRow => {
      const k = key(meter.id, period, zone);
      let row = rowsByKey.get(k);
      if (!row) {
        row = {
          period,
          zone,
          reading: null,
          readingSource: null,
          consumptionKwh: null,
          method: null,
          amountKopecks: null,
        };
        rowsByKey.set(k, row);
      }
      return row;
    };
    for (const r of readingRows) {
      if (r.meterId !== meter.id) continue;
      const row = rowOf(r.period, r.zone);
      row.reading = r.value;
      row.readingSource = r.source;
    }
    for (const v of volumeRows) {
      if (v.meterId !== meter.id) continue;
      const row = rowOf(v.period, v.zone);
      row.consumptionKwh = v.kwh;
      row.method = v.method;
    }
    for (const a of amountRows) {
      if (a.meterId !== meter.id) continue;
      rowOf(a.period, a.zone).amountKopecks = a.amountKopecks;
    }
    // Not billed yet (the current period): what the register moved since last month's reading.
    for (const row of rowsByKey.values()) {
      if (row.method !== null || row.amountKopecks !== null || row.reading === null || row.readingSource === 'initial')
        continue;
      const previous = rowsByKey.get(key(meter.id, shiftPeriod(row.period, -1), row.zone));
      if (previous?.reading != null && row.reading >= previous.reading)
        row.consumptionKwh = row.reading - previous.reading;
    }

    const rows = [...rowsByKey.values()].sort(
      (a, b) => b.period.localeCompare(a.period) || compareZones(a.zone, b.zone),
    );

    const byPeriod = new Map<
      string,
      { kwh: number; amountKopecks: number; billed: boolean; average: boolean; norm: boolean }
    >();
    for (const row of rows) {
      if (row.method === null && row.amountKopecks === null) continue;
      const t = byPeriod.get(row.period) ?? { kwh: 0, amountKopecks: 0, billed: false, average: false, norm: false };
      if (row.method !== null) t.kwh += row.consumptionKwh ?? 0;
      t.amountKopecks += row.amountKopecks ?? 0;
      t.average ||= row.method === 'average';
      t.norm ||= row.method === 'norm';
      byPeriod.set(row.period, t);
    }
    const periods = [...byPeriod.keys()].sort();
    const totals = periods.map((period) => {
      const t = byPeriod.get(period)!;
      return { period, kwh: t.kwh, amountKopecks: t.amountKopecks, estimated: t.average || t.norm };
    });
    const estimatedPeriods = periods.flatMap((period): EstimatedPeriod[] => {
      const t = byPeriod.get(period)!;
      return t.average || t.norm ? [{ period, method: t.norm ? 'norm' : 'average', kwh: t.kwh }] : [];
    });

    return {
      meter: { ...meter, zones: [...zonesForPlan(meter.zonePlan)].sort(compareZones) },
      rows,
      totals,
      estimatedPeriods,
    };
  });
}

const meterColumns = {
  id: meters.id,
  accountId: meters.accountId,
  serialNumber: meters.serialNumber,
  model: meters.model,
  zonePlan: meters.zonePlan,
};

/**
 * One meter's history: the `months` billing periods before the one containing `now`, and the current
 * period when it already has a reading. Null for an unknown meter. No access check: the caller's job.
 */
export async function meterHistory(meterId: string, options: HistoryOptions): Promise<MeterHistory | null> {
  if (!isUuid(meterId)) return null;
  const [meter] = await db().select(meterColumns).from(meters).where(eq(meters.id, meterId));
  if (!meter) return null;
  const [history] = await historiesOf([meter], options);
  return history ?? null;
}

/**
 * The history of every active meter of the accounts this user may see, or of one of them. Null when
 * `accountId` is given and the user may not see it (the page answers 404, not «forbidden»: an account
 * id is not confirmed to exist).
 */
export async function historyForUser(
  user: SessionUser,
  accountId?: string,
  options: HistoryOptions = { months: DEFAULT_HISTORY_MONTHS, now: new Date() },
): Promise<AccountHistory[] | null> {
  let ids: string[];
  if (accountId !== undefined) {
    if (!(await canAccessAccount(user, accountId))) return null;
    ids = [accountId];
  } else {
    ids = await accessibleAccountIds(user);
  }
  if (ids.length === 0) return [];

  const accountRows = await db()
    .select({
      id: accounts.id,
      number: accounts.number,
      settlement: accounts.settlement,
      street: accounts.street,
      house: accounts.house,
      flat: accounts.flat,
      residents: accounts.residents,
      normKwhPerResident: accounts.normKwhPerResident,
    })
    .from(accounts)
    .where(inArray(accounts.id, ids))
    .orderBy(asc(accounts.number));
  const meterRows = await db()
    .select(meterColumns)
    .from(meters)
    .where(and(inArray(meters.accountId, ids), eq(meters.status, 'active')))
    .orderBy(asc(meters.installedAt), asc(meters.serialNumber));
  const histories = await historiesOf(meterRows, options);

  return accountRows.map((a) => ({
    id: a.id,
    number: a.number,
    address: formatAccountAddress(a),
    residents: a.residents,
    normKwhPerResident: a.normKwhPerResident,
    meters: histories.filter((h) => h.meter.accountId === a.id),
  }));
}
