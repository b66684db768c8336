// Autopay: a bill issued after it was turned on is announced, then charged from the bound card
// once however often the job runs; the monthly cap holds; a failed charge is told once and not
// tried again; turning it off, or password recovery, stops a charge already announced.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accountUsers, autopayCharges, autopaySettings, ledgerEntries, notifications, payments } from '@/db/schema';
import { completePasswordReset } from '@/lib/auth/recovery';
import { issueToken } from '@/lib/auth/tokens';
import { AUTOPAY_MESSAGES, disableAutopay, enableAutopay } from '@/lib/payments/autopay';
import { INTERRUPTED_BEFORE_GATEWAY, runAutopay } from '@/lib/payments/autopay-run';
import { decodeReceipt } from '@/lib/payments/gateway/receipt';
import { NEW_PASSWORD } from '../support/auth-fixtures';
import { createBill, createHousehold, createUtilityProfile } from '../support/factories';
import { bindSandboxCard, notifyPaid, sandboxRecurringPeer } from '../support/sandbox-card';
import { useTestDatabase } from '../support/test-db';

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
vi.mock('@/lib/notifications/sms-delivery', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/notifications/sms-delivery')>()),
  kickSmsDelivery: () => {},
}));

const data = useTestDatabase();
const db = () => data.db;
const ip = '203.0.113.41';
const HOUR = 3_600_000;
/** Autopay is turned on at the start of November; October's bill is issued on 1 November, 06:00 UTC. */
const ENABLED_AT = new Date('2026-11-01T00:00:00Z');

beforeAll(async () => {
  await createUtilityProfile(db());
});

async function subscriberWithCard() {
  const household = await createHousehold(db());
  const binding = await bindSandboxCard(db(), household.user.id, household.accountId);
  return { ...household, binding };
}

async function turnOn(
  who: Awaited<ReturnType<typeof subscriberWithCard>>,
  settings: { mode: 'full_bill' | 'fixed'; fixedAmount?: number; monthlyCap: number; noticeHours: number },
) {
  const outcome = await enableAutopay(
    who.user.id,
    { accountId: who.accountId, bindingId: who.binding.id, ...settings },
    { ip, now: ENABLED_AT },
  );
  expect(outcome).toEqual({ ok: true });
}

const chargesOf = (accountId: string) =>
  db().select().from(autopayCharges).where(eq(autopayCharges.accountId, accountId)).orderBy(autopayCharges.createdAt);
const autopayNotices = (userId: string) =>
  db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.event, 'autopay')));
const chargedPayments = (accountId: string) =>
  db()
    .select()
    .from(payments)
    .where(and(eq(payments.accountId, accountId), sql`${payments.cardBindingId} is not null`));

async function balanceOf(accountId: string): Promise<number> {
  const [row] = await db()
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return row!.sum;
}

