// The billing run on four households and a company of three points, billed for 12 months (November
// 2025 – October 2026): 50010002 estimated for September and October, 50010003 (two meters) with a
// reading for November. November is billed on 3 December; the bills are held to the rolled-back preview of the same SQL and to figures worked out here.
import { and, asc, count, eq, inArray, lt } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  billLines,
  billingRuns,
  bills,
  consumptionVolumes,
  ledgerEntries,
  meters,
  readings,
  tariffs,
} from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import { accountBalance, amountDue, balances } from '@/lib/billing/balance';
import { previewBills, type BillPreview, type PreviewLine } from '@/lib/billing/preview';
import { billingRunStatus, createBillingRun, listBillingRuns, runBilling, startBillingRun } from '@/lib/billing/run';
import type { Zone } from '@/lib/readings/consumption';
import { estimatePeriod, spreadOverMonths } from '../support/estimate-reference';
import { priceVolume, ratesInForce } from '@/lib/tariffs/pricing';
import { zonesForPlan } from '@/lib/tariffs/zones';
import { shiftPeriod } from '@/lib/readings/window';
import {
  addReadings,
  billOf as billRow,
  billPeriod,
  COMPANY_POINTS,
  createBilledCompany,
  createMeter,
  createMeteredAccount,
  createPaidPayment,
  createUser,
  createUtilityProfile,
  monthlyReadings,
} from '../support/factories';
import { useTestDatabase } from '../support/test-db';

const billedAt = new Date('2026-12-03T09:00:00Z');
const NOV = '2026-11-01';
const DEC = '2026-12-01';

const t = useTestDatabase();
let operatorId: string;
let runId: string;
let previews: Map<string, BillPreview>;
let balancesBefore: Map<string, number>;
const historyBefore = new Map<
  string,
  { period: string; zone: Zone; kwh: number; method: 'reading' | 'average' | 'norm' | 'recalculation' }[]
>();
/** Petrov's registers: the last real reading (August) and the one submitted for November. */
const petrov = { last: new Map<Zone, number>(), november: new Map<Zone, number>() };

/** Monthly readings from October 2025 for `months` months. */
const monthly = (start: Record<string, number>, use: Record<string, number>, months: number) =>
  monthlyReadings({ from: '2025-10-01', to: shiftPeriod('2025-10-01', months - 1), start, use, jitter: 11 });

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  operatorId = (await createUser(t.db, { fullName: 'Смирнова Елена Андреевна' })).id;
  const billed = Array.from({ length: 12 }, (_, k) => shiftPeriod('2025-11-01', k));
  await createBilledCompany(t.db, {
    points: COMPANY_POINTS.map((p, i) => ({ ...p, number: `7002000${i + 1}` })),
    periods: billed,
  });
  const since = { contractStart: '2025-10-01' };
  const first = await createMeteredAccount(t.db, {
    account: { number: '50010001', ...since },
    meter: { installedAt: '2025-10-01' },
    registers: monthly({ all_day: 12_000 }, { all_day: 180 }, 13),
  });
  // Petrov read until August.
  const second = await createMeteredAccount(t.db, {
    account: { number: '50010002', residents: 4, tariffCategory: 'rural_or_stove', ...since },
    meter: { zonePlan: 2, installedAt: '2025-10-01' },
    registers: monthly({ day: 30_000, night: 11_000 }, { day: 380, night: 210 }, 11),
  });
  // Sidorova: a three-zone meter and a one-rate one, read every month, November too.
  const third = await createMeteredAccount(t.db, {
    account: { number: '50010003', ...since },
    meter: { zonePlan: 3, installedAt: '2025-10-01' },
    registers: monthly({ peak: 8_000, half_peak: 9_000, night: 10_000 }, { peak: 60, half_peak: 90, night: 70 }, 13),
  });
  const { id: secondMeter } = await createMeter(t.db, third.accountId, { installedAt: '2025-10-02' });
  await addReadings(t.db, secondMeter, monthly({ all_day: 3_000 }, { all_day: 50 }, 13));
  const fourth = await createMeteredAccount(t.db, {
    account: { number: '50010004', ...since },
    meter: { installedAt: '2025-10-01' },
    registers: monthly({ all_day: 20_000 }, { all_day: 240 }, 13),
  });
  const unpaid = new Set([`${second.accountId}/2026-09-01`, `${second.accountId}/2026-10-01`]);
  for (const period of billed) {
    await billPeriod(period);
    for (const { accountId } of [first, second, third, fourth]) {
      if (unpaid.has(`${accountId}/${period}`)) continue;
      const bill = await billRow(t.db, accountId, period);
      await createPaidPayment(t.db, accountId, bill.amountKopecks, new Date(`${bill.dueDate}T06:00:00Z`));
    }
  }
  await addReadings(
    t.db,
    third.meterId,
    [[NOV, { peak: 8_000 + 60 * 14, half_peak: 9_000 + 90 * 14, night: 10_000 + 70 * 14 }]],
    { firstIsInitial: false },
  );
  await addReadings(t.db, secondMeter, [[NOV, { all_day: 3_000 + 50 * 14 }]], { firstIsInitial: false });
});

