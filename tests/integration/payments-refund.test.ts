import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, emailOutbox, ledgerEntries, payments, refunds } from '@/db/schema';
import { accessibleAccountIds, type SessionUser } from '@/lib/auth/session';
import { paymentHistory } from '@/lib/payments/history';
import { refundPayment } from '@/lib/payments/refund';
import { searchPayments, staffPaymentDetail } from '@/lib/payments/staff-search';
import { useTestDatabase } from '../support/test-db';
import {
  createAccount,
  createHousehold,
  createPaidPayment,
  createUser,
  createUtilityProfile,
} from '../support/factories';

// Refunds by staff: never more than was paid — not even when two staff press
// the button at once —, ledger + status + letter together, and a gateway refusal writes nothing.
// Payment history: a payer sees the payments into their own accounts and no one else's.

// The session module imports next-auth; these tests hand users in directly.
vi.mock('@/auth', () => ({ auth: async () => null, signIn: async () => undefined }));

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

process.env.AUTH_SECRET ??= 'integration-test-secret-payments-refund';

const ctx = { ip: '203.0.113.7', origin: 'http://test.local' };

const t = useTestDatabase();
let staff: SessionUser;
let sidorova: { user: SessionUser; accountId: string; number: string };
let petrovAccountId: string;

beforeAll(async () => {
  await createUtilityProfile(t.db);
  staff = await createUser(t.db, { fullName: 'Смирнова Елена Андреевна' });
  sidorova = await createHousehold(t.db, { user: { email: 'sidorova@example.test' } });
  petrovAccountId = (await createAccount(t.db)).id;
});

/** A card payment that has been paid (as the notification leaves it): the row and its ledger credit. */
function paidPayment(
  amountKopecks: number,
  opts: { gateway?: string; accountId?: string; userId?: string | null } = {},
) {
  return createPaidPayment(
    t.db,
    opts.accountId ?? sidorova.accountId,
    amountKopecks,
    new Date('2026-11-18T10:00:00Z'),
    {
      userId: opts.userId === undefined ? sidorova.user.id : opts.userId,
      gateway: opts.gateway ?? 'sandbox',
      cardMask: '411111******1111',
    },
  );
}

async function balance(accountId = sidorova.accountId): Promise<number> {
  const [row] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return row!.sum;
}

async function stateOf(paymentId: string) {
  const [payment] = await t.db.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId));
  const refundRows = await t.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
  const ledger = await t.db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.paymentId, paymentId), eq(ledgerEntries.kind, 'refund')));
  return { status: payment!.status, refunds: refundRows, ledger };
}

async function lettersAbout(invId: number) {
  const rows = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'payment_refunded'));
  return rows.filter((r) => r.subject.includes(`№ ${invId}`));
}

