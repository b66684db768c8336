// A performance smoke test of the billing run and a wide cross-check of the run against its rolled-back preview:
// 2 000 generated accounts (BILLING_PERF_ACCOUNTS to change it) beside a billed company (its points
// billed and paid since April, September left unpaid, so November carries a debt), with readings
// from April to November 2026 and every case of the rules — readings, a recalculation after estimated
// months, the average, the norm after 3 estimated months or on a short history, a baseline reading, a
// replaced meter with another zone plan, zone-share ties. Billing November prints its time (no timing
// assertion) beside a hand-written reading-only INSERT … SELECT for scale.
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { billLines, bills, consumptionVolumes } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import { shiftPeriod } from '@/lib/readings/window';
import { previewBills } from '@/lib/billing/preview';
import { createBillingRun, runBilling } from '@/lib/billing/run';
import { useTestDatabase } from '../support/test-db';
import { COMPANY_POINTS, createBilledCompany, createUtilityProfile } from '../support/factories';

const ACCOUNTS = Number(process.env.BILLING_PERF_ACCOUNTS ?? 2_000);
const NOV = '2026-11-01';
const FIRST = 80_000_000;

const t = useTestDatabase();

/** The company's metering points, billed before the generated accounts exist. */
const EXISTING = COMPANY_POINTS.length;

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  await createBilledCompany(t.db, {
    periods: Array.from({ length: 7 }, (_, k) => shiftPeriod('2026-04-01', k)),
    unpaid: [[0, '2026-09-01']],
  });
}, 600_000);

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

const pz = sql`(values (1, 'all_day'::tariff_zone, 1), (2, 'day'::tariff_zone, 1), (2, 'night'::tariff_zone, 2),
  (3, 'peak'::tariff_zone, 1), (3, 'half_peak'::tariff_zone, 2), (3, 'night'::tariff_zone, 3)) pz(plan, zone, idx)`;

/**
 * Scenario of account i (i % 6), months m = 0 (April, the initial reading) … 7 (November):
 * 0 readings every month; 1 none in November (average); 2 none in September–October, billed by
 * average, a reading in November (recalculation); 3 readings from August only (norm: 2 real months);
 * 4 none since August, estimated three times (norm, 4th month); 5 a meter installed in November (its
 * initial reading only: 0 kWh). Every 50th account (i % 50 = 7) has a two-zone meter installed in
 * September replacing a one-rate one. Every 4th has the same use in every zone (share ties).
 */
