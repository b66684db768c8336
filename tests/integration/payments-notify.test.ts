import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditLog,
  cardBindings,
  ledgerEntries,
  notificationPreferences,
  notifications,
  payments,
  users,
} from '@/db/schema';
import { buildSandboxNotification, sandboxGateway, type SandboxConfig } from '@/lib/payments/gateway/sandbox/gateway';
import { acceptPaymentNotification } from '@/lib/payments/notify';
import { startPayment } from '@/lib/payments/start';
import { createHousehold, createUtilityProfile } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// Exactly once: only a signed notification for a known InvId and the asked
// amount credits the ledger, once, however many times and however concurrently it arrives.

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const config: SandboxConfig = {
  merchantLogin: 'energokabinet-sandbox',
  password1: 'test-one',
  password2: 'test-two',
  hash: 'md5',
};
const gateway = sandboxGateway({ origin: 'http://test.local', config });
const ctx = { ip: '203.0.113.9' };

const t = useTestDatabase();
let accountId: string;
let userId: string;
let accountNumber: string;

beforeAll(async () => {
  await createUtilityProfile(t.db);
  const household = await createHousehold(t.db);
  accountId = household.accountId;
  userId = household.user.id;
  accountNumber = household.number;
});

async function balance(): Promise<number> {
  const [row] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return row!.sum;
}

async function pending(amountKopecks: number, requestsBinding = false) {
  return startPayment({ accountId, userId, amountKopecks, requestsBinding, ip: ctx.ip }, gateway);
}

function notification(invId: number, amountKopecks: number, extra: Partial<Record<string, string>> = {}) {
  return {
    ...buildSandboxNotification(
      { invId, amountKopecks, shp: { Shp_purpose: 'electricity' }, cardMask: '411111******1111' },
      config,
    ),
    ...extra,
  } as Record<string, string>;
}

describe('payment notifications', () => {
  it('credit once: 100 concurrent copies of one notification → one ledger entry, every copy answered OK', async () => {
    const before = await balance();
    const { invId, paymentId } = await pending(123_45);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => acceptPaymentNotification(gateway, notification(invId, 123_45), ctx)),
    );
    expect(answers.every((a) => a.status === 200 && a.body === `OK${invId}`)).toBe(true);
    expect(await balance()).toBe(before - 123_45);
    const credits = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, paymentId));
    expect(credits).toHaveLength(1);
    const [payment] = await t.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment).toMatchObject({ status: 'paid', cardMask: '411111******1111', paymentMethod: 'BankCard' });
  });

  it('refuse and log a forged signature, an unknown InvId and another amount; credit nothing', async () => {
    const before = await balance();
    const { invId, paymentId } = await pending(500_00);
    const forged = { ...notification(invId, 500_00), SignatureValue: '0'.repeat(32) };
    const otherPassword = buildSandboxNotification(
      { invId, amountKopecks: 500_00, shp: { Shp_purpose: 'electricity' }, cardMask: '411111******1111' },
      { ...config, password2: 'guessed' },
    );
    const cheaper = notification(invId, 1_00);
    const unknown = notification(999_999, 500_00);
    const tampered = { ...notification(invId, 500_00), OutSum: '5.000000' };
    for (const params of [forged, otherPassword, cheaper, unknown, tampered]) {
      const answer = await acceptPaymentNotification(gateway, params, ctx);
      expect(answer.status).toBe(400);
      expect(answer.body).not.toMatch(/^OK/);
    }
    expect(await balance()).toBe(before);
    const [payment] = await t.db.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId));
    expect(payment?.status).toBe('pending');
    const refusals = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'payment.notification_refused'));
    const reasons = refusals.map((r) => (r.details as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['bad_signature', 'amount_mismatch', 'unknown_inv_id']));

    // The genuine one still works afterwards.
    expect((await acceptPaymentNotification(gateway, notification(invId, 500_00), ctx)).status).toBe(200);
    expect(await balance()).toBe(before - 500_00);
  });

  it('a payment that asked to remember the card leaves a binding with the gateway token and the mask only', async () => {
    const { invId, paymentId } = await pending(10_00, true);
    await acceptPaymentNotification(gateway, notification(invId, 10_00), ctx);
    await acceptPaymentNotification(gateway, notification(invId, 10_00), ctx);
    const bindings = await t.db
      .select()
      .from(cardBindings)
      .where(and(eq(cardBindings.userId, userId), eq(cardBindings.parentPaymentId, paymentId)));
    expect(bindings).toEqual([
      expect.objectContaining({
        token: String(invId),
        cardMask: '411111******1111',
        purpose: 'electricity',
        gateway: 'sandbox',
      }),
    ]);
  });

  it('texts the payer who asked for an SMS about credited payments, once however often the gateway repeats itself', async () => {
    await t.db.update(users).set({ phone: '+79001234567' }).where(eq(users.id, userId));
    await t.db
      .insert(notificationPreferences)
      .values({ userId, event: 'payment_credited', channel: 'sms', enabled: true });
    const { invId, paymentId } = await pending(77_00);
    for (let i = 0; i < 3; i++) await acceptPaymentNotification(gateway, notification(invId, 77_00), ctx);
    const sms = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.event, 'payment_credited')));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ channel: 'sms', dedupeKey: expect.stringContaining(paymentId) });
    expect(sms[0]!.body).toContain(`платёж 77,00\u00a0₽ по лицевому счёту ${accountNumber} зачислен`);
  });
});
