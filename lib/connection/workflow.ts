import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { type ConnectionApplication, connectionApplications, connectionDocuments, utilityProfile } from '@/db/schema';
import { type ActionResult, type FieldErrors, fail, succeed } from '@/lib/actions/result';
import { addWorkingDays } from '@/lib/calendar/working-days';
import { saveUpload } from '@/lib/files/stored-files';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import {
  CONNECTION_DOCUMENT_PURPOSE,
  CONNECTION_ISSUED_PURPOSE,
  calendarAround,
  checkDocuments,
  type Scope,
  scopeCondition,
} from './applications';
import { connectionFee } from './calculator';
import { DEADLINE_RULES, payByFor } from './deadlines';
import { renderActPdf, renderOfferPdf, renderTuPdf } from './documents-pdf';
import { recordConnectionEvent } from './events';
import { ratesOn } from './rates';
import { checkTransition, type ConnectionActor, type ConnectionStatus } from './status';
import { isUuid } from '@/lib/validation/ids';

// The moves of an application after it is filed. Each is one transaction holding the row's lock,
// checked against the status machine (./status.ts) before anything is written; the database
// trigger refuses the same wrong moves again.

export interface Ctx {
  ip: string;
  origin: string;
  now?: Date;
}

const NOT_FOUND = 'Заявка не найдена';

async function lockApplication(tx: Tx, id: string, scope: Scope): Promise<ConnectionApplication | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx
    .select()
    .from(connectionApplications)
    .where(and(eq(connectionApplications.id, id), scopeCondition(scope)))
    .for('update');
  return row;
}

function refusal(row: ConnectionApplication, to: ConnectionStatus, actor: ConnectionActor): string | null {
  const check = checkTransition(row.status, to, actor);
  return check.ok ? null : check.reason;
}

const STAFF: Scope = { kind: 'staff' };

/**
 * One move in one transaction: the row locked within what the actor may see, the status machine
 * asked first, and only then `apply` writes.
 */