async function generate(n: number) {
  const started = performance.now();
  await t.db.execute(sql`
    insert into accounts (number, kind, holder_name, settlement, street, house, tariff_category, residents, norm_kwh_per_resident, contract_number, contract_start)
    select (${FIRST}::int + i)::text, 'household', 'Абонент ' || i, 'г. Истра', 'ул. Нагрузочная', (i % 200 + 1)::text,
      (case when i % 3 = 0 then 'rural_or_stove' else 'urban' end)::tariff_category, i % 5, 50 + (i % 4) * 25,
      'ЭС-' || (${FIRST}::int + i), '2020-01-01'
    from generate_series(1, ${n}::int) i`);
  await t.db.execute(sql`
    insert into meters (account_id, serial_number, zone_plan, status, installed_at)
    select a.id, 'M' || a.number,
      case when i % 50 = 7 then 2 when i % 10 < 6 then 1 when i % 10 < 8 then 2 else 3 end,
      'active', case when i % 6 = 5 then '2026-11-05'::date when i % 50 = 7 then '2026-09-01'::date else '2020-01-01'::date end
    from (select id, number, number::int - ${FIRST}::int as i from accounts where number::int > ${FIRST}::int) a`);
  await t.db.execute(sql`
    insert into meters (account_id, serial_number, zone_plan, status, installed_at, removed_at)
    select a.id, 'O' || a.number, 1, 'removed', '2019-01-01', '2026-08-31'
    from accounts a where a.number::int > ${FIRST}::int and (a.number::int - ${FIRST}::int) % 50 = 7`);
  await t.db.execute(sql`
    update meters m set replaces_meter_id = o.id
    from meters o
    where o.account_id = m.account_id and o.serial_number = 'O' || substring(m.serial_number from 2) and m.serial_number like 'M%'`);

  // Register values and monthly use of every meter and zone, April … November.
  const grid = sql`
    select g.*, sum(g.inc) over (partition by g.meter_id, g.zone order by g.m) + 1000 * (g.i % 90) as value
    from (
      select m.id as meter_id, m.serial_number like 'O%' as old, m.replaces_meter_id is not null as replacing,
        a.number::int - ${FIRST}::int as i, pz.zone, pz.idx, mo.m,
        ('2026-04-01'::date + make_interval(months => mo.m))::date as period,
        case when mo.m = 0 then 0 else 40 + (((a.number::int - ${FIRST}::int) * 37 + mo.m * 101
          + case when (a.number::int - ${FIRST}::int) % 4 = 0 then 0 else pz.idx * 13 end) % 400) end as inc
      from meters m join accounts a on a.id = m.account_id
      join ${pz} on pz.plan = m.zone_plan
      cross join generate_series(0, 7) mo(m)
      where a.number::int > ${FIRST}::int
    ) g`;
  const hasReading = sql`case
    when old then m <= 5
    when replacing then m between 5 and 6
    else case i % 6 when 0 then true when 1 then m <= 6 when 2 then m <= 4 or m = 7 when 3 then m between 4 and 6 when 4 then m <= 3 else m = 7 end
  end`;
  const realMonth = sql`case
    when old then m between 1 and 5
    when replacing then m = 6
    else case i % 6 when 0 then m between 1 and 6 when 1 then m between 1 and 6 when 2 then m between 1 and 4 when 3 then m between 5 and 6 when 4 then m between 1 and 3 else false end
  end`;
  const estimatedMonth = sql`(not old and not replacing and ((i % 6 = 2 and m between 5 and 6) or (i % 6 = 4 and m between 4 and 6)))`;
  await t.db.execute(sql`
    insert into readings (meter_id, period, zone, value, source)
    select meter_id, period, zone, value,
      (case when m = min(m) over (partition by meter_id, zone) then 'initial' else 'subscriber' end)::reading_source
    from (${grid}) g
    where ${hasReading}`);
  await t.db.execute(sql`
    insert into consumption_volumes (meter_id, period, zone, kwh, method)
    select meter_id, period, zone,
      case when ${realMonth} then inc else 100 + (i * 7 + idx * 29) % 300 end,
      (case when ${realMonth} then 'reading' else 'average' end)::volume_method
    from (${grid}) g
    where ${realMonth} or ${estimatedMonth}`);
  // Fresh tables have no statistics; without them the planner nests loops over thousands of rows.
  await t.db.execute(sql`analyze`);
  return performance.now() - started;
}