/** formatRub puts no-break spaces before ₽ and between thousands. */
const plain = (text: string | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const refund = (paymentId: string, amount: number, reason = 'Ошибочный повторный платёж') =>
  refundPayment(staff, { paymentId, amount, reason }, ctx);

describe('refunds by staff', () => {
  it('a partial refund: refund row, a positive ledger entry, «partially_refunded», audit, a letter to the payer', async () => {
    const p = await paidPayment(1000_00);
    const before = await balance();
    const result = await refund(p.id, 250_50);
    expect(result).toMatchObject({ ok: true, settled: true });

    const s = await stateOf(p.id);
    expect(s.status).toBe('partially_refunded');
    expect(s.refunds).toHaveLength(1);
    expect(s.refunds[0]).toMatchObject({
      amountKopecks: 250_50,
      status: 'succeeded',
      reason: 'Ошибочный повторный платёж',
      createdBy: staff.id,
    });
    expect(s.refunds[0]!.gatewayReference).toMatch(/^sandbox-refund-/);
    expect(s.ledger).toHaveLength(1);
    expect(s.ledger[0]).toMatchObject({
      accountId: sidorova.accountId,
      amountKopecks: 250_50,
      refundId: s.refunds[0]!.id,
      createdBy: staff.id,
    });
    // The payer owes 250,50 ₽ more: the money went back to the card.
    expect(await balance()).toBe(before + 250_50);

    const letters = await lettersAbout(p.invId);
    expect(letters).toHaveLength(1);
    expect(letters[0]!.toAddress).toBe(sidorova.user.email);
    expect(plain(letters[0]!.text)).toContain('250,50 ₽');
    expect(letters[0]!.text).toContain('http://test.local/documents/poryadok-vozvrata');

    const [line] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'refund.completed'), eq(auditLog.subjectId, p.id)));
    expect(line).toMatchObject({ actorUserId: staff.id });
    expect(line!.details).toMatchObject({ invId: p.invId, amountKopecks: 250_50 });
  });

  it('refuses more than is left, in Russian, writing nothing; the rest makes the payment «refunded»', async () => {
    const p = await paidPayment(500_00);
    expect((await refund(p.id, 200_00)).ok).toBe(true);
    const before = await balance();

    const over = await refund(p.id, 300_01);
    expect(over.ok).toBe(false);
    if (over.ok) return;
    expect(plain(over.fieldErrors.amount)).toBe(
      'Можно вернуть не больше 300,00 ₽: из 500,00 ₽ уже возвращено 200,00 ₽',
    );
    expect((await stateOf(p.id)).refunds).toHaveLength(1);
    expect(await balance()).toBe(before);

    expect((await refund(p.id, 300_00)).ok).toBe(true);
    const s = await stateOf(p.id);
    expect(s.status).toBe('refunded');
    expect(s.refunds.map((r) => r.amountKopecks).sort()).toEqual([200_00, 300_00]);
    expect(await balance()).toBe(before + 300_00);

    const again = await refund(p.id, 1);
    expect(again).toMatchObject({ ok: false, message: 'Платёж уже возвращён полностью' });
    expect((await stateOf(p.id)).refunds).toHaveLength(2);
  });

  it('never more than paid when staff refund at once: 10 concurrent refunds of 30 ₽ from 100 ₽ → exactly 3', async () => {
    const p = await paidPayment(100_00);
    const before = await balance();
    const results = await Promise.all(Array.from({ length: 10 }, () => refund(p.id, 30_00)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    for (const r of results.filter((x) => !x.ok)) expect(plain(r.message)).toMatch(/^Можно вернуть не больше 10,00 ₽/);
    const s = await stateOf(p.id);
    expect(s.refunds).toHaveLength(3);
    expect(s.ledger).toHaveLength(3);
    expect(s.status).toBe('partially_refunded');
    expect(await balance()).toBe(before + 90_00);
    expect(await lettersAbout(p.invId)).toHaveLength(3);
  });

  it('two staff refunding the whole payment at the same moment: one refund, the other refused', async () => {
    const p = await paidPayment(777_77);
    const [a, b] = await Promise.all([refund(p.id, 777_77), refund(p.id, 777_77)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const s = await stateOf(p.id);
    expect(s.status).toBe('refunded');
    expect(s.refunds).toHaveLength(1);
    expect(s.refunds[0]!.amountKopecks).toBe(777_77);
  });

  it('a gateway refusal writes nothing — no refund, ledger entry, status change or letter — and tells staff why', async () => {
    const p = await paidPayment(100_00);
    const before = await balance();
    const result = await refund(p.id, 13_13); // the sandbox «bank» declines exactly 13,13 ₽
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('Платёжный сервис не провёл возврат');
    expect(plain(result.message)).toContain('13,13 ₽ всегда отклоняется');
    const s = await stateOf(p.id);
    expect(s.status).toBe('paid');
    expect(s.refunds).toHaveLength(0);
    expect(s.ledger).toHaveLength(0);
    expect(await balance()).toBe(before);
    expect(await lettersAbout(p.invId)).toHaveLength(0);
    // Logged for the security audit trail, outside the (empty) transaction.
    const lines = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'refund.failed'), eq(auditLog.subjectId, p.id)));
    expect(lines).toHaveLength(1);
    // The same payment can be refunded once the amount is one the gateway accepts.
    expect((await refund(p.id, 13_14)).ok).toBe(true);
  });

  it('a Robokassa payment without Robokassa configured, and a pending payment, are not refunded', async () => {
    const robokassa = await paidPayment(50_00, { gateway: 'robokassa' });
    const r1 = await refund(robokassa.id, 10_00);
    expect(r1).toMatchObject({ ok: false });
    expect(r1.ok ? '' : r1.message).toContain('Robokassa не подключена');
    expect((await stateOf(robokassa.id)).refunds).toHaveLength(0);

    const [pending] = await t.db
      .insert(payments)
      .values({
        accountId: sidorova.accountId,
        userId: sidorova.user.id,
        amountKopecks: 50_00,
        gateway: 'sandbox',
        description: 'Оплата',
      })
      .returning();
    expect(await refund(pending!.id, 10_00)).toMatchObject({
      ok: false,
      message: 'Вернуть можно только оплаченный платёж',
    });
    expect(await refund('00000000-0000-4000-8000-000000000000', 10_00)).toMatchObject({
      ok: false,
      message: 'Платёж не найден',
    });
  });

  it('a guest payment: the letter goes to the receipt e-mail', async () => {
    const p = await paidPayment(40_00, { userId: null });
    await t.db.update(payments).set({ receiptEmail: 'guest@example.com' }).where(eq(payments.id, p.id));
    expect((await refund(p.id, 40_00)).ok).toBe(true);
    const letters = await lettersAbout(p.invId);
    expect(letters.map((l) => l.toAddress)).toEqual(['guest@example.com']);
  });

  it('staff search by account number, InvId and status; the detail lists ledger entries and refunds', async () => {
    const p = await paidPayment(60_00);
    await refund(p.id, 15_00);
    const byAccount = await searchPayments({ account: sidorova.number });
    expect(byAccount.total).toBeGreaterThan(5);
    expect(byAccount.rows.every((r) => r.accountNumber === sidorova.number)).toBe(true);
    const byInv = await searchPayments({ invId: p.invId });
    expect(byInv.rows.map((r) => r.id)).toEqual([p.id]);
    expect(byInv.rows[0]).toMatchObject({ refundedKopecks: 15_00, status: 'partially_refunded' });
    const refundedOnly = await searchPayments({ status: 'refunded' });
    expect(refundedOnly.rows.length).toBeGreaterThan(0);
    expect(refundedOnly.rows.every((r) => r.status === 'refunded')).toBe(true);

    const detail = await staffPaymentDetail(p.id);
    expect(detail?.ledger.map((e) => [e.kind, e.amountKopecks])).toEqual([
      ['payment', -60_00],
      ['refund', 15_00],
    ]);
    expect(detail?.refunds).toHaveLength(1);
    expect(detail?.refundableKopecks).toBe(45_00);
    expect(detail?.refunds[0]?.staffName).toBe('Смирнова Елена Андреевна');
  });
});

