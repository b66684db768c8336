import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, payments, serviceBankPayments, serviceRequests } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { recordBankPayment } from '@/lib/services/bank-payment';
import { serviceInvoiceFor } from '@/lib/services/invoice';
import { renderServiceInvoicePdf } from '@/lib/services/invoice-pdf';
import { createServiceRequest } from '@/lib/services/requests';
import { bankPaymentSchema, orderSchema } from '@/lib/services/schemas';
import { pdfText } from '../support/pdf-text';
import { createTestDatabase, dbErrorOf, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import {
  createAccount,
  createCompanyMember,
  createCompanyUser,
  createHousehold,
  createService,
  createUser,
  createUtilityProfile,
} from '../support/factories';
import { signInAs } from '../support/signed-in-browser';

// A company pays a paid-service request by invoice: the счёт names the request and carries the
// utility's bank details and the VAT as the company invoices do; only the company's users who see
// its bills download it, anything else is a 404; staff record the bank transfer once, which moves
// the request to «paid» as a card payment would, audited.

vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
process.env.AUTH_SECRET ??= 'integration-test-secret-services-invoice';
const { GET: getInvoice } = await import('@/app/lk/(cabinet)/services/[id]/invoice/route');

const ctx = { ip: '203.0.113.41', origin: 'http://test.local' };
let t: TestDatabase;
let restore: () => void;
let owner: SessionUser;
let accountant: SessionUser;
let engineer: SessionUser;
let petrov: SessionUser;
let staff: { id: string };
let requestId: string;
let requestNumber: number;
let foreignRequestId: string;
let accountId: string;
let panelId: string;

async function download(user: SessionUser, id: string): Promise<Response> {
  await signInAs(user);
  return getInvoice(new Request(`http://test.local/lk/services/${id}/invoice`), {
    params: Promise.resolve({ id }),
  } as never);
}

const flat = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await createUtilityProfile(t.db);
  const company = await createCompanyUser(t.db, { company: { name: 'ООО «Ромашка»', kpp: '501701001' } });
  owner = company.user;
  accountant = await createCompanyMember(t.db, company.companyId, 'accountant');
  engineer = await createCompanyMember(t.db, company.companyId, 'engineer');
  petrov = (await createHousehold(t.db)).user;
  staff = await createUser(t.db);
  const account = await createAccount(t.db, {
    kind: 'company',
    companyId: company.companyId,
    holderName: 'ООО «Ромашка»',
  });
  accountId = account.id;
  const socket = await createService(t.db, {
    title: 'Установка или замена розетки, выключателя',
    priceKopecks: 450_00,
  });
  panelId = (
    await createService(t.db, { title: 'Восстановление электрощита', priceKopecks: 4500_00, priceIsFrom: true })
  ).id;
  const created = await createServiceRequest(
    owner,
    orderSchema.parse({
      serviceId: socket.id,
      quantity: '3',
      accountId: account.id,
      addressMode: 'account',
      preferredWindow: 'any',
      contactPhone: '8 (916) 555-00-11',
    }),
    ctx,
  );
  if (!created.ok) throw new Error(created.message);
  requestId = created.requestId;
  requestNumber = created.number;

  // Another company's request on its own account.
  const other = await createCompanyUser(t.db, { company: { name: 'ООО «Соседи»' } });
  const foreign = await createAccount(t.db, {
    kind: 'company',
    holderName: 'ООО «Соседи»',
    companyId: other.companyId,
  });
  const [row] = await t.db
    .insert(serviceRequests)
    .values({
      userId: owner.id,
      accountId: foreign.id,
      serviceId: socket.id,
      address: 'г. Истра, ул. Ленина, 2',
      contactPhone: '+79160000000',
      status: 'price_confirmed',
      priceKopecks: 45000,
      priceAcceptedAt: new Date(),
    })
    .returning({ id: serviceRequests.id });
  foreignRequestId = row!.id;
});

afterAll(async () => {
  restore();
  await t.drop();
});

