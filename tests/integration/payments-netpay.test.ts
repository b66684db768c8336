import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { accounts, auditLog, ledgerEntries, payments } from '@/db/schema';
import { gatewayFor } from '@/lib/payments/gateways';
import { gatewayHandOver, startPayment } from '@/lib/payments/start';
import { receiptLinesOf } from '@/lib/payments/electricity-receipt';
import { GET } from '@/app/api/payments/netpay/result/route';
import { notificationQuery, readForm } from '../support/netpay-peer';
import { gatewayPayer } from '../support/gateway-payer';
import { useTestDatabase } from '../support/test-db';

// NET PAY end to end against a real database: our form as NET PAY decrypts it, then its GET
// notification, genuine or not, sent to our endpoint — one credit or none, never two, never a 5xx.

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const peer = { apiKey: 'netpay-key-for-tests', auth: 'netpay-auth-for-tests' };
const ctx = { ip: '203.0.113.9' };
const t = useTestDatabase();
const { payer, balance } = gatewayPayer(t, {
  NETPAY_API_KEY: peer.apiKey,
  NETPAY_AUTH: peer.auth,
  NETPAY_RECEIPTS: '1',
});
const seller = { inn: '5017000001', paymentAddress: 'https://lk.example.ru' };

/** A pending payment and the parameters NET PAY decrypts from its form. */
async function pendingOrder(amountKopecks: number) {
  const gateway = gatewayFor('netpay')!;
  const started = await startPayment({ ...payer, amountKopecks, requestsBinding: false, ip: ctx.ip }, gateway);
  const [row] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
  const lines = await receiptLinesOf(row!);
  const order = readForm(peer, gatewayHandOver({ ...row!, purpose: 'electricity' }, gateway, lines, seller).fields);
  return { ...started, order };
}

function send(query: URLSearchParams) {
  return GET(new Request(`https://lk.example.ru/api/payments/netpay/result?${query.toString()}`));
}

describe('NET PAY notification endpoint', () => {
  it('the form names our endpoint and the signed status page', async () => {
    const { order, invId } = await pendingOrder(250_00);
    expect(order.value1).toBe('https://lk.example.ru/api/payments/netpay/result');
    expect(order.successUrl).toMatch(new RegExp(`/payments/success\\?InvId=${invId}&t=`));
  });

  it('the form carries the 54-ФЗ receipt for the connected cash register: seller, lines with VAT, one electronic payment', async () => {
    const { order } = await pendingOrder(250_00);
    const cashbox = JSON.parse(order.cashbox_data!) as Record<string, unknown>;
    const [account] = await t.db
      .select({ number: accounts.number })
      .from(accounts)
      .where(eq(accounts.id, payer.accountId));
    expect(cashbox).toEqual({
      timestamp: '',
      service: { callback_url: '', inn: '5017000001', payment_address: 'https://lk.example.ru' },
      receipt: {
        attributes: { email: '', phone: '' },
        items: [
          // The payer owes nothing: the whole payment is an advance, VAT at the calculated rate.
          {
            name: `Аванс за электроэнергию, лицевой счёт ${account!.number}`,
            price: '250.00',
            quantity: '1',
            sum: '250.00',
            tax: 'vat122',
          },
        ],
        payments: [{ type: 1, sum: '250.00' }],
        total: '250.00',
      },
    });
  });

  it('100 concurrent copies of the genuine notification credit once, each accepted', async () => {
    const before = await balance();
    const { order, paymentId } = await pendingOrder(123_45);
    const query = notificationQuery(peer, order);
    const answers = await Promise.all(Array.from({ length: 100 }, () => send(query)));
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200));
    for (const a of answers) expect(await a.text()).toContain('<status>1</status>');
    expect(await balance()).toBe(before - 123_45);
    expect(await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, paymentId))).toHaveLength(1);
  });

  it('forged, wrong-amount, unpaid, unknown and junk notifications (many at once) credit nothing', async () => {
    const before = await balance();
    const { order, paymentId, invId } = await pendingOrder(500_00);
    const attempts = [
      notificationQuery(peer, order, {}, 'guessed'),
      notificationQuery(peer, order, { auth: 'other' }),
      notificationQuery(peer, order, { amount: '5.00' }),
      notificationQuery(peer, order, { status: 'WAITING', transactionType: 'Authorize' }),
      notificationQuery(peer, order, { error: '51' }),
      notificationQuery(peer, order, { orderID: `services-${invId}` }),
      notificationQuery(peer, order, { orderID: 'electricity-999999' }),
      new URLSearchParams('orderID=%00&token=x&auth='),
      new URLSearchParams(),
    ];
    const answers = await Promise.all(Array.from({ length: 5 }, () => attempts.map(send)).flat());
    for (const a of answers) {
      expect(a.status).toBe(400);
      expect(await a.text()).toContain('<status>0</status>');
    }
    expect(await balance()).toBe(before);
    const [payment] = await t.db.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId));
    expect(payment?.status).toBe('pending');
    const reasons = (
      await t.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.action, 'payment.notification_refused'))
    ).map((r) => (r.details as { reason: string }).reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['bad_signature', 'amount_mismatch', 'not_paid', 'purpose_mismatch', 'unknown_inv_id']),
    );

    const ok = await send(notificationQuery(peer, order));
    expect(ok.status).toBe(200);
    expect(await balance()).toBe(before - 500_00);
  });
});
