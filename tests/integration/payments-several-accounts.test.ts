// One gateway payment for several accounts: recorded with an allocation per account (the database
// refuses allocations that do not add up), handed over with one receipt listing each account, and
// credited to every account once by the gateway's notification, however many copies land at once.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accountUsers, ledgerEntries, paymentAllocations, payments } from '@/db/schema';
import { receiptLinesOf } from '@/lib/payments/electricity-receipt';
import { decodeReceipt } from '@/lib/payments/gateway/receipt';
import { startSeveralAccountsPayment } from '@/lib/payments/several';
import { gatewayHandOver } from '@/lib/payments/start';
import {
  createAccount,
  createBill,
  createCompanyUser,
  createHousehold,
  createUtilityProfile,
} from '../support/factories';
import { notifyPaid, sandbox } from '../support/sandbox-card';
import { dbErrorOf, useTestDatabase } from '../support/test-db';

// The ownership check reads the session module, which needs Next's request boundary.
vi.mock('next-auth', () => import('../support/request-boundary').then((m) => m.nextAuthModule()));
vi.mock('@/auth', () => import('../support/request-boundary').then((m) => m.authModule()));
vi.mock('next/headers', () => import('../support/request-boundary').then((m) => m.headersModule()));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const data = useTestDatabase();
const db = () => data.db;
const ip = '203.0.113.42';

beforeAll(async () => {
  await createUtilityProfile(db());
});

async function balanceOf(accountId: string): Promise<number> {
  const [row] = await db()
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return row!.sum;
}

/** A household with a house and a dacha, each with a bill. */
async function houseAndDacha() {
  const house = await createHousehold(db());
  const dacha = await createAccount(db());
  await db().insert(accountUsers).values({ accountId: dacha.id, userId: house.user.id, isOwner: true });
  await createBill(db(), house.accountId, { period: '2026-10-01', amountKopecks: 1_500_00 });
  await createBill(db(), dacha.id, { period: '2026-10-01', amountKopecks: 320_45 });
  return { user: house.user, house: { id: house.accountId, number: house.number }, dacha };
}

describe('a household pays its house and its dacha in one payment', () => {
  it('one payment, an allocation per account, one receipt with a line per account, each credited once from 100 notifications at once', async () => {
    const { user, house, dacha } = await houseAndDacha();
    const started = await startSeveralAccountsPayment(user, [house.id, dacha.id], sandbox(), { ip });
    if (!started.ok) throw new Error(started.message);

    const [payment] = await db().select().from(payments).where(eq(payments.id, started.paymentId));
    expect(payment).toMatchObject({ amountKopecks: 1_820_45, status: 'pending', userId: user.id });
    const allocations = await db()
      .select()
      .from(paymentAllocations)
      .where(eq(paymentAllocations.paymentId, started.paymentId));
    expect(allocations.map((a) => [a.accountId, a.amountKopecks]).sort()).toEqual(
      [
        [house.id, 1_500_00],
        [dacha.id, 320_45],
      ].sort(),
    );

    const handOver = gatewayHandOver(payment!, sandbox(), await receiptLinesOf(payment!));
    const receipt = decodeReceipt(handOver.fields.Receipt!);
    expect(receipt?.items.map((i) => [i.name, i.sum, i.payment_method, i.payment_object, i.tax]).sort()).toEqual(
      [
        [`Электроэнергия, лицевой счёт ${house.number}`, 1500, 'full_payment', 'service', 'vat22'],
        [`Электроэнергия, лицевой счёт ${dacha.number}`, 320.45, 'full_payment', 'service', 'vat22'],
      ].sort(),
    );

    await notifyPaid(started.invId, 1_820_45, 100);
    expect(await balanceOf(house.id)).toBe(0);
    expect(await balanceOf(dacha.id)).toBe(0);
    const credits = await db().select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, started.paymentId));
    expect(credits.map((c) => [c.accountId, c.amountKopecks]).sort()).toEqual(
      [
        [house.id, -1_500_00],
        [dacha.id, -320_45],
      ].sort(),
    );
    const [paid] = await db().select().from(payments).where(eq(payments.id, started.paymentId));
    expect(paid?.status).toBe('paid');
  });

  it('refuses an account of someone else and an account with nothing to pay', async () => {
    const { user, house } = await houseAndDacha();
    const stranger = await createHousehold(db());
    await createBill(db(), stranger.accountId, { period: '2026-10-01', amountKopecks: 100_00 });
    expect(await startSeveralAccountsPayment(user, [house.id, stranger.accountId], sandbox(), { ip })).toMatchObject({
      ok: false,
    });
    const settled = await createAccount(db());
    await db().insert(accountUsers).values({ accountId: settled.id, userId: user.id, isOwner: true });
    expect(await startSeveralAccountsPayment(user, [house.id, settled.id], sandbox(), { ip })).toEqual({
      ok: false,
      message: `По лицевому счёту ${settled.number} нечего оплачивать — снимите с него отметку`,
    });
    expect(await db().select().from(payments).where(eq(payments.accountId, stranger.accountId))).toEqual([]);
  });
});

describe('a company pays its metering points in one payment', () => {
  it('credits each of its accounts once', async () => {
    const { companyId, user } = await createCompanyUser(db(), { companyRole: 'accountant' });
    const points = [];
    for (const amount of [10_000_00, 2_500_50, 777_77]) {
      const account = await createAccount(db(), { kind: 'company', companyId });
      await createBill(db(), account.id, { period: '2026-10-01', amountKopecks: amount });
      points.push(account);
    }
    const started = await startSeveralAccountsPayment(
      user,
      points.map((p) => p.id),
      sandbox(),
      { ip },
    );
    if (!started.ok) throw new Error(started.message);
    await notifyPaid(started.invId, 10_000_00 + 2_500_50 + 777_77, 10);
    for (const p of points) expect(await balanceOf(p.id)).toBe(0);
  });
});

describe('the database', () => {
  it('refuses allocations that do not add up to their payment', async () => {
    const { user, house, dacha } = await houseAndDacha();
    const error = await db()
      .transaction(async (tx) => {
        const [payment] = await tx
          .insert(payments)
          .values({
            accountId: house.id,
            userId: user.id,
            amountKopecks: 1_000_00,
            gateway: 'sandbox',
            description: 'x',
          })
          .returning();
        await tx.insert(paymentAllocations).values([
          { paymentId: payment!.id, accountId: house.id, amountKopecks: 600_00 },
          { paymentId: payment!.id, accountId: dacha.id, amountKopecks: 300_00 },
        ]);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(dbErrorOf(error)).toMatchObject({ code: '23514', constraint: 'payment_allocations_add_up' });
  });
});
