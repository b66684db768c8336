// Reference cases of billing-rules.md, worked out by hand from the demo tariffs and held to what the
// billing run writes: a new meter's first period, fewer than 3 real months, a meter replacement, the
// norm by owners and on a multi-zone meter. Tariffs only (no demo accounts), one account per case.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billLines, bills, consumptionVolumes } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import { previewBills } from '@/lib/billing/preview';
import { startBillingRun } from '@/lib/billing/run';
import { replaceMeter } from '@/lib/meters/replacement';
import { shiftPeriod } from '@/lib/readings/window';
import type { TariffZone } from '@/lib/tariffs/zones';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import { addReadings, createMeteredAccount, createUser } from '../support/factories';

let t: TestDatabase;
let restore: () => void;

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await t.db.transaction((tx) => seedTariffs(tx));
});

afterAll(async () => {
  restore();
  await t.drop();
});

async function account(opts: { number: string; residents?: number; owners?: number; zonePlan?: 1 | 2 }) {
  const { accountId, meterId } = await createMeteredAccount(t.db, {
    account: {
      number: opts.number,
      residents: opts.residents ?? 2,
      owners: opts.owners ?? 1,
      normKwhPerResident: 100,
      contractStart: '2025-12-01',
    },
    meter: { zonePlan: opts.zonePlan ?? 1 },
  });
  return { accountId, meterId };
}

async function read(meterId: string, period: string, values: Partial<Record<TariffZone, number>>, initial = false) {
  await addReadings(t.db, meterId, [[period, values]], { firstIsInitial: initial });
}

/** Bills one period for everybody, on the 3rd of the next month (after its window has closed). */
async function bill(period: string) {
  const next = shiftPeriod(period, 1);
  const result = await startBillingRun({ period, startedBy: null, now: new Date(`${next.slice(0, 8)}03T09:00:00Z`) });
  expect(result, period).toMatchObject({ ok: true });
}

async function billOf(accountId: string, period: string) {
  const [row] = await t.db
    .select()
    .from(bills)
    .where(and(eq(bills.accountId, accountId), eq(bills.period, period)));
  const all = row
    ? await t.db.select().from(billLines).where(eq(billLines.billId, row.id)).orderBy(asc(billLines.zone))
    : [];
  // These accounts never pay, so later bills carry penalties (billing-penalties.test.ts checks them):
  // set aside here, where the volumes and their prices are the point.
  const penalties = all.filter((l) => l.kind === 'penalty').reduce((sum, l) => sum + l.amountKopecks, 0);
  const lines = all.filter((l) => l.kind !== 'penalty');
  return { bill: row && { ...row, amountKopecks: row.amountKopecks - penalties }, lines };
}

async function volumes(meterId: string) {
  return t.db
    .select({
      period: consumptionVolumes.period,
      zone: consumptionVolumes.zone,
      kwh: consumptionVolumes.kwh,
      method: consumptionVolumes.method,
    })
    .from(consumptionVolumes)
    .where(eq(consumptionVolumes.meterId, meterId))
    .orderBy(asc(consumptionVolumes.period), asc(consumptionVolumes.zone));
}

// Urban one-rate 8,90 ₽ for January–September 2026; two zones 10,24 / 3,56 ₽.
const ONE_RATE_2026 = 890;

