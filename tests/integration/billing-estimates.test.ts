// Estimates and the recalculation across consecutive billing runs (ПП РФ № 354, п. 59–61), on seven
// accounts billed from November 2025 to October 2026: Petrov (50010002, two zones, 4 residents, rural)
// read until August, so September and October were estimated. Without readings November is his 3rd month on the average, December the 4th — the
// norm; a reading in January recalculates all four months and gives money back.
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billLines, bills, consumptionVolumes, ledgerEntries, readings, tariffs } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import { accountBalance } from '@/lib/billing/balance';
import { previewBills } from '@/lib/billing/preview';
import { startBillingRun } from '@/lib/billing/run';
import type { Zone } from '@/lib/readings/consumption';
import { estimatePeriod, expectedRecalculationLines, type BilledVolume } from '../support/estimate-reference';
import { ratesInForce } from '@/lib/tariffs/pricing';
import { shiftPeriod } from '@/lib/readings/window';
import { billPeriod, createMeteredAccount, createUtilityProfile, monthlyReadings } from '../support/factories';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';

let t: TestDatabase;
let restore: () => void;
let petrovId: string;
let meterId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  // Initial readings in October 2025; a reading a month after, Petrov's until August 2026.
  // About 240 kWh by day and 110 at night a month: the estimates of September–November alone exceed
  // what the meter turns out to have counted, so January is left with nothing.
  const petrov = await createMeteredAccount(t.db, {
    account: {
      number: '50010002',
      residents: 4,
      normKwhPerResident: 100,
      tariffCategory: 'rural_or_stove',
      contractStart: '2025-10-01',
    },
    meter: { zonePlan: 2, installedAt: '2025-10-01' },
    registers: monthlyReadings({
      from: '2025-10-01',
      to: '2026-08-01',
      start: { day: 30_000, night: 11_000 },
      use: { day: 240, night: 110 },
      jitter: 9,
    }),
  });
  petrovId = petrov.accountId;
  meterId = petrov.meterId;
  for (let i = 0; i < 6; i++) {
    await createMeteredAccount(t.db, {
      account: { contractStart: '2025-10-01' },
      meter: { installedAt: '2025-10-01' },
      registers: monthlyReadings({
        from: '2025-10-01',
        to: '2026-10-01',
        start: { all_day: 5_000 + i * 1_000 },
        use: { all_day: 150 + i * 20 },
        jitter: 9,
      }),
    });
  }
  for (let k = 1; k <= 12; k++) await billPeriod(shiftPeriod('2025-10-01', k));
});

afterAll(async () => {
  restore();
  await t.drop();
});

async function history(before: string): Promise<BilledVolume[]> {
  return t.db
    .select({
      period: consumptionVolumes.period,
      zone: consumptionVolumes.zone,
      kwh: consumptionVolumes.kwh,
      method: consumptionVolumes.method,
    })
    .from(consumptionVolumes)
    .where(and(eq(consumptionVolumes.meterId, meterId), lt(consumptionVolumes.period, before)));
}

async function linesOf(period: string) {
  const [bill] = await t.db
    .select()
    .from(bills)
    .where(and(eq(bills.accountId, petrovId), eq(bills.period, period)));
  const all = await t.db.select().from(billLines).where(eq(billLines.billId, bill!.id)).orderBy(asc(billLines.zone));
  // Petrov has not paid since September: his bills carry penalties (billing-penalties.test.ts checks
  // them), set aside here where the estimates are the point.
  const penalties = all.filter((l) => l.kind === 'penalty').reduce((sum, l) => sum + l.amountKopecks, 0);
  return {
    bill: { ...bill!, amountKopecks: bill!.amountKopecks - penalties },
    lines: all.filter((l) => l.kind !== 'penalty'),
    penaltyKopecks: penalties,
  };
}

async function volumesOf(period: string) {
  return t.db
    .select({ zone: consumptionVolumes.zone, kwh: consumptionVolumes.kwh, method: consumptionVolumes.method })
    .from(consumptionVolumes)
    .where(and(eq(consumptionVolumes.meterId, meterId), eq(consumptionVolumes.period, period)))
    .orderBy(asc(consumptionVolumes.zone));
}

