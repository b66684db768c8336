// The meters a staff period view is about and, per meter, whether the period has a reading or was
// estimated: shared by the on-screen list and the CSV so the two always count the same meters.
import 'server-only';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, consumptionVolumes, meters, readings } from '@/db/schema';
import type { EstimateMethod } from './labels';
import { shiftPeriod } from './window';

export type PeriodReadingState = 'submitted' | 'missing' | 'estimated';

/**
 * The meters a period is about: active (or removed during or after the period) meters of active
 * household accounts, installed by the period's end and connected before it — a meter whose initial
 * reading is for this period or later did not count yet.
 */
export function inScope(period: string): SQL {
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
export function periodSets(period: string) {
  const submitted = db()
    .selectDistinct({ meterId: sql<string>`${readings.meterId}`.as('submitted_meter_id') })
    .from(readings)
    .where(and(eq(readings.period, period), eq(readings.status, 'accepted'), sql`${readings.source} <> 'initial'`))
    .as('submitted');
  const estimated = db()
    .select({
      meterId: sql<string>`${consumptionVolumes.meterId}`.as('estimated_meter_id'),
      method: sql<EstimateMethod>`max(${consumptionVolumes.method}::text)`.as('estimate_method'),
    })
    .from(consumptionVolumes)
    .where(and(eq(consumptionVolumes.period, period), inArray(consumptionVolumes.method, ['average', 'norm'])))
    .groupBy(consumptionVolumes.meterId)
    .as('estimated');
  const state = sql<PeriodReadingState>`case when ${submitted.meterId} is not null then 'submitted' when ${estimated.method} is not null then 'estimated' else 'missing' end`;
  return { submitted, estimated, state };
}
