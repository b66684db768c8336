import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  accounts,
  payments,
  serviceCatalog,
  serviceRequestEvents,
  serviceRequestPhotos,
  serviceRequests,
  storedFiles,
} from '@/db/schema';
import { formatAccountAddress } from '@/lib/accounts/list';
import { type ActionResult, type FieldErrors, fail, succeed } from '@/lib/actions/result';
import { canAccessAccount, type SessionUser } from '@/lib/auth/session';
import { type CheckedUpload, checkUpload } from '@/lib/files/check-upload';
import { saveUpload } from '@/lib/files/stored-files';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { type EventKind, recordServiceEvent } from './events';
import { withPricesInForce } from './prices';
import { PHOTO_FIELDS, type OrderInput, SERVICE_PHOTO_MAX_BYTES } from './schemas';
import type { ServiceStatus } from './status';
import { isUuid } from '@/lib/validation/ids';

export const SERVICE_PHOTO_PURPOSE = 'service_photo';
/** Open requests per user: plenty for a household, a ceiling for photos sent in a loop. */
const MAX_OPEN_REQUESTS = 10;
/** How far ahead a preferred date may be. */
const MAX_DAYS_AHEAD = 90;

export interface OrderableService {
  id: string;
  code: string;
  category: string;
  title: string;
  unit: string;
  priceKopecks: number;
  priceIsFrom: boolean;
}

/** The services on sale, at the price in force today. */
export async function orderableServices(now = new Date()): Promise<OrderableService[]> {
  const rows = await db()
    .select({
      id: serviceCatalog.id,
      code: serviceCatalog.code,
      category: serviceCatalog.category,
      title: serviceCatalog.title,
      unit: serviceCatalog.unit,
      priceKopecks: serviceCatalog.priceKopecks,
      priceIsFrom: serviceCatalog.priceIsFrom,
    })
    .from(serviceCatalog)
    .where(eq(serviceCatalog.active, true))
    .orderBy(asc(serviceCatalog.sortOrder), asc(serviceCatalog.title));
  return withPricesInForce(rows, moscowDay(now));
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A new request of the user's. A fixed price is final at once (quantity × catalogue price, agreed
 * by ordering), so the request is payable right away; an «от …» price waits for staff. Photos are
 * checked by their bytes before the transaction and saved inside it, so a failure leaves nothing.
 */
