// Properties of the billing run over random histories (fast-check): months with and without readings,
// late catch-up readings, a meter replacement, the October tariff change and payments. Whatever the
// history, once the last month has a reading: the kWh billed equal what the meters counted; no month
// is billed twice; every bill is the sum of its lines; every penalty line is its accrued days; the
// balance is charges + penalties − payments − refunds; every amount is whole kopecks. Bounded (a few runs of a few months) so it stays in npm test.
import { and, eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, billLines, bills, ledgerEntries, penaltyDays, readings, refunds } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import { accountBalance } from '@/lib/billing/balance';
import { startBillingRun } from '@/lib/billing/run';
import { replaceMeter } from '@/lib/meters/replacement';
import { shiftPeriod } from '@/lib/readings/window';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import { createMeteredAccount, createPaidPayment, createUser } from '../support/factories';

let t: TestDatabase;
let restore: () => void;
let staffId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await t.db.transaction((tx) => seedTariffs(tx));
  staffId = (await createUser(t.db, { role: 'operator' })).id;
});

afterAll(async () => {
  restore();
  await t.drop();
});

interface Month {
  kwh: number;
  reading: boolean;
  /** Kopecks paid after this month's bill, as a share of it (0: nothing). */
  paidPercent: number;
}

const history = fc
  .record({
    months: fc.array(
      fc.record({
        kwh: fc.integer({ min: 0, max: 450 }),
        reading: fc.boolean(),
        paidPercent: fc.constantFrom(0, 0, 50, 100, 120),
      }),
      { minLength: 3, maxLength: 7 },
    ),
    residents: fc.integer({ min: 0, max: 4 }),
    replaceAt: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    newInitial: fc.integer({ min: 0, max: 5_000 }),
  })
  .map((h) => ({
    ...h,
    // The readings catch up: the last month always has one; a replacement is before the last month.
    months: h.months.map((m, i) => (i === h.months.length - 1 ? { ...m, reading: true } : m)),
    replaceAt: h.replaceAt !== null && h.replaceAt < h.months.length - 1 ? h.replaceAt : null,
  }));

const FIRST = '2026-07-01';
let penaltyLinesSeen = 0;
let runNumber = 0;

/** The 3rd of the month after the period: its reading window has closed. */
const billingDay = (period: string) => new Date(`${shiftPeriod(period, 1).slice(0, 8)}03T09:00:00Z`);

async function play(h: { months: Month[]; residents: number; replaceAt: number | null; newInitial: number }) {
  runNumber += 1;
  const number = String(90_000_000 + runNumber);
  const created = await createMeteredAccount(t.db, {
    account: {
      number,
      settlement: 'г. Истра',
      street: 'ул. Случайная',
      house: String(runNumber),
      residents: h.residents,
      owners: 1,
      contractStart: '2026-06-01',
    },
    meter: { serialNumber: `P${number}`, installedAt: '2026-07-05' },
  });
  const accountId = created.accountId;
  let meterId = created.meterId;
  let register = 10_000;
  let metered = 0;
  // Month 0 holds the initial reading only; consumption starts with month 1.
  await t.db.insert(readings).values({ meterId, period: FIRST, zone: 'all_day', value: register, source: 'initial' });

  const periods: string[] = [];
  for (let i = 0; i < h.months.length; i++) {
    const period = shiftPeriod(FIRST, i);
    periods.push(period);
    const month = h.months[i]!;
    if (i > 0) {
      if (h.replaceAt === i) {
        // Replaced on the 10th: the old meter counted this whole month up to its final reading.
        register += month.kwh;
        metered += month.kwh;
        const replaced = await replaceMeter(
          { id: staffId },
          {
            oldMeterId: meterId,
            serialNumber: `N${number}`,
            zonePlan: 1,
            installedAt: `${period.slice(0, 8)}10`,
            final: { all_day: String(register) },
            initial: { all_day: String(h.newInitial) },
          },
          new Date(`${period.slice(0, 8)}12T09:00:00Z`),
        );
        expect(replaced).toMatchObject({ ok: true, period });
        meterId = (replaced as { meterId: string }).meterId;
        register = h.newInitial;
      } else {
        register += month.kwh;
        metered += month.kwh;
        if (month.reading)
          await t.db
            .insert(readings)
            .values({ meterId, period, zone: 'all_day', value: register, source: 'subscriber' });
      }
    }
    const result = await startBillingRun({ period, startedBy: null, now: billingDay(period) });
    expect(result, period).toMatchObject({ ok: true });

    const [bill] = await t.db
      .select()
      .from(bills)
      .where(and(eq(bills.accountId, accountId), eq(bills.period, period)));
    const pay = Math.floor((bill!.amountKopecks * month.paidPercent) / 100);
    if (pay > 0) {
      const paidAt = new Date(billingDay(period).getTime() + 86_400_000);
      const payment = await createPaidPayment(t.db, accountId, pay, paidAt, { billId: bill!.id });
      // An overpayment is given back two days later.
      const excess = pay - bill!.amountKopecks;
      if (excess > 0) {
        const refundedAt = new Date(paidAt.getTime() + 2 * 86_400_000);
        const [refund] = await t.db
          .insert(refunds)
          .values({ paymentId: payment.id, amountKopecks: excess, status: 'succeeded', reason: 'Переплата' })
          .returning({ id: refunds.id });
        await t.db.insert(ledgerEntries).values({
          accountId,
          kind: 'refund',
          amountKopecks: excess,
          refundId: refund!.id,
          description: 'Возврат переплаты',
          postedAt: refundedAt,
        });
      }
    }
  }

  const accountBills = await t.db.select().from(bills).where(eq(bills.accountId, accountId));
  const lines = await t.db
    .select()
    .from(billLines)
    .where(
      inArray(
        billLines.billId,
        accountBills.map((b) => b.id),
      ),
    );
  const entries = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, accountId));
  // Later runs must not bill this account again.
  await t.db.update(accounts).set({ status: 'closed' }).where(eq(accounts.id, accountId));
  return { accountId, periods, metered, accountBills, lines, entries };
}

