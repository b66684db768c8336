// History of readings and consumption on a real database: three households read monthly since October
// 2025 and billed by the billing run for 12 months (November 2025 – October 2026); Petrov stopped
// reading after August, so September and October were billed by the average.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, billLines, bills, consumptionVolumes, meters, readings } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import type { SessionUser } from '@/lib/auth/session';
import { historyForUser, meterHistory } from '@/lib/readings/history';
import { shiftPeriod } from '@/lib/readings/window';
import { useTestDatabase } from '../support/test-db';
import {
  addReadings,
  billOf,
  billPeriod,
  createCompanyUser,
  createMeter,
  createMeteredAccount,
  createPaidPayment,
  createSubscriber,
  createUtilityProfile,
  monthlyReadings,
} from '../support/factories';

// lib/auth/session.ts imports Auth.js, which needs the Next.js runtime; no cookie is read here.
vi.mock('@/auth', () => ({ auth: async () => null }));

const now = new Date('2026-11-22T10:00:00Z');
const BILLED = Array.from({ length: 12 }, (_, i) => shiftPeriod('2025-11-01', i));
const INITIAL = '2025-10-01';
const CURRENT = '2026-11-01';

const t = useTestDatabase();
let petrov: SessionUser;
let ivanova: SessionUser;
let sidorova: SessionUser;
let company: SessionUser;

/** Monthly readings from `INITIAL` for `months` months, each register growing by its own `use`. */
const monthly = (start: Record<string, number>, use: Record<string, number>, months: number) =>
  monthlyReadings({ from: INITIAL, to: shiftPeriod(INITIAL, months - 1), start, use, jitter: 7 });

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  // Petrov: initial October 2025, readings until August 2026, none since.
  const second = await createMeteredAccount(t.db, {
    account: { number: '50010002', residents: 4, normKwhPerResident: 100, contractStart: '2025-10-01' },
    meter: { serialNumber: '009217056004185', zonePlan: 2, installedAt: '2025-10-01' },
    registers: monthly({ day: 30_000, night: 11_000 }, { day: 230, night: 110 }, 11),
  });
  petrov = await createSubscriber(t.db, second.accountId);
  const first = await createMeteredAccount(t.db, {
    account: { number: '50010001', contractStart: '2025-10-01' },
    meter: { installedAt: '2025-10-01' },
    registers: monthly({ all_day: 12_000 }, { all_day: 180 }, 13),
  });
  ivanova = await createSubscriber(t.db, first.accountId);
  // Sidorova: two meters, read every month including the current one.
  const third = await createMeteredAccount(t.db, {
    account: { number: '50010003', contractStart: '2025-10-01' },
    meter: { serialNumber: '38654109', zonePlan: 3, installedAt: '2025-09-01' },
    registers: monthly({ peak: 8_000, half_peak: 9_000, night: 10_000 }, { peak: 60, half_peak: 90, night: 70 }, 14),
  });
  const { id: secondMeter } = await createMeter(t.db, third.accountId, {
    serialNumber: '41877203',
    installedAt: '2025-09-02',
  });
  const one = monthly({ all_day: 3_000 }, { all_day: 50 }, 14);
  await addReadings(t.db, secondMeter, one);
  sidorova = await createSubscriber(t.db, third.accountId);
  company = (await createCompanyUser(t.db)).user;
  // Every bill paid on its due day: no penalties, so a month's total is its meters' lines.
  for (const period of BILLED) {
    await billPeriod(period);
    for (const accountId of [first.accountId, second.accountId, third.accountId]) {
      const bill = await billOf(t.db, accountId, period);
      await createPaidPayment(t.db, accountId, bill.amountKopecks, new Date(`${bill.dueDate}T06:00:00Z`));
    }
  }
});

async function accountId(number: string): Promise<string> {
  const [row] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.number, number));
  return row!.id;
}

async function metersOf(number: string) {
  return t.db
    .select({ id: meters.id, serialNumber: meters.serialNumber })
    .from(meters)
    .where(eq(meters.accountId, await accountId(number)))
    .orderBy(asc(meters.installedAt));
}

