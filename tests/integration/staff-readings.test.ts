import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { meters, readings } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { confirmMeter, requestMeter } from '@/lib/meters/requests';
import { CSV_BOM } from '@/lib/readings/csv';
import { readingsOverview } from '@/lib/readings/overview';
import { readingsCsv } from '@/lib/readings/period-csv';
import { enterStaffReading } from '@/lib/readings/staff-entry';
import { shiftPeriod } from '@/lib/readings/window';
import {
  addReadings,
  addVolumes,
  createCompany,
  createMeter,
  createMeteredAccount,
  createSubscriber,
  createUser,
  createUtilityProfile,
  monthlyReadings,
} from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// lib/auth/session.ts imports Auth.js, which needs the Next.js runtime; no cookie is read here.
vi.mock('@/auth', () => ({ auth: async () => null }));

// The period's readings of household meters (submitted / missing / estimated),
// a reading entered by staff, the CSV export. Four households on 21 November 2026: for November only
// 50010003 (two meters) has submitted; for October everyone has, except 50010002, billed by the average;
// a company's meter is never in these lists.

const now = new Date('2026-11-21T10:00:00Z');
const NOVEMBER = '2026-11-01';
const OCTOBER = '2026-10-01';
const KUZNETSOV_METER = '011075132904417'; // 50010004, no cabinet: nobody submits for it

const t = useTestDatabase();
let staffId: string;
let ivanova: SessionUser;
let ivanovaAccountId: string;

async function meterId(serial: string): Promise<string> {
  const [row] = await t.db.select({ id: meters.id }).from(meters).where(eq(meters.serialNumber, serial));
  return row!.id;
}

async function previousValue(id: string, zone: 'all_day'): Promise<number> {
  const rows = await t.db
    .select({ value: readings.value })
    .from(readings)
    .where(and(eq(readings.meterId, id), eq(readings.zone, zone), eq(readings.status, 'accepted')));
  return Math.max(...rows.map((r) => r.value));
}

/** Months read from April (to October, unless `months` says), each consuming `use` kWh per register. */
function monthly(start: number, use: number, zones: string[], months = 7) {
  return monthlyReadings({
    from: '2026-04-01',
    to: shiftPeriod('2026-04-01', months - 1),
    start: Object.fromEntries(zones.map((zone, z) => [zone, start + z * 1000])),
    use: Object.fromEntries(zones.map((zone) => [zone, use])),
  });
}

beforeAll(async () => {
  await createUtilityProfile(t.db);
  staffId = (await createUser(t.db, { fullName: 'Смирнова Елена Андреевна' })).id;

  const first = await createMeteredAccount(t.db, {
    account: { number: '50010001' },
    meter: { serialNumber: '41235872' },
    registers: monthly(12_000, 180, ['all_day']),
  });
  ivanovaAccountId = first.accountId;
  ivanova = await createSubscriber(t.db, first.accountId, { fullName: 'Иванова Мария Петровна' });
  await addVolumes(t.db, first.meterId, 'reading', monthly(180, 0, ['all_day']).slice(1));

  // Petrov read until August; September and October were billed by the average.
  const second = await createMeteredAccount(t.db, {
    account: { number: '50010002' },
    meter: { serialNumber: '009217056004185', zonePlan: 2 },
    registers: monthly(30_000, 150, ['day', 'night'], 5),
  });
  await createSubscriber(t.db, second.accountId);
  await addVolumes(t.db, second.meterId, 'average', [
    ['2026-09-01', { day: 150, night: 150 }],
    ['2026-10-01', { day: 150, night: 150 }],
  ]);

  const third = await createMeteredAccount(t.db, {
    account: { number: '50010003', holderName: 'Сидорова Ольга Николаевна' },
    meter: { serialNumber: '38654109', zonePlan: 3 },
  });
  const sidorova = await createSubscriber(t.db, third.accountId, { fullName: 'Сидорова Ольга Николаевна' });
  const three = monthly(8_000, 90, ['peak', 'half_peak', 'night'], 8);
  await addReadings(t.db, third.meterId, three.slice(0, 1));
  await addReadings(t.db, third.meterId, [...three.slice(1, 7), ['2026-11-01', three[7]![1]]], {
    firstIsInitial: false,
    submittedBy: sidorova.id,
  });
  const { id: secondMeter } = await createMeter(t.db, third.accountId, { serialNumber: '41877203' });
  const one = monthly(3_000, 60, ['all_day'], 8);
  await addReadings(t.db, secondMeter, one.slice(0, 1));
  await addReadings(t.db, secondMeter, [...one.slice(1, 7), ['2026-11-01', one[7]![1]]], {
    firstIsInitial: false,
    submittedBy: sidorova.id,
  });

  // Kuznetsov has no cabinet: his readings come without a user.
  await createMeteredAccount(t.db, {
    account: {
      number: '50010004',
      holderName: 'Кузнецов Дмитрий Андреевич',
      settlement: 'г. Истра',
      street: 'ул. Ленина',
      house: '5',
      flat: '7',
    },
    meter: { serialNumber: KUZNETSOV_METER },
    registers: monthly(20_000, 200, ['all_day']),
  });

  const company = await createCompany(t.db);
  await createMeteredAccount(t.db, {
    account: { number: '70020001', kind: 'company', companyId: company.id, residents: 0 },
    registers: monthly(50_000, 2_000, ['all_day']),
  });
});

