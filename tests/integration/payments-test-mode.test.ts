import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, ledgerEntries, payments } from '@/db/schema';
import { overrideEnv } from '@/lib/config/env';
import { robokassaGateway } from '@/lib/payments/gateway/robokassa';
import { buildSandboxNotification, sandboxGateway } from '@/lib/payments/gateway/sandbox/gateway';
import { acceptPaymentNotification } from '@/lib/payments/notify';
import { startPayment } from '@/lib/payments/start';
import { createAccount, createUtilityProfile } from '../support/factories';
import { testSandboxConfig } from '../support/sandbox-fixtures';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';

// Every payment records whether it moved real money. A test payment — the sandbox, or a gateway
// in its test mode — is credited only in demo mode: elsewhere its notification is refused and
// logged, and the ledger never shows money that did not come.

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const shop = { merchantLogin: 'energo', password1: 'shop-one', password2: 'shop-two' };
const live = robokassaGateway({ ...shop, isTest: false });
const testMode = robokassaGateway({ ...shop, isTest: true });
const sandbox = sandboxGateway({ origin: 'https://lk.example.ru', config: testSandboxConfig });
const ctx = { ip: '203.0.113.40' };

const productionWithTestMode = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'k3J9v2xQ8pL4mN7rT1wY6zB5cH0dF2gS9aE4uI8o',
  APP_URL: 'https://lk.example.ru',
  DATABASE_URL: 'postgres://app@db.example.ru:5432/energo',
  ROBOKASSA_MERCHANT_LOGIN: shop.merchantLogin,
  ROBOKASSA_PASSWORD1: shop.password1,
  ROBOKASSA_PASSWORD2: shop.password2,
  ROBOKASSA_TEST: '1',
  PAYMENTS_TEST_MODE_OK: '1',
};

/** A ResultURL notification as Robokassa signs it: md5(OutSum:InvId:Password2:Shp_purpose=…). */
function robokassaNotification(invId: number, kopecks: number, purpose = 'electricity'): Record<string, string> {
  const outSum = (kopecks / 100).toFixed(6);
  const shp = `Shp_purpose=${purpose}`;
  const signature = createHash('md5').update(`${outSum}:${invId}:${shop.password2}:${shp}`).digest('hex');
  return { OutSum: outSum, InvId: String(invId), SignatureValue: signature, Shp_purpose: purpose };
}

let t: TestDatabase;
let restoreDb: () => void;
let restoreEnv: (() => void) | undefined;
let accountId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  restoreDb = useAsGlobalDb(t.handle);
  await createUtilityProfile(t.db);
  accountId = (await createAccount(t.db)).id;
});
afterEach(() => restoreEnv?.());
afterAll(async () => {
  restoreDb();
  await t.drop();
});

const start = (gateway: typeof live, amountKopecks: number) =>
  startPayment({ accountId, userId: null, amountKopecks, requestsBinding: false, ip: ctx.ip }, gateway);

async function stored(paymentId: string) {
  const [row] = await t.db.select().from(payments).where(eq(payments.id, paymentId));
  return row!;
}

async function credits(paymentId: string): Promise<number> {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.paymentId, paymentId));
  return row!.n;
}

async function refusals(invId: number): Promise<unknown[]> {
  const rows = await t.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'payment.notification_refused'), eq(auditLog.subjectId, String(invId))));
  return rows.map((r) => (r.details as { reason?: string }).reason);
}

describe('recording', () => {
  it('marks sandbox and test-mode payments as tests, live ones not', async () => {
    expect((await stored((await start(sandbox, 101_00)).paymentId)).isTest).toBe(true);
    expect((await stored((await start(testMode, 102_00)).paymentId)).isTest).toBe(true);
    expect((await stored((await start(live, 103_00)).paymentId)).isTest).toBe(false);
  });

  it('makes every sandbox payment a test one in the database, whatever the insert said', async () => {
    const [row] = await t.db
      .insert(payments)
      .values({ accountId, amountKopecks: 104_00, gateway: 'sandbox', isTest: false, description: 'Вручную' })
      .returning({ isTest: payments.isTest });
    expect(row!.isTest).toBe(true);
  });
});

describe('crediting', () => {
  it('refuses and logs a test-mode payment outside demo mode; the ledger stays as it was', async () => {
    restoreEnv = overrideEnv(productionWithTestMode);
    const { paymentId, invId } = await start(testMode, 250_00);
    const answer = await acceptPaymentNotification(testMode, robokassaNotification(invId, 250_00), ctx);
    expect(answer).toEqual({ status: 400, body: 'refused: test_payment' });
    expect(await credits(paymentId)).toBe(0);
    expect((await stored(paymentId)).status).toBe('pending');
    expect(await refusals(invId)).toEqual(['test_payment']);
  });

  it('refuses a sandbox payment outside demo mode', async () => {
    const { paymentId, invId } = await start(sandbox, 260_00);
    restoreEnv = overrideEnv(productionWithTestMode);
    const fields = buildSandboxNotification(
      { invId, amountKopecks: 260_00, shp: { Shp_purpose: 'electricity' }, cardMask: '411111******1111' },
      testSandboxConfig,
    );
    expect((await acceptPaymentNotification(sandbox, fields, ctx)).body).toBe('refused: test_payment');
    expect(await credits(paymentId)).toBe(0);
  });

  it('credits a test payment in demo mode, once', async () => {
    const { paymentId, invId } = await start(testMode, 270_00);
    const answer = await acceptPaymentNotification(testMode, robokassaNotification(invId, 270_00), ctx);
    expect(answer).toEqual({ status: 200, body: `OK${invId}` });
    expect(await credits(paymentId)).toBe(1);
  });

  it('credits a live payment outside demo mode', async () => {
    restoreEnv = overrideEnv({ ...productionWithTestMode, ROBOKASSA_TEST: '0' });
    const { paymentId, invId } = await start(live, 280_00);
    expect((await acceptPaymentNotification(live, robokassaNotification(invId, 280_00), ctx)).status).toBe(200);
    expect(await credits(paymentId)).toBe(1);
  });

  it('refuses a notification whose signed purpose is not the payment’s', async () => {
    const { paymentId, invId } = await start(live, 290_00);
    const answer = await acceptPaymentNotification(live, robokassaNotification(invId, 290_00, 'services'), ctx);
    expect(answer.body).toBe('refused: purpose_mismatch');
    expect(await credits(paymentId)).toBe(0);
    expect(await refusals(invId)).toEqual(['purpose_mismatch']);
  });
});