describe('a newly issued bill', () => {
  it('is announced once, then charged once from the bound card and credited once, however often the job runs', async () => {
    const who = await subscriberWithCard();
    await turnOn(who, { mode: 'full_bill', monthlyCap: 5_000_00, noticeHours: 24 });
    // A bill issued before autopay was turned on is not autopaid.
    await createBill(db(), who.accountId, {
      period: '2026-09-01',
      amountKopecks: 700_00,
      issuedAt: new Date('2026-10-01T06:00:00Z'),
    });
    const bill = await createBill(db(), who.accountId, { period: '2026-10-01', amountKopecks: 1_234_56 });
    const peer = sandboxRecurringPeer();

    const noticeAt = new Date('2026-11-01T07:00:00Z');
    await runAutopay({ now: noticeAt, send: peer.send });
    await runAutopay({ now: noticeAt, send: peer.send });
    const [announced, ...more] = await chargesOf(who.accountId);
    expect(more).toEqual([]);
    expect(announced).toMatchObject({ billId: bill.id, status: 'noticed', amountKopecks: 1_234_56 });
    expect(announced!.chargeAfter).toEqual(new Date(noticeAt.getTime() + 24 * HOUR));
    const notices = await autopayNotices(who.user.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toContain('1\u00a0234,56');
    // Not before its time.
    await runAutopay({ now: new Date(noticeAt.getTime() + 23 * HOUR), send: peer.send });
    expect(peer.calls).toEqual([]);

    const chargeAt = new Date(noticeAt.getTime() + 25 * HOUR);
    await runAutopay({ now: chargeAt, send: peer.send });
    await runAutopay({ now: chargeAt, send: peer.send });
    expect(peer.calls).toHaveLength(1);
    const [charged] = await chargedPayments(who.accountId);
    expect(charged).toMatchObject({ amountKopecks: 1_234_56, status: 'pending', cardBindingId: who.binding.id });
    expect((await chargesOf(who.accountId))[0]).toMatchObject({ status: 'charged', paymentId: charged!.id });
    // The 54-ФЗ receipt sent with the charge: the bill's part is a full payment of a service, VAT 22 %.
    const receipt = decodeReceipt(peer.calls[0]!.fields.Receipt!);
    expect(receipt?.items).toEqual([
      expect.objectContaining({
        sum: 1234.56,
        payment_method: 'full_payment',
        payment_object: 'service',
        tax: 'vat22',
      }),
    ]);

    const before = await balanceOf(who.accountId);
    await notifyPaid(charged!.invId, charged!.amountKopecks, 20);
    expect(await balanceOf(who.accountId)).toBe(before - 1_234_56);
    await runAutopay({ now: new Date(chargeAt.getTime() + HOUR), send: peer.send });
    expect(peer.calls).toHaveLength(1);
  });
});

describe('the monthly cap', () => {
  it('limits what the month’s charges add up to; a bill past it is not charged and the subscriber is told', async () => {
    const who = await subscriberWithCard();
    await turnOn(who, { mode: 'fixed', fixedAmount: 1_000_00, monthlyCap: 1_500_00, noticeHours: 1 });
    const peer = sandboxRecurringPeer();
    const issued = (day: number) => new Date(Date.UTC(2026, 10, day, 6));
    for (const [period, day] of [
      ['2026-08-01', 2],
      ['2026-09-01', 3],
      ['2026-10-01', 4],
    ] as const) {
      await createBill(db(), who.accountId, { period, amountKopecks: 2_000_00, issuedAt: issued(day) });
      const at = new Date(issued(day).getTime() + HOUR);
      await runAutopay({ now: at, send: peer.send });
      await runAutopay({ now: new Date(at.getTime() + 2 * HOUR), send: peer.send });
      const paid = (await chargedPayments(who.accountId)).filter((p) => p.status === 'pending');
      for (const p of paid) await notifyPaid(p.invId, p.amountKopecks);
    }
    const amounts = (await chargedPayments(who.accountId)).map((p) => p.amountKopecks).sort((a, b) => b - a);
    expect(amounts).toEqual([1_000_00, 500_00]);
    const charges = await chargesOf(who.accountId);
    expect(charges.map((c) => c.status)).toEqual(['charged', 'charged', 'skipped']);
    expect(charges[2]!.reason).toContain('лимит');
    const told = await autopayNotices(who.user.id);
    expect(told.filter((n) => n.dedupeKey.startsWith(`autopay:skipped:`))).toHaveLength(1);
  });
});

describe('a failed charge', () => {
  it('is told once and never tried again', async () => {
    const who = await subscriberWithCard();
    await turnOn(who, { mode: 'full_bill', monthlyCap: 5_000_00, noticeHours: 1 });
    await createBill(db(), who.accountId, { period: '2026-10-01', amountKopecks: 900_00 });
    const peer = sandboxRecurringPeer();
    peer.decline = true;
    const at = new Date('2026-11-01T07:00:00Z');
    await runAutopay({ now: at, send: peer.send });
    for (let i = 2; i < 6; i++) await runAutopay({ now: new Date(at.getTime() + i * HOUR), send: peer.send });
    expect(peer.calls).toHaveLength(1);
    const [charge] = await chargesOf(who.accountId);
    expect(charge).toMatchObject({ status: 'failed' });
    expect((await chargedPayments(who.accountId)).map((p) => p.status)).toEqual(['failed']);
    const failed = (await autopayNotices(who.user.id)).filter((n) => n.dedupeKey.startsWith('autopay:failed:'));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.subject).toBe('Автоплатёж не прошёл');
  });
});