/** Bills the period and holds every account's bill to what its rolled-back preview computed just before. */
async function billAndCompare(period: string, now: string) {
  const previews = await previewBills(period, undefined, { now: new Date(now) });
  const result = await startBillingRun({ period, startedBy: null, now: new Date(now) });
  expect(result).toMatchObject({ ok: true });
  for (const preview of previews.values()) {
    if (!preview.bill.ok) throw new Error(preview.bill.problem);
    const [bill] = await t.db
      .select()
      .from(bills)
      .where(and(eq(bills.accountId, preview.accountId), eq(bills.period, period)));
    expect(bill!.amountKopecks, preview.number).toBe(preview.bill.amountKopecks);
    const lines = await t.db
      .select({
        zone: billLines.zone,
        kwh: billLines.kwh,
        method: billLines.method,
        amountKopecks: billLines.amountKopecks,
        description: billLines.description,
      })
      .from(billLines)
      .where(eq(billLines.billId, bill!.id));
    const key = (l: { zone: string | null; description: string | null }) => `${l.zone}|${l.description}`;
    expect(lines.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      preview.bill.lines
        .map(({ zone, kwh, method, amountKopecks, description }) => ({ zone, kwh, method, amountKopecks, description }))
        .sort((a, b) => key(a).localeCompare(key(b))),
    );
  }
  return previews;
}

