import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSandboxSuccessReturn } from '@/lib/payments/gateway/sandbox/gateway';
import { activeGateway } from '@/lib/payments/gateways';
import { paymentForHandOver, paymentForStatusPage } from '@/lib/payments/payment-access';
import { startPayment } from '@/lib/payments/start';
import { paymentGoHref, paymentStatusHref } from '@/lib/payments/status-link';
import { createHousehold, createUser } from '../support/factories';
import { testSandboxConfig } from '../support/sandbox-fixtures';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';

// A payment's own pages show its amount and state to the payer's session, to the gateway's signed
// return and to a link we signed for that very payment — never to someone who guessed an InvId.

let t: TestDatabase;
let restore: () => void;
let accountId: string;
let payerId: string;
let otherId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  const household = await createHousehold(t.db);
  accountId = household.accountId;
  payerId = household.user.id;
  otherId = (await createUser(t.db)).id;
});
afterAll(async () => {
  restore();
  await t.drop();
});

const nobody = async () => null;
const as = (id: string) => async () => ({ id });
const query = (href: string) => Object.fromEntries(new URL(href, 'https://lk.example.ru').searchParams);

async function pay(userId: string | null) {
  return startPayment(
    { accountId, userId, amountKopecks: 123_45, requestsBinding: false, ip: '203.0.113.7' },
    activeGateway(),
  );
}

describe('the status page', () => {
  it('tells a bare or forged InvId nothing', async () => {
    const { invId } = await pay(null);
    expect(await paymentForStatusPage({ InvId: String(invId) }, nobody)).toBeNull();
    expect(await paymentForStatusPage({ InvId: String(invId), t: 'A'.repeat(32) }, nobody)).toBeNull();
    // A link signed for another payment opens only that one.
    expect(
      await paymentForStatusPage({ ...query(paymentStatusHref(invId + 1)), InvId: String(invId) }, nobody),
    ).toBeNull();
  });

  it('shows the payment to our signed link and to the gateway’s signed return', async () => {
    const { invId } = await pay(null);
    expect((await paymentForStatusPage(query(paymentStatusHref(invId)), nobody))?.amountKopecks).toBe(123_45);
    const back = buildSandboxSuccessReturn(
      { invId, amountKopecks: 123_45, shp: { Shp_purpose: 'electricity' } },
      testSandboxConfig,
    );
    expect((await paymentForStatusPage(back, nobody))?.invId).toBe(invId);
  });

  it('shows a payer’s payment to the payer’s session only', async () => {
    const { invId } = await pay(payerId);
    expect((await paymentForStatusPage({ InvId: String(invId) }, as(payerId)))?.status).toBe('pending');
    expect(await paymentForStatusPage({ InvId: String(invId) }, as(otherId))).toBeNull();
  });
});

describe('the hand-over page', () => {
  it('opens for the signed link the payment action redirected to, or the payer’s session', async () => {
    const guest = await pay(null);
    const token = query(paymentGoHref(guest.paymentId)).t;
    expect((await paymentForHandOver(guest.paymentId, token, nobody))?.invId).toBe(guest.invId);
    expect(await paymentForHandOver(guest.paymentId, undefined, nobody)).toBeNull();
    expect(await paymentForHandOver(guest.paymentId, query(paymentGoHref(crypto.randomUUID())).t, nobody)).toBeNull();

    const own = await pay(payerId);
    expect((await paymentForHandOver(own.paymentId, undefined, as(payerId)))?.invId).toBe(own.invId);
    expect(await paymentForHandOver(own.paymentId, undefined, as(otherId))).toBeNull();
  });
});