describe(`billing ${ACCOUNTS} generated accounts`, () => {
  it('bills November in a few statements, exactly as its rolled-back preview said', async () => {
    const generation = await generate(ACCOUNTS);
    const previewStarted = performance.now();
    const previews = await previewBills(NOV, undefined, {
      sample: ACCOUNTS + EXISTING,
      now: new Date('2026-12-03T09:00:00Z'),
    });
    const previewMs = performance.now() - previewStarted;
    expect(previews.size).toBe(ACCOUNTS + EXISTING);

    const created = await createBillingRun({ period: NOV, startedBy: null, now: new Date('2026-12-03T09:00:00Z') });
    if (!created.ok) throw new Error(created.message);
    const started = performance.now();
    const outcome = await runBilling(created.runId, { now: new Date('2026-12-03T09:00:00Z') });
    const runMs = performance.now() - started;
    expect(outcome).toMatchObject({
      status: 'done',
      accountsTotal: ACCOUNTS + EXISTING,
      billsCreated: ACCOUNTS + EXISTING,
      error: null,
    });
    // Two statements per chunk (its bills, then their penalties) and four around them.
    expect(outcome.statements).toBeLessThanOrEqual(2 * outcome.chunks + 4);

    // The reference: the same charges for readings only, one hand-written INSERT … SELECT.
    const baselineMs = await t.db.transaction(async (tx) => {
      await tx.execute(
        sql`create temp table bench_charges (meter_id uuid, zone tariff_zone, kwh bigint, amount bigint) on commit drop`,
      );
      const s = performance.now();
      await tx.execute(sql`
        insert into bench_charges
        select r.meter_id, r.zone, r.value - p.value, (r.value - p.value) * t.price_kopecks
        from readings r
        join meters m on m.id = r.meter_id and m.status = 'active'
        join accounts a on a.id = m.account_id and a.status = 'active'
        join lateral (
          select p.value from readings p
          where p.meter_id = r.meter_id and p.zone = r.zone and p.period < r.period and p.status = 'accepted'
          order by p.period desc limit 1
        ) p on true
        join tariffs t on t.category = a.tariff_category and t.zone_plan = m.zone_plan and t.zone = r.zone
          and t.effective_from <= ${NOV}::date and (t.effective_to is null or t.effective_to >= ${NOV}::date)
        where r.period = ${NOV}::date and r.status = 'accepted'`);
      return performance.now() - s;
    });

    const [lineCount] = await t.db.select({ n: sql<number>`count(*)::int` }).from(billLines);
    console.log(
      `[billing perf] ${t.handle.driver}: ${ACCOUNTS + EXISTING} accounts in ${outcome.chunks} chunk(s), ${outcome.statements} statements: ` +
        `run ${runMs.toFixed(0)} ms; reading-only INSERT … SELECT ${baselineMs.toFixed(0)} ms; ` +
        `generating the data ${generation.toFixed(0)} ms, the rolled-back preview ${previewMs.toFixed(0)} ms; ${lineCount!.n} bill lines in all`,
    );

    // Every bill, line and volume equals the preview's (the same statement, rolled back).
    const billRows = await t.db.select().from(bills).where(eq(bills.period, NOV));
    expect(billRows).toHaveLength(ACCOUNTS + EXISTING);
    const lineRows = await t.db
      .select()
      .from(billLines)
      .where(
        inArray(
          billLines.billId,
          billRows.map((b) => b.id),
        ),
      );
    const volumeRows = await t.db.select().from(consumptionVolumes).where(eq(consumptionVolumes.period, NOV));
    const billByAccount = new Map(billRows.map((b) => [b.accountId, b]));
    const linesByBill = groupBy(lineRows, (l) => l.billId);
    const volumesByMeter = groupBy(volumeRows, (v) => v.meterId);
    const methods = new Set<string>();
    for (const preview of previews.values()) {
      if (!preview.bill.ok) throw new Error(`${preview.number}: ${preview.bill.problem}`);
      const bill = billByAccount.get(preview.accountId)!;
      expect(bill.amountKopecks, preview.number).toBe(preview.bill.amountKopecks);
      const key = (l: { meterId: string | null; zone: string | null; tariffId: string | null }) =>
        `${l.meterId}|${l.zone}|${l.tariffId}`;
      const actual = (linesByBill.get(bill.id) ?? [])
        .map((l) => ({
          meterId: l.meterId,
          zone: l.zone,
          tariffId: l.tariffId,
          kind: l.kind,
          method: l.method,
          forPeriod: l.forPeriod,
          kwh: l.kwh,
          amountKopecks: l.amountKopecks,
          description: l.description,
        }))
        .sort((a, b) => key(a).localeCompare(key(b)));
      const expected = preview.bill.lines
        .map((l) => ({
          meterId: l.meterId,
          zone: l.zone,
          tariffId: l.tariffId,
          kind: l.kind,
          method: l.method,
          forPeriod: l.forPeriod,
          kwh: l.kwh,
          amountKopecks: l.amountKopecks,
          description: l.description,
        }))
        .sort((a, b) => key(a).localeCompare(key(b)));
      expect(actual, preview.number).toEqual(expected);
      for (const v of preview.bill.volumes) {
        methods.add(v.method);
        const row = volumesByMeter.get(v.meterId)?.find((r) => r.zone === v.zone);
        expect(row && { kwh: row.kwh, method: row.method }, `${preview.number} ${v.zone}`).toEqual({
          kwh: v.kwh,
          method: v.method,
        });
      }
    }
    expect([...methods].sort()).toEqual(['average', 'norm', 'reading', 'recalculation']);
    expect(volumeRows).toHaveLength(
      [...previews.values()].reduce((sum, p) => sum + (p.bill.ok ? p.bill.volumes.length : 0), 0),
    );
  }, 600_000);
});