describe('billing over random histories', () => {
  it('bills exactly what the meters counted, once per month, to the kopeck', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const { accountId, periods, metered, accountBills, lines, entries } = await play(h);

        // No month billed twice, every month billed.
        expect(accountBills.map((b) => b.period).sort()).toEqual(periods);

        // The kWh billed over the history equal what the meters counted once readings caught up.
        const billedKwh = lines.reduce((sum, l) => sum + (l.kwh ?? 0), 0);
        expect(billedKwh).toBe(metered);

        for (const b of accountBills) {
          const own = lines.filter((l) => l.billId === b.id);
          expect(own.reduce((sum, l) => sum + l.amountKopecks, 0)).toBe(b.amountKopecks);
          for (const l of own) {
            expect(Number.isSafeInteger(l.amountKopecks)).toBe(true);
            if (l.kind !== 'penalty') expect(l.amountKopecks).toBe(l.kwh! * l.priceKopecks!);
          }
          // A bill's ledger entries are its charge (or credit) and its penalty, adding up to the bill.
          const posted = entries.filter((e) => e.billId === b.id);
          expect(posted.reduce((sum, e) => sum + e.amountKopecks, 0)).toBe(b.amountKopecks);
          expect(posted.filter((e) => e.kind === 'penalty').reduce((sum, e) => sum + e.amountKopecks, 0)).toBe(
            own.filter((l) => l.kind === 'penalty').reduce((sum, l) => sum + l.amountKopecks, 0),
          );
        }

        // Every penalty line is its accrued days recomputed: Σ base × rate ÷ 10 000 ÷ divisor, half up.
        const days = await t.db
          .select()
          .from(penaltyDays)
          .where(
            inArray(
              penaltyDays.penaltyBillId,
              accountBills.map((b) => b.id),
            ),
          );
        penaltyLinesSeen += lines.filter((x) => x.kind === 'penalty').length;
        for (const l of lines.filter((x) => x.kind === 'penalty')) {
          const debt = accountBills.find((b) => b.period === l.forPeriod)!;
          const own = days.filter((d) => d.penaltyBillId === l.billId && d.debtBillId === debt.id);
          const numerator = own.reduce((sum, d) => sum + d.baseKopecks * d.rateBasisPoints * (3_900 / d.divisor), 0);
          expect(l.amountKopecks).toBe(Math.floor((2 * numerator + 39_000_000) / 78_000_000));
        }
        expect(new Set(days.map((d) => `${d.debtBillId}|${d.day}`)).size).toBe(days.length);

        // Balance = charges + penalties − payments − refunds (a refund gives money back: it adds to the debt).
        const sumOf = (kinds: string[]) =>
          entries.filter((e) => kinds.includes(e.kind)).reduce((sum, e) => sum + e.amountKopecks, 0);
        const charges = sumOf(['charge', 'adjustment']);
        const penalties = sumOf(['penalty']);
        const paid = -sumOf(['payment']);
        const refunded = sumOf(['refund']);
        expect(charges + penalties).toBe(accountBills.reduce((sum, b) => sum + b.amountKopecks, 0));
        expect(await accountBalance(accountId)).toBe(charges + penalties - (paid - refunded));
        for (const e of entries) expect(Number.isSafeInteger(e.amountKopecks)).toBe(true);
      }),
      { numRuns: 6, seed: Number(process.env.BILLING_PROPERTY_SEED ?? 20_261_201) },
    );
    // The histories left bills unpaid long enough for penalties: the check above was not vacuous.
    expect(penaltyLinesSeen).toBeGreaterThan(0);
    // Nothing left running.
    const [running] = await t.db
      .execute(sql`select count(*)::int as n from billing_runs where status = 'running'`)
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(running!.n).toBe(0);
  }, 300_000);
});
