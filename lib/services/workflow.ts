import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { serviceRequests } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { refundPayment } from '@/lib/payments/refund';
import { recordServiceEvent } from './events';
import { checkTransition, type ServiceActor, type ServiceStatus } from './status';

// The moves of a request after it is ordered. Each is one transaction holding the request's row
// lock, checked against the status machine (./status.ts) before anything is written; the database
// trigger refuses the same wrong moves again.

export interface Ctx {
  ip: string;
  origin: string;
  now?: Date;
}

type Row = typeof serviceRequests.$inferSelect;
const NOT_FOUND = 'Заявка не найдена';

async function lockRequest(tx: Tx, requestId: string, ownerId?: string): Promise<Row | undefined> {
  const [row] = await tx
    .select()
    .from(serviceRequests)
    .where(
      ownerId
        ? and(eq(serviceRequests.id, requestId), eq(serviceRequests.userId, ownerId))
        : eq(serviceRequests.id, requestId),
    )
    .for('update');
  return row;
}

function refusal(row: Row, to: ServiceStatus, actor: ServiceActor): string | null {
  const check = checkTransition(row.status, to, actor);
  return check.ok ? null : check.reason;
}

/** The customer agrees to the final price staff confirmed; the request becomes payable. */
export async function acceptPrice(user: { id: string }, requestId: string, ctx: Ctx): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    const row = await lockRequest(tx, requestId, user.id);
    if (!row) return fail(NOT_FOUND);
    if (row.status !== 'price_confirmed' || row.priceKopecks === null) {
      return fail('Цена по этой заявке ещё не подтверждена — дождитесь письма');
    }
    if (row.priceAcceptedAt) return succeed({ message: 'Цена уже принята — заявку можно оплатить' });
    await tx
      .update(serviceRequests)
      .set({ priceAcceptedAt: now, updatedAt: now })
      .where(eq(serviceRequests.id, row.id));
    await recordServiceEvent(tx, {
      requestId: row.id,
      kind: 'price_accepted',
      note: formatRub(row.priceKopecks),
      actorUserId: user.id,
      at: now,
      audit: 'service.price_accepted',
      ip: ctx.ip,
      details: { priceKopecks: row.priceKopecks },
    });
    return succeed({ message: 'Цена принята — теперь заявку можно оплатить' });
  });
}

/** Staff set the final price with the reason; the customer is asked to accept it. */
export async function confirmPrice(
  staff: { id: string },
  input: { requestId: string; price: number; reason: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    const row = await lockRequest(tx, input.requestId);
    if (!row) return fail(NOT_FOUND);
    const refused = refusal(row, 'price_confirmed', 'staff');
    if (refused) return fail(refused);
    if (row.priceAcceptedAt) return fail('Заказчик уже принял цену — изменить её можно только отменой заявки');
    await tx
      .update(serviceRequests)
      .set({ status: 'price_confirmed', priceKopecks: input.price, priceReason: input.reason, updatedAt: now })
      .where(eq(serviceRequests.id, row.id));
    await recordServiceEvent(tx, {
      requestId: row.id,
      kind: 'price_confirmed',
      note: `${formatRub(input.price)}: ${input.reason}`,
      actorUserId: staff.id,
      at: now,
      audit: 'service.price_confirmed',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { priceKopecks: input.price, previousKopecks: row.priceKopecks },
      letter: {
        headline: `окончательная цена — ${formatRub(input.price)}`,
        details: [
          `Обоснование: ${input.reason}`,
          'Если цена вас устраивает, примите её и оплатите заявку в личном кабинете. После оплаты мы назначим дату выезда.',
        ],
      },
    });
    return succeed({ message: `Цена ${formatRub(input.price)} отправлена заказчику` });
  });
}

/** Staff give a paid request a date and a crew (or move the date of a scheduled one). */
export async function scheduleVisit(
  staff: { id: string },
  input: { requestId: string; at: Date; crew: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  if (input.at.getTime() <= now.getTime()) return fail('Выберите время выезда в будущем', { day: 'Дата уже прошла' });
  return db().transaction(async (tx) => {
    const row = await lockRequest(tx, input.requestId);
    if (!row) return fail(NOT_FOUND);
    const refused = refusal(row, 'scheduled', 'staff');
    if (refused) return fail(refused);
    const moved = row.status === 'scheduled';
    await tx
      .update(serviceRequests)
      .set({ status: 'scheduled', scheduledAt: input.at, crew: input.crew, updatedAt: now })
      .where(eq(serviceRequests.id, row.id));
    const when = formatDateTime(input.at);
    await recordServiceEvent(tx, {
      requestId: row.id,
      kind: moved ? 'rescheduled' : 'scheduled',
      note: `${when}, ${input.crew}`,
      actorUserId: staff.id,
      at: now,
      audit: 'service.scheduled',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { scheduledAt: input.at.toISOString(), crew: input.crew, moved },
      letter: {
        headline: moved ? `выезд перенесён на ${when}` : `выезд назначен на ${when}`,
        details: [
          `Бригада: ${input.crew}. Перед выездом мастер позвонит по телефону из заявки.`,
          'Если время не подходит, позвоните в абонентский отдел — мы перенесём выезд.',
        ],
      },
    });
    return succeed({ message: `Выезд ${moved ? 'перенесён' : 'назначен'}: ${when}` });
  });
}

/** Staff mark the works done; the act of completed works becomes available to the customer. */
export async function completeRequest(
  staff: { id: string },
  input: { requestId: string; note?: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    const row = await lockRequest(tx, input.requestId);
    if (!row) return fail(NOT_FOUND);
    const refused = refusal(row, 'done', 'staff');
    if (refused) return fail(refused);
    await tx
      .update(serviceRequests)
      .set({ status: 'done', doneAt: now, staffComment: input.note ?? row.staffComment, updatedAt: now })
      .where(eq(serviceRequests.id, row.id));
    await recordServiceEvent(tx, {
      requestId: row.id,
      kind: 'done',
      note: input.note ?? null,
      actorUserId: staff.id,
      at: now,
      audit: 'service.done',
      ip: ctx.ip,
      origin: ctx.origin,
      letter: {
        headline: 'работы выполнены',
        details: [
          ...(input.note ? [`Что сделано: ${input.note}`] : []),
          'Акт выполненных работ можно скачать на странице заявки. Спасибо, что обратились к нам!',
        ],
      },
    });
    return succeed({ message: 'Заявка выполнена, заказчику отправлено письмо' });
  });
}