async function accountId(number: string): Promise<string> {
  const [row] = await t.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.number, number));
  return row!.id;
}

async function metersOf(number: string) {
  return t.db
    .select({ id: meters.id, zonePlan: meters.zonePlan, serialNumber: meters.serialNumber })
    .from(meters)
    .where(eq(meters.accountId, await accountId(number)))
    .orderBy(asc(meters.installedAt));
}

async function rowCounts() {
  const n = async (table: typeof bills | typeof billLines | typeof consumptionVolumes | typeof ledgerEntries) =>
    (await t.db.select({ n: count() }).from(table))[0]!.n;
  return {
    bills: await n(bills),
    lines: await n(billLines),
    volumes: await n(consumptionVolumes),
    ledger: await n(ledgerEntries),
  };
}

async function billOf(number: string, period: string) {
  const rows = await t.db
    .select()
    .from(bills)
    .where(and(eq(bills.accountId, await accountId(number)), eq(bills.period, period)));
  expect(rows).toHaveLength(1);
  const bill = rows[0]!;
  const lines = await t.db.select().from(billLines).where(eq(billLines.billId, bill.id));
  return { bill, lines };
}

const lineKey = (l: { meterId: string | null; zone: string | null; kind: string; tariffId: string | null }) =>
  `${l.meterId}|${l.zone}|${l.kind}|${l.tariffId}`;

type LineLike = { [K in keyof Omit<PreviewLine, 'kind'>]: PreviewLine[K] | null } & { kind: string };

async function meterIdsOf(accountId: string) {
  return (await t.db.select({ id: meters.id }).from(meters).where(eq(meters.accountId, accountId))).map((m) => m.id);
}

function comparable(l: LineLike) {
  const { kind, meterId, zone, method, forPeriod, kwh, tariffId, priceKopecks, amountKopecks, description } = l;
  return { kind, meterId, zone, method, forPeriod, kwh, tariffId, priceKopecks, amountKopecks, description };
}

