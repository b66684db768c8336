import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, meters, readings, tariffs } from '@/db/schema';
import { ratesInForce } from '@/lib/tariffs/pricing';
import { type TariffZone, zonesForPlan } from '@/lib/tariffs/zones';
import { lastReadingsBefore } from './baselines';
import { compareZones } from './consumption';

export interface RegisterState {
  zone: TariffZone;
  /** The latest accepted reading before the period being submitted. */
  previous: { value: number; period: string } | null;
  /** What is already accepted for the period being submitted (a resubmission replaces it). */
  submitted: { value: number; source: string; submittedAt: Date } | null;
  /** The register's tariff in force on the period's 1st (one rate per volume range), for the cost preview. */
  rates: { id: string; rangeFromKwh: number; rangeToKwh: number | null; priceKopecks: number }[];
}

export interface MeterForReadings {
  id: string;
  accountId: string;
  accountNumber: string;
  serialNumber: string;
  model: string | null;
  zonePlan: number;
  registers: RegisterState[];
}

/**
 * Active meters of the given accounts with, per register, the previous accepted reading and
 * what is already submitted for `period`. Three queries whatever the number of meters.
 */
export async function metersForReadings(accountIds: string[], period: string): Promise<MeterForReadings[]> {
  if (accountIds.length === 0) return [];
  const meterRows = await db()
    .select({
      id: meters.id,
      accountId: meters.accountId,
      accountNumber: accounts.number,
      serialNumber: meters.serialNumber,
      model: meters.model,
      zonePlan: meters.zonePlan,
      tariffCategory: accounts.tariffCategory,
    })
    .from(meters)
    .innerJoin(accounts, eq(accounts.id, meters.accountId))
    .where(and(inArray(meters.accountId, accountIds), eq(meters.status, 'active')))
    .orderBy(asc(accounts.number), asc(meters.installedAt));
  if (meterRows.length === 0) return [];
  const ids = meterRows.map((m) => m.id);

  const previousRows = await lastReadingsBefore(db(), ids, period);

  const currentRows = await db()
    .select({
      meterId: readings.meterId,
      zone: readings.zone,
      value: readings.value,
      source: readings.source,
      submittedAt: readings.submittedAt,
    })
    .from(readings)
    .where(and(inArray(readings.meterId, ids), eq(readings.status, 'accepted'), eq(readings.period, period)));

  const tariffRows = await db()
    .select()
    .from(tariffs)
    .where(and(lte(tariffs.effectiveFrom, period), or(isNull(tariffs.effectiveTo), gte(tariffs.effectiveTo, period))));

  return meterRows.map(({ tariffCategory, ...m }) => ({
    ...m,
    registers: [...zonesForPlan(m.zonePlan)].sort(compareZones).map((zone) => {
      const previous = previousRows.find((r) => r.meterId === m.id && r.zone === zone);
      const current = currentRows.find((r) => r.meterId === m.id && r.zone === zone);
      return {
        zone,
        previous: previous ? { value: previous.value, period: previous.period } : null,
        submitted: current ? { value: current.value, source: current.source, submittedAt: current.submittedAt } : null,
        rates: ratesInForce(tariffRows, { category: tariffCategory, zonePlan: m.zonePlan, zone, day: period }).map(
          (t) => ({ id: t.id, rangeFromKwh: t.rangeFromKwh, rangeToKwh: t.rangeToKwh, priceKopecks: t.priceKopecks }),
        ),
      };
    }),
  }));
}

/** The account a meter belongs to, for the ownership check of a form that names a meter. */
export async function meterAccountId(meterId: string): Promise<string | null> {
  const [row] = await db().select({ accountId: meters.accountId }).from(meters).where(eq(meters.id, meterId));
  return row?.accountId ?? null;
}
