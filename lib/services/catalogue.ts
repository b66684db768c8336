import 'server-only';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { serviceCatalog, serviceCatalogPrices } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { audit } from '@/lib/security/audit';
import { pricesInForce } from './prices';
import type { addServiceSchema, changePriceSchema } from './schemas';

// The catalogue as staff keep it: add a service, change a price from a date (today or later, never
// back-dated: lib/services/prices.ts reads the history), retire a service (it leaves the price list
// and the order forms; requests already made keep it). Each write is one transaction with its
// audit line; the caller refreshes the public price list.

export interface CatalogueRow {
  id: string;
  code: string;
  category: string;
  title: string;
  unit: string;
  active: boolean;
  /** In force today. */
  priceKopecks: number;
  priceIsFrom: boolean;
  /** Changes from a later day, soonest first. */
  upcoming: { priceKopecks: number; priceIsFrom: boolean; effectiveFrom: string }[];
}

export async function listCatalogue(now = new Date()): Promise<CatalogueRow[]> {
  const today = moscowDay(now);
  const [services, prices, later] = await Promise.all([
    db()
      .select()
      .from(serviceCatalog)
      .orderBy(sql`${serviceCatalog.active} desc`, asc(serviceCatalog.sortOrder), asc(serviceCatalog.title)),
    pricesInForce(today),
    db()
      .select()
      .from(serviceCatalogPrices)
      .where(gt(serviceCatalogPrices.effectiveFrom, today))
      .orderBy(asc(serviceCatalogPrices.effectiveFrom)),
  ]);
  return services.map((s) => ({
    id: s.id,
    code: s.code,
    category: s.category,
    title: s.title,
    unit: s.unit,
    active: s.active,
    priceKopecks: prices.get(s.id)?.priceKopecks ?? s.priceKopecks,
    priceIsFrom: prices.get(s.id)?.priceIsFrom ?? s.priceIsFrom,
    upcoming: later
      .filter((p) => p.serviceId === s.id)
      .map((p) => ({ priceKopecks: p.priceKopecks, priceIsFrom: p.priceIsFrom, effectiveFrom: p.effectiveFrom })),
  }));
}

const priceLabel = (kopecks: number, from: boolean) => `${from ? 'от ' : ''}${formatRub(kopecks)}`;

export async function addService(
  staff: { id: string },
  input: z.output<typeof addServiceSchema>,
  ctx: { ip: string },
): Promise<ActionResult<{ serviceId: string }>> {
  return db().transaction(async (tx) => {
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${serviceCatalog.sortOrder}), 0)::int` })
      .from(serviceCatalog)
      .where(eq(serviceCatalog.category, input.category));
    const [row] = await tx
      .insert(serviceCatalog)
      .values({
        code: input.code,
        title: input.title,
        category: input.category,
        description: input.description ?? null,
        unit: input.unit,
        priceKopecks: input.price,
        priceIsFrom: input.priceIsFrom,
        sortOrder: (last?.max ?? 0) + 10,
      })
      .onConflictDoNothing()
      .returning({ id: serviceCatalog.id });
    if (!row) return fail('Услуга с таким кодом уже есть', { code: 'Этот код уже занят — выберите другой' });
    await audit(
      {
        action: 'service.catalogue_added',
        actorUserId: staff.id,
        subjectType: 'service',
        subjectId: row.id,
        ip: ctx.ip,
        details: { code: input.code, title: input.title, priceKopecks: input.price, priceIsFrom: input.priceIsFrom },
      },
      tx,
    );
    return succeed({ serviceId: row.id, message: `Услуга «${input.title}» добавлена в прейскурант` });
  });
}

export async function changeServicePrice(
  staff: { id: string },
  input: z.output<typeof changePriceSchema>,
  ctx: { ip: string; now?: Date },
): Promise<ActionResult> {
  const today = moscowDay(ctx.now ?? new Date());
  if (input.effectiveFrom < today) {
    return fail('Цену нельзя изменить задним числом', { effectiveFrom: 'Выберите сегодняшнюю или будущую дату' });
  }
  return db().transaction(async (tx) => {
    const [service] = await tx
      .select()
      .from(serviceCatalog)
      .where(eq(serviceCatalog.id, input.serviceId))
      .for('update');
    if (!service) return fail('Услуга не найдена');
    if (!service.active) return fail('Услуга снята с продажи — её цену менять не нужно');
    const [row] = await tx
      .insert(serviceCatalogPrices)
      .values({
        serviceId: service.id,
        priceKopecks: input.price,
        priceIsFrom: input.priceIsFrom,
        effectiveFrom: input.effectiveFrom,
        createdBy: staff.id,
      })
      .onConflictDoNothing()
      .returning({ id: serviceCatalogPrices.id });
    if (!row) {
      return fail('С этой даты цена уже назначена', {
        effectiveFrom: 'На эту дату цена уже введена — выберите другую дату',
      });
    }
    await audit(
      {
        action: 'service.price_changed',
        actorUserId: staff.id,
        subjectType: 'service',
        subjectId: service.id,
        ip: ctx.ip,
        details: {
          code: service.code,
          priceKopecks: input.price,
          priceIsFrom: input.priceIsFrom,
          effectiveFrom: input.effectiveFrom,
        },
      },
      tx,
    );
    return succeed({
      message: `«${service.title}»: ${priceLabel(input.price, input.priceIsFrom)} с ${formatDate(input.effectiveFrom)}`,
    });
  });
}

export async function retireService(
  staff: { id: string },
  serviceId: string,
  ctx: { ip: string },
): Promise<ActionResult> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(serviceCatalog)
      .set({ active: false })
      .where(eq(serviceCatalog.id, serviceId))
      .returning({ code: serviceCatalog.code, title: serviceCatalog.title });
    if (!row) return fail('Услуга не найдена');
    await audit(
      {
        action: 'service.retired',
        actorUserId: staff.id,
        subjectType: 'service',
        subjectId: serviceId,
        ip: ctx.ip,
        details: { code: row.code },
      },
      tx,
    );
    return succeed({ message: `Услуга «${row.title}» снята с продажи` });
  });
}