export async function createServiceRequest(
  user: SessionUser,
  input: OrderInput,
  ctx: { ip: string; origin: string; now?: Date },
): Promise<ActionResult<{ requestId: string; number: number }>> {
  const now = ctx.now ?? new Date();
  const errors: FieldErrors = {};
  if (!(await canAccessAccount(user, input.accountId))) {
    return fail('Лицевой счёт не найден среди ваших', { accountId: 'Выберите один из своих лицевых счетов' });
  }
  const [listed] = await db()
    .select()
    .from(serviceCatalog)
    .where(and(eq(serviceCatalog.id, input.serviceId), eq(serviceCatalog.active, true)));
  // The price of the day of ordering; the request keeps it whatever the catalogue says later.
  const [service] = listed ? await withPricesInForce([listed], moscowDay(now)) : [];
  if (!service) errors.serviceId = 'Эта услуга больше не оказывается — выберите другую';

  const today = moscowDay(now);
  if (input.preferredDate !== undefined) {
    if (input.preferredDate <= today) errors.preferredDate = 'Выберите дату начиная с завтрашней';
    else if (input.preferredDate > addDays(today, MAX_DAYS_AHEAD))
      errors.preferredDate = `Выберите дату не позже ${formatDate(addDays(today, MAX_DAYS_AHEAD))}`;
  }

  const photos: CheckedUpload[] = [];
  for (const field of PHOTO_FIELDS) {
    const file = input[field];
    // An input left empty may still arrive as a nameless, empty file («undefined» after the action's decoding).
    if (file === undefined || (file instanceof Blob && file.size === 0)) continue;
    const checked = await checkUpload(file, {
      accept: ['image/jpeg', 'image/png', 'image/webp'],
      maxBytes: SERVICE_PHOTO_MAX_BYTES,
    });
    if (checked.ok) photos.push(checked.file);
    else errors[field] = checked.reason;
  }
  if (Object.keys(errors).length || !service) return fail('Проверьте выделенные поля', errors);

  const open = await db()
    .select({ id: serviceRequests.id })
    .from(serviceRequests)
    .where(
      and(
        eq(serviceRequests.userId, user.id),
        inArray(serviceRequests.status, ['new', 'price_confirmed', 'paid', 'scheduled']),
      ),
    )
    .limit(MAX_OPEN_REQUESTS);
  if (open.length >= MAX_OPEN_REQUESTS) {
    return fail(`У вас уже ${MAX_OPEN_REQUESTS} незавершённых заявок. Дождитесь их выполнения или отмените лишние`);
  }

  const [account] = await db().select().from(accounts).where(eq(accounts.id, input.accountId));
  if (!account) return fail('Лицевой счёт не найден среди ваших');
  const address = input.addressMode === 'other' ? input.otherAddress! : formatAccountAddress(account);
  const fixed = !service.priceIsFrom;
  const price = fixed ? service.priceKopecks * input.quantity : null;

  const created = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(serviceRequests)
      .values({
        userId: user.id,
        accountId: account.id,
        serviceId: service.id,
        quantity: input.quantity,
        address,
        comment: input.comment ?? null,
        contactPhone: input.contactPhone,
        preferredDate: input.preferredDate ?? null,
        preferredWindow: input.preferredWindow,
        status: fixed ? 'price_confirmed' : 'new',
        priceKopecks: price,
        priceAcceptedAt: fixed ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: serviceRequests.id, number: serviceRequests.number });
    if (!row) throw new Error('createServiceRequest: insert returned nothing');
    for (const photo of photos) {
      const fileId = await saveUpload(tx, photo, { purpose: SERVICE_PHOTO_PURPOSE, uploadedBy: user.id });
      await tx.insert(serviceRequestPhotos).values({ requestId: row.id, fileId, createdAt: now });
    }
    await recordServiceEvent(tx, {
      requestId: row.id,
      kind: 'new',
      actorUserId: user.id,
      at: now,
      audit: 'service.ordered',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { serviceCode: service.code, quantity: input.quantity, priceKopecks: price, photos: photos.length },
      letter: {
        headline: 'принята',
        details: fixed
          ? [
              `Стоимость — ${formatRub(price!)}. Оплатите заявку в личном кабинете — после оплаты мы назначим дату выезда.`,
            ]
          : [
              `Цена услуги — от ${formatRub(service.priceKopecks)} за ${service.unit}. Мастер уточнит окончательную стоимость, мы пришлём её на подтверждение.`,
            ],
      },
    });
    if (fixed) {
      await tx.insert(serviceRequestEvents).values({
        requestId: row.id,
        kind: 'price_confirmed',
        note: `Цена по прейскуранту: ${formatRub(price!)}`,
        actorUserId: null,
        at: now,
      });
    }
    return row;
  });
  return succeed({ requestId: created.id, number: created.number });
}

export interface RequestListItem {
  id: string;
  number: number;
  title: string;
  status: ServiceStatus;
  priceKopecks: number | null;
  priceIsFrom: boolean;
  catalogPriceKopecks: number;
  scheduledAt: Date | null;
  createdAt: Date;
}

export async function listRequestsOf(user: SessionUser): Promise<RequestListItem[]> {
  return db()
    .select({
      id: serviceRequests.id,
      number: serviceRequests.number,
      title: serviceCatalog.title,
      status: serviceRequests.status,
      priceKopecks: serviceRequests.priceKopecks,
      priceIsFrom: serviceCatalog.priceIsFrom,
      catalogPriceKopecks: serviceCatalog.priceKopecks,
      scheduledAt: serviceRequests.scheduledAt,
      createdAt: serviceRequests.createdAt,
    })
    .from(serviceRequests)
    .innerJoin(serviceCatalog, eq(serviceCatalog.id, serviceRequests.serviceId))
    .where(eq(serviceRequests.userId, user.id))
    .orderBy(desc(serviceRequests.createdAt))
    .limit(200);
}