describe('a run of months without readings', () => {
  it('November, the 3rd month in a row without a reading: still the average of the last 6 real months', async () => {
    const estimate = estimatePeriod({
      period: '2026-11-01',
      zones: ['day', 'night'],
      history: await history('2026-11-01'),
      residents: 4,
      normKwhPerResident: 100,
    });
    expect(estimate).toMatchObject({ method: 'average', consecutive: 3 });
    expect(estimate.averagedPeriods).toEqual([
      '2026-08-01',
      '2026-07-01',
      '2026-06-01',
      '2026-05-01',
      '2026-04-01',
      '2026-03-01',
    ]);

    await billAndCompare('2026-11-01', '2026-12-03T09:00:00Z');
    expect(await volumesOf('2026-11-01')).toEqual(
      estimate.volumes.map((v) => ({ ...v, method: 'average' })).sort((a, b) => a.zone.localeCompare(b.zone)),
    );
    const { lines } = await linesOf('2026-11-01');
    expect(lines.map((l) => l.description)).toEqual(
      estimate.volumes
        .map((v) => v.zone)
        .sort()
        .map((zone) =>
          expect.stringContaining(
            `${zone === 'day' ? 'день (T1)' : 'ночь (T2)'}, расчётный объём (нет показаний 3-й месяц подряд: по среднему за 6 мес.)`,
          ),
        ),
    );
  });

  it('December, the 4th: the norm × residents, one volume at the one-rate tariff', async () => {
    const estimate = estimatePeriod({
      period: '2026-12-01',
      zones: ['day', 'night'],
      history: await history('2026-12-01'),
      residents: 4,
      normKwhPerResident: 100,
    });
    expect(estimate).toMatchObject({
      method: 'norm',
      consecutive: 4,
      reason: 'нет показаний 4-й месяц подряд: по нормативу 4 чел. × 100 кВт·ч',
    });

    await billAndCompare('2026-12-01', '2027-01-05T09:00:00Z');
    const volumes = await volumesOf('2026-12-01');
    expect(volumes).toEqual(
      estimate.volumes.map((v) => ({ ...v, method: 'norm' })).sort((a, b) => a.zone.localeCompare(b.zone)),
    );
    expect(volumes.reduce((sum, v) => sum + v.kwh, 0)).toBe(4 * 100);
    expect(volumes.every((v) => v.kwh > 0)).toBe(true);
  });

  it('a reading in January recalculates September–December: money back as a negative bill and an adjustment entry', async () => {
    const before = await accountBalance(petrovId);
    const august = await t.db
      .select({ zone: readings.zone, value: readings.value })
      .from(readings)
      .where(and(eq(readings.meterId, meterId), eq(readings.period, '2026-08-01'), eq(readings.status, 'accepted')));
    // The meter counted less over five months than the four estimates billed: 700 kWh by day, 300 at night.
    const january = august.map((r) => ({ zone: r.zone as Zone, value: r.value + (r.zone === 'day' ? 700 : 300) }));
    await t.db.insert(readings).values(
      january.map((r) => ({
        meterId,
        period: '2027-01-01',
        zone: r.zone,
        value: r.value,
        source: 'subscriber' as const,
      })),
    );

    const estimated = (await history('2027-01-01')).filter((v) =>
      v.method === 'average' || v.method === 'norm' ? v.period >= '2026-09-01' : false,
    );
    expect([...new Set(estimated.map((v) => v.period))].sort()).toEqual([
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
    await billAndCompare('2027-01-01', '2027-02-03T09:00:00Z');
    const { bill, lines, penaltyKopecks } = await linesOf('2027-01-01');
    const tariffRows = await t.db.select().from(tariffs);
    const expected = expectedRecalculationLines({
      estimated,
      realByZone: new Map(january.map((r) => [r.zone, r.value - august.find((a) => a.zone === r.zone)!.value])),
      priceOf: (period, zone) =>
        ratesInForce(tariffRows, {
          category: 'rural_or_stove',
          zonePlan: zone === 'all_day' ? 1 : 2,
          zone,
          day: period,
        })[0]!.priceKopecks,
    });
    // Each estimated month is corrected at its own tariff; December's norm is taken back at the one-rate price.
    expect(expected.filter((e) => e.forPeriod === '2026-12-01').map((e) => e.zone)).toEqual([
      'all_day',
      'day',
      'night',
    ]);
    const key = (l: { zone: string | null; forPeriod: string | null }) => `${l.forPeriod}|${l.zone}`;
    expect(
      lines
        .map((l) => ({ zone: l.zone, forPeriod: l.forPeriod, kwh: l.kwh, priceKopecks: l.priceKopecks, kind: l.kind }))
        .sort((a, b) => key(a).localeCompare(key(b))),
    ).toEqual(expected.map((e) => ({ ...e, kind: 'recalculation' })));
    for (const line of lines) expect(line.amountKopecks).toBe(line.kwh! * line.priceKopecks!);
    // Over September–January the account has now paid for exactly what the meter counted: 700 + 300 kWh.
    const billedKwh = estimated.reduce((sum, v) => sum + v.kwh, 0) + lines.reduce((sum, l) => sum + l.kwh!, 0);
    expect(billedKwh).toBe(1_000);
    expect(bill.amountKopecks).toBe(lines.reduce((sum, l) => sum + l.amountKopecks, 0));
    expect(bill.amountKopecks).toBeLessThan(0);
    // The month's volume is what is left after the correction: nothing.
    expect(await volumesOf('2027-01-01')).toEqual([
      { zone: 'day', kwh: 0, method: 'recalculation' },
      { zone: 'night', kwh: 0, method: 'recalculation' },
    ]);

    const entries = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.billId, bill.id));
    expect(entries.filter((e) => e.kind !== 'penalty')).toEqual([
      expect.objectContaining({
        kind: 'adjustment',
        amountKopecks: bill.amountKopecks,
        description: 'Перерасчёт в пользу абонента за январь 2027, квитанция R-202701-50010002',
      }),
    ]);
    expect(await accountBalance(petrovId)).toBe(before + bill.amountKopecks + penaltyKopecks);
  });

  it('February without a reading: the recalculated months are not real ones, so the average skips them', async () => {
    const estimate = estimatePeriod({
      period: '2027-02-01',
      zones: ['day', 'night'],
      history: await history('2027-02-01'),
      residents: 4,
      normKwhPerResident: 100,
    });
    // January's volume is a recalculation (ignored), so February is the 1st month in a row again, on
    // the six real months before September.
    expect(estimate).toMatchObject({
      method: 'average',
      consecutive: 1,
      averagedPeriods: ['2026-08-01', '2026-07-01', '2026-06-01', '2026-05-01', '2026-04-01', '2026-03-01'],
    });
    await billAndCompare('2027-02-01', '2027-03-03T09:00:00Z');
    expect(await volumesOf('2027-02-01')).toEqual(
      estimate.volumes.map((v) => ({ ...v, method: 'average' })).sort((a, b) => a.zone.localeCompare(b.zone)),
    );
    const all = await t.db
      .select({ n: bills.id })
      .from(bills)
      .where(inArray(bills.period, ['2027-02-01']));
    expect(all).toHaveLength(7);
  });
});