async function move(
  applicationId: string,
  scope: Scope,
  to: ConnectionStatus,
  actor: ConnectionActor,
  apply: (tx: Tx, row: ConnectionApplication) => Promise<ActionResult>,
): Promise<ActionResult> {
  return db().transaction(async (tx) => {
    const row = await lockApplication(tx, applicationId, scope);
    if (!row) return fail(NOT_FOUND);
    const refused = refusal(row, to, actor);
    if (refused) return fail(refused);
    return apply(tx, row);
  });
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Staff ask for missing data or documents; the applicant's clock starts (20 working days). */
export async function requestData(
  staff: { id: string },
  input: { applicationId: string; note: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return move(input.applicationId, STAFF, 'data_requested', 'staff', async (tx, row) => {
    const calendar = await calendarAround(now);
    const until = addWorkingDays(moscowDay(now), DEADLINE_RULES.dataSupplyWorkingDays, calendar);
    await tx
      .update(connectionApplications)
      .set({ status: 'data_requested', dataRequestedAt: now, dataRequestNote: input.note, updatedAt: now })
      .where(eq(connectionApplications.id, row.id));
    await recordConnectionEvent(tx, {
      applicationId: row.id,
      kind: 'data_requested',
      note: input.note,
      actorUserId: staff.id,
      at: now,
      audit: 'connection.data_requested',
      ip: ctx.ip,
      origin: ctx.origin,
      letter: {
        headline: 'нужны недостающие сведения',
        details: [
          `Что нужно представить: ${input.note}`,
          `Представьте сведения в личном кабинете до ${formatDate(until)} включительно (20 рабочих дней), иначе заявка будет аннулирована.`,
          'Сетевая организация не вправе требовать документы, не предусмотренные Правилами технологического присоединения.',
        ],
      },
    });
    return succeed({ message: 'Запрос отправлен заявителю' });
  });
}

/** The applicant supplies what was asked for (a note and documents); the grid's clock starts again. */
export async function supplyData(
  scope: Scope,
  actorUserId: string,
  input: { applicationId: string; note: string } & Record<string, unknown>,
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  const errors: FieldErrors = {};
  const documents = await checkDocuments(input, ['other', 'title_deed', 'site_plan'], [], errors);
  if (Object.keys(errors).length) return fail('Проверьте выделенные поля', errors);
  return move(input.applicationId, scope, 'submitted', 'applicant', async (tx, row) => {
    for (const d of documents) {
      const fileId = await saveUpload(tx, d.file, { purpose: CONNECTION_DOCUMENT_PURPOSE, uploadedBy: actorUserId });
      await tx.insert(connectionDocuments).values({ applicationId: row.id, fileId, kind: d.kind, createdAt: now });
    }
    await tx
      .update(connectionApplications)
      .set({ status: 'submitted', submittedAt: now, updatedAt: now })
      .where(eq(connectionApplications.id, row.id));
    await recordConnectionEvent(tx, {
      applicationId: row.id,
      kind: 'data_supplied',
      note: input.note,
      actorUserId,
      at: now,
      audit: 'connection.data_supplied',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { documents: documents.map((d) => d.kind) },
      letter: {
        headline: 'сведения получены',
        details: [
          'Спасибо, мы получили недостающие сведения. В течение 10 рабочих дней мы разместим договор, счёт и технические условия.',
        ],
      },
    });
    return succeed({ message: 'Сведения отправлены' });
  });
}

/**
 * Staff post the offer: the fee by the calculator's rate in force today, the contract terms with
 * the invoice and the ТУ as PDFs stored with their hashes, and the day the invoice must be paid by.
 */
export async function postOffer(
  staff: { id: string },
  input: {
    applicationId: string;
    connectionPoint: string;
    gridWorks: string;
    applicantWorks: string;
    tuValidYears: number;
  },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  const today = moscowDay(now);
  return move(input.applicationId, STAFF, 'offer_posted', 'staff', async (tx, row) => {
    const fee = connectionFee(
      {
        applicantKind: row.applicantKind as 'person' | 'business',
        maxPowerW: row.maxPowerW,
        existingPowerW: row.existingPowerW,
        reliabilityCategory: row.reliabilityCategory,
      },
      await ratesOn(today, tx),
    );
    if (!fee) return fail('Для категории заявителя не введена ставка платы — добавьте её в разделе «Ставки»');
    const payBy = payByFor(today, await calendarAround(now));
    const priced: ConnectionApplication = {
      ...row,
      ...input,
      rateCategory: fee.category,
      rateKopecksPerKw: fee.kopecksPerKw,
      priceKopecks: fee.kopecks,
      payBy,
    };
    const [utility] = await tx.select().from(utilityProfile).where(eq(utilityProfile.id, 1));
    const [offer, tu] = await Promise.all([renderOfferPdf(priced, utility, now), renderTuPdf(priced, utility, now)]);
    const offerBytes = new Uint8Array(offer);
    const tuBytes = new Uint8Array(tu);
    const meta = { purpose: CONNECTION_ISSUED_PURPOSE, uploadedBy: staff.id };
    const offerFileId = await saveUpload(
      tx,
      { type: 'application/pdf', bytes: offerBytes, name: `dogovor-tp-${row.number}.pdf` },
      meta,
    );
    const tuFileId = await saveUpload(
      tx,
      { type: 'application/pdf', bytes: tuBytes, name: `tehnicheskie-usloviya-${row.number}.pdf` },
      meta,
    );
    await tx
      .update(connectionApplications)
      .set({
        status: 'offer_posted',
        connectionPoint: input.connectionPoint,
        gridWorks: input.gridWorks,
        applicantWorks: input.applicantWorks,
        tuValidYears: input.tuValidYears,
        rateCategory: fee.category,
        rateKopecksPerKw: fee.kopecksPerKw,
        priceKopecks: fee.kopecks,
        payBy,
        offerPostedAt: now,
        offerFileId,
        tuFileId,
        updatedAt: now,
      })
      .where(eq(connectionApplications.id, row.id));
    await recordConnectionEvent(tx, {
      applicationId: row.id,
      kind: 'offer_posted',
      note: `Счёт на ${formatRub(fee.kopecks)}, оплатить до ${formatDate(payBy)}`,
      documentSha256: `${sha256(offerBytes)} ${sha256(tuBytes)}`,
      actorUserId: staff.id,
      at: now,
      audit: 'connection.offer_posted',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { priceKopecks: fee.kopecks, rateCategory: fee.category, payBy },
      letter: {
        headline: 'размещены договор, счёт и технические условия',
        details: [
          `Размер платы — ${formatRub(fee.kopecks)}. Оплатите счёт в личном кабинете до ${formatDate(payBy)} включительно (5 рабочих дней).`,
          'Оплата счёта — акцепт оферты: договор будет заключён в день оплаты, подписывать его не нужно. Неоплаченная в срок заявка аннулируется.',
        ],
      },
    });
    return succeed({ message: `Договор и ТУ размещены, счёт на ${formatRub(fee.kopecks)}` });
  });
}

/** Staff report the grid's works done (to the boundary of the applicant's plot, the meter installed). */
export async function markWorksDone(
  staff: { id: string },
  input: { applicationId: string; note?: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return move(input.applicationId, STAFF, 'works_done', 'staff', async (tx, row) => {
    await tx
      .update(connectionApplications)
      .set({ status: 'works_done', worksDoneAt: now, updatedAt: now })
      .where(eq(connectionApplications.id, row.id));
    await recordConnectionEvent(tx, {
      applicationId: row.id,
      kind: 'works_done',
      note: input.note ?? null,
      actorUserId: staff.id,
      at: now,
      audit: 'connection.works_done',
      ip: ctx.ip,
      origin: ctx.origin,
      letter: {
        headline: 'мероприятия сетевой организации выполнены',
        details: [
          ...(input.note ? [input.note] : []),
          'Сети доведены до границы вашего участка. Если вы ещё не выполнили свою часть технических условий, сообщите нам, когда будете готовы.',
        ],
      },
    });
    return succeed({ message: 'Отмечено: мероприятия выполнены' });
  });
}

/** Staff place the act of connection (generated, stored with its hash). */
export async function postAct(
  staff: { id: string },
  input: { applicationId: string; note?: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return move(input.applicationId, STAFF, 'act_posted', 'staff', async (tx, row) => {
    const [utility] = await tx.select().from(utilityProfile).where(eq(utilityProfile.id, 1));
    const bytes = new Uint8Array(await renderActPdf(row, utility, now));
    const actFileId = await saveUpload(
      tx,
      { type: 'application/pdf', bytes, name: `akt-tp-${row.number}.pdf` },
      { purpose: CONNECTION_ISSUED_PURPOSE, uploadedBy: staff.id },
    );
    await tx
      .update(connectionApplications)
      .set({ status: 'act_posted', actPostedAt: now, actFileId, updatedAt: now })
      .where(eq(connectionApplications.id, row.id));
    await recordConnectionEvent(tx, {
      applicationId: row.id,
      kind: 'act_posted',
      note: input.note ?? null,
      documentSha256: sha256(bytes),
      actorUserId: staff.id,
      at: now,
      audit: 'connection.act_posted',
      ip: ctx.ip,
      origin: ctx.origin,
      letter: {
        headline: 'размещён акт о технологическом присоединении',
        details: [
          'Акт можно скачать на странице заявки. Гарантирующий поставщик уведомлён и разместит проект договора энергоснабжения.',
        ],
      },
    });
    return succeed({ message: 'Акт размещён' });
  });
}

export async function completeApplication(
  staff: { id: string },
  input: { applicationId: string; note?: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return move(input.applicationId, STAFF, 'done', 'staff', async (tx, row) => {
    await tx
      .update(connectionApplications)
      .set({ status: 'done', doneAt: now, updatedAt: now })
      .where(eq(connectionApplications.id, row.id));
    await recordConnectionEvent(tx, {
      applicationId: row.id,
      kind: 'done',
      note: input.note ?? null,
      actorUserId: staff.id,
      at: now,
      audit: 'connection.done',
      ip: ctx.ip,
      origin: ctx.origin,
      letter: {
        headline: 'присоединение завершено',
        details: ['Спасибо! Документы остаются доступны на странице заявки.'],
      },
    });
    return succeed({ message: 'Заявка завершена' });
  });
}

export type Canceller =
  { by: 'applicant'; scope: Scope; userId: string } | { by: 'staff'; userId: string } | { by: 'system' };

/** Cancels (annuls) an application that is not yet contracted: by the applicant, by staff, or when time ran out. */
export async function cancelApplication(
  who: Canceller,
  input: { applicationId: string; reason?: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  const reason = input.reason?.trim() || (who.by === 'applicant' ? 'Отозвана заявителем' : '');
  if (!reason) return fail('Укажите причину аннулирования', { reason: 'Укажите причину аннулирования' });
  return db().transaction(async (tx) => {
    const row = await lockApplication(tx, input.applicationId, who.by === 'applicant' ? who.scope : STAFF);
    if (!row) return fail(NOT_FOUND);
    return cancelLocked(tx, row, who, reason, now, ctx);
  });
}

async function cancelLocked(
  tx: Tx,
  row: ConnectionApplication,
  who: Canceller,
  reason: string,
  now: Date,
  ctx: Ctx,
): Promise<ActionResult> {
  const refused = refusal(row, 'cancelled', who.by);
  if (refused) return fail(refused);
  await tx
    .update(connectionApplications)
    .set({ status: 'cancelled', cancelledBy: who.by, cancelReason: reason, updatedAt: now })
    .where(eq(connectionApplications.id, row.id));
  await recordConnectionEvent(tx, {
    applicationId: row.id,
    kind: 'cancelled',
    note: reason,
    actorUserId: who.by === 'system' ? null : who.userId,
    at: now,
    audit: 'connection.cancelled',
    ip: ctx.ip,
    origin: ctx.origin,
    details: { by: who.by, reason, from: row.status },
    letter: {
      headline: 'заявка аннулирована',
      details: [
        who.by === 'applicant' ? 'Вы отозвали заявку.' : `Причина: ${reason}`,
        'Вы можете подать новую заявку в личном кабинете.',
      ],
    },
  });
  return succeed({ message: 'Заявка аннулирована' });
}

/**
 * The deadline sweep (staff run it from the console; no job queue yet): annuls offers not paid by
 * their last day and data requests not answered in 20 working days. Each in its own transaction.
 */
export async function cancelOverdue(ctx: Ctx): Promise<{ cancelled: number[] }> {
  const now = ctx.now ?? new Date();
  const today = moscowDay(now);
  const calendar = await calendarAround(now);
  const candidates = await db()
    .select()
    .from(connectionApplications)
    .where(inArray(connectionApplications.status, ['offer_posted', 'data_requested']));
  const cancelled: number[] = [];
  for (const candidate of candidates) {
    const overdue =
      candidate.status === 'offer_posted'
        ? candidate.payBy !== null && candidate.payBy < today
        : candidate.dataRequestedAt !== null &&
          addWorkingDays(moscowDay(candidate.dataRequestedAt), DEADLINE_RULES.dataSupplyWorkingDays, calendar) < today;
    if (!overdue) continue;
    const reason =
      candidate.status === 'offer_posted'
        ? `Счёт не оплачен в срок (до ${formatDate(candidate.payBy!)})`
        : 'Недостающие сведения не представлены в течение 20 рабочих дней';
    const done = await db().transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(connectionApplications)
        .where(and(eq(connectionApplications.id, candidate.id), eq(connectionApplications.status, candidate.status)))
        .for('update');
      if (!row) return false;
      return (await cancelLocked(tx, row, { by: 'system' }, reason, now, ctx)).ok;
    });
    if (done) cancelled.push(candidate.number);
  }
  return { cancelled };
}

/** Offers past their payment day (for the console's banner). */
export async function overdueOfferCount(now = new Date()): Promise<number> {
  const rows = await db()
    .select({ id: connectionApplications.id })
    .from(connectionApplications)
    .where(and(eq(connectionApplications.status, 'offer_posted'), lt(connectionApplications.payBy, moscowDay(now))));
  return rows.length;
}