describe('the invoice of a service request', () => {
  it('names the request, carries the bank details and the VAT as company invoices do', async () => {
    const invoice = await serviceInvoiceFor(accountant, requestId);
    expect(invoice).not.toBeNull();
    // 3 × 450 ₽ with VAT 22 % inside: 1 350 × 22 / 122 = 243,44 ₽.
    expect(invoice!.total).toEqual({ grossKopecks: 135000, netKopecks: 110656, vatKopecks: 24344 });
    expect(invoice!.purpose).toContain(`Заявка № ${requestNumber}`);
    expect(invoice!.purpose).toContain('в т.ч. НДС 22% 243-44');
    const text = flat(pdfText(await renderServiceInvoicePdf(invoice!)).text);
    expect(text).toContain(`Счёт на оплату № У-${requestNumber}`);
    expect(text).toContain(`Заявка № ${requestNumber} на платные услуги`);
    expect(text).toContain(`БИК ${invoice!.utility.bik}`);
    expect(text).toContain(invoice!.utility.settlementAccount);
    expect(text).toContain('В том числе НДС (22%): 243,44');
    expect(text).toContain('Всего к оплате: 1 350,00');
    expect(text).toContain(invoice!.buyer.name);
  });

  it('the company’s owner and accountant download it; the engineer, a household and another company’s request get 404', async () => {
    const ok = await download(accountant, requestId);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Type')).toBe('application/pdf');
    expect(flat(pdfText(Buffer.from(await ok.arrayBuffer())).text)).toContain(`Заявка № ${requestNumber}`);
    expect((await download(owner, requestId)).status).toBe(200);
    expect((await download(engineer, requestId)).status).toBe(404);
    expect((await download(petrov, requestId)).status).toBe(404);
    expect((await download(accountant, foreignRequestId)).status).toBe(404);
    expect((await download(owner, foreignRequestId)).status).toBe(404);
    expect((await download(accountant, 'not-a-uuid')).status).toBe(404);
  });
});

describe('staff record the bank transfer', () => {
  it('a date in the future and a malformed order number are refused in Russian', async () => {
    const future = await recordBankPayment(
      staff,
      bankPaymentSchema.parse({ requestId, receivedOn: '2099-01-01', orderNumber: '123' }),
      ctx,
    );
    expect(future).toMatchObject({
      ok: false,
      fieldErrors: { receivedOn: expect.stringMatching(/сегодня или раньше/) },
    });
    const bad = bankPaymentSchema.safeParse({ requestId, receivedOn: '2026-12-01', orderNumber: '№ 12a' });
    expect(bad.error?.issues[0]?.message).toMatch(/платёжного поручения/);
  });

  it('moves the request to paid once, as a card payment does, and is audited', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(new Date());
    const input = bankPaymentSchema.parse({ requestId, receivedOn: today, orderNumber: '4512' });
    const recorded = await recordBankPayment(staff, input, ctx);
    expect(recorded.ok).toBe(true);
    const [request] = await t.db.select().from(serviceRequests).where(eq(serviceRequests.id, requestId));
    expect(request).toMatchObject({ status: 'paid' });
    const [payment] = await t.db.select().from(payments).where(eq(payments.id, request!.paidPaymentId!));
    expect(payment).toMatchObject({
      purpose: 'services',
      status: 'paid',
      gateway: 'bank',
      amountKopecks: 135000,
      gatewayReference: '4512',
    });

    const again = await recordBankPayment(staff, input, ctx);
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/уже получена/) });
    const [count] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(payments)
      .where(eq(payments.serviceRequestId, requestId));
    expect(count!.n).toBe(1);
    const second = await t.db
      .insert(serviceBankPayments)
      .values({ requestId, paymentId: payment!.id, receivedOn: today, orderNumber: '4513' })
      .catch((e: unknown) => e);
    expect(dbErrorOf(second)).toMatchObject({ code: '23505' });

    const lines = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, requestId), eq(auditLog.action, 'service.bank_payment_recorded')));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actorUserId: staff.id });
    const paid = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, requestId), eq(auditLog.action, 'service.paid')));
    expect(paid).toHaveLength(1);
  });

  it('a request without an agreed price cannot be recorded as paid', async () => {
    const waiting = await createServiceRequest(
      owner,
      orderSchema.parse({
        serviceId: panelId,
        quantity: '1',
        accountId,
        addressMode: 'account',
        preferredWindow: 'any',
        contactPhone: '8 (916) 555-00-11',
      }),
      ctx,
    );
    if (!waiting.ok) throw new Error(waiting.message);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(new Date());
    const result = await recordBankPayment(
      staff,
      bankPaymentSchema.parse({ requestId: waiting.requestId, receivedOn: today, orderNumber: '1' }),
      ctx,
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/нельзя оплатить/) });
    expect(await serviceInvoiceFor(accountant, waiting.requestId)).toBeNull();
  });
});
