import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, serviceCatalog, serviceCatalogPrices, serviceRequests } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { listServiceGroups } from '@/lib/content/services';
import { moscowDay } from '@/lib/format/dates';
import { addService, changeServicePrice, retireService } from '@/lib/services/catalogue';
import { pricesInForce } from '@/lib/services/prices';
import { createServiceRequest, orderableServices, requestDetail } from '@/lib/services/requests';
import { addServiceSchema, changePriceSchema, orderSchema } from '@/lib/services/schemas';
import { createTestDatabase, dbErrorOf, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import { createHousehold, createUser, createUtilityProfile } from '../support/factories';

// The catalogue staff keep: a service added, its price changed from a later day (the price in force
// on a day is the latest one from that day or before), the database refusing a second price for a
// day and a back-dated one, and a retired service leaving the price list and the order forms while
// its requests keep it and their price.

vi.mock('@/auth', () => ({ auth: async () => null, signIn: async () => undefined }));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
process.env.AUTH_SECRET ??= 'integration-test-secret-services-catalogue';

const ctx = { ip: '203.0.113.31', origin: 'http://test.local' };
const now = new Date();
const today = moscowDay(now);
const dayPlus = (n: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

let t: TestDatabase;
let restore: () => void;
let petrov: SessionUser;
let staff: { id: string };
let petrovAccountId: string;
let serviceId: string;

const order = (at: Date) =>
  createServiceRequest(
    petrov,
    orderSchema.parse({
      serviceId,
      quantity: '2',
      accountId: petrovAccountId,
      addressMode: 'account',
      preferredWindow: 'any',
      contactPhone: '8 (916) 123-45-67',
    }),
    { ...ctx, now: at },
  );

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await createUtilityProfile(t.db);
  const household = await createHousehold(t.db);
  petrov = household.user;
  petrovAccountId = household.accountId;
  staff = await createUser(t.db);
});

afterAll(async () => {
  restore();
  await t.drop();
});

describe('the catalogue', () => {
  it('staff add a service: it is on the price list and in the order form, audited', async () => {
    const added = await addService(
      staff,
      addServiceSchema.parse({
        code: 'test-lamp',
        title: 'Замена светильника',
        category: 'Электромонтажные работы',
        description: 'Демонтаж старого и установка нового',
        unit: 'шт.',
        price: '1 200,50',
      }),
      ctx,
    );
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    serviceId = added.serviceId;
    const [row] = await t.db.select().from(serviceCatalog).where(eq(serviceCatalog.id, serviceId));
    expect(row).toMatchObject({ code: 'TEST-LAMP', priceKopecks: 120050, priceIsFrom: false, active: true });
    const groups = await listServiceGroups();
    expect(groups.flatMap((g) => g.items).some((i) => i.id === serviceId)).toBe(true);
    expect((await orderableServices()).some((s) => s.id === serviceId)).toBe(true);
    const [line] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'service.catalogue_added'), eq(auditLog.subjectId, serviceId)));
    expect(line).toMatchObject({ actorUserId: staff.id });
  });

  it('a second service with the same code is refused in Russian', async () => {
    const again = await addService(
      staff,
      addServiceSchema.parse({ code: 'TEST-LAMP', title: 'Ещё', category: 'Прочее', unit: 'шт.', price: '100' }),
      ctx,
    );
    expect(again).toMatchObject({ ok: false, fieldErrors: { code: expect.stringMatching(/код уже занят/) } });
  });

  it('bad input is answered field by field', () => {
    const parsed = changePriceSchema.safeParse({ serviceId: 'x', price: '12,345', effectiveFrom: '31.02.2026' });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message).join(' ');
    expect(messages).toMatch(/Услуга не найдена/);
    expect(messages).toMatch(/не больше двух знаков/);
    expect(messages).toMatch(/ДД\.ММ\.ГГГГ/);
  });
});

