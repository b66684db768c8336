// The staff view of one billing period's readings: which meters of household accounts have a
// reading (and whose), which have none, which were billed by an estimate. Set-based: a fixed number
// of queries per page, counted and paginated in SQL, however many meters there are.
import 'server-only';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, consumptionVolumes, meters, readings, users } from '@/db/schema';
import type { ReadingSource } from '@/db/enums';
import { formatAccountAddress } from '@/lib/accounts/list';
import { type TariffZone, type ZonePlan, zonesForPlan } from '@/lib/tariffs/zones';
import { lastReadingsBefore } from './baselines';
import { compareZones } from './consumption';
import type { EstimateMethod } from './labels';
import { inScope, type PeriodReadingState, periodSets } from './period-scope';
import { readingWindowOf } from './settings';
import { readingWindowStatus, shiftPeriod } from './window';
import { isBillingPeriod } from '@/lib/validation/calendar';

const STAFF_PAGE_SIZE = 50;

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
    source: ReadingSource;
    submittedAt: Date;
    submittedBy: string | null;
    values: { zone: TariffZone; value: number }[];
  } | null;
  /** How the period was billed without a reading; null unless `state` is `estimated`. */
  estimate: { method: EstimateMethod; kwh: number } | null;
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
  if (!isBillingPeriod(period)) throw new RangeError(`Not a billing period (YYYY-MM-01): ${period}`);
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
    lastReadingsBefore(db(), ids, period),
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
