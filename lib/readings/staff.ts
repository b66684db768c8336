// The staff view of one billing period's readings: which meters of household
// accounts have a reading (and whose), which have none, which were billed by an estimate; a
// reading entered by staff; the period as CSV. Set-based: a fixed number of queries per page,
// counted and paginated in SQL, however many meters there are.
import 'server-only';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, consumptionVolumes, meters, readings, users } from '@/db/schema';
import { formatAccountAddress } from '@/lib/accounts/list';
import { type ActionResult, fail } from '@/lib/actions/result';
import { formatDateTime, formatPeriod } from '@/lib/format/dates';
import { type TariffZone, type ZonePlan, zoneShortLabels, zonesForPlan } from '@/lib/tariffs/zones';
import { audit } from '@/lib/security/audit';
import { compareZones } from './consumption';
import { type CsvValue, toCsv } from './csv';
import { readingWindowOf } from './settings';
import { type ReadingAccepted, submitReadings } from './submit';
import { isPeriod, readingWindowStatus, shiftPeriod } from './window';

export type PeriodReadingState = 'submitted' | 'missing' | 'estimated';
export type ReadingSourceName = 'subscriber' | 'staff' | 'initial' | 'import';

const STAFF_PAGE_SIZE = 50;

export const sourceLabels: Record<ReadingSourceName, string> = {
  subscriber: 'абонент',
  staff: 'сотрудник',
  initial: 'начальные',
  import: 'импорт',
};

export const estimateLabels: Record<'average' | 'norm', string> = { average: 'по среднему', norm: 'по нормативу' };

export interface OverviewRow {
  meterId: string;
  accountId: string;
  accountNumber: string;
  holderName: string;
  address: string;
  serialNumber: string;
  model: string | null;
  zonePlan: ZonePlan;
  zones: readonly TariffZone[];
  state: PeriodReadingState;
  /** The accepted reading of the period (all registers are submitted together). */
  submitted: {
    source: ReadingSourceName;
    submittedAt: Date;
    submittedBy: string | null;
    values: { zone: TariffZone; value: number }[];
  } | null;
  /** How the period was billed without a reading; null unless `state` is `estimated`. */
  estimate: { method: 'average' | 'norm'; kwh: number } | null;
  /** The latest accepted reading before the period, per register (for the entry form's hints). */
  previous: Partial<Record<TariffZone, { value: number; period: string }>>;
}

export interface OverviewCounts {
  total: number;
  submitted: number;
  missing: number;
  estimated: number;
}

export interface ReadingsOverview {
  period: string;
  counts: OverviewCounts;
  rows: OverviewRow[];
  page: number;
  pageCount: number;
  pageSize: number;
  /** Rows matching the status filter (and search), for «показаны 51–100 из N». */
  matching: number;
}

export interface OverviewQuery {
  period: string;
  state?: PeriodReadingState;
  /** Account number (prefix) or meter serial (part of it). */
  search?: string;
  page?: number;
  pageSize?: number;
}

/**
 * The meters a period is about: active (or removed during or after the period) meters of active
 * household accounts, installed by the period's end and connected before it — a meter whose initial
 * reading is for this period or later did not count yet.
 */
function inScope(period: string): SQL {
  const next = shiftPeriod(period, 1);
  return and(
    eq(accounts.kind, 'household'),
    eq(accounts.status, 'active'),
    sql`(${meters.status} = 'active' or (${meters.status} = 'removed' and ${meters.removedAt} >= ${period}))`,
    sql`${meters.installedAt} < ${next}`,
    sql`not exists (select 1 from ${readings} i where i.meter_id = ${meters.id} and i.source = 'initial' and i.status = 'accepted' and i.period >= ${period})`,
  )!;
}

/**
 * Meters with an accepted reading of the period, and the estimate method of the period per meter
 * ('norm' wins over 'average' if zones differ): each read once for the whole period and hash-joined,
 * rather than probed per meter, so the cost grows linearly and stays clear of the JIT threshold.
 */
