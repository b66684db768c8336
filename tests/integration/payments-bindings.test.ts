// Card binding: a binding is born from the paid first payment's
// notification, a bound card is charged server to server (the sandbox's Merchant/Recurring over
// real HTTP, then its signed ResultURL notification), the rules that refuse a charge, deletion,
// and password recovery removing every binding.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountUsers, auditLog, cardBindings, ledgerEntries, payments } from '@/db/schema';
import { completePasswordReset } from '@/lib/auth/recovery';
import { issueToken } from '@/lib/auth/tokens';
import { deleteBinding } from '@/lib/payments/bindings';
import {
  buildSandboxNotification,
  SANDBOX_RECURRING_PATH,
  SANDBOX_RESULT_PATH,
  sandboxGateway,
} from '@/lib/payments/gateway/sandbox/gateway';
import { testSandboxConfig } from '../support/sandbox-fixtures';
import type { PaymentGateway } from '@/lib/payments/gateway/types';
import { acceptPaymentNotification } from '@/lib/payments/notify';
import { chargeBinding, RECURRING_MESSAGES } from '@/lib/payments/recurring';
import { handleResultNotification } from '@/lib/payments/result-endpoint';
import { handleSandboxRecurring } from '@/lib/payments/gateway/sandbox/recurring';
import { startPayment } from '@/lib/payments/start';
import { accountByNumber, NEW_PASSWORD, userByEmail } from '../support/auth-fixtures';
import { createAccount, createHousehold, createUtilityProfile, testPasswordHash } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const data = useTestDatabase();
const db = () => data.db;
const ip = '203.0.113.21';
const CARD = '411111******1111';

// The sandbox gateway served over HTTP on a random port, with the same two handlers as the app's
// routes: /sandbox/recurring (answers, then notifies) and /api/payments/sandbox/result.
let server: Server;
let gateway: PaymentGateway;
/** Notifications the sandbox has promised after answering; the tests decide when they land. */
let queued: (() => Promise<void>)[] = [];

beforeAll(async () => {
  await createUtilityProfile(db());
  // Three households that pay by card (Sidorova's password is reset in the last test).
  for (const [number, email] of [
    ['50010001', 'ivanova@example.test'],
    ['50010002', 'petrov@example.test'],
    ['50010003', 'sidorova@example.test'],
  ] as const) {
    await createHousehold(db(), { account: { number }, user: { email, passwordHash: await testPasswordHash() } });
  }
  process.env.SANDBOX_PASSWORD1 = 'bindings-test-one';
  process.env.SANDBOX_PASSWORD2 = 'bindings-test-two';
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`${origin()}${req.url}`, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'text/plain' },
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const path = new URL(request.url).pathname;
    const response =
      path === SANDBOX_RECURRING_PATH
        ? await handleSandboxRecurring(request, origin(), (task) => queued.push(task))
        : path === SANDBOX_RESULT_PATH
          ? await handleResultNotification(request, gateway)
          : new Response('not found', { status: 404 });
    res.writeHead(response.status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway = sandboxGateway({ origin: origin(), config: testSandboxConfig });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  delete process.env.SANDBOX_PASSWORD1;
  delete process.env.SANDBOX_PASSWORD2;
});

function origin(): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Like Next's after(): the sandbox's notifications go out after its answer, here when the test says. */
async function notificationsLanded(): Promise<void> {
  const tasks = queued;
  queued = [];
  await Promise.all(tasks.map((task) => task()));
}

async function balanceOf(accountId: string): Promise<number> {
  const [row] = await db()
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return row!.sum;
}

const creditsOf = (paymentId: string) =>
  db()
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.paymentId, paymentId), eq(ledgerEntries.kind, 'payment')));
const bindingsOf = (userId: string) => db().select().from(cardBindings).where(eq(cardBindings.userId, userId));
const paymentsOf = (accountId: string) => db().select().from(payments).where(eq(payments.accountId, accountId));

function notification(invId: number, amountKopecks: number) {
  return buildSandboxNotification(
    { invId, amountKopecks, shp: { Shp_purpose: 'electricity' }, cardMask: CARD },
    testSandboxConfig,
  );
}

