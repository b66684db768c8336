// Penalties (ЖК РФ ст. 155 ч. 14) accrued by the billing run, checked against figures computed by
// hand below. One household, one-rate meter, urban tariff 9,79 ₽/kWh; January 2031 uses 500 kWh
// (4 895,00 ₽, due 10.02.2031) and every later month 0 kWh, so January is the only debt. Key rate
// 16 % from 01.01.2031, 20 % from 15.05.2031 (no cap after 2026); a moratorium 20.04–24.04.2031.
// Day n after the due date: 31st = 13.03.2031, 91st = 12.05.2031. Runs on the 3rd of each month.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { billLines, bills, keyRates, ledgerEntries, penaltyDays, penaltyReliefPeriods } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import { accountBalance } from '@/lib/billing/balance';
import { previewBills } from '@/lib/billing/preview';
import { startBillingRun } from '@/lib/billing/run';
import { shiftPeriod } from '@/lib/readings/window';
import { dbErrorOf, useTestDatabase } from '../support/test-db';
import { createMeteredAccount, createPaidPayment } from '../support/factories';

const t = useTestDatabase();
let accountId: string;

const runDay = (period: string) => new Date(`${shiftPeriod(period, 1).slice(0, 8)}03T09:00:00Z`);

async function bill(period: string) {
  const result = await startBillingRun({ period, startedBy: null, now: runDay(period) });
  expect(result, period).toMatchObject({ ok: true });
  const [row] = await t.db
    .select()
    .from(bills)
    .where(and(eq(bills.accountId, accountId), eq(bills.period, period)));
  const lines = await t.db.select().from(billLines).where(eq(billLines.billId, row!.id));
  return { bill: row!, penalties: lines.filter((l) => l.kind === 'penalty') };
}

async function pay(kopecks: number, at: string) {
  await createPaidPayment(t.db, accountId, kopecks, new Date(at));
}

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await t.db.insert(keyRates).values([
    { effectiveFrom: '2031-01-01', rateBasisPoints: 1600 },
    { effectiveFrom: '2031-05-15', rateBasisPoints: 2000 },
  ]);
  await t.db
    .insert(penaltyReliefPeriods)
    .values({ kind: 'moratorium', startsOn: '2031-04-20', endsOn: '2031-04-24', basis: 'тест' });
  const created = await createMeteredAccount(t.db, {
    account: {
      number: '77000001',
      holderName: 'Должников Д. Д.',
      street: 'ул. Пеней',
      house: '1',
      contractStart: '2030-01-01',
    },
    meter: { serialNumber: 'PEN-1', installedAt: '2030-12-01' },
    registers: [
      ['2030-12-01', { all_day: 1_000 }],
      ['2031-01-01', { all_day: 1_500 }],
      ['2031-02-01', { all_day: 1_500 }],
      ['2031-03-01', { all_day: 1_500 }],
      ['2031-04-01', { all_day: 1_500 }],
      ['2031-05-01', { all_day: 1_500 }],
      ['2031-06-01', { all_day: 1_500 }],
    ],
  });
  accountId = created.accountId;
  await startBillingRun({ period: '2030-12-01', startedBy: null, now: runDay('2030-12-01') });
});