describe('the period overview', () => {
  it('counts household meters by state in SQL and lists them by account; companies are not here', async () => {
    const november = await readingsOverview({ period: NOVEMBER });
    expect(november.counts).toEqual({ total: 5, submitted: 2, missing: 3, estimated: 0 });
    expect(november.rows.map((r) => [r.accountNumber, r.serialNumber, r.state])).toEqual([
      ['50010001', '41235872', 'missing'],
      ['50010002', '009217056004185', 'missing'],
      ['50010003', '38654109', 'submitted'],
      ['50010003', '41877203', 'submitted'],
      ['50010004', KUZNETSOV_METER, 'missing'],
    ]);
    const sidorova = november.rows[2]!;
    expect(sidorova).toMatchObject({
      holderName: 'Сидорова Ольга Николаевна',
      zones: ['peak', 'half_peak', 'night'],
      estimate: null,
    });
    expect(sidorova.submitted).toMatchObject({ source: 'subscriber', submittedBy: 'Сидорова Ольга Николаевна' });
    expect(sidorova.submitted?.values.map((v) => v.zone)).toEqual(['peak', 'half_peak', 'night']);
    // The entry form's hints: the latest reading before the period, per register.
    const petrov = november.rows[1]!;
    expect(Object.keys(petrov.previous).sort()).toEqual(['day', 'night']);
    expect(petrov.previous.day!.period < OCTOBER).toBe(true); // September and October were estimated

    const october = await readingsOverview({ period: OCTOBER });
    expect(october.counts).toEqual({ total: 5, submitted: 4, missing: 0, estimated: 1 });
    const estimated = october.rows.find((r) => r.state === 'estimated');
    expect(estimated).toMatchObject({ accountNumber: '50010002', submitted: null, estimate: { method: 'average' } });
    expect(estimated?.estimate?.kwh).toBeGreaterThan(0);
    // 50010004 has no cabinet; its readings came without a user.
    expect(october.rows.find((r) => r.accountNumber === '50010004')?.submitted).toMatchObject({
      source: 'subscriber',
      submittedBy: null,
    });
  });

  it('filters by state, searches by account number or serial, and paginates', async () => {
    const missing = await readingsOverview({ period: NOVEMBER, state: 'missing' });
    expect(missing.rows.map((r) => r.accountNumber)).toEqual(['50010001', '50010002', '50010004']);
    expect(missing.matching).toBe(3);

    const byAccount = await readingsOverview({ period: NOVEMBER, search: '50010003' });
    expect(byAccount.counts).toEqual({ total: 2, submitted: 2, missing: 0, estimated: 0 });
    const bySerial = await readingsOverview({ period: NOVEMBER, search: ' 0751 ' });
    expect(bySerial.rows.map((r) => r.serialNumber)).toEqual([KUZNETSOV_METER]);
    // LIKE wildcards are literal.
    expect((await readingsOverview({ period: NOVEMBER, search: '%' })).counts.total).toBe(0);

    const page1 = await readingsOverview({ period: NOVEMBER, pageSize: 2 });
    const page3 = await readingsOverview({ period: NOVEMBER, pageSize: 2, page: 3 });
    expect([page1.pageCount, page1.rows.length, page3.rows.length, page3.page]).toEqual([3, 2, 1, 3]);
    expect(page3.rows[0]?.serialNumber).toBe(KUZNETSOV_METER);
    // Past the end: the last page.
    expect((await readingsOverview({ period: NOVEMBER, pageSize: 2, page: 99 })).page).toBe(3);
  });

  it('a meter connected now counts from the period after its initial readings', async () => {
    const request = await requestMeter(
      ivanova,
      { accountId: ivanovaAccountId, serialNumber: '55500011', zonePlan: 1, installedAt: '2026-10-30' },
      now,
    );
    if (!request.ok) throw new Error(request.message);
    // Pending: not in the list.
    expect((await readingsOverview({ period: NOVEMBER })).counts.total).toBe(5);
    expect(
      await confirmMeter({ id: staffId }, { meterId: request.meterId, initial: { all_day: '12' } }, now),
    ).toMatchObject({ ok: true, period: OCTOBER });
    expect((await readingsOverview({ period: NOVEMBER })).counts).toEqual({
      total: 6,
      submitted: 2,
      missing: 4,
      estimated: 0,
    });
    expect((await readingsOverview({ period: OCTOBER })).counts.total).toBe(5);
    // Staff cannot enter a reading for the month of its initial readings.
    const tooEarly = await enterStaffReading(
      { id: staffId },
      { meterId: request.meterId, period: OCTOBER, values: { all_day: '20' }, confirmImplausible: false },
      now,
    );
    expect(tooEarly).toMatchObject({
      ok: false,
      message: expect.stringMatching(/начальными показаниями за октябрь 2026/),
    });
  });
});