/** The first payment with «Запомнить карту», paid: the gateway's notification arrives `copies` times at once. */
async function bindThroughPayment(userId: string, accountId: string, amountKopecks: number, copies = 1) {
  const { invId, paymentId } = await startPayment(
    { accountId, userId, amountKopecks, requestsBinding: true, ip },
    gateway,
  );
  const answers = await Promise.all(
    Array.from({ length: copies }, () =>
      acceptPaymentNotification(gateway, notification(invId, amountKopecks), { ip }),
    ),
  );
  expect(answers.every((a) => a.status === 200 && a.body === `OK${invId}`)).toBe(true);
  const [binding] = await db().select().from(cardBindings).where(eq(cardBindings.parentPaymentId, paymentId));
  return { invId, paymentId, binding: binding! };
}

describe('a binding is born from the paid first payment', () => {
  it('once, however many copies of the notification land, holding only the token, the mask and the payment type', async () => {
    const ivanova = (await userByEmail(db(), 'ivanova@example.test'))!;
    const account = (await accountByNumber(db(), '50010001'))!;
    const before = await balanceOf(account.id);
    const { invId, paymentId, binding } = await bindThroughPayment(ivanova.id, account.id, 300_00, 20);

    const rows = (await bindingsOf(ivanova.id)).filter((b) => b.parentPaymentId === paymentId);
    expect(rows).toHaveLength(1);
    expect(binding).toMatchObject({
      userId: ivanova.id,
      token: String(invId),
      cardMask: CARD,
      purpose: 'electricity',
      gateway: 'sandbox',
    });
    expect(Object.keys(binding).sort()).toEqual([
      'cardMask',
      'createdAt',
      'gateway',
      'id',
      'parentPaymentId',
      'purpose',
      'token',
      'userId',
    ]);
    expect(await creditsOf(paymentId)).toHaveLength(1);
    expect(await balanceOf(account.id)).toBe(before - 300_00);
    const bound = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'card.bound'), eq(auditLog.subjectId, binding.id)));
    expect(bound).toEqual([
      expect.objectContaining({ actorUserId: ivanova.id, details: { invId, cardMask: CARD, purpose: 'electricity' } }),
    ]);
  });

  it('not for a payment that did not ask for it', async () => {
    const sidorova = (await userByEmail(db(), 'sidorova@example.test'))!;
    const account = (await accountByNumber(db(), '50010003'))!;
    const { invId, paymentId } = await startPayment(
      { accountId: account.id, userId: sidorova.id, amountKopecks: 5_00, requestsBinding: false, ip },
      gateway,
    );
    expect((await acceptPaymentNotification(gateway, notification(invId, 5_00), { ip })).status).toBe(200);
    expect(await db().select().from(cardBindings).where(eq(cardBindings.parentPaymentId, paymentId))).toEqual([]);
  });
});