describe('penalties of the billing run', () => {
  it('accrues nothing in the first 30 days overdue', async () => {
    const jan = await bill('2031-01-01');
    expect(jan.bill.amountKopecks).toBe(500 * 979); // 489 500
    expect(jan.bill.dueDate).toBe('2031-02-10');
    const feb = await bill('2031-02-01');
    // Days 03.02–02.03.2031 are days 1…20 overdue at most.
    expect(feb.penalties).toEqual([]);
    expect(feb.bill.amountKopecks).toBe(0);
  });

  it('charges 1/300 from the 31st day on what the oldest-first payments left, the payment day included', async () => {
    // 1 895,00 ₽ paid on 20.03 pays January (the oldest debt) down to 3 000,00 ₽.
    await pay(189_500, '2031-03-20T10:00:00Z');
    const mar = await bill('2031-03-01');
    // Days 13.03–02.04.2031 (days 31…51), rate 16 %:
    //   13.03–20.03:  8 days × 4 895,00 ₽ × 0,16 / 300 = 8 × 261,0667 коп. = 2 088,5333 коп.
    //   21.03–02.04: 13 days × 3 000,00 ₽ × 0,16 / 300 = 13 × 160 коп.     = 2 080 коп.
    //   total 4 168,5333 коп. → 4 169 коп. (half up, once per line)
    expect(mar.penalties).toHaveLength(1);
    expect(mar.penalties[0]!.amountKopecks).toBe(4_169);
    expect(mar.penalties[0]!.forPeriod).toBe('2031-01-01');
    expect(mar.penalties[0]!.description).toBe(
      'Пени за просрочку оплаты за январь 2031 (срок оплаты 10.02.2031): ' +
        '13.03.2031–20.03.2031, 8\u00a0дн. × 4\u00a0895,00\u00a0₽ × 16\u00a0% × 1/300; ' +
        '21.03.2031–02.04.2031, 13\u00a0дн. × 3\u00a0000,00\u00a0₽ × 16\u00a0% × 1/300 = 41,69\u00a0₽',
    );
    expect(mar.bill.amountKopecks).toBe(4_169);
    const entries = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.billId, mar.bill.id));
    expect(entries.map((e) => [e.kind, e.amountKopecks])).toEqual([['penalty', 4_169]]);
  });

  it('skips the days of a moratorium', async () => {
    const apr = await bill('2031-04-01');
    // 03.04–02.05.2031 is 30 days, less 20.04–24.04 (moratorium): 25 days × 3 000,00 ₽ × 0,16 / 300 = 25 × 160 = 4 000 коп.
    expect(apr.penalties.map((l) => l.amountKopecks)).toEqual([4_000]);
    expect(apr.penalties[0]!.description).toContain('03.04.2031–19.04.2031, 17\u00a0дн.');
    expect(apr.penalties[0]!.description).toContain('25.04.2031–02.05.2031, 8\u00a0дн.');
  });

  it('the preview shows the same penalty the run then charges: 1/130 from the 91st day, at each day’s key rate', async () => {
    // 03.05–02.06.2031 (days 82…112); the key rate is 16 % until 14.05 and 20 % from 15.05:
    //   03.05–11.05:  9 days × 3 000,00 ₽ × 0,16 / 300 = 9 × 160 коп.          =  1 440 коп.
    //   12.05–14.05:  3 days × 3 000,00 ₽ × 0,16 / 130 = 3 × 369,2308 коп.     =  1 107,6923 коп.
    //   15.05–02.06: 19 days × 3 000,00 ₽ × 0,20 / 130 = 19 × 461,5385 коп.    =  8 769,2308 коп.
    //   total 11 316,9231 коп. → 11 317 коп.
    const preview = await previewBills('2031-05-01', [accountId], { now: runDay('2031-05-01') });
    const previewed = preview.get(accountId)!.bill;
    expect(previewed.ok && previewed.lines.filter((l) => l.kind === 'penalty').map((l) => l.amountKopecks)).toEqual([
      11_317,
    ]);
    const kept = await t.db.execute(sql`select count(*)::int as n from penalty_days`);
    expect((kept as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(21 + 25); // the preview kept nothing
    const may = await bill('2031-05-01');
    expect(may.penalties.map((l) => l.amountKopecks)).toEqual([11_317]);
  });

  it('stops on the day of full payment and never charges a day twice', async () => {
    // Owed: 489 500 + 4 169 + 4 000 + 11 317 − 189 500 = 319 486 коп., paid in full on 10.06.2031.
    expect(await accountBalance(accountId)).toBe(319_486);
    await pay(319_486, '2031-06-10T08:00:00Z');
    const jun = await bill('2031-06-01');
    // 03.06–10.06: 8 days × 3 000,00 ₽ × 0,20 / 130 = 8 × 461,5385 = 3 692,3077 коп. → 3 692 коп.; nothing after.
    expect(jun.penalties.map((l) => l.amountKopecks)).toEqual([3_692]);
    expect(await accountBalance(accountId)).toBe(3_692);

    // A second run of the period bills nothing more; the database refuses a day twice.
    expect(await startBillingRun({ period: '2031-06-01', startedBy: null, now: runDay('2031-06-01') })).toMatchObject({
      ok: true,
    });
    const days = await t.db.select().from(penaltyDays);
    expect(days).toHaveLength(21 + 25 + 31 + 8);
    const again = { ...days[0]! };
    const error = await t.db
      .insert(penaltyDays)
      .values(again)
      .then(() => null)
      .catch((e: unknown) => e);
    expect(dbErrorOf(error).code).toBe('23505');
  });
});