describe('payment history', () => {
  it('shows the payments into the session’s own accounts, newest first, with refunds; never another user’s', async () => {
    const payer = await createHousehold(t.db);
    for (let day = 1; day <= 11; day++) {
      await createPaidPayment(t.db, payer.accountId, day * 100_00, new Date(Date.UTC(2026, 9, day, 9)), {
        userId: payer.user.id,
        createdAt: new Date(Date.UTC(2026, 9, day, 9)),
      });
    }
    const partly = await createPaidPayment(t.db, payer.accountId, 70_00, new Date('2026-10-20T09:00:00Z'));
    expect((await refund(partly.id, 20_00)).ok).toBe(true);
    const ids = await accessibleAccountIds(payer.user);
    expect(ids).toEqual([payer.accountId]);
    const petrovs = await paidPayment(12_34, { accountId: petrovAccountId, userId: null });

    const all = await paymentHistory(ids, { pageSize: 500 });
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.length).toBeGreaterThan(10);
    expect(all.rows.every((r) => r.accountNumber === payer.number)).toBe(true);
    expect(all.rows.some((r) => r.id === petrovs.id)).toBe(false);
    const seen = all.rows.map((r) => r.invId);
    expect(seen).not.toContain(petrovs.invId);
    const refunded = all.rows.find((r) => r.status === 'partially_refunded' && r.refunds.length > 0);
    expect(refunded?.refunds[0]).toMatchObject({ status: 'succeeded' });

    // Newest first, and pages cut the same list.
    const created = await t.db
      .select({ id: payments.id, createdAt: payments.createdAt })
      .from(payments)
      .where(eq(payments.accountId, payer.accountId));
    const order = new Map(created.map((c) => [c.id, c.createdAt.getTime()]));
    const times = all.rows.map((r) => order.get(r.id)!);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const second = await paymentHistory(ids, { page: 2, pageSize: 5 });
    expect(second.rows.map((r) => r.id)).toEqual(all.rows.slice(5, 10).map((r) => r.id));

    // A user without accounts (staff) sees nothing at all.
    expect((await paymentHistory(await accessibleAccountIds(staff))).rows).toEqual([]);
  });
});
