import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditLog,
  cardBindings,
  emailOutbox,
  ledgerEntries,
  payments,
  refunds,
  serviceRequestEvents,
  serviceRequests,
  storedFiles,
} from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { buildSandboxNotification, sandboxGateway } from '@/lib/payments/gateway/sandbox/gateway';
import { sandboxConfig } from '@/lib/payments/gateways';
import { acceptPaymentNotification } from '@/lib/payments/notify';
import { refundPayment } from '@/lib/payments/refund';
import { renderActPdf } from '@/lib/services/act-pdf';
import { payRequestWithBinding, startServicePayment } from '@/lib/services/payment';
import { createServiceRequest, requestDetail, requestPhoto } from '@/lib/services/requests';
import { orderSchema } from '@/lib/services/schemas';
import { acceptPrice, cancelRequest, completeRequest, confirmPrice, scheduleVisit } from '@/lib/services/workflow';
import { createTestDatabase, dbErrorOf, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import { createHousehold, createService, createUser, createUtilityProfile } from '../support/factories';

// Paid services end to end on a real database: order with a photo, staff price, acceptance,
// payment through the sandbox's signed notification (credited to the request once, never to the
// electricity ledger), the binding-per-payment-type rule, scheduling, done, the act, cancellation
// with a refund, and the database refusing moves the status machine does not allow.

vi.mock('@/auth', () => ({ auth: async () => null, signIn: async () => undefined }));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
process.env.AUTH_SECRET ??= 'integration-test-secret-services-workflow';

const ctx = { ip: '203.0.113.21', origin: 'http://test.local' };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

let t: TestDatabase;
let restore: () => void;
let petrov: SessionUser;
let sidorova: SessionUser;
let staff: { id: string };
let petrovAccountId: string;
let sidorovaAccountId: string;
let panelId: string;
let socketId: string;
const gateway = () => sandboxGateway({ origin: ctx.origin, config: sandboxConfig() });

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await createUtilityProfile(t.db);
  const petrovs = await createHousehold(t.db, { user: { fullName: 'Петров Пётр Петрович' } });
  const sidorovas = await createHousehold(t.db, { user: { fullName: 'Сидорова Анна Сергеевна' } });
  petrov = petrovs.user;
  petrovAccountId = petrovs.accountId;
  sidorova = sidorovas.user;
  sidorovaAccountId = sidorovas.accountId;
  staff = await createUser(t.db);
  panelId = (
    await createService(t.db, {
      category: 'Восстановление электрощитов',
      title: 'Восстановление электрощита',
      unit: 'щит',
      priceKopecks: 4500_00,
      priceIsFrom: true,
    })
  ).id;
  socketId = (await createService(t.db, { title: 'Установка или замена розетки, выключателя', priceKopecks: 450_00 }))
    .id;
});

afterAll(async () => {
  restore();
  await t.drop();
});

function order(overrides: Record<string, unknown> = {}) {
  return orderSchema.parse({
    serviceId: panelId,
    quantity: '1',
    accountId: petrovAccountId,
    addressMode: 'account',
    preferredWindow: 'morning',
    contactPhone: '8 (916) 123-45-67',
    comment: 'Искрит автомат на кухне',
    ...overrides,
  });
}

async function notify(invId: number, amountKopecks: number, purpose = 'services') {
  const params = buildSandboxNotification(
    { invId, amountKopecks, shp: { Shp_purpose: purpose }, cardMask: '411111******1111' },
    sandboxConfig(),
  ) as Record<string, string>;
  return acceptPaymentNotification(gateway(), params, { ip: ctx.ip });
}