describe('billing November 2026', () => {
  it('starts from the seeded state: nothing billed for November yet', async () => {
    const billed = await t.db.select({ n: count() }).from(bills).where(eq(bills.period, NOV));
    expect(billed[0]!.n).toBe(0);
  });

  it('bills every active account once, exactly as its rolled-back preview said', async () => {
    // Petrov (two months estimated) submits a reading for November: August's registers plus three months.
    const [meter] = await metersOf('50010002');
    const august = await t.db
      .select({ zone: readings.zone, value: readings.value })
      .from(readings)
      .where(and(eq(readings.meterId, meter!.id), eq(readings.period, '2026-08-01'), eq(readings.status, 'accepted')));
    expect(august).toHaveLength(2);
    for (const r of august) {
      petrov.last.set(r.zone, r.value);
      petrov.november.set(r.zone, r.value + (r.zone === 'day' ? 1_150 : 640));
    }
    await t.db.insert(readings).values(
      [...petrov.november].map(([zone, value]) => ({
        meterId: meter!.id,
        period: NOV,
        zone,
        value,
        source: 'subscriber' as const,
      })),
    );

    // What the pure functions expect, from the data as it stands before the run.
    previews = await previewBills(NOV, undefined, { now: billedAt });
    expect([...previews.values()].map((p) => p.number).sort()).toEqual([
      '50010001',
      '50010002',
      '50010003',
      '50010004',
      '70020001',
      '70020002',
      '70020003',
    ]);
    for (const p of previews.values()) expect(p.bill.ok, p.number).toBe(true);
    const allMeters = await t.db.select({ id: meters.id }).from(meters);
    const volumesBefore = await t.db
      .select()
      .from(consumptionVolumes)
      .where(
        and(
          inArray(
            consumptionVolumes.meterId,
            allMeters.map((m) => m.id),
          ),
          lt(consumptionVolumes.period, NOV),
        ),
      );
    for (const v of volumesBefore) {
      const list = historyBefore.get(v.meterId) ?? [];
      list.push({ period: v.period, zone: v.zone, kwh: v.kwh, method: v.method });
      historyBefore.set(v.meterId, list);
    }
    balancesBefore = await balances([...previews.keys()]);

    const created = await createBillingRun({ period: NOV, startedBy: operatorId, now: billedAt });
    expect(created.ok).toBe(true);
    runId = (created as { runId: string }).runId;
    const outcome = await runBilling(runId, { now: billedAt, chunkSize: 3 });
    expect(outcome).toMatchObject({ status: 'done', accountsTotal: 7, billsCreated: 7, error: null, chunks: 3 });
    // The tariff check, the chunk plan, two statements per chunk (bills, penalties), reading and closing the run row.
    expect(outcome.statements).toBe(2 + 3 * 2 + 2);

    for (const preview of previews.values()) {
      if (!preview.bill.ok) throw new Error(preview.bill.problem);
      const { bill, lines } = await billOf(preview.number, NOV);
      expect(bill).toMatchObject({
        receiptNumber: `R-202611-${preview.number}`,
        amountKopecks: preview.bill.amountKopecks,
        dueDate: '2026-12-10',
        billingRunId: runId,
      });
      expect(bill.issuedAt.toISOString()).toBe(billedAt.toISOString());
      expect(lines.map(comparable).sort((a, b) => lineKey(a).localeCompare(lineKey(b)))).toEqual(
        preview.bill.lines.map(comparable).sort((a, b) => lineKey(a).localeCompare(lineKey(b))),
      );
      expect(lines.reduce((sum, l) => sum + l.amountKopecks, 0)).toBe(bill.amountKopecks);

      const volumes = await t.db
        .select({
          meterId: consumptionVolumes.meterId,
          zone: consumptionVolumes.zone,
          kwh: consumptionVolumes.kwh,
          method: consumptionVolumes.method,
        })
        .from(consumptionVolumes)
        .where(
          and(
            inArray(consumptionVolumes.meterId, await meterIdsOf(preview.accountId)),
            eq(consumptionVolumes.period, NOV),
          ),
        );
      const byKey = (v: { meterId: string; zone: string }) => `${v.meterId}|${v.zone}`;
      expect(volumes.sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(
        [...preview.bill.volumes].sort((a, b) => byKey(a).localeCompare(byKey(b))),
      );
    }
  });

  it("50010003's bill uses its readings, priced at the tariff in force for November", async () => {
    const { lines } = await billOf('50010003', NOV);
    const tariffRows = await t.db.select().from(tariffs);
    const meterRows = await metersOf('50010003');
    expect(meterRows.map((m) => m.zonePlan)).toEqual([3, 1]);
    let expected = 0;
    for (const meter of meterRows) {
      for (const zone of zonesForPlan(meter.zonePlan)) {
        const regs = await t.db
          .select({ period: readings.period, value: readings.value })
          .from(readings)
          .where(
            and(eq(readings.meterId, meter.id), eq(readings.zone, zone), inArray(readings.period, ['2026-10-01', NOV])),
          )
          .orderBy(asc(readings.period));
        const kwh = regs[1]!.value - regs[0]!.value;
        expect(kwh).toBeGreaterThan(0);
        const rates = ratesInForce(tariffRows, { category: 'urban', zonePlan: meter.zonePlan, zone, day: NOV });
        const line = lines.find((l) => l.meterId === meter.id && l.zone === zone)!;
        expect(line).toMatchObject({
          kind: 'consumption',
          method: 'reading',
          kwh,
          priceKopecks: rates[0]!.priceKopecks,
          amountKopecks: kwh * rates[0]!.priceKopecks,
        });
        expect(line.description).toContain(`счётчик № ${meter.serialNumber}`);
        expected += priceVolume(kwh, rates)[0]!.amountKopecks;
      }
    }
    // The one-rate urban price from 1 October 2026.
    expect(lines.find((l) => l.zone === 'all_day')!.priceKopecks).toBe(979);
    expect(lines).toHaveLength(4);
    expect((await billOf('50010003', NOV)).bill.amountKopecks).toBe(expected);
  });

  it('accounts without a reading get the estimate estimatePeriod gives on their history', async () => {
    for (const number of ['50010001', '50010004', '70020001', '70020002', '70020003']) {
      const [account] = await t.db.select().from(accounts).where(eq(accounts.number, number));
      const { lines } = await billOf(number, NOV);
      for (const meter of await metersOf(number)) {
        const estimate = estimatePeriod({
          period: NOV,
          zones: zonesForPlan(meter.zonePlan),
          history: historyBefore.get(meter.id)!,
          residents: account!.residents,
          normKwhPerResident: account!.normKwhPerResident,
        });
        expect(estimate.method).toBe('average');
        const volumes = await t.db
          .select({ zone: consumptionVolumes.zone, kwh: consumptionVolumes.kwh, method: consumptionVolumes.method })
          .from(consumptionVolumes)
          .where(and(eq(consumptionVolumes.meterId, meter.id), eq(consumptionVolumes.period, NOV)));
        expect(new Map(volumes.map((v) => [v.zone, v.kwh]))).toEqual(
          new Map(estimate.volumes.map((v) => [v.zone, v.kwh])),
        );
        expect(volumes.every((v) => v.method === 'average')).toBe(true);
        for (const line of lines.filter((l) => l.meterId === meter.id)) {
          expect(line.method).toBe('average');
          expect(line.description).toContain(`расчётный объём (${estimate.reason})`);
        }
      }
    }
    const { lines } = await billOf('50010001', NOV);
    expect(lines[0]!.description).toMatch(
      /^Электроэнергия, расчётный объём \(нет показаний: по среднему за 6 мес\.\): [\d\u00a0]+\u00a0кВт·ч × 9,79\u00a0₽$/,
    );
  });

  it("50010002's reading after two estimated months recalculates each month at its own tariff", async () => {
    const [meter] = await metersOf('50010002');
    const { lines } = await billOf('50010002', NOV);
    const estimated = historyBefore.get(meter!.id)!.filter((v) => v.method === 'average');
    const months = [...new Set(estimated.map((v) => v.period))].sort();
    expect(months).toEqual(['2026-09-01', '2026-10-01']);
    const weights = months.map((period) => ({
      period,
      weight: estimated.filter((v) => v.period === period).reduce((sum, v) => sum + v.kwh, 0),
    }));
    const tariffRows = await t.db.select().from(tariffs);
    const expected: { zone: Zone; forPeriod: string; kwh: number; priceKopecks: number }[] = [];
    for (const [zone, value] of petrov.november) {
      const real = value - petrov.last.get(zone)!;
      for (const share of spreadOverMonths(real, weights)) {
        const billed = estimated.find((v) => v.period === share.period && v.zone === zone)!.kwh;
        const [rate] = ratesInForce(tariffRows, {
          category: 'rural_or_stove',
          zonePlan: 2,
          zone,
          day: share.period,
        });
        if (share.kwh !== billed)
          expected.push({ zone, forPeriod: share.period, kwh: share.kwh - billed, priceKopecks: rate!.priceKopecks });
      }
    }
    // September is priced at the tariff before the October indexation, October after it.
    expect(new Set(expected.map((e) => e.priceKopecks)).size).toBeGreaterThan(2);
    const key = (l: { zone: string | null; forPeriod: string | null }) => `${l.zone}|${l.forPeriod}`;
    expect(
      lines
        .filter((l) => l.kind !== 'penalty')
        .map((l) => ({
          kind: l.kind,
          method: l.method,
          zone: l.zone,
          forPeriod: l.forPeriod,
          kwh: l.kwh,
          priceKopecks: l.priceKopecks,
          amountKopecks: l.amountKopecks,
        }))
        .sort((a, b) => key(a).localeCompare(key(b))),
    ).toEqual(
      expected
        .map((e) => ({
          kind: 'recalculation',
          method: 'recalculation',
          ...e,
          amountKopecks: e.kwh * e.priceKopecks,
        }))
        .sort((a, b) => key(a).localeCompare(key(b))),
    );
    for (const line of lines.filter((l) => l.kind !== 'penalty')) {
      expect(line.description).toMatch(/^Перерасчёт, (день|ночь) \(T\d\) за (сентябрь|октябрь) 2026: по счётчику /);
      expect(line.description).toContain('за сентябрь – ноябрь 2026, начислено без показаний');
    }
    // November's volume: what the meter counted beyond what the estimates billed (never below zero).
    const volumes = await t.db
      .select({ zone: consumptionVolumes.zone, kwh: consumptionVolumes.kwh, method: consumptionVolumes.method })
      .from(consumptionVolumes)
      .where(and(eq(consumptionVolumes.meterId, meter!.id), eq(consumptionVolumes.period, NOV)));
    expect(volumes.sort((a, b) => a.zone.localeCompare(b.zone))).toEqual(
      [...petrov.november]
        .map(([zone, value]) => {
          const billed = estimated.filter((v) => v.zone === zone).reduce((sum, v) => sum + v.kwh, 0);
          return { zone, kwh: Math.max(value - petrov.last.get(zone)! - billed, 0), method: 'recalculation' };
        })
        .sort((a, b) => a.zone.localeCompare(b.zone)),
    );
  });

  it('posts one charge per bill; each balance moves by exactly its bill', async () => {
    const after = await balances([...previews.keys()]);
    for (const preview of previews.values()) {
      const { bill } = await billOf(preview.number, NOV);
      const entries = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.billId, bill.id));
      // Beside the charge, at most one penalty entry: its penalty lines (Petrov owes since September).
      const penalties = entries.filter((e) => e.kind === 'penalty');
      expect(penalties.length).toBeLessThanOrEqual(1);
      const penalty = penalties[0]?.amountKopecks ?? 0;
      const charges = entries.filter((e) => e.kind !== 'penalty');
      expect(charges).toHaveLength(1);
      expect(charges[0]).toMatchObject({
        accountId: preview.accountId,
        kind: 'charge',
        amountKopecks: bill.amountKopecks - penalty,
        description: `Начислено за ноябрь 2026, квитанция R-202611-${preview.number}`,
        createdBy: operatorId,
      });
      expect(after.get(preview.accountId)! - balancesBefore.get(preview.accountId)!).toBe(bill.amountKopecks);
      expect(await accountBalance(preview.accountId)).toBe(after.get(preview.accountId));
    }
    expect(amountDue(12_345)).toBe(12_345);
    expect(amountDue(-500)).toBe(0);
    expect(await balances([])).toEqual(new Map());
  });

  it('reports the run for the staff page', async () => {
    const status = await billingRunStatus(runId);
    expect(status).toMatchObject({
      id: runId,
      period: NOV,
      status: 'done',
      accountsTotal: 7,
      billsCreated: 7,
      progress: 1,
      error: null,
      startedBy: { id: operatorId, fullName: 'Смирнова Елена Андреевна' },
    });
    expect(status!.finishedAt).not.toBeNull();
    expect((await listBillingRuns(3))[0]!.id).toBe(runId);
    expect(await billingRunStatus('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('a rerun of the period writes nothing', async () => {
    const before = await rowCounts();
    const again = await startBillingRun({ period: NOV, startedBy: operatorId, now: billedAt });
    expect(again.ok).toBe(true);
    expect(await rowCounts()).toEqual(before);
    expect(await billingRunStatus((again as { runId: string }).runId)).toMatchObject({
      status: 'done',
      accountsTotal: 0,
      billsCreated: 0,
      progress: 1,
    });
  });
});

describe('two runs of December started at once', () => {
  it('one bills, the other is refused; one bill per account', async () => {
    const now = new Date('2027-01-05T07:00:00Z');
    const before = await rowCounts();
    const results = await Promise.all([
      startBillingRun({ period: DEC, startedBy: operatorId, now }),
      startBillingRun({ period: DEC, startedBy: operatorId, now }),
    ]);
    const ok = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as { message: string }).message).toMatch(/^Начисление за декабрь 2026 уже выполняется/);

    const december = await t.db
      .select({ accountId: bills.accountId, id: bills.id })
      .from(bills)
      .where(eq(bills.period, DEC));
    expect(december).toHaveLength(7);
    expect(new Set(december.map((b) => b.accountId)).size).toBe(7);
    const charges = await t.db
      .select({ n: count() })
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.kind, 'charge'),
          inArray(
            ledgerEntries.billId,
            december.map((b) => b.id),
          ),
        ),
      );
    expect(charges[0]!.n).toBe(7);
    expect((await rowCounts()).bills).toBe(before.bills + 7);
    const runs = await t.db.select({ status: billingRuns.status }).from(billingRuns).where(eq(billingRuns.period, DEC));
    expect(runs).toEqual([{ status: 'done' }]);
  });
});

describe('the period a run may bill', () => {
  it('refuses a malformed period, a month still ahead and one before the first tariff', async () => {
    const start = (period: string) => createBillingRun({ period, startedBy: operatorId, now: billedAt });
    expect(await start('2026-11-15')).toEqual({
      ok: false,
      message: 'Укажите расчётный период: первое число месяца, например 2026-11-01.',
    });
    expect(await start('2027-01-01')).toEqual({
      ok: false,
      message: 'Нельзя начислить за январь 2027: этот месяц ещё не наступил.',
    });
    expect(await start('2024-12-01')).toEqual({
      ok: false,
      message: 'Нельзя начислить за декабрь 2024: первый тариф действует с 01.01.2025.',
    });
    const runs = await t.db
      .select({ n: count() })
      .from(billingRuns)
      .where(inArray(billingRuns.period, ['2027-01-01', '2024-12-01']));
    expect(runs[0]!.n).toBe(0);
  });
});
