import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { auditLog, cardBindings, ledgerEntries, payments } from '@/db/schema';
import { gatewayFor } from '@/lib/payments/gateways';
import { gatewayHandOver, startPayment } from '@/lib/payments/start';
import { GET, POST } from '@/app/api/payments/moneta/result/route';
import { formSignatureValid, payUrlNotification, readPayUrlAnswer } from '../support/moneta-peer';
import { gatewayPayer } from '../support/gateway-payer';
import { createBill, createHousehold } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// МОНЕТА end to end against a real database: our form as МОНЕТА reads it, then its Pay URL
// notification, genuine or not, posted to our endpoint — one credit or none, never two, never a 5xx.

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const peer = { accountId: '54600817', code: 'integrity-code-for-tests' };
const ctx = { ip: '203.0.113.9' };
const t = useTestDatabase();
const { payer, balance } = gatewayPayer(t, {
  MONETA_ACCOUNT_ID: peer.accountId,
  MONETA_INTEGRITY_CODE: peer.code,
});

/** A pending payment and the form МОНЕТА receives for it. */
async function pendingForm(amountKopecks: number, requestsBinding = false) {
  const gateway = gatewayFor('moneta')!;
  const started = await startPayment({ ...payer, amountKopecks, requestsBinding, ip: ctx.ip }, gateway);
  const [row] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
  const form = gatewayHandOver({ ...row!, purpose: 'electricity' }, gateway).fields;
  return { ...started, form };
}

function post(fields: Record<string, string>) {
  return POST(
    new Request('https://lk.example.ru/api/payments/moneta/result', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

describe('МОНЕТА Pay URL', () => {
  it('the form is one МОНЕТА accepts, returning the payer to our signed status page', async () => {
    const { form, invId } = await pendingForm(250_00);
    expect(formSignatureValid(peer, form)).toBe(true);
    expect(form.MNT_SUCCESS_URL).toMatch(new RegExp(`^https://lk\\.example\\.ru/payments/success\\?InvId=${invId}&t=`));
  });

  it('100 concurrent copies of the genuine notification credit once, each answered with the same signed receipt', async () => {
    const before = await balance();
    const { form, paymentId } = await pendingForm(123_45);
    const notification = payUrlNotification(peer, form);
    const answers = await Promise.all(Array.from({ length: 100 }, () => post(notification)));
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200));
    const bodies = new Set(await Promise.all(answers.map((a) => a.text())));
    expect(bodies.size).toBe(1);
    expect(answers[0]!.headers.get('content-type')).toMatch(/^application\/xml/);
    const answer = readPayUrlAnswer(peer, notification, [...bodies][0]!);
    expect(answer).toMatchObject({ resultCode: '200', signatureValid: true });
    expect(await balance()).toBe(before - 123_45);
    expect(await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, paymentId))).toHaveLength(1);
    const [payment] = await t.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment).toMatchObject({ status: 'paid', gateway: 'moneta' });
    // By GET, as МОНЕТА may be set to send it: still the one credit.
    const url = new URL('https://lk.example.ru/api/payments/moneta/result');
    for (const [k, v] of Object.entries(notification)) url.searchParams.set(k, v);
    const again = await GET(new Request(url));
    expect([again.status, await again.text()]).toEqual([200, [...bodies][0]]);
    expect(await balance()).toBe(before - 123_45);
  });

  it('forged, wrong-amount, other-type, unknown and junk notifications (many at once) credit nothing and answer FAIL', async () => {
    const before = await balance();
    const { form, paymentId, invId } = await pendingForm(500_00);
    const attempts = [
      { ...payUrlNotification(peer, form), MNT_SIGNATURE: 'f'.repeat(32) },
      payUrlNotification({ ...peer, code: 'guessed' }, form),
      payUrlNotification(peer, form, { MNT_AMOUNT: '5.00' }),
      payUrlNotification(peer, form, { MNT_AMOUNT: '500.01' }),
      payUrlNotification(peer, form, { MNT_TRANSACTION_ID: `services-${invId}` }),
      payUrlNotification(peer, form, { MNT_TRANSACTION_ID: 'electricity-999999' }),
      payUrlNotification(peer, form, { MNT_CURRENCY_CODE: 'USD' }),
      { MNT_ID: peer.accountId, MNT_TRANSACTION_ID: "'; drop table payments; --", MNT_SIGNATURE: 'x' },
      {},
    ];
    const answers = await Promise.all(Array.from({ length: 5 }, () => attempts.map(post)).flat());
    for (const a of answers) {
      expect(a.status).toBe(400);
      expect(await a.text()).toBe('FAIL');
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
      expect.arrayContaining([
        'bad_signature',
        'amount_mismatch',
        'purpose_mismatch',
        'unknown_inv_id',
        'wrong_currency',
      ]),
    );

    // The genuine one still completes it.
    const genuine = payUrlNotification(peer, form);
    const ok = await post(genuine);
    expect(ok.status).toBe(200);
    expect(readPayUrlAnswer(peer, genuine, await ok.text())).toMatchObject({ resultCode: '200', signatureValid: true });
    expect(await balance()).toBe(before - 500_00);
  });

  it('the answer carries the 54-ФЗ receipt: the debt paid at the general VAT rate, the rest as an advance at the calculated rate', async () => {
    const household = await createHousehold(t.db, { user: { email: 'moneta-receipt@example.com' } });
    await createBill(t.db, household.accountId, { period: '2026-10-01', amountKopecks: 100_00 });
    const gateway = gatewayFor('moneta')!;
    const started = await startPayment(
      {
        accountId: household.accountId,
        userId: household.user.id,
        amountKopecks: 123_45,
        requestsBinding: false,
        receiptEmail: 'moneta-receipt@example.com',
        ip: ctx.ip,
      },
      gateway,
    );
    const [row] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
    const notification = payUrlNotification(peer, gatewayHandOver(row!, gateway).fields);
    const first = readPayUrlAnswer(peer, notification, await (await post(notification)).text());
    expect(first).toEqual({
      resultCode: '200',
      signatureValid: true,
      customer: 'moneta-receipt@example.com',
      inventory: [
        {
          name: `Электроэнергия, лицевой счёт ${household.number}`,
          price: '100.00',
          quantity: '1',
          vatTag: '1102',
          pm: 'full_payment',
          po: 'service',
        },
        {
          name: `Аванс за электроэнергию, лицевой счёт ${household.number}`,
          price: '23.45',
          quantity: '1',
          vatTag: '1106',
          pm: 'advance',
          po: 'service',
        },
      ],
    });
    // A repeat after the credit (МОНЕТА did not get the first answer) is told the same receipt,
    // not one recomputed from the balance the payment has already lowered.
    expect(readPayUrlAnswer(peer, notification, await (await post(notification)).text())).toEqual(first);
  });

  it('a payment asking to remember the card leaves no binding: МОНЕТА cannot charge it later', async () => {
    const { form, paymentId } = await pendingForm(10_00, true);
    expect((await post(payUrlNotification(peer, form))).status).toBe(200);
    expect(await t.db.select().from(cardBindings).where(eq(cardBindings.parentPaymentId, paymentId))).toEqual([]);
  });
});