async function ledgerSum(): Promise<number> {
  const [row] = await t.db
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountKopecks}), 0)::bigint`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, petrovAccountId));
  return row!.sum;
}

async function requestRow(id: string) {
  const [row] = await t.db.select().from(serviceRequests).where(eq(serviceRequests.id, id));
  return row!;
}

describe('ordering', () => {
  it('an «от …» service with a photo waits for the staff price; the photo is stored and only the owner sees it', async () => {
    const photo = new File([PNG], 'щит.png', { type: 'image/png' });
    // A second input left empty arrives as a nameless empty file: no photo, not an error.
    const empty = new File([], 'undefined');
    const created = await createServiceRequest(petrov, order({ photo1: photo, photo2: empty }), ctx);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const row = await requestRow(created.requestId);
    expect(row).toMatchObject({ status: 'new', priceKopecks: null, contactPhone: '+79161234567' });
    const detail = await requestDetail(created.requestId, petrov.id);
    expect(detail!.photos).toHaveLength(1);
    expect(await requestPhoto(created.requestId, detail!.photos[0]!.id, petrov.id)).toBe(detail!.photos[0]!.id);
    expect(await requestPhoto(created.requestId, detail!.photos[0]!.id, sidorova.id)).toBeNull();
    expect(await requestDetail(created.requestId, sidorova.id)).toBeNull();
    const letters = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, petrov.email));
    expect(letters.some((l) => l.subject === `Заявка № ${row.number}: принята`)).toBe(true);
  });

  it('a file that is not what its name says is refused and nothing is written', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(storedFiles);
    const fake = new File([new TextEncoder().encode('<script>alert(1)</script>')], 'photo.jpg', { type: 'image/jpeg' });
    const result = await createServiceRequest(petrov, order({ photo1: fake }), ctx);
    expect(result).toMatchObject({ ok: false, fieldErrors: { photo1: expect.stringMatching(/не в формате/) } });
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(storedFiles);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('another user’s account is refused; a fixed price is payable at once', async () => {
    const foreign = await createServiceRequest(sidorova, order(), ctx);
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { accountId: expect.any(String) } });
    const fixed = await createServiceRequest(petrov, order({ serviceId: socketId, quantity: '3' }), ctx);
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    const row = await requestRow(fixed.requestId);
    expect(row.status).toBe('price_confirmed');
    expect(row.priceKopecks).toBe(3 * 450_00);
    expect(row.priceAcceptedAt).not.toBeNull();
  });
});

describe('price, payment, schedule, done', () => {
  it('runs the whole journey; the payment credits the request once and never the electricity balance', async () => {
    const created = await createServiceRequest(petrov, order(), ctx);
    if (!created.ok) throw new Error(created.message);
    const id = created.requestId;

    expect(await startServicePayment(petrov, { requestId: id, rememberCard: false }, gateway(), ctx)).toMatchObject({
      ok: false,
    });
    expect(
      await confirmPrice(staff, { requestId: id, price: 5200_00, reason: 'Замена двух автоматов и шины' }, ctx),
    ).toMatchObject({ ok: true });
    expect(await startServicePayment(petrov, { requestId: id, rememberCard: true }, gateway(), ctx)).toMatchObject({
      ok: false,
    });
    expect(await acceptPrice(petrov, id, ctx)).toMatchObject({ ok: true });
    expect(await confirmPrice(staff, { requestId: id, price: 1_00, reason: 'ошибка' }, ctx)).toMatchObject({
      ok: false,
    });

    const started = await startServicePayment(petrov, { requestId: id, rememberCard: true }, gateway(), ctx);
    if (!started.ok) throw new Error(started.message);
    const again = await startServicePayment(petrov, { requestId: id, rememberCard: true }, gateway(), ctx);
    expect(again).toMatchObject({ ok: true, paymentId: started.paymentId });
    const [payment] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(payment).toMatchObject({ purpose: 'services', serviceRequestId: id, amountKopecks: 5200_00 });

    const before = await ledgerSum();
    const answers = await Promise.all(Array.from({ length: 20 }, () => notify(payment!.invId, 5200_00)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await ledgerSum()).toBe(before);
    const paid = await requestRow(id);
    expect(paid).toMatchObject({ status: 'paid', paidPaymentId: payment!.id });
    const paidEvents = await t.db
      .select()
      .from(serviceRequestEvents)
      .where(and(eq(serviceRequestEvents.requestId, id), eq(serviceRequestEvents.kind, 'paid')));
    expect(paidEvents).toHaveLength(1);
    const [binding] = await t.db.select().from(cardBindings).where(eq(cardBindings.parentPaymentId, payment!.id));
    expect(binding!.purpose).toBe('services');

    expect(await completeRequest(staff, { requestId: id }, ctx)).toMatchObject({ ok: false });
    const at = new Date(Date.now() + 3 * 86_400_000);
    expect(
      await scheduleVisit(staff, { requestId: id, at, crew: 'Бригада № 2 (Иванов, Кузнецов)' }, ctx),
    ).toMatchObject({ ok: true });
    expect(await renderActPdf((await requestDetail(id, petrov.id))!)).toBeNull();
    expect(await completeRequest(staff, { requestId: id, note: 'Заменены 2 автомата' }, ctx)).toMatchObject({
      ok: true,
    });
    const pdf = await renderActPdf((await requestDetail(id, petrov.id))!);
    expect(pdf!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await cancelRequest({ by: 'customer', userId: petrov.id }, { requestId: id }, ctx)).toMatchObject({
      ok: false,
      message: 'Работы по заявке уже выполнены — изменить её нельзя',
    });
    const timeline = (await requestDetail(id, petrov.id))!.events.map((e) => e.kind);
    expect(timeline).toEqual(['new', 'price_confirmed', 'price_accepted', 'paid', 'scheduled', 'done']);
    const letters = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, petrov.email));
    const number = paid.number;
    for (const subject of ['принята', 'окончательная цена', 'оплата получена', 'выезд назначен', 'работы выполнены']) {
      expect(letters.some((l) => l.subject.startsWith(`Заявка № ${number}: ${subject}`))).toBe(true);
    }
  });

  it('a card bound for electricity cannot pay for services until one is bound for services', async () => {
    const mine = await createServiceRequest(
      sidorova,
      order({ accountId: sidorovaAccountId, serviceId: socketId }),
      ctx,
    );
    if (!mine.ok) throw new Error(mine.message);
    const [electricity] = await t.db
      .insert(cardBindings)
      .values({
        userId: sidorova.id,
        purpose: 'electricity',
        gateway: 'sandbox',
        token: '100001',
        cardMask: '4111****1111',
      })
      .returning();
    const refused = await payRequestWithBinding(
      sidorova,
      { requestId: mine.requestId, bindingId: electricity!.id },
      gateway(),
      ctx,
      async () => 'OK',
    );
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/привязана для оплаты электроэнергии/) });
    const pending = await t.db.select().from(payments).where(eq(payments.serviceRequestId, mine.requestId));
    expect(pending).toHaveLength(0);

    // Pay once normally, remembering the card for services; then the services binding works.
    const started = await startServicePayment(
      sidorova,
      { requestId: mine.requestId, rememberCard: true },
      gateway(),
      ctx,
    );
    if (!started.ok) throw new Error(started.message);
    const [p] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
    await notify(p!.invId, p!.amountKopecks);
    const [servicesBinding] = await t.db.select().from(cardBindings).where(eq(cardBindings.parentPaymentId, p!.id));
    const second = await createServiceRequest(
      sidorova,
      order({ accountId: sidorovaAccountId, serviceId: socketId }),
      ctx,
    );
    if (!second.ok) throw new Error(second.message);
    const charged = await payRequestWithBinding(
      sidorova,
      { requestId: second.requestId, bindingId: servicesBinding!.id },
      gateway(),
      ctx,
      async (call) => `OK${call.fields.InvoiceID}`,
    );
    expect(charged.ok).toBe(true);
  });
});

describe('cancellation', () => {
  it('the customer cancels a paid request: refunded in full through the gateway, no ledger entry, one letter', async () => {
    const created = await createServiceRequest(petrov, order({ serviceId: socketId }), ctx);
    if (!created.ok) throw new Error(created.message);
    const started = await startServicePayment(
      petrov,
      { requestId: created.requestId, rememberCard: false },
      gateway(),
      ctx,
    );
    if (!started.ok) throw new Error(started.message);
    const [p] = await t.db.select().from(payments).where(eq(payments.id, started.paymentId));
    await notify(p!.invId, p!.amountKopecks);
    const before = await ledgerSum();

    // Staff cannot refund it behind the request's back from the payments console.
    const direct = await refundPayment(
      staff,
      { paymentId: p!.id, amount: p!.amountKopecks, reason: 'просьба клиента' },
      ctx,
    );
    expect(direct).toMatchObject({ ok: false, message: expect.stringMatching(/отменой заявки/) });

    const result = await cancelRequest(
      { by: 'customer', userId: petrov.id },
      { requestId: created.requestId, reason: 'Справился сам' },
      ctx,
    );
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/возвращены/) });
    const row = await requestRow(created.requestId);
    expect(row).toMatchObject({ status: 'cancelled', cancelledBy: 'customer', cancelReason: 'Справился сам' });
    const [paymentAfter] = await t.db.select().from(payments).where(eq(payments.id, p!.id));
    expect(paymentAfter!.status).toBe('refunded');
    const refundRows = await t.db.select().from(refunds).where(eq(refunds.paymentId, p!.id));
    expect(refundRows).toHaveLength(1);
    expect(await ledgerSum()).toBe(before);
  });

  it('staff cancel with a reason; another user cannot cancel; the database refuses a move outside the machine', async () => {
    const created = await createServiceRequest(petrov, order(), ctx);
    if (!created.ok) throw new Error(created.message);
    expect(
      await cancelRequest({ by: 'customer', userId: sidorova.id }, { requestId: created.requestId }, ctx),
    ).toMatchObject({ ok: false, message: 'Заявка не найдена' });
    const error = await t.db
      .update(serviceRequests)
      .set({ status: 'done', doneAt: new Date(), scheduledAt: new Date(), crew: 'x' })
      .where(eq(serviceRequests.id, created.requestId))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(dbErrorOf(error).code).toMatch(/^23/);
    expect(await cancelRequest({ by: 'staff', userId: staff.id }, { requestId: created.requestId }, ctx)).toMatchObject(
      {
        ok: false,
      },
    );
    expect(
      await cancelRequest(
        { by: 'staff', userId: staff.id },
        { requestId: created.requestId, reason: 'Нет доступа к щиту' },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    const cancelled = await requestRow(created.requestId);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'staff' });
    const reopened = await t.db
      .update(serviceRequests)
      .set({ status: 'new', cancelledBy: null })
      .where(eq(serviceRequests.id, created.requestId))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(dbErrorOf(reopened).code).toBe('23514');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'service.cancelled'));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });
});