export interface RequestDetail {
  id: string;
  number: number;
  userId: string;
  accountId: string;
  accountNumber: string;
  serviceCode: string;
  title: string;
  unit: string;
  catalogPriceKopecks: number;
  priceIsFrom: boolean;
  quantity: number;
  address: string;
  comment: string | null;
  contactPhone: string;
  preferredDate: string | null;
  preferredWindow: string;
  status: ServiceStatus;
  priceKopecks: number | null;
  priceReason: string | null;
  priceAcceptedAt: Date | null;
  paidAt: Date | null;
  paidPaymentId: string | null;
  scheduledAt: Date | null;
  crew: string | null;
  doneAt: Date | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  staffComment: string | null;
  createdAt: Date;
  events: { kind: EventKind; note: string | null; at: Date }[];
  photos: { id: string; fileName: string }[];
  pendingPaymentId: string | null;
}

/** The request with its timeline and photos; `ownerId` restricts it to that user (null: staff). */
export async function requestDetail(id: string, ownerId: string | null): Promise<RequestDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select({
      r: serviceRequests,
      accountNumber: accounts.number,
      serviceCode: serviceCatalog.code,
      title: serviceCatalog.title,
      unit: serviceCatalog.unit,
      catalogPriceKopecks: serviceCatalog.priceKopecks,
      priceIsFrom: serviceCatalog.priceIsFrom,
    })
    .from(serviceRequests)
    .innerJoin(serviceCatalog, eq(serviceCatalog.id, serviceRequests.serviceId))
    .innerJoin(accounts, eq(accounts.id, serviceRequests.accountId))
    .where(ownerId ? and(eq(serviceRequests.id, id), eq(serviceRequests.userId, ownerId)) : eq(serviceRequests.id, id));
  if (!row) return null;
  const [events, photos, pending] = await Promise.all([
    db()
      .select({ kind: serviceRequestEvents.kind, note: serviceRequestEvents.note, at: serviceRequestEvents.at })
      .from(serviceRequestEvents)
      .where(eq(serviceRequestEvents.requestId, id))
      .orderBy(asc(serviceRequestEvents.at), asc(serviceRequestEvents.id)),
    db()
      .select({ id: storedFiles.id, fileName: storedFiles.fileName })
      .from(serviceRequestPhotos)
      .innerJoin(storedFiles, eq(storedFiles.id, serviceRequestPhotos.fileId))
      .where(eq(serviceRequestPhotos.requestId, id))
      .orderBy(asc(serviceRequestPhotos.createdAt)),
    db()
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.serviceRequestId, id), eq(payments.status, 'pending')))
      .orderBy(desc(payments.createdAt))
      .limit(1),
  ]);
  const r = row.r;
  return {
    id: r.id,
    number: r.number,
    userId: r.userId,
    accountId: r.accountId,
    accountNumber: row.accountNumber,
    serviceCode: row.serviceCode,
    title: row.title,
    unit: row.unit,
    catalogPriceKopecks: row.catalogPriceKopecks,
    priceIsFrom: row.priceIsFrom,
    quantity: r.quantity,
    address: r.address,
    comment: r.comment,
    contactPhone: r.contactPhone,
    preferredDate: r.preferredDate,
    preferredWindow: r.preferredWindow,
    status: r.status,
    priceKopecks: r.priceKopecks,
    priceReason: r.priceReason,
    priceAcceptedAt: r.priceAcceptedAt,
    paidAt: r.paidAt,
    paidPaymentId: r.paidPaymentId,
    scheduledAt: r.scheduledAt,
    crew: r.crew,
    doneAt: r.doneAt,
    cancelledBy: r.cancelledBy,
    cancelReason: r.cancelReason,
    staffComment: r.staffComment,
    createdAt: r.createdAt,
    events: events.map((e) => ({ ...e, kind: e.kind as EventKind })),
    photos,
    pendingPaymentId: pending[0]?.id ?? null,
  };
}

/** A photo of a request, only when the request is the owner's (or for staff, ownerId null). */
export async function requestPhoto(requestId: string, fileId: string, ownerId: string | null) {
  if (!isUuid(requestId) || !isUuid(fileId)) return null;
  const [link] = await db()
    .select({ fileId: serviceRequestPhotos.fileId })
    .from(serviceRequestPhotos)
    .innerJoin(serviceRequests, eq(serviceRequests.id, serviceRequestPhotos.requestId))
    .where(
      and(
        eq(serviceRequestPhotos.requestId, requestId),
        eq(serviceRequestPhotos.fileId, fileId),
        ...(ownerId ? [eq(serviceRequests.userId, ownerId)] : []),
      ),
    );
  return link ? link.fileId : null;
}