function periodSets(period: string) {
  const submitted = db()
    .selectDistinct({ meterId: sql<string>`${readings.meterId}`.as('submitted_meter_id') })
    .from(readings)
    .where(and(eq(readings.period, period), eq(readings.status, 'accepted'), sql`${readings.source} <> 'initial'`))
    .as('submitted');
  const estimated = db()
    .select({
      meterId: sql<string>`${consumptionVolumes.meterId}`.as('estimated_meter_id'),
      method: sql<'average' | 'norm'>`max(${consumptionVolumes.method}::text)`.as('estimate_method'),
    })
    .from(consumptionVolumes)
    .where(and(eq(consumptionVolumes.period, period), inArray(consumptionVolumes.method, ['average', 'norm'])))
    .groupBy(consumptionVolumes.meterId)
    .as('estimated');
  const state = sql<PeriodReadingState>`case when ${submitted.meterId} is not null then 'submitted' when ${estimated.method} is not null then 'estimated' else 'missing' end`;
  return { submitted, estimated, state };
}

function searchCondition(search: string | undefined): SQL | undefined {
  const q = search?.replace(/[\s\u00a0]/g, '').toUpperCase();
  if (!q) return undefined;
  const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`(${accounts.number} like ${`${like}%`} or ${meters.serialNumber} like ${`%${like}%`})`;
}

function overviewCte(period: string, search: string | undefined) {
  const { submitted, estimated, state } = periodSets(period);
  return db()
    .$with('overview')
    .as(
      db()
        .select({
          meterId: sql<string>`${meters.id}`.as('meter_id'),
          accountNumber: sql<string>`${accounts.number}`.as('account_number'),
          serialNumber: sql<string>`${meters.serialNumber}`.as('serial_number'),
          state: state.as('state'),
        })
        .from(meters)
        .innerJoin(accounts, eq(accounts.id, meters.accountId))
        .leftJoin(submitted, eq(submitted.meterId, meters.id))
        .leftJoin(estimated, eq(estimated.meterId, meters.id))
        .where(and(inScope(period), searchCondition(search))),
    );
}

