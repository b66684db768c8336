import { and, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, ledgerEntries, payments } from '@/db/schema';
import { buildSandboxNotification, sandboxGateway, type SandboxConfig } from '@/lib/payments/gateway/sandbox/gateway';
import { robokassaGateway } from '@/lib/payments/gateway/robokassa';
import { expireAbandonedPayments } from '@/lib/payments/expiry';
import { acceptPaymentNotification } from '@/lib/payments/notify';
import { gatewayHandOver, startPayment } from '@/lib/payments/start';
import { searchPayments } from '@/lib/payments/staff-search';
import { paymentStatusLabels } from '@/lib/payments/status-labels';
import { jobDefinition } from '@/lib/jobs/definitions';
import { createHousehold, createUtilityProfile } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// A payment abandoned on the gateway's page becomes «не оплачен» after PAYMENT_LIFETIME_MINUTES
// (60 by default); money that arrives after that is credited all the same, and flagged for staff.

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const config: SandboxConfig = {
  merchantLogin: 'energokabinet-sandbox',
  password1: 'one',
  password2: 'two',
  hash: 'md5',
};
const gateway = sandboxGateway({ origin: 'http://test.local', config });
const ctx = { ip: '203.0.113.9' };
const HOUR = 60 * 60 * 1000;

const t = useTestDatabase();
let accountId: string;
let userId: string;

beforeAll(async () => {
  await createUtilityProfile(t.db);
  const household = await createHousehold(t.db);
  accountId = household.accountId;
  userId = household.user.id;
});

async function paymentRow(id: string) {
  const [row] = await t.db.select().from(payments).where(eq(payments.id, id));
  return row!;
}

describe('payment expiry', () => {
  it('leaves a fresh payment pending and expires an abandoned one as «не оплачен», once', async () => {
    const fresh = await startPayment(
      { accountId, userId, amountKopecks: 10_000, requestsBinding: false, ip: ctx.ip },
      gateway,
    );
    const abandoned = await startPayment(
      { accountId, userId, amountKopecks: 20_000, requestsBinding: false, ip: ctx.ip },
      gateway,
    );
    await t.db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - 2 * HOUR) })
      .where(eq(payments.id, abandoned.paymentId));

    // The job's handler, twice (two cron ticks): the second finds nothing left to expire.
    await jobDefinition('payment-expiry')!.run({}, {} as PgBoss);
    expect(await expireAbandonedPayments()).toBe(0);

    expect((await paymentRow(fresh.paymentId)).status).toBe('pending');
    const expired = await paymentRow(abandoned.paymentId);
    expect(expired.status).toBe('expired');
    expect(expired.expiredAt).toBeInstanceOf(Date);
    expect(paymentStatusLabels[expired.status]).toBe('не оплачен');
    // A pending payment never carries an expiry time.
    await expect(
      t.db.update(payments).set({ status: 'pending' }).where(eq(payments.id, abandoned.paymentId)),
    ).rejects.toThrow();
  });

  it('credits a valid notification that comes after the expiry, and flags it for staff', async () => {
    const started = await startPayment(
      { accountId, userId, amountKopecks: 35_000, requestsBinding: false, ip: ctx.ip },
      gateway,
    );
    await t.db
      .update(payments)
      .set({ createdAt: new Date(Date.now() - 3 * HOUR) })
      .where(eq(payments.id, started.paymentId));
    expect(await expireAbandonedPayments()).toBe(1);

    const params = buildSandboxNotification(
      {
        invId: started.invId,
        amountKopecks: 35_000,
        shp: { Shp_purpose: 'electricity' },
        cardMask: '411111******1111',
      },
      config,
    );
    const answer = await acceptPaymentNotification(gateway, params, ctx);
    expect(answer).toEqual({ status: 200, body: `OK${started.invId}` });
    const paid = await paymentRow(started.paymentId);
    expect(paid.status).toBe('paid');
    expect(paid.expiredAt).toBeInstanceOf(Date);
    const credit = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, started.paymentId));
    expect(credit.map((c) => c.amountKopecks)).toEqual([-35_000]);
    const flagged = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'payment.paid_after_expiry'), eq(auditLog.subjectId, started.paymentId)));
    expect(flagged).toHaveLength(1);
    const { rows } = await searchPayments({ invId: started.invId });
    expect(rows.map((r) => [r.status, r.paidAfterExpiry])).toEqual([['paid', true]]);

    // The gateway retries: still one credit.
    await acceptPaymentNotification(gateway, params, ctx);
    const [credits] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.paymentId, started.paymentId));
    expect(credits?.n).toBe(1);
  });

  it('tells Robokassa when the invoice expires', () => {
    const robokassa = robokassaGateway({
      merchantLogin: 'shop',
      password1: 'one',
      password2: 'two',
      hash: 'md5',
      isTest: true,
    } as Parameters<typeof robokassaGateway>[0]);
    const createdAt = new Date('2026-11-20T09:00:00Z');
    const handOver = gatewayHandOver(
      {
        invId: 100_500,
        amountKopecks: 12_345,
        description: 'Оплата электроэнергии',
        receiptEmail: null,
        requestsBinding: false,
        purpose: 'electricity',
        createdAt,
      },
      robokassa,
    );
    expect(handOver.fields.ExpirationDate).toBe('2026-11-20T10:00:00.000Z');
  });
});