describe('a meter’s first period and the months that may be averaged', () => {
  let full: { accountId: string; meterId: string };
  let short: { accountId: string; meterId: string };
  let byOwners: { accountId: string; meterId: string };
  let twoZone: { accountId: string; meterId: string };

  it('the month of the initial reading bills nothing and records no month of consumption', async () => {
    full = await account({ number: '80000001' });
    await read(full.meterId, '2026-01-01', { all_day: 1_000 }, true);
    await read(full.meterId, '2026-02-01', { all_day: 1_150 });
    await read(full.meterId, '2026-03-01', { all_day: 1_310 });
    await read(full.meterId, '2026-04-01', { all_day: 1_480 });
    short = await account({ number: '80000002', residents: 3 });
    await read(short.meterId, '2026-01-01', { all_day: 500 }, true);
    await read(short.meterId, '2026-02-01', { all_day: 650 });
    await read(short.meterId, '2026-03-01', { all_day: 810 });
    byOwners = await account({ number: '80000003', residents: 0, owners: 2 });
    await read(byOwners.meterId, '2026-01-01', { all_day: 0 }, true);
    twoZone = await account({ number: '80000004', residents: 1, zonePlan: 2 });
    await read(twoZone.meterId, '2026-01-01', { day: 10, night: 5 }, true);
    await read(twoZone.meterId, '2026-03-01', { day: 140, night: 45 });

    await bill('2026-01-01');
    const january = await billOf(full.accountId, '2026-01-01');
    expect(january.bill!.amountKopecks).toBe(0);
    expect(january.lines).toEqual([]);
    expect(await volumes(full.meterId)).toEqual([]);
  });

  it('150, 160 and 170 kWh by reading, then a month without one: the average of those three, 160 kWh', async () => {
    await bill('2026-02-01');
    await bill('2026-03-01');
    await bill('2026-04-01');
    expect((await volumes(full.meterId)).map((v) => [v.period, v.kwh, v.method])).toEqual([
      ['2026-02-01', 150, 'reading'],
      ['2026-03-01', 160, 'reading'],
      ['2026-04-01', 170, 'reading'],
    ]);
    // Short has only February and March by reading: no lawful average, the norm (3 × 100 kWh).
    const previews = await previewBills('2026-05-01', [full.accountId, short.accountId], {
      now: new Date('2026-06-03T09:00:00Z'),
    });
    const previewed = previews.get(full.accountId)!.bill;
    expect(previewed.ok && previewed.lines.filter((l) => l.kind !== 'penalty').map((l) => l.amountKopecks)).toEqual([
      160 * ONE_RATE_2026,
    ]);
    await bill('2026-05-01');

    const may = await billOf(full.accountId, '2026-05-01');
    expect(may.lines.map((l) => [l.method, l.kwh, l.priceKopecks, l.amountKopecks])).toEqual([
      ['average', 160, ONE_RATE_2026, 160 * ONE_RATE_2026],
    ]);
    expect(may.lines[0]!.description).toContain('по среднему за 3 мес.');
    expect(may.bill!.amountKopecks).toBe(160 * ONE_RATE_2026);

    const shortApril = await billOf(short.accountId, '2026-04-01');
    expect(shortApril.lines.map((l) => [l.method, l.kwh])).toEqual([['norm', 300]]);
    expect(shortApril.lines[0]!.description).toContain(
      'нет показаний, а прежние есть только за 2 мес. (для среднего нужно не меньше 3)',
    );
  });

  it('with nobody registered the norm counts the owners', async () => {
    const { lines } = await billOf(byOwners.accountId, '2026-02-01');
    expect(lines.map((l) => [l.method, l.kwh, l.amountKopecks])).toEqual([['norm', 200, 200 * ONE_RATE_2026]]);
    expect(lines[0]!.description).toContain('по нормативу 2 собств. × 100 кВт·ч');
  });

  it('a norm on a two-zone meter is one volume at the one-rate tariff', async () => {
    const { lines } = await billOf(twoZone.accountId, '2026-02-01');
    expect(lines.map((l) => [l.zone, l.method, l.kwh, l.priceKopecks])).toEqual([
      ['all_day', 'norm', 100, ONE_RATE_2026],
    ]);
    // March's reading recalculates February: the meter's 130 + 40 kWh at February's zone prices, the
    // 100 kWh norm taken back at the one-rate price. March itself has no volume of its own left.
    const march = await billOf(twoZone.accountId, '2026-03-01');
    expect(march.lines.map((l) => [l.kind, l.zone, l.forPeriod, l.kwh, l.priceKopecks])).toEqual([
      ['recalculation', 'all_day', '2026-02-01', -100, ONE_RATE_2026],
      ['recalculation', 'day', '2026-02-01', 130, 1_024],
      ['recalculation', 'night', '2026-02-01', 40, 356],
    ]);
    expect(march.bill!.amountKopecks).toBe(-100 * ONE_RATE_2026 + 130 * 1_024 + 40 * 356);
    expect(march.lines[1]!.description).toBe(
      'Перерасчёт, день (T1) за февраль 2026: по счётчику 130\u00a0кВт·ч из 130\u00a0кВт·ч за февраль – март 2026, ' +
        'начислено без показаний 0\u00a0кВт·ч: 130\u00a0кВт·ч × 10,24\u00a0₽',
    );
  });
});