/** One period's page of the staff list: counts over everything (in SQL), then one page of rows. */
export async function readingsOverview(query: OverviewQuery): Promise<ReadingsOverview> {
  const { period, state, search } = query;
  if (!isPeriod(period)) throw new RangeError(`Not a billing period (YYYY-MM-01): ${period}`);
  const pageSize = query.pageSize ?? STAFF_PAGE_SIZE;

  const overview = overviewCte(period, search);
  // One pass over the meters in scope, grouped by state.
  const grouped = await db()
    .with(overview)
    .select({ state: overview.state, n: sql<number>`count(*)::int` })
    .from(overview)
    .groupBy(overview.state);
  const counts: OverviewCounts = { total: 0, submitted: 0, missing: 0, estimated: 0 };
  for (const g of grouped) {
    counts[g.state] = g.n;
    counts.total += g.n;
  }
  const matching = state ? counts[state] : counts.total;
  const pageCount = Math.max(1, Math.ceil(matching / pageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pageCount);

  const pageRows = await db()
    .with(overview)
    .select({ meterId: overview.meterId, state: overview.state })
    .from(overview)
    .where(state ? eq(overview.state, state) : undefined)
    .orderBy(asc(overview.accountNumber), asc(overview.serialNumber), asc(overview.meterId))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const ids = pageRows.map((r) => r.meterId);
  if (ids.length === 0) return { period, counts, rows: [], page, pageCount, pageSize, matching };

  const [meterRows, currentRows, previousRows, estimateRows] = await Promise.all([
    db()
      .select({
        meterId: meters.id,
        serialNumber: meters.serialNumber,
        model: meters.model,
        zonePlan: meters.zonePlan,
        account: accounts,
      })
      .from(meters)
      .innerJoin(accounts, eq(accounts.id, meters.accountId))
      .where(inArray(meters.id, ids)),
    db()
      .select({
        meterId: readings.meterId,
        zone: readings.zone,
        value: readings.value,
        source: readings.source,
        submittedAt: readings.submittedAt,
        submittedBy: users.fullName,
      })
      .from(readings)
      .leftJoin(users, eq(users.id, readings.submittedBy))
      .where(
        and(
          inArray(readings.meterId, ids),
          eq(readings.period, period),
          eq(readings.status, 'accepted'),
          sql`${readings.source} <> 'initial'`,
        ),
      ),
    db()
      .selectDistinctOn([readings.meterId, readings.zone], {
        meterId: readings.meterId,
        zone: readings.zone,
        value: readings.value,
        period: readings.period,
      })
      .from(readings)
      .where(and(inArray(readings.meterId, ids), eq(readings.status, 'accepted'), sql`${readings.period} < ${period}`))
      .orderBy(readings.meterId, readings.zone, desc(readings.period)),
    db()
      .select({ meterId: consumptionVolumes.meterId, method: consumptionVolumes.method, kwh: consumptionVolumes.kwh })
      .from(consumptionVolumes)
      .where(
        and(
          inArray(consumptionVolumes.meterId, ids),
          eq(consumptionVolumes.period, period),
          inArray(consumptionVolumes.method, ['average', 'norm']),
        ),
      ),
  ]);

  const meterById = new Map(meterRows.map((m) => [m.meterId, m]));
  const rows = pageRows.map((p): OverviewRow => {
    const m = meterById.get(p.meterId)!;
    const current = currentRows.filter((r) => r.meterId === p.meterId).sort((a, b) => compareZones(a.zone, b.zone));
    const latest = current.reduce<(typeof current)[number] | null>(
      (acc, r) => (!acc || r.submittedAt > acc.submittedAt ? r : acc),
      null,
    );
    const estimates = estimateRows.filter((e) => e.meterId === p.meterId);
    const previous: OverviewRow['previous'] = {};
    for (const r of previousRows) if (r.meterId === p.meterId) previous[r.zone] = { value: r.value, period: r.period };
    return {
      meterId: m.meterId,
      accountId: m.account.id,
      accountNumber: m.account.number,
      holderName: m.account.holderName,
      address: formatAccountAddress(m.account),
      serialNumber: m.serialNumber,
      model: m.model,
      zonePlan: m.zonePlan as ZonePlan,
      zones: zonesForPlan(m.zonePlan),
      state: p.state,
      submitted: latest
        ? {
            source: latest.source,
            submittedAt: latest.submittedAt,
            submittedBy: latest.submittedBy,
            values: current.map((r) => ({ zone: r.zone, value: r.value })),
          }
        : null,
      estimate:
        p.state === 'estimated' && estimates.length > 0
          ? {
              method: estimates.some((e) => e.method === 'norm') ? 'norm' : 'average',
              kwh: estimates.reduce((sum, e) => sum + e.kwh, 0),
            }
          : null,
      previous,
    };
  });
  return { period, counts, rows, page, pageCount, pageSize, matching };
}

/** The period staff look at by default: the one readings are being taken for now. */
export async function currentStaffPeriod(now = new Date()): Promise<string> {
  return readingWindowStatus(now, await readingWindowOf(db())).period;
}

/** Periods offered in the period picker: the current window period and the `months` before it. */
export function recentPeriods(current: string, months = 12): string[] {
  return Array.from({ length: months + 1 }, (_, i) => shiftPeriod(current, -i));
}

export interface StaffReadingEntry {
  meterId: string;
  period: string;
  /** Raw text per register, as typed. */
  values: Partial<Record<TariffZone, string | undefined>>;
  confirmImplausible: boolean;
}

/**
 * A reading entered by staff (e.g. dictated by phone), recorded with source `staff`. Goes through
 * `submitReadings`, the one write path of readings (whole numbers, not below the previous reading,
 * the implausibility confirmation, one accepted reading per period). Staff choose the period, so
 * this first refuses what that path does not check: a future period, and a period before readings
 * already accepted later (or before the meter was connected) — the register would go backwards.
 */
export async function enterStaffReading(
  staff: { id: string },
  entry: StaffReadingEntry,
  now = new Date(),
): Promise<ActionResult<ReadingAccepted & { message: string }>> {
  if (!isPeriod(entry.period)) return fail('Период не найден — обновите страницу');
  const current = readingWindowStatus(now, await readingWindowOf(db())).period;
  if (entry.period > current)
    return fail(
      `Показания за ${formatPeriod(entry.period)} ещё не принимаются: сейчас идёт приём за ${formatPeriod(current)}`,
    );

  const [later] = await db()
    .select({ period: readings.period, source: readings.source })
    .from(readings)
    .where(
      and(
        eq(readings.meterId, entry.meterId),
        eq(readings.status, 'accepted'),
        sql`(${readings.period} > ${entry.period} or (${readings.period} = ${entry.period} and ${readings.source} = 'initial'))`,
      ),
    )
    .orderBy(desc(readings.period))
    .limit(1);
  if (later?.source === 'initial') {
    return fail(
      `Счётчик подключён с начальными показаниями за ${formatPeriod(later.period)}: показания за ${formatPeriod(entry.period)} к нему не относятся`,
    );
  }
  if (later) {
    return fail(
      `За ${formatPeriod(later.period)} уже приняты показания этого счётчика. Показание за более ранний ${formatPeriod(entry.period)} внести нельзя: расход следующих месяцев уже посчитан от них.`,
    );
  }
  const result = await submitReadings({
    meterId: entry.meterId,
    values: entry.values,
    confirmImplausible: entry.confirmImplausible,
    source: 'staff',
    userId: staff.id,
    now,
    period: entry.period,
  });
  if (result.ok) {
    await audit({
      action: 'reading.entered_by_staff',
      actorUserId: staff.id,
      subjectType: 'meter',
      subjectId: entry.meterId,
      details: { period: entry.period, values: entry.values, confirmImplausible: entry.confirmImplausible },
    });
  }
  return result;
}

const CSV_HEADER = [
  'Лицевой счёт',
  'Абонент',
  'Адрес',
  'Счётчик',
  'Зона',
  'Период',
  'Показание',
  'Источник',
  'Принято',
] as const;

/** «25.11.2026 14:05» in Moscow: the form Russian Excel reads as a date and time. */
function csvDateTime(value: Date): string {
  return formatDateTime(value).replace(',', '');
}

/**
 * The period as CSV rows: one line per register of every meter in scope — the accepted reading with
 * its source and time, or, without one, «нет показаний» / «по среднему» / «по нормативу» in the
 * source column. One query; the file is built in memory (about 120 bytes a line: 100 000 meters with
 * 1.3 registers on average make ~16 MB), which is fine for a utility of this size.
 */
export async function readingsCsv(period: string): Promise<{ filename: string; csv: string; lines: number }> {
  if (!isPeriod(period)) throw new RangeError(`Not a billing period (YYYY-MM-01): ${period}`);
  const { estimated } = periodSets(period);
  const rows = await db()
    .select({
      meterId: meters.id,
      serialNumber: meters.serialNumber,
      zonePlan: meters.zonePlan,
      account: {
        number: accounts.number,
        holderName: accounts.holderName,
        settlement: accounts.settlement,
        street: accounts.street,
        house: accounts.house,
        flat: accounts.flat,
      },
      zone: readings.zone,
      value: readings.value,
      source: readings.source,
      submittedAt: readings.submittedAt,
      estimate: estimated.method,
    })
    .from(meters)
    .innerJoin(accounts, eq(accounts.id, meters.accountId))
    .leftJoin(
      readings,
      and(
        eq(readings.meterId, meters.id),
        eq(readings.period, period),
        eq(readings.status, 'accepted'),
        sql`${readings.source} <> 'initial'`,
      ),
    )
    .leftJoin(estimated, eq(estimated.meterId, meters.id))
    .where(inScope(period))
    .orderBy(asc(accounts.number), asc(meters.serialNumber), asc(meters.id));

  const periodLabel = formatPeriod(period);
  const lines: CsvValue[][] = [];
  for (let i = 0; i < rows.length;) {
    const first = rows[i]!;
    let j = i;
    while (j < rows.length && rows[j]!.meterId === first.meterId) j++;
    const ofMeter = rows.slice(i, j);
    i = j;
    const address = formatAccountAddress(first.account);
    for (const zone of [...zonesForPlan(first.zonePlan)].sort(compareZones)) {
      const r = ofMeter.find((x) => x.zone === zone);
      const base = [
        first.account.number,
        first.account.holderName,
        address,
        first.serialNumber,
        zoneShortLabels[zone],
        periodLabel,
      ];
      if (r && r.value !== null && r.source && r.submittedAt) {
        lines.push([...base, r.value, sourceLabels[r.source], csvDateTime(r.submittedAt)]);
      } else {
        lines.push([...base, null, first.estimate ? estimateLabels[first.estimate] : 'нет показаний', null]);
      }
    }
  }
  return { filename: `readings-${period.slice(0, 7)}.csv`, csv: toCsv(CSV_HEADER, lines), lines: lines.length };
}