describe('«Оплатить привязанной картой»', () => {
  it('charges through the gateway: pending until the notification, then paid and credited once; a repeated notification changes nothing', async () => {
    const ivanova = (await userByEmail(db(), 'ivanova@example.test'))!;
    const account = (await accountByNumber(db(), '50010001'))!;
    const { binding, invId: parentInvId } = await bindThroughPayment(ivanova.id, account.id, 10_00);
    const before = await balanceOf(account.id);

    const outcome = await chargeBinding(
      { userId: ivanova.id, bindingId: binding.id, accountId: account.id, amountKopecks: 777_77, ip },
      gateway,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.invId).not.toBe(parentInvId);
    // Accepted is not paid: until the notification lands nothing is credited.
    const [accepted] = await db()
      .select({ status: payments.status })
      .from(payments)
      .where(eq(payments.id, outcome.paymentId));
    expect(accepted?.status).toBe('pending');
    expect(await balanceOf(account.id)).toBe(before);
    expect(queued).toHaveLength(1);
    await notificationsLanded();

    const [payment] = await db().select().from(payments).where(eq(payments.id, outcome.paymentId));
    expect(payment).toMatchObject({
      status: 'paid',
      amountKopecks: 777_77,
      cardBindingId: binding.id,
      cardMask: CARD,
      requestsBinding: false,
      userId: ivanova.id,
    });
    expect(await creditsOf(outcome.paymentId)).toHaveLength(1);
    expect(await balanceOf(account.id)).toBe(before - 777_77);

    // The gateway retries (it did not hear our OK, say): 30 copies at once, one credit still.
    const again = await Promise.all(
      Array.from({ length: 30 }, () => acceptPaymentNotification(gateway, notification(outcome.invId, 777_77), { ip })),
    );
    expect(again.every((a) => a.status === 200 && a.body === `OK${outcome.invId}`)).toBe(true);
    expect(await creditsOf(outcome.paymentId)).toHaveLength(1);
    expect(await balanceOf(account.id)).toBe(before - 777_77);
    // A charge does not breed another binding.
    expect(await db().select().from(cardBindings).where(eq(cardBindings.parentPaymentId, outcome.paymentId))).toEqual(
      [],
    );

    const charged = await db()
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'card.charged'), eq(auditLog.subjectId, outcome.paymentId)));
    expect(charged).toEqual([{ details: expect.objectContaining({ outcome: 'accepted', cardMask: CARD }) }]);
  });

  it('refuses a second charge from the same card while the first is still pending', async () => {
    const ivanova = (await userByEmail(db(), 'ivanova@example.test'))!;
    const home = (await accountByNumber(db(), '50010001'))!;
    const { binding } = await bindThroughPayment(ivanova.id, home.id, 9_00);
    const before = await balanceOf(home.id);
    const first = await chargeBinding(
      { userId: ivanova.id, bindingId: binding.id, accountId: home.id, amountKopecks: 20_00, ip },
      gateway,
    );
    expect(first.ok).toBe(true);
    const second = await chargeBinding(
      { userId: ivanova.id, bindingId: binding.id, accountId: home.id, amountKopecks: 20_00, ip },
      gateway,
    );
    expect(second).toEqual({ ok: false, message: RECURRING_MESSAGES.busy, field: 'bindingId' });
    await notificationsLanded();
    expect(await balanceOf(home.id)).toBe(before - 20_00);
  });

  it('is refused for a payee (account) this user has never paid, even one of their own accounts', async () => {
    const ivanova = (await userByEmail(db(), 'ivanova@example.test'))!;
    const home = (await accountByNumber(db(), '50010001'))!;
    const { binding } = await bindThroughPayment(ivanova.id, home.id, 1_00);
    const dacha = await createAccount(db());
    await db().insert(accountUsers).values({ accountId: dacha.id, userId: ivanova.id });

    const outcome = await chargeBinding(
      { userId: ivanova.id, bindingId: binding.id, accountId: dacha.id, amountKopecks: 100_00, ip },
      gateway,
    );
    expect(outcome).toEqual({ ok: false, message: RECURRING_MESSAGES.newPayee(dacha.number), field: 'accountId' });
    expect(outcome.ok ? '' : outcome.message).toMatch(/уже оплачивали/);
    expect(await paymentsOf(dacha.id)).toEqual([]);

    // After an ordinary paid payment to it, the same card may pay it.
    const first = await startPayment(
      { accountId: dacha.id, userId: ivanova.id, amountKopecks: 50_00, requestsBinding: false, ip },
      gateway,
    );
    await acceptPaymentNotification(gateway, notification(first.invId, 50_00), { ip });
    const allowed = await chargeBinding(
      { userId: ivanova.id, bindingId: binding.id, accountId: dacha.id, amountKopecks: 100_00, ip },
      gateway,
    );
    expect(allowed.ok).toBe(true);
    await notificationsLanded();
    expect(await balanceOf(dacha.id)).toBe(-150_00);
  });

  it('is refused with another user’s binding, and charges nothing', async () => {
    const ivanova = (await userByEmail(db(), 'ivanova@example.test'))!;
    const petrov = (await userByEmail(db(), 'petrov@example.test'))!;
    const ivanovaHome = (await accountByNumber(db(), '50010001'))!;
    const petrovHome = (await accountByNumber(db(), '50010002'))!;
    const { binding } = await bindThroughPayment(ivanova.id, ivanovaHome.id, 2_00);
    const before = await paymentsOf(petrovHome.id);

    const outcome = await chargeBinding(
      { userId: petrov.id, bindingId: binding.id, accountId: petrovHome.id, amountKopecks: 100_00, ip },
      gateway,
    );
    expect(outcome).toEqual({ ok: false, message: RECURRING_MESSAGES.notFound, field: 'bindingId' });
    expect(await paymentsOf(petrovHome.id)).toHaveLength(before.length);
    // Nor can he delete it.
    expect(await deleteBinding(petrov.id, binding.id, { ip })).toEqual({ ok: false });
    expect((await bindingsOf(ivanova.id)).map((b) => b.id)).toContain(binding.id);
  });

  it('serves only its payment type', async () => {
    const ivanova = (await userByEmail(db(), 'ivanova@example.test'))!;
    const home = (await accountByNumber(db(), '50010001'))!;
    const { binding } = await bindThroughPayment(ivanova.id, home.id, 3_00);
    const [services] = await db()
      .insert(cardBindings)
      .values({ userId: ivanova.id, purpose: 'services', gateway: 'sandbox', token: binding.token, cardMask: CARD })
      .returning();
    const outcome = await chargeBinding(
      { userId: ivanova.id, bindingId: services!.id, accountId: home.id, amountKopecks: 100_00, ip },
      gateway,
    );
    expect(outcome).toEqual({ ok: false, message: RECURRING_MESSAGES.otherPurpose, field: 'bindingId' });
  });

  it('ends «failed» with nothing credited when the gateway refuses the charge', async () => {
    const ivanova = (await userByEmail(db(), 'ivanova@example.test'))!;
    const home = (await accountByNumber(db(), '50010001'))!;
    // A token naming a payment that was not a Recurring=true first payment: the gateway says no.
    const plain = await startPayment(
      { accountId: home.id, userId: ivanova.id, amountKopecks: 4_00, requestsBinding: false, ip },
      gateway,
    );
    await acceptPaymentNotification(gateway, notification(plain.invId, 4_00), { ip });
    const [forged] = await db()
      .insert(cardBindings)
      .values({
        userId: ivanova.id,
        purpose: 'electricity',
        gateway: 'sandbox',
        token: String(plain.invId),
        cardMask: CARD,
      })
      .returning();
    const before = await balanceOf(home.id);
    const outcome = await chargeBinding(
      { userId: ivanova.id, bindingId: forged!.id, accountId: home.id, amountKopecks: 100_00, ip },
      gateway,
    );
    expect(outcome).toMatchObject({ ok: false, message: RECURRING_MESSAGES.declined });
    expect(queued).toEqual([]);
    const [payment] = await db()
      .select({ status: payments.status })
      .from(payments)
      .where(eq(payments.id, outcome.ok ? '' : outcome.paymentId!));
    expect(payment?.status).toBe('failed');
    expect(await balanceOf(home.id)).toBe(before);
  });
});

