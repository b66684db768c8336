// Staff's side of contract applications (/admin/applications): the queue oldest first, and the
// moves — take into review, ask for more documents, offer a contract (a generated PDF), record the
// signed contract, refuse with a reason. Each is one transaction holding the row's lock, checked
// against the status machine before anything is written (the trigger refuses the same again); each
// leaves a timeline line, a letter to the applicant and an audit line with the staff member.
import 'server-only';
import { asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import { companyApplications, utilityProfile } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { saveUpload } from '@/lib/files/stored-files';
import { APPLICATION_OFFER_PURPOSE, type Ctx } from './applications';
import { recordApplicationEvent } from './events';
import { renderOfferPdf, offerFileName } from './offer-pdf';
import { APPLICATION_STATUS_LABEL, type ApplicationStatus, checkApplicationTransition } from './status';

const OPEN: ApplicationStatus[] = ['submitted', 'in_review', 'documents_requested', 'contract_offered'];

export interface QueueItem {
  id: string;
  number: number;
  companyName: string;
  inn: string;
  objectAddress: string;
  maxPowerKw: string;
  status: ApplicationStatus;
  createdAt: Date;
  updatedAt: Date;
}

const queueColumns = {
  id: companyApplications.id,
  number: companyApplications.number,
  companyName: companyApplications.companyName,
  inn: companyApplications.inn,
  objectAddress: companyApplications.objectAddress,
  maxPowerKw: companyApplications.maxPowerKw,
  status: companyApplications.status,
  createdAt: companyApplications.createdAt,
  updatedAt: companyApplications.updatedAt,
};

/** Open applications, the oldest first (first come, first served); then the latest decided ones. */
export async function applicationQueue(): Promise<{ open: QueueItem[]; decided: QueueItem[] }> {
  const [open, decided] = await Promise.all([
    db()
      .select(queueColumns)
      .from(companyApplications)
      .where(inArray(companyApplications.status, OPEN))
      .orderBy(asc(companyApplications.createdAt), asc(companyApplications.number)),
    db()
      .select(queueColumns)
      .from(companyApplications)
      .where(notInArray(companyApplications.status, OPEN))
      .orderBy(desc(companyApplications.updatedAt))
      .limit(50),
  ]);
  return { open, decided };
}

type Move =
  | { to: 'in_review' }
  | { to: 'documents_requested'; message: string }
  | { to: 'contract_offered'; contractNumber: string; note?: string }
  | { to: 'signed' }
  | { to: 'refused'; reason: string };

async function lock(tx: Tx, id: string) {
  const [row] = await tx.select().from(companyApplications).where(eq(companyApplications.id, id)).for('update');
  return row;
}

const DONE: Record<ApplicationStatus, string> = {
  submitted: 'Заявка подана',
  in_review: 'Заявка взята на рассмотрение',
  documents_requested: 'Заявителю отправлен запрос документов',
  contract_offered: 'Договор предложен заявителю',
  signed: 'Договор отмечен подписанным',
  refused: 'В заявке отказано',
};

export async function moveApplication(
  staff: { id: string },
  applicationId: string,
  move: Move,
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    const row = await lock(tx, applicationId);
    if (!row) return fail('Заявка не найдена');
    const check = checkApplicationTransition(row.status, move.to, 'staff');
    if (!check.ok) return fail(check.reason);

    let note: string | null = null;
    let offerFileId: string | null = row.offerFileId;
    let staffMessage = row.staffMessage;
    let letter: { headline: string; details: string[] };
    switch (move.to) {
      case 'in_review':
        letter = { headline: 'на рассмотрении', details: ['Специалист проверяет заявку и документы.'] };
        break;
      case 'documents_requested':
        note = move.message;
        staffMessage = move.message;
        letter = {
          headline: 'нужны документы',
          details: [
            `Что нужно: ${move.message}`,
            'Приложите документы на странице заявки и нажмите «Документы добавлены».',
          ],
        };
        break;
      case 'contract_offered': {
        const [utility] = await tx.select().from(utilityProfile).where(eq(utilityProfile.id, 1));
        if (!utility) throw new Error('utility_profile is empty');
        const pdf = await renderOfferPdf(row, utility, {
          contractNumber: move.contractNumber,
          note: move.note,
          at: now,
        });
        offerFileId = await saveUpload(
          tx,
          { type: 'application/pdf', bytes: new Uint8Array(pdf), name: offerFileName(row.number) },
          { purpose: APPLICATION_OFFER_PURPOSE, uploadedBy: staff.id },
        );
        note = `Договор № ${move.contractNumber}${move.note ? `. ${move.note}` : ''}`;
        staffMessage = move.note ?? null;
        letter = {
          headline: 'договор предложен',
          details: [
            `Мы подготовили договор энергоснабжения № ${move.contractNumber}. Скачайте его на странице заявки, подпишите и передайте куратору договора.`,
          ],
        };
        break;
      }
      case 'signed':
        letter = {
          headline: 'договор подписан',
          details: ['Договор заключён. Лицевой счёт появится в кабинете после его открытия.'],
        };
        break;
      case 'refused':
        note = move.reason;
        staffMessage = move.reason;
        letter = { headline: 'отказано', details: [`Причина: ${move.reason}`] };
        break;
    }
    await tx
      .update(companyApplications)
      .set({ status: move.to, staffMessage, offerFileId, updatedAt: now })
      .where(eq(companyApplications.id, row.id));
    await recordApplicationEvent(tx, {
      applicationId: row.id,
      status: move.to,
      note,
      actorUserId: staff.id,
      at: now,
      audit: 'application.status_changed',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { from: row.status, number: row.number },
      letter,
    });
    return succeed({ message: `${DONE[move.to]} (было: «${APPLICATION_STATUS_LABEL[row.status]}»)` });
  });
}