describe('the price history', () => {
  it('the price in force on a day is the latest one from that day or before', async () => {
    for (const [days, price] of [
      [1, '1 500'],
      [5, '2 000'],
      [3, '1 800'],
    ] as const) {
      const changed = await changeServicePrice(
        staff,
        changePriceSchema.parse({ serviceId, price, effectiveFrom: dayPlus(days) }),
        ctx,
      );
      expect(changed.ok).toBe(true);
    }
    const on = async (day: string) => (await pricesInForce(day, [serviceId])).get(serviceId)?.priceKopecks;
    expect(await on(today)).toBe(120050);
    expect(await on(dayPlus(1))).toBe(150000);
    expect(await on(dayPlus(2))).toBe(150000);
    expect(await on(dayPlus(3))).toBe(180000);
    expect(await on(dayPlus(4))).toBe(180000);
    expect(await on(dayPlus(40))).toBe(200000);
    // Today's list still shows today's price.
    expect((await orderableServices()).find((s) => s.id === serviceId)?.priceKopecks).toBe(120050);
    const lines = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'service.price_changed'), eq(auditLog.subjectId, serviceId)));
    expect(lines).toHaveLength(3);
  });

  it('a second price for the same day and a back-dated one are refused, by the form and by the database', async () => {
    const twice = await changeServicePrice(
      staff,
      changePriceSchema.parse({ serviceId, price: '1 600', effectiveFrom: dayPlus(1) }),
      ctx,
    );
    expect(twice).toMatchObject({ ok: false, fieldErrors: { effectiveFrom: expect.stringMatching(/уже введена/) } });
    const past = await changeServicePrice(
      staff,
      changePriceSchema.parse({ serviceId, price: '1 600', effectiveFrom: dayPlus(-1) }),
      ctx,
    );
    expect(past).toMatchObject({ ok: false, fieldErrors: { effectiveFrom: expect.stringMatching(/будущую дату/) } });

    const insert = (effectiveFrom: string) =>
      t.db.insert(serviceCatalogPrices).values({ serviceId, priceKopecks: 99900, priceIsFrom: false, effectiveFrom });
    const duplicate = await insert(dayPlus(1)).catch((e: unknown) => e);
    expect(dbErrorOf(duplicate)).toMatchObject({
      code: '23505',
      constraint: 'service_catalog_prices_service_from_key',
    });
    const backDated = await insert(dayPlus(-1)).catch((e: unknown) => e);
    expect(dbErrorOf(backDated)).toMatchObject({ code: '23514', constraint: 'service_catalog_prices_not_past' });
  });

  it('a request is priced at the price in force on the day it is ordered and keeps it', async () => {
    const ordered = await order(now);
    const laterNow = new Date(`${dayPlus(1)}T09:00:00Z`);
    const orderedLater = await order(laterNow);
    expect(ordered.ok && orderedLater.ok).toBe(true);
    if (!ordered.ok || !orderedLater.ok) return;
    const price = async (id: string) =>
      (await t.db.select().from(serviceRequests).where(eq(serviceRequests.id, id)))[0]!.priceKopecks;
    expect(await price(ordered.requestId)).toBe(2 * 120050);
    expect(await price(orderedLater.requestId)).toBe(2 * 150000);
  });
});

describe('retiring', () => {
  it('a retired service leaves the price list and the order form; its requests keep it', async () => {
    const [open] = await t.db.select().from(serviceRequests).where(eq(serviceRequests.serviceId, serviceId));
    const retired = await retireService(staff, serviceId, ctx);
    expect(retired.ok).toBe(true);
    expect((await listServiceGroups()).flatMap((g) => g.items).some((i) => i.id === serviceId)).toBe(false);
    expect((await orderableServices()).some((s) => s.id === serviceId)).toBe(false);
    const refused = await order(now);
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { serviceId: expect.stringMatching(/больше не оказывается/) },
    });
    const kept = await requestDetail(open!.id, petrov.id);
    expect(kept).toMatchObject({ title: 'Замена светильника', priceKopecks: open!.priceKopecks });
    const changed = await changeServicePrice(
      staff,
      changePriceSchema.parse({ serviceId, price: '1 000', effectiveFrom: dayPlus(10) }),
      ctx,
    );
    expect(changed.ok).toBe(false);
    const [line] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'service.retired'), eq(auditLog.subjectId, serviceId)));
    expect(line).toMatchObject({ actorUserId: staff.id });
  });
});