describe('a charge its process did not finish', () => {
  const MINUTE = 60_000;

  it('crashed after the gateway took it: stays «charging» while the payment is pending, charged once the money arrives, never charged again', async () => {
    const who = await subscriberWithCard();
    await turnOn(who, { mode: 'full_bill', monthlyCap: 5_000_00, noticeHours: 1 });
    await createBill(db(), who.accountId, { period: '2026-10-01', amountKopecks: 800_00 });
    const peer = sandboxRecurringPeer();
    const at = new Date('2026-11-01T07:00:00Z');
    await runAutopay({ now: at, send: peer.send });
    const chargeAt = new Date(at.getTime() + 2 * HOUR);
    await runAutopay({ now: chargeAt, send: peer.send });
    expect(peer.calls).toHaveLength(1);
    // The process died after the gateway's answer, before it wrote the outcome.
    await db()
      .update(autopayCharges)
      .set({ status: 'charging', paymentId: null })
      .where(eq(autopayCharges.accountId, who.accountId));

    await runAutopay({ now: new Date(chargeAt.getTime() + 20 * MINUTE), send: peer.send });
    expect((await chargesOf(who.accountId))[0]).toMatchObject({ status: 'charging', paymentId: null });
    const [payment] = await chargedPayments(who.accountId);
    await notifyPaid(payment!.invId, payment!.amountKopecks);
    await runAutopay({ now: new Date(chargeAt.getTime() + 40 * MINUTE), send: peer.send });
    await runAutopay({ now: new Date(chargeAt.getTime() + 60 * MINUTE), send: peer.send });
    expect((await chargesOf(who.accountId))[0]).toMatchObject({ status: 'charged', paymentId: payment!.id });
    expect(peer.calls).toHaveLength(1);
    expect((await autopayNotices(who.user.id)).filter((n) => n.dedupeKey.startsWith('autopay:failed:'))).toEqual([]);
  });

  it('crashed before the gateway was asked: failed and told once after the wait, no money taken, not tried again', async () => {
    const who = await subscriberWithCard();
    await turnOn(who, { mode: 'full_bill', monthlyCap: 5_000_00, noticeHours: 1 });
    await createBill(db(), who.accountId, { period: '2026-10-01', amountKopecks: 650_00 });
    const peer = sandboxRecurringPeer();
    const at = new Date('2026-11-01T07:00:00Z');
    await runAutopay({ now: at, send: peer.send });
    // What the claim writes, and then the process died: no payment, no gateway call.
    const claimedAt = new Date(at.getTime() + 2 * HOUR);
    await db()
      .update(autopayCharges)
      .set({ status: 'charging', chargedAt: claimedAt })
      .where(eq(autopayCharges.accountId, who.accountId));
    const before = await balanceOf(who.accountId);

    await runAutopay({ now: new Date(claimedAt.getTime() + 5 * MINUTE), send: peer.send });
    expect((await chargesOf(who.accountId))[0]).toMatchObject({ status: 'charging' });
    for (const minutes of [16, 30, 90]) {
      await runAutopay({ now: new Date(claimedAt.getTime() + minutes * MINUTE), send: peer.send });
    }
    expect((await chargesOf(who.accountId))[0]).toMatchObject({
      status: 'failed',
      paymentId: null,
      reason: INTERRUPTED_BEFORE_GATEWAY,
    });
    expect(peer.calls).toEqual([]);
    expect(await chargedPayments(who.accountId)).toEqual([]);
    expect(await balanceOf(who.accountId)).toBe(before);
    const failed = (await autopayNotices(who.user.id)).filter((n) => n.dedupeKey.startsWith('autopay:failed:'));
    expect(failed).toHaveLength(1);
  });

  it('whose payment expired unpaid: failed and told once', async () => {
    const who = await subscriberWithCard();
    await turnOn(who, { mode: 'full_bill', monthlyCap: 5_000_00, noticeHours: 1 });
    await createBill(db(), who.accountId, { period: '2026-10-01', amountKopecks: 300_00 });
    const peer = sandboxRecurringPeer();
    const at = new Date('2026-11-01T07:00:00Z');
    await runAutopay({ now: at, send: peer.send });
    const chargeAt = new Date(at.getTime() + 2 * HOUR);
    await runAutopay({ now: chargeAt, send: peer.send });
    await db()
      .update(autopayCharges)
      .set({ status: 'charging', paymentId: null })
      .where(eq(autopayCharges.accountId, who.accountId));
    const [payment] = await chargedPayments(who.accountId);
    await db().update(payments).set({ status: 'expired' }).where(eq(payments.id, payment!.id));

    await runAutopay({ now: new Date(chargeAt.getTime() + 20 * MINUTE), send: peer.send });
    await runAutopay({ now: new Date(chargeAt.getTime() + 40 * MINUTE), send: peer.send });
    expect((await chargesOf(who.accountId))[0]).toMatchObject({ status: 'failed', paymentId: payment!.id });
    expect(peer.calls).toHaveLength(1);
    const failed = (await autopayNotices(who.user.id)).filter((n) => n.dedupeKey.startsWith('autopay:failed:'));
    expect(failed).toHaveLength(1);
  });
});