describe('deleting a binding', () => {
  it('removes it for good, audits it, and the card can no longer be charged', async () => {
    const sidorova = (await userByEmail(db(), 'sidorova@example.test'))!;
    const home = (await accountByNumber(db(), '50010003'))!;
    const { binding } = await bindThroughPayment(sidorova.id, home.id, 6_00);
    expect(await deleteBinding(sidorova.id, binding.id, { ip })).toEqual({ ok: true, cardMask: CARD });
    expect((await bindingsOf(sidorova.id)).map((b) => b.id)).not.toContain(binding.id);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'card.deleted'), eq(auditLog.subjectId, binding.id)));
    expect(entry).toMatchObject({ actorUserId: sidorova.id, details: { cardMask: CARD, purpose: 'electricity' } });
    expect(await deleteBinding(sidorova.id, binding.id, { ip })).toEqual({ ok: false });
    const outcome = await chargeBinding(
      { userId: sidorova.id, bindingId: binding.id, accountId: home.id, amountKopecks: 10_00, ip },
      gateway,
    );
    expect(outcome).toEqual({ ok: false, message: RECURRING_MESSAGES.notFound, field: 'bindingId' });
  });
});

describe('password recovery', () => {
  it('deletes every binding of that user, and only theirs', async () => {
    const sidorova = (await userByEmail(db(), 'sidorova@example.test'))!;
    const ivanova = (await userByEmail(db(), 'ivanova@example.test'))!;
    const home = (await accountByNumber(db(), '50010003'))!;
    await bindThroughPayment(sidorova.id, home.id, 7_00);
    await bindThroughPayment(sidorova.id, home.id, 8_00);
    const hers = await bindingsOf(sidorova.id);
    expect(hers.length).toBeGreaterThanOrEqual(2);
    const others = await bindingsOf(ivanova.id);
    expect(others.length).toBeGreaterThan(0);

    const token = await issueToken(db(), { userId: sidorova.id, purpose: 'password_reset' });
    expect(await completePasswordReset(token, NEW_PASSWORD, { ip, origin: 'http://test.local' })).toEqual({
      ok: true,
      cardsRemoved: hers.length,
    });
    expect(await bindingsOf(sidorova.id)).toEqual([]);
    expect(await bindingsOf(ivanova.id)).toHaveLength(others.length);
  });
});