export type Canceller = { by: 'customer'; userId: string } | { by: 'staff'; userId: string };

/**
 * Cancels a request. An unpaid one is cancelled at once. A paid one is refunded in full through
 * the gateway first, and the cancellation is written inside the refund's own transaction (after
 * the payment's row lock, the same lock order as the gateway's notification), so a refund without a
 * cancellation or a cancellation without the refund cannot be committed.
 */
export async function cancelRequest(
  who: Canceller,
  input: { requestId: string; reason?: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  const ownerId = who.by === 'customer' ? who.userId : undefined;
  const reason = input.reason?.trim() || (who.by === 'customer' ? 'Отменена заказчиком' : '');
  if (who.by === 'staff' && !reason) return fail('Укажите причину отмены', { reason: 'Укажите причину отмены' });

  const [current] = await db()
    .select()
    .from(serviceRequests)
    .where(
      ownerId
        ? and(eq(serviceRequests.id, input.requestId), eq(serviceRequests.userId, ownerId))
        : eq(serviceRequests.id, input.requestId),
    );
  if (!current) return fail(NOT_FOUND);
  const early = refusal(current, 'cancelled', who.by);
  if (early) return fail(early);

  const cancelIn = async (tx: Tx, refund: { amountKopecks: number; invId: number } | null): Promise<ActionResult> => {
    const row = await lockRequest(tx, input.requestId, ownerId);
    if (!row) return fail(NOT_FOUND);
    const refused = refusal(row, 'cancelled', who.by);
    if (refused) return fail(refused);
    const paid = row.paidPaymentId !== null;
    if (paid && !refund) return fail('Заявка оплачена только что — обновите страницу и отмените её ещё раз');
    await tx
      .update(serviceRequests)
      .set({ status: 'cancelled', cancelledBy: who.by, cancelReason: reason, updatedAt: now })
      .where(eq(serviceRequests.id, row.id));
    const refundLine = refund
      ? `Мы вернули ${formatRub(refund.amountKopecks)} по платежу № ${refund.invId} на карту, с которой она была оплачена. Срок зачисления зависит от банка и может составить до 30 дней.`
      : null;
    await recordServiceEvent(tx, {
      requestId: row.id,
      kind: 'cancelled',
      note: [reason, refund ? `возврат ${formatRub(refund.amountKopecks)}` : null].filter(Boolean).join('; '),
      actorUserId: who.userId,
      at: now,
      audit: 'service.cancelled',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { by: who.by, reason, refundedKopecks: refund?.amountKopecks ?? 0 },
      letter: {
        headline: 'отменена',
        details: [
          who.by === 'customer' ? 'Вы отменили заявку.' : `Причина: ${reason}`,
          ...(refundLine ? [refundLine] : []),
        ],
      },
    });
    return succeed({
      message: refund ? `Заявка отменена, ${formatRub(refund.amountKopecks)} возвращены на карту` : 'Заявка отменена',
    });
  };

  if (!current.paidPaymentId) {
    return db().transaction((tx) => cancelIn(tx, null));
  }
  let cancelled: ActionResult | null = null;
  const refunded = await refundPayment(
    { id: who.userId },
    {
      paymentId: current.paidPaymentId,
      amount: current.priceKopecks ?? 0,
      reason: `Отмена заявки № ${current.number}: ${reason}`.slice(0, 500),
    },
    { ip: ctx.ip, origin: ctx.origin, now },
    async (tx, refund) => {
      cancelled = await cancelIn(tx, refund);
      // A refusal here must undo the refund's rows too: the gateway call is then reported as not recorded.
      if (!cancelled.ok) throw new Error(`cancellation refused after refund: ${cancelled.message}`);
    },
  );
  if (!refunded.ok) return refunded;
  return cancelled ?? succeed({ message: 'Заявка отменена' });
}