describe('a meter replacement', () => {
  let household: { accountId: string; meterId: string };
  let newMeterId: string;

  it('bills the old meter up to its final reading and the new one from its initial reading', async () => {
    // Installed in January (initial), real months February–April: 100, 110, 120 kWh.
    household = await account({ number: '80000010' });
    await read(household.meterId, '2026-01-01', { all_day: 5_000 }, true);
    await read(household.meterId, '2026-02-01', { all_day: 5_100 });
    await read(household.meterId, '2026-03-01', { all_day: 5_210 });
    await read(household.meterId, '2026-04-01', { all_day: 5_330 });
    for (const p of ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']) await bill(p);

    // Replaced on 12 May (before May's window): the old meter's final 5 400, the new one starts at 7.
    const staff = await createUser(t.db, { role: 'operator' });
    const replaced = await replaceMeter(
      staff,
      {
        oldMeterId: household.meterId,
        serialNumber: 'NEW-80000010',
        zonePlan: 1,
        installedAt: '2026-05-12',
        final: { all_day: '5400' },
        initial: { all_day: '7' },
      },
      new Date('2026-05-12T10:00:00Z'),
    );
    expect(replaced).toMatchObject({ ok: true, period: '2026-05-01' });
    newMeterId = (replaced as { meterId: string }).meterId;
    // The new meter's reading of May (after the replacement day) counts for May too: 7 → 57.
    await read(newMeterId, '2026-05-01', { all_day: 57 });
    await bill('2026-05-01');

    const may = await billOf(household.accountId, '2026-05-01');
    expect(may.lines.map((l) => [l.meterId, l.method, l.kwh])).toEqual(
      expect.arrayContaining([
        [household.meterId, 'reading', 70],
        [newMeterId, 'reading', 50],
      ]),
    );
    expect(may.lines).toHaveLength(2);
    expect(may.bill!.amountKopecks).toBe(120 * ONE_RATE_2026);
  });

  it('the household’s average runs across both meters', async () => {
    // June without a reading: the average of February–May, 100 + 110 + 120 + (70 + 50) = 450 / 4.
    await bill('2026-06-01');
    const june = await billOf(household.accountId, '2026-06-01');
    expect(june.lines.map((l) => [l.meterId, l.method, l.kwh])).toEqual([[newMeterId, 'average', 113]]);
    expect(june.lines[0]!.description).toContain('по среднему за 4 мес.');
  });
});

describe('billing a period whose readings window is still open', () => {
  it('is refused unless staff confirm, and the refusal names how many accounts would be estimated', async () => {
    const during = new Date('2026-07-20T09:00:00Z');
    const refused = await startBillingRun({ period: '2026-07-01', startedBy: null, now: during });
    expect(refused.ok).toBe(false);
    const message = (refused as { message: string }).message;
    expect(message).toMatch(/^Приём показаний за июль 2026 ещё идёт — по 25\.07\.2026\. Если начислить сейчас, \d+ /);
    expect(message).toContain('получат счёт по расчёту');
    expect(await t.db.select().from(bills).where(eq(bills.period, '2026-07-01'))).toEqual([]);

    const confirmed = await startBillingRun({
      period: '2026-07-01',
      startedBy: null,
      now: during,
      confirmOpenWindow: true,
    });
    expect(confirmed).toMatchObject({ ok: true });
  });
});