describe('meterHistory', () => {
  it("Petrov's 2-zone meter: 12 billed months, the last 2 estimated by the average, oldest first in the totals", async () => {
    const [meter] = await metersOf('50010002');
    const history = (await meterHistory(meter!.id, { months: 24, now }))!;

    expect(history.meter).toMatchObject({
      id: meter!.id,
      serialNumber: '009217056004185',
      zonePlan: 2,
      zones: ['day', 'night'],
    });
    expect(history.totals.map((x) => x.period)).toEqual(BILLED);
    expect(history.totals.filter((x) => x.estimated).map((x) => x.period)).toEqual(['2026-09-01', '2026-10-01']);
    expect(history.estimatedPeriods.map((e) => [e.period, e.method])).toEqual([
      ['2026-09-01', 'average'],
      ['2026-10-01', 'average'],
    ]);

    // Rows: newest first, day before night; the initial reading is there (no volume), nothing for November yet.
    expect(history.rows.map((r) => `${r.period}/${r.zone}`)).toEqual(
      [INITIAL, ...BILLED].reverse().flatMap((p) => [`${p}/day`, `${p}/night`]),
    );
    const estimated = history.rows.filter((r) => r.method === 'average');
    expect(estimated).toHaveLength(4);
    for (const row of estimated) {
      expect(row).toMatchObject({ reading: null, readingSource: null });
      expect(row.consumptionKwh).toBeGreaterThan(0);
    }
    expect(
      history.rows
        .filter((r) => r.period === INITIAL)
        .map((r) => [r.readingSource, r.method, r.consumptionKwh, r.amountKopecks]),
    ).toEqual([
      ['initial', null, null, null],
      ['initial', null, null, null],
    ]);
    // The estimated month's total is the sum of its zones.
    const october = history.totals.find((x) => x.period === '2026-10-01')!;
    expect(october.kwh).toBe(
      estimated.filter((r) => r.period === '2026-10-01').reduce((a, r) => a + r.consumptionKwh!, 0),
    );
    expect(history.estimatedPeriods[1]!.kwh).toBe(october.kwh);
  });

  it('consumption of a month with a reading is the difference of consecutive readings, per zone', async () => {
    const [meter] = await metersOf('50010002');
    const history = (await meterHistory(meter!.id, { months: 24, now }))!;
    const register = await t.db
      .select({ period: readings.period, zone: readings.zone, value: readings.value })
      .from(readings)
      .where(and(eq(readings.meterId, meter!.id), eq(readings.status, 'accepted')));
    const valueOf = (period: string, zone: string) =>
      register.find((r) => r.period === period && r.zone === zone)?.value;

    const real = history.rows.filter((r) => r.method === 'reading');
    expect(real).toHaveLength(20);
    for (const row of real) {
      expect(row.readingSource).toBe('subscriber');
      expect(row.reading).toBe(valueOf(row.period, row.zone));
      const previous = valueOf(shiftPeriod(row.period, -1), row.zone);
      expect(previous, `${row.period} ${row.zone}`).toBeDefined();
      expect(row.consumptionKwh, `${row.period} ${row.zone}`).toBe(row.reading! - previous!);
    }
  });

  it('amounts equal the bill lines of the meter, zone and period; totals equal the bills', async () => {
    const [meter] = await metersOf('50010002');
    const history = (await meterHistory(meter!.id, { months: 24, now }))!;
    const lines = await t.db
      .select({
        period: bills.period,
        forPeriod: billLines.forPeriod,
        zone: billLines.zone,
        amount: billLines.amountKopecks,
        kwh: billLines.kwh,
      })
      .from(billLines)
      .innerJoin(bills, eq(bills.id, billLines.billId))
      .where(eq(billLines.meterId, meter!.id));
    expect(lines.length).toBeGreaterThanOrEqual(24);

    for (const row of history.rows.filter((r) => r.method !== null)) {
      const own = lines.filter((l) => (l.forPeriod ?? l.period) === row.period && l.zone === row.zone);
      expect(own.length, `${row.period} ${row.zone}`).toBeGreaterThan(0);
      expect(row.amountKopecks).toBe(own.reduce((a, l) => a + l.amount, 0));
      // The billed volume is what the lines charged (a volume range may split it in two lines).
      expect(row.consumptionKwh).toBe(own.reduce((a, l) => a + (l.kwh ?? 0), 0));
    }

    // One meter on the account: each month's total is the whole bill.
    const billRows = await t.db
      .select({ period: bills.period, amount: bills.amountKopecks })
      .from(bills)
      .where(eq(bills.accountId, await accountId('50010002')));
    for (const total of history.totals) {
      expect(total.amountKopecks, total.period).toBe(billRows.find((b) => b.period === total.period)!.amount);
    }
  });

  it('months limits the window; an unknown meter gives null', async () => {
    const [meter] = await metersOf('50010002');
    const history = (await meterHistory(meter!.id, { months: 6, now }))!;
    expect(history.totals.map((x) => x.period)).toEqual(BILLED.slice(-6));
    expect(new Set(history.rows.map((r) => r.period)).size).toBe(6);
    expect(await meterHistory('00000000-0000-4000-8000-000000000000', { months: 6, now })).toBeNull();
    expect(await meterHistory('not-a-uuid', { months: 6, now })).toBeNull();
  });
});