describe('a reading entered by staff', () => {
  it('is recorded with source staff for the chosen period and turns the row into «submitted»', async () => {
    const id = await meterId(KUZNETSOV_METER);
    const previous = await previousValue(id, 'all_day');
    const before = (await readingsOverview({ period: NOVEMBER })).counts;

    const fraction = await enterStaffReading(
      { id: staffId },
      { meterId: id, period: NOVEMBER, values: { all_day: `${previous + 1},5` }, confirmImplausible: false },
      now,
    );
    expect(fraction).toMatchObject({ ok: false, fieldErrors: { zone_all_day: expect.stringMatching(/целым числом/) } });

    const result = await enterStaffReading(
      { id: staffId },
      { meterId: id, period: NOVEMBER, values: { all_day: String(previous + 160) }, confirmImplausible: false },
      now,
    );
    expect(result).toMatchObject({ ok: true, period: NOVEMBER });
    const stored = await t.db
      .select({
        value: readings.value,
        source: readings.source,
        submittedBy: readings.submittedBy,
        period: readings.period,
      })
      .from(readings)
      .where(and(eq(readings.meterId, id), eq(readings.period, NOVEMBER), eq(readings.status, 'accepted')));
    expect(stored).toEqual([{ value: previous + 160, source: 'staff', submittedBy: staffId, period: NOVEMBER }]);

    const after = await readingsOverview({ period: NOVEMBER, search: '50010004' });
    expect(after.rows[0]).toMatchObject({
      state: 'submitted',
      submitted: { source: 'staff', submittedBy: 'Смирнова Елена Андреевна' },
    });
    expect((await readingsOverview({ period: NOVEMBER })).counts).toMatchObject({
      submitted: before.submitted + 1,
      missing: before.missing - 1,
    });
  });

  it('an implausible jump needs the confirmation; a future period and a period before later readings are refused', async () => {
    const id = await meterId('41235872');
    const previous = await previousValue(id, 'all_day');
    const jump = { meterId: id, period: NOVEMBER, values: { all_day: String(previous + 50_000) } };
    const unconfirmed = await enterStaffReading({ id: staffId }, { ...jump, confirmImplausible: false }, now);
    expect(unconfirmed).toMatchObject({
      ok: false,
      fieldErrors: { confirmImplausible: expect.any(String), zone_all_day: expect.stringMatching(/больше обычного/) },
    });
    expect(await enterStaffReading({ id: staffId }, { ...jump, confirmImplausible: true }, now)).toMatchObject({
      ok: true,
    });

    const future = await enterStaffReading(
      { id: staffId },
      { meterId: id, period: '2026-12-01', values: { all_day: String(previous + 50_100) }, confirmImplausible: false },
      now,
    );
    expect(future).toMatchObject({ ok: false, message: expect.stringMatching(/ещё не принимаются/) });
    const beforeLater = await enterStaffReading(
      { id: staffId },
      { meterId: id, period: '2026-09-01', values: { all_day: String(previous) }, confirmImplausible: false },
      now,
    );
    expect(beforeLater).toMatchObject({ ok: false, message: expect.stringMatching(/уже приняты показания/) });
    const junk = await enterStaffReading(
      { id: staffId },
      { meterId: id, period: '2026-09-15', values: { all_day: '1' }, confirmImplausible: false },
      now,
    );
    expect(junk.ok).toBe(false);
  });
});

describe('the CSV export', () => {
  it('one line per register of every meter in scope, with the staff reading marked «сотрудник»', async () => {
    const { filename, csv, lines } = await readingsCsv(NOVEMBER);
    expect(filename).toBe('readings-2026-11.csv');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows.at(-1)).toBe('');
    expect(rows[0]).toBe('Лицевой счёт;Абонент;Адрес;Счётчик;Зона;Период;Показание;Источник;Принято');
    // 50010001: 2 one-rate meters; 50010002: 2 zones; 50010003: 3 + 1; 50010004: 1.
    expect(lines).toBe(9);
    expect(rows).toHaveLength(lines + 2);

    const kuznetsov = rows.find((r) => r.includes(KUZNETSOV_METER))!.split(';');
    expect(kuznetsov.slice(0, 6)).toEqual([
      '50010004',
      'Кузнецов Дмитрий Андреевич',
      'г. Истра, ул. Ленина, д. 5, кв. 7',
      KUZNETSOV_METER,
      'Круглосуточно',
      'ноябрь 2026',
    ]);
    expect(kuznetsov[6]).toMatch(/^\d+$/);
    expect(kuznetsov[7]).toBe('сотрудник');
    expect(kuznetsov[8]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);

    const petrov = rows.filter((r) => r.includes('009217056004185'));
    expect(petrov.map((r) => r.split(';').slice(4))).toEqual([
      ['День (T1)', 'ноябрь 2026', '', 'нет показаний', ''],
      ['Ночь (T2)', 'ноябрь 2026', '', 'нет показаний', ''],
    ]);
    const october = await readingsCsv(OCTOBER);
    expect(october.csv).toMatch(/009217056004185;День \(T1\);октябрь 2026;;по среднему;/);
  });
});