describe('turning autopay off', () => {
  it('by the subscriber: an announced charge is not made', async () => {
    const who = await subscriberWithCard();
    await turnOn(who, { mode: 'full_bill', monthlyCap: 5_000_00, noticeHours: 24 });
    await createBill(db(), who.accountId, { period: '2026-10-01', amountKopecks: 900_00 });
    const peer = sandboxRecurringPeer();
    const at = new Date('2026-11-01T07:00:00Z');
    await runAutopay({ now: at, send: peer.send });
    expect(await disableAutopay(who.user.id, who.accountId, { ip })).toEqual({ ok: true, wasOn: true });
    await runAutopay({ now: new Date(at.getTime() + 48 * HOUR), send: peer.send });
    expect(peer.calls).toEqual([]);
    expect((await chargesOf(who.accountId)).map((c) => c.status)).toEqual(['cancelled']);
  });

  it('by password recovery, together with the bound cards', async () => {
    const who = await subscriberWithCard();
    await turnOn(who, { mode: 'full_bill', monthlyCap: 5_000_00, noticeHours: 24 });
    await createBill(db(), who.accountId, { period: '2026-10-01', amountKopecks: 900_00 });
    const peer = sandboxRecurringPeer();
    const at = new Date('2026-11-01T07:00:00Z');
    await runAutopay({ now: at, send: peer.send });

    const token = await issueToken(db(), { userId: who.user.id, purpose: 'password_reset' });
    expect(await completePasswordReset(token, NEW_PASSWORD, { ip, origin: 'http://test.local' })).toEqual({
      ok: true,
      cardsRemoved: 1,
    });
    expect(await db().select().from(autopaySettings).where(eq(autopaySettings.accountId, who.accountId))).toEqual([]);
    await runAutopay({ now: new Date(at.getTime() + 48 * HOUR), send: peer.send });
    expect(peer.calls).toEqual([]);
    expect((await chargesOf(who.accountId)).map((c) => c.status)).toEqual(['cancelled']);
  });
});

describe('turning autopay on', () => {
  it('refuses a card that is not the user’s and an account another user set it up for', async () => {
    const who = await subscriberWithCard();
    const other = await subscriberWithCard();
    const settings = { mode: 'full_bill' as const, monthlyCap: 1_000_00, noticeHours: 24 };
    const foreign = await enableAutopay(
      who.user.id,
      { accountId: who.accountId, bindingId: other.binding.id, ...settings },
      { ip },
    );
    expect(foreign).toMatchObject({ ok: false, field: 'bindingId' });
    // A second user of the same account, with a card and a payment of their own, cannot replace it.
    await db().insert(accountUsers).values({ accountId: who.accountId, userId: other.user.id, isOwner: false });
    const theirs = await bindSandboxCard(db(), other.user.id, who.accountId);
    await turnOn(who, settings);
    const replaced = await enableAutopay(
      other.user.id,
      { accountId: who.accountId, bindingId: theirs.id, ...settings, monthlyCap: 99_00 },
      { ip },
    );
    expect(replaced).toEqual({ ok: false, message: AUTOPAY_MESSAGES.someoneElse, field: 'accountId' });
    const [kept] = await db().select().from(autopaySettings).where(eq(autopaySettings.accountId, who.accountId));
    expect(kept).toMatchObject({ userId: who.user.id, cardBindingId: who.binding.id, monthlyCapKopecks: 1_000_00 });
  });
});
