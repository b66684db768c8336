// Prices follow the billing period: the seeded tariffs change on 1 October 2026 (urban one-rate 8,90 →
// 9,79 ₽/kWh), volume ranges split a month's kWh, a negative recalculation is priced from the first
// range; a run stops when a tariff is missing and skips an account whose register went down, and a
// later run carries on with only the accounts left. Each account is the test's own.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { billLines, bills, consumptionVolumes, ledgerEntries, readings, tariffs } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import { previewBills } from '@/lib/billing/preview';
import { billingRunStatus, startBillingRun } from '@/lib/billing/run';
import { ratesInForce } from '@/lib/tariffs/pricing';
import type { TariffCategory, TariffZone } from '@/lib/tariffs/zones';
import { useTestDatabase } from '../support/test-db';
import { addVolumes, createMeteredAccount, createUtilityProfile } from '../support/factories';

const t = useTestDatabase();

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
});

/** An account with one meter and the given register values per period (the first is `initial`). */
async function addAccount(opts: {
  number: string;
  category: TariffCategory;
  zonePlan: 1 | 2;
  registers: [period: string, values: Partial<Record<TariffZone, number>>][];
}) {
  const { accountId, meterId } = await createMeteredAccount(t.db, {
    account: { number: opts.number, tariffCategory: opts.category, contractStart: '2026-06-01' },
    meter: { serialNumber: `S${opts.number}`, zonePlan: opts.zonePlan, installedAt: '2026-06-10' },
    registers: opts.registers,
  });
  return { accountId, meterId };
}

async function billLinesOf(accountId: string, period: string) {
  const [bill] = await t.db
    .select()
    .from(bills)
    .where(and(eq(bills.accountId, accountId), eq(bills.period, period)));
  expect(bill).toBeDefined();
  const lines = await t.db
    .select()
    .from(billLines)
    .where(eq(billLines.billId, bill!.id))
    .orderBy(asc(billLines.zone), asc(billLines.kwh));
  return { bill: bill!, lines };
}

describe('the tariff in force for the period', () => {
  let oneRate: { accountId: string };
  let twoZone: { accountId: string };

  it('September 2026 is billed at the old prices, October at the new ones', async () => {
    oneRate = await addAccount({
      number: '50020001',
      category: 'urban',
      zonePlan: 1,
      registers: [
        ['2026-07-01', { all_day: 1_000 }],
        ['2026-08-01', { all_day: 1_200 }],
        ['2026-09-01', { all_day: 1_350 }],
        ['2026-10-01', { all_day: 1_500 }],
      ],
    });
    twoZone = await addAccount({
      number: '50020002',
      category: 'rural_or_stove',
      zonePlan: 2,
      registers: [
        ['2026-08-01', { day: 5_000, night: 2_000 }],
        ['2026-09-01', { day: 5_300, night: 2_100 }],
        ['2026-10-01', { day: 5_600, night: 2_200 }],
      ],
    });

    expect(
      await startBillingRun({ period: '2026-09-01', startedBy: null, now: new Date('2026-10-03T09:00:00Z') }),
    ).toMatchObject({ ok: true });
    expect(
      await startBillingRun({ period: '2026-10-01', startedBy: null, now: new Date('2026-11-03T09:00:00Z') }),
    ).toMatchObject({ ok: true });

    const september = await billLinesOf(oneRate.accountId, '2026-09-01');
    const october = await billLinesOf(oneRate.accountId, '2026-10-01');
    expect(september.lines.map((l) => [l.kwh, l.priceKopecks, l.amountKopecks])).toEqual([[150, 890, 133_500]]);
    expect(october.lines.map((l) => [l.kwh, l.priceKopecks, l.amountKopecks])).toEqual([[150, 979, 146_850]]);
    expect(september.lines[0]!.description).toBe('Электроэнергия: 150\u00a0кВт·ч × 8,90\u00a0₽');
    expect(september.bill).toMatchObject({
      receiptNumber: 'R-202609-50020001',
      dueDate: '2026-10-10',
      amountKopecks: 133_500,
    });

    // Two zones, rural: 70 % of the urban price, day 115 %, night 40 % (rounded to whole kopecks).
    const tariffRows = await t.db.select().from(tariffs);
    for (const [period, day, night] of [
      ['2026-09-01', 716, 249],
      ['2026-10-01', 788, 274],
    ] as const) {
      const { lines } = await billLinesOf(twoZone.accountId, period);
      expect(lines.map((l) => [l.zone, l.kwh, l.priceKopecks])).toEqual([
        ['day', 300, day],
        ['night', 100, night],
      ]);
      for (const line of lines) {
        const [rate] = ratesInForce(tariffRows, {
          category: 'rural_or_stove',
          zonePlan: 2,
          zone: line.zone!,
          day: period,
        });
        expect(line.tariffId).toBe(rate!.id);
      }
    }
  });
});

