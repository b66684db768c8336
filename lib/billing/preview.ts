// What the billing run would bill, computed in memory by the pure rules (compute.ts) from the data as
// it stands: for a staff preview of a few accounts before a run, and for the tests that hold the SQL
// of the run to those rules. Five queries whatever the number of accounts; not meant for all 100 000.
import 'server-only';
import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, bills, consumptionVolumes, meters, readings, tariffs } from '@/db/schema';
import { assertPeriod, shiftPeriod } from '@/lib/readings/window';
import { tryComputeAccountBill, type AccountBill, type AccountBillInput, type BillingMeter } from './compute';

export interface BillPreview {
  accountId: string;
  number: string;
  input: AccountBillInput;
  bill: AccountBill;
}

/**
 * The bills of `period` for the given accounts (default: every account the run would bill — active,
 * with an active meter installed by the period's end, not billed for the period yet), by account id.
 */
export async function previewBills(period: string, accountIds?: readonly string[]): Promise<Map<string, BillPreview>> {
  assertPeriod(period);
  const result = new Map<string, BillPreview>();
  if (accountIds?.length === 0) return result;
  const next = shiftPeriod(period, 1);
  const accountRows = await db()
    .select({
      id: accounts.id,
      number: accounts.number,
      tariffCategory: accounts.tariffCategory,
      residents: accounts.residents,
      normKwhPerResident: accounts.normKwhPerResident,
    })
    .from(accounts)
    .where(
      and(
        eq(accounts.status, 'active'),
        accountIds ? inArray(accounts.id, [...accountIds]) : undefined,
        sql`not exists (select 1 from ${bills} where ${bills.accountId} = ${accounts.id} and ${bills.period} = ${period}::date)`,
      ),
    )
    .orderBy(accounts.number);
  if (accountRows.length === 0) return result;
  const ids = accountRows.map((a) => a.id);

  const meterRows = await db()
    .select({
      id: meters.id,
      accountId: meters.accountId,
      serialNumber: meters.serialNumber,
      zonePlan: meters.zonePlan,
      status: meters.status,
      installedAt: meters.installedAt,
      replacesMeterId: meters.replacesMeterId,
    })
    .from(meters)
    .where(inArray(meters.accountId, ids))
    .orderBy(meters.installedAt, meters.serialNumber);
  const meterIds = meterRows.map((m) => m.id);
  const byId = new Map(meterRows.map((m) => [m.id, m]));

  const [readingRows, volumeRows, tariffRows] = await Promise.all([
    meterIds.length === 0
      ? []
      : db()
          .select({ meterId: readings.meterId, period: readings.period, zone: readings.zone, value: readings.value })
          .from(readings)
          .where(and(inArray(readings.meterId, meterIds), eq(readings.status, 'accepted'), lt(readings.period, next))),
    meterIds.length === 0
      ? []
      : db()
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
              inArray(consumptionVolumes.meterId, meterIds),
              lt(consumptionVolumes.period, period),
              ne(consumptionVolumes.method, 'recalculation'),
            ),
          ),
    db().select().from(tariffs),
  ]);
  // Recalculation volumes are left out above: estimatePeriod ignores them and recalculateAfterReading
  // only looks at average and norm volumes.

  const group = <T extends { meterId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.meterId);
      if (list) list.push(row);
      else map.set(row.meterId, [row]);
    }
    return map;
  };
  const readingsOf = group(readingRows);
  const volumesOf = group(volumeRows);
  const metersOf = new Map<string, typeof meterRows>();
  for (const m of meterRows) {
    const list = metersOf.get(m.accountId);
    if (list) list.push(m);
    else metersOf.set(m.accountId, [m]);
  }

  for (const account of accountRows) {
    const billed: BillingMeter[] = (metersOf.get(account.id) ?? [])
      .filter((m) => m.status === 'active' && m.installedAt < next)
      .map((m) => {
        const replaced: string[] = [];
        for (let r = m.replacesMeterId; r && !replaced.includes(r) && byId.has(r); r = byId.get(r)!.replacesMeterId)
          replaced.push(r);
        return { id: m.id, serialNumber: m.serialNumber, zonePlan: m.zonePlan, replaced };
      });
    if (billed.length === 0) continue;
    const own = [...new Set(billed.flatMap((m) => [m.id, ...(m.replaced ?? [])]))];
    const input: AccountBillInput = {
      period,
      account,
      meters: billed,
      readings: own.flatMap((id) => readingsOf.get(id) ?? []),
      volumes: own.flatMap((id) => volumesOf.get(id) ?? []),
      tariffs: tariffRows,
    };
    result.set(account.id, {
      accountId: account.id,
      number: account.number,
      input,
      bill: tryComputeAccountBill(input),
    });
  }
  return result;
}