describe('historyForUser', () => {
  it("Sidorova sees both meters; the current period's reading is there, measured but not billed", async () => {
    const result = (await historyForUser(sidorova, undefined, { months: 24, now }))!;
    expect(result.map((a) => a.number)).toEqual(['50010003']);
    const [account] = result;
    expect(account!.meters.map((m) => [m.meter.serialNumber, m.meter.zones])).toEqual([
      ['38654109', ['peak', 'half_peak', 'night']],
      ['41877203', ['all_day']],
    ]);
    for (const m of account!.meters) {
      expect(m.totals).toHaveLength(12);
      expect(m.estimatedPeriods).toEqual([]);
      const current = m.rows.filter((r) => r.period === CURRENT);
      expect(current.map((r) => r.zone)).toEqual(m.meter.zones);
      for (const row of current) {
        const october = m.rows.find((r) => r.period === '2026-10-01' && r.zone === row.zone)!;
        expect(row).toMatchObject({ readingSource: 'subscriber', method: null, amountKopecks: null });
        expect(row.consumptionKwh).toBe(row.reading! - october.reading!);
      }
    }
    // The chart never shows the unbilled month.
    expect(account!.meters[0]!.totals.at(-1)!.period).toBe('2026-10-01');
  });

  it('one account on request, only if the user may see it; otherwise null', async () => {
    const petrovAccount = await accountId('50010002');

    const own = await historyForUser(petrov, petrovAccount, { months: 24, now });
    expect(own?.map((a) => [a.id, a.number, a.residents, a.normKwhPerResident])).toEqual([
      [petrovAccount, '50010002', 4, 100],
    ]);
    expect(own![0]!.meters).toHaveLength(1);

    expect(await historyForUser(ivanova, petrovAccount, { months: 24, now })).toBeNull();
    expect(await historyForUser(company, petrovAccount, { months: 24, now })).toBeNull();
    expect(await historyForUser(ivanova, 'not-a-uuid', { months: 24, now })).toBeNull();
    expect(await historyForUser(ivanova, '00000000-0000-4000-8000-000000000000', { months: 24, now })).toBeNull();

    const mine = (await historyForUser(ivanova, undefined, { months: 24, now }))!;
    expect(mine.map((a) => a.number)).toEqual(['50010001']);
    const ids = mine.flatMap((a) => a.meters.map((m) => m.meter.id));
    const theirs = await t.db
      .select({ id: meters.id })
      .from(meters)
      .where(inArray(meters.accountId, [petrovAccount]));
    expect(ids.some((id) => theirs.some((m) => m.id === id))).toBe(false);
  });
});

// Runs last: it adds a November bill to Petrov's account.
describe('a recalculation', () => {
  it('shows in the month its line is for: its own bill, or the month a later line corrects', async () => {
    const [meter] = await metersOf('50010002');
    const petrovAccount = await accountId('50010002');
    const december = new Date('2026-12-03T10:00:00Z');
    const before = (await meterHistory(meter!.id, { months: 24, now: december }))!;
    const septemberNight = before.rows.find((r) => r.period === '2026-09-01' && r.zone === 'night')!;

    // The November reading ends the run of estimates: November is billed as a recalculation (п. 61),
    // and — say — staff add a correction naming September.
    await t.db.insert(consumptionVolumes).values([
      { meterId: meter!.id, period: CURRENT, zone: 'day', kwh: 912, method: 'recalculation' },
      { meterId: meter!.id, period: CURRENT, zone: 'night', kwh: 401, method: 'recalculation' },
    ]);
    const [bill] = await t.db
      .insert(bills)
      .values({
        accountId: petrovAccount,
        period: CURRENT,
        receiptNumber: 'R-TEST-202611',
        amountKopecks: 1,
        dueDate: '2026-12-10',
      })
      .returning({ id: bills.id });
    await t.db.insert(billLines).values([
      {
        billId: bill!.id,
        kind: 'recalculation',
        meterId: meter!.id,
        zone: 'day',
        method: 'recalculation',
        kwh: 912,
        amountKopecks: 712_345,
        description: 'перерасчёт, день',
      },
      {
        billId: bill!.id,
        kind: 'recalculation',
        meterId: meter!.id,
        zone: 'night',
        method: 'recalculation',
        forPeriod: CURRENT,
        kwh: 401,
        amountKopecks: 99_000,
        description: 'перерасчёт, ночь',
      },
      {
        billId: bill!.id,
        kind: 'adjustment',
        meterId: meter!.id,
        zone: 'night',
        forPeriod: '2026-09-01',
        amountKopecks: -5_000,
        description: 'корректировка сентября',
      },
      { billId: bill!.id, kind: 'penalty', amountKopecks: 1_234, description: 'пени' },
    ]);

    const after = (await meterHistory(meter!.id, { months: 24, now: december }))!;
    const november = after.rows.filter((r) => r.period === CURRENT);
    expect(november.map((r) => [r.zone, r.method, r.consumptionKwh, r.amountKopecks])).toEqual([
      ['day', 'recalculation', 912, 712_345],
      ['night', 'recalculation', 401, 99_000],
    ]);
    expect(after.totals.at(-1)).toEqual({ period: CURRENT, kwh: 1313, amountKopecks: 811_345, estimated: false });
    expect(after.rows.find((r) => r.period === '2026-09-01' && r.zone === 'night')!.amountKopecks).toBe(
      septemberNight.amountKopecks! - 5_000,
    );
    // Still estimated: the months billed without a reading stay marked after the recalculation.
    expect(after.estimatedPeriods.map((e) => e.period)).toEqual(['2026-09-01', '2026-10-01']);
  });
});