describe('volume ranges, a missing tariff and an account that cannot be billed', () => {
  const JAN = '2027-01-01';
  const now = new Date('2027-02-03T09:00:00Z');
  let ranged: { accountId: string; meterId: string };
  let refund: { accountId: string; meterId: string };
  let broken: { accountId: string; meterId: string };
  let estimated: { accountId: string; meterId: string };

  it('a run stops before writing anything when the period has no tariff for a meter', async () => {
    ranged = await addAccount({
      number: '50020003',
      category: 'urban',
      zonePlan: 1,
      registers: [
        ['2026-11-01', { all_day: 10_000 }],
        ['2026-12-01', { all_day: 10_180 }],
        ['2027-01-01', { all_day: 10_580 }],
      ],
    });
    // Estimated November and December (600 kWh), then a reading that counted only 200 since October.
    refund = await addAccount({
      number: '50020004',
      category: 'urban',
      zonePlan: 1,
      registers: [
        ['2026-10-01', { all_day: 20_000 }],
        ['2027-01-01', { all_day: 20_200 }],
      ],
    });
    await t.db.insert(consumptionVolumes).values([
      { meterId: refund.meterId, period: '2026-11-01', zone: 'all_day', kwh: 300, method: 'norm' },
      { meterId: refund.meterId, period: '2026-12-01', zone: 'all_day', kwh: 300, method: 'norm' },
    ]);
    // A register below the previous one.
    broken = await addAccount({
      number: '50020005',
      category: 'urban',
      zonePlan: 1,
      registers: [
        ['2026-11-01', { all_day: 7_000 }],
        ['2026-12-01', { all_day: 7_100 }],
        ['2027-01-01', { all_day: 6_900 }],
      ],
    });

    // Read every month until December (300 kWh each), not in January: January goes by the average.
    estimated = await addAccount({
      number: '50020006',
      category: 'urban',
      zonePlan: 1,
      registers: ['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'].map(
        (period, k) => [period, { all_day: 30_000 + 300 * k }],
      ),
    });
    await addVolumes(
      t.db,
      estimated.meterId,
      'reading',
      ['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'].map((period) => [
        period,
        { all_day: 300 },
      ]),
    );

    // The one-rate urban tariff ends with 2026; 2027's has not been entered yet.
    await t.db
      .update(tariffs)
      .set({ effectiveTo: '2026-12-31' })
      .where(and(eq(tariffs.category, 'urban'), eq(tariffs.zonePlan, 1), isNull(tariffs.effectiveTo)));
    const result = await startBillingRun({ period: JAN, startedBy: null, now });
    expect(result).toEqual({
      ok: false,
      runId: expect.any(String),
      message:
        'Нет действующего на 01.01.2027 тарифа: Городское население, одноставочный, круглосуточно. Заведите тариф и запустите начисление снова.',
    });
    expect(await billingRunStatus((result as { runId: string }).runId)).toMatchObject({
      status: 'failed',
      billsCreated: 0,
    });
    expect(await t.db.select().from(bills).where(eq(bills.period, JAN))).toEqual([]);
  });

  it('with two ranges in force, each month is split over them; a refund corrects each estimated month at its tariff', async () => {
    const [first, second] = await t.db
      .insert(tariffs)
      .values([
        {
          category: 'urban',
          zonePlan: 1,
          zone: 'all_day',
          rangeFromKwh: 0,
          rangeToKwh: 150,
          priceKopecks: 979,
          effectiveFrom: JAN,
        },
        {
          category: 'urban',
          zonePlan: 1,
          zone: 'all_day',
          rangeFromKwh: 150,
          rangeToKwh: null,
          priceKopecks: 1_468,
          effectiveFrom: JAN,
        },
      ])
      .returning();

    const previews = await previewBills(JAN, undefined, { now });
    const result = await startBillingRun({ period: JAN, startedBy: null, now });
    // 50020005 is skipped and named; everyone else is billed.
    expect(result).toEqual({
      ok: false,
      runId: expect.any(String),
      message:
        'Не начислено по 1 л/с — исправьте и запустите начисление за январь 2027 повторно (будут начислены только они): ' +
        '50020005: показание меньше предыдущего (счётчик № S50020005).',
    });
    const status = await billingRunStatus((result as { runId: string }).runId);
    expect(status).toMatchObject({ status: 'failed', accountsTotal: 6, billsCreated: 5 });
    expect(previews.get(broken.accountId)!.bill).toEqual({
      ok: false,
      problem: expect.stringContaining('меньше предыдущего'),
    });
    expect(
      await t.db
        .select()
        .from(bills)
        .where(and(eq(bills.accountId, broken.accountId), eq(bills.period, JAN))),
    ).toEqual([]);

    // 400 kWh: 150 at the first range's price, 250 at the second's.
    const { bill, lines } = await billLinesOf(ranged.accountId, JAN);
    expect(lines.map((l) => [l.kwh, l.tariffId, l.priceKopecks, l.amountKopecks, l.description])).toEqual([
      [150, first!.id, 979, 146_850, 'Электроэнергия: 150\u00a0кВт·ч × 9,79\u00a0₽'],
      [250, second!.id, 1_468, 367_000, 'Электроэнергия: 250\u00a0кВт·ч × 14,68\u00a0₽'],
    ]);
    expect(bill.amountKopecks).toBe(513_850);

    // The meter counted 200 kWh over November–January against 600 estimated: spread over November and
    // December by their estimates (100 + 100), each month gives back 200 kWh at its own tariff (9,79 ₽,
    // before the ranges of January).
    const back = await billLinesOf(refund.accountId, JAN);
    back.lines.sort((a, b) => (a.forPeriod ?? '').localeCompare(b.forPeriod ?? ''));
    expect(back.lines.map((l) => [l.kind, l.forPeriod, l.kwh, l.priceKopecks, l.amountKopecks])).toEqual([
      ['recalculation', '2026-11-01', -200, 979, -195_800],
      ['recalculation', '2026-12-01', -200, 979, -195_800],
    ]);
    expect(back.lines[0]!.description).toBe(
      'Перерасчёт за ноябрь 2026: по счётчику 100\u00a0кВт·ч из 200\u00a0кВт·ч за ноябрь 2026 – январь 2027, начислено без показаний 300\u00a0кВт·ч: -200\u00a0кВт·ч × 9,79\u00a0₽',
    );
    expect(back.bill.amountKopecks).toBe(-391_600);
    const [entry] = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.billId, back.bill.id));
    expect(entry).toMatchObject({ kind: 'adjustment', amountKopecks: -391_600 });

    // Every billed account, the estimate over the ranges included, matches its rolled-back preview.
    for (const preview of previews.values()) {
      if (!preview.bill.ok) continue;
      const { bill: sqlBill, lines: sqlLines } = await billLinesOf(preview.accountId, JAN);
      expect(sqlBill.amountKopecks, preview.number).toBe(preview.bill.amountKopecks);
      expect(sqlLines.map((l) => l.description).sort()).toEqual(preview.bill.lines.map((l) => l.description).sort());
    }
    // The average of 300 kWh is split over the two ranges like a reading would be.
    const estimatedLines = (await billLinesOf(estimated.accountId, JAN)).lines;
    expect(
      estimatedLines.map((l) => [l.method, l.kwh, l.priceKopecks]).sort((a, b) => Number(a[2]) - Number(b[2])),
    ).toEqual([
      ['average', 150, 979],
      ['average', 150, 1_468],
    ]);
  });

  it('once the reading is corrected, a new run bills only the account left over', async () => {
    await t.db
      .update(readings)
      .set({ status: 'superseded' })
      .where(and(eq(readings.meterId, broken.meterId), eq(readings.period, JAN)));
    await t.db
      .insert(readings)
      .values({ meterId: broken.meterId, period: JAN, zone: 'all_day', value: 7_190, source: 'staff' });
    const billedBefore = (await t.db.select({ id: bills.id }).from(bills).where(eq(bills.period, JAN))).length;

    const result = await startBillingRun({ period: JAN, startedBy: null, now });
    expect(result).toMatchObject({ ok: true });
    expect(await billingRunStatus((result as { runId: string }).runId)).toMatchObject({
      status: 'done',
      accountsTotal: 1,
      billsCreated: 1,
      error: null,
    });
    const { lines } = await billLinesOf(broken.accountId, JAN);
    expect(lines.map((l) => [l.kwh, l.priceKopecks])).toEqual([[90, 979]]);
    const january = await t.db.select({ accountId: bills.accountId }).from(bills).where(eq(bills.period, JAN));
    expect(january).toHaveLength(billedBefore + 1);
    expect(new Set(january.map((b) => b.accountId)).size).toBe(january.length);
    const entries = await t.db
      .select({ n: ledgerEntries.id })
      .from(ledgerEntries)
      .where(
        and(
          // One charge (or credit) per bill; the accounts that never paid also carry a penalty entry.
          inArray(ledgerEntries.kind, ['charge', 'adjustment']),
          inArray(
            ledgerEntries.billId,
            (await t.db.select({ id: bills.id }).from(bills).where(eq(bills.period, JAN))).map((b) => b.id),
          ),
        ),
      );
    expect(entries).toHaveLength(january.length);
  });
});
