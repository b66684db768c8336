// A company's contract applications as the cabinet sees them: submit one (with the company's details
// as they stand), add documents of the checklist (checked by their bytes), send it back to review
// after staff asked for more, and read it with its documents and timeline. Every read and write is
// scoped to the session's company: another company's application is simply not found.
import 'server-only';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import {
  companies,
  companyApplicationEvents,
  companyApplicationFiles,
  companyApplications,
  storedFiles,
  type CompanyApplication,
} from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { CompanyMember } from '@/lib/company/access';
import { checkUpload } from '@/lib/files/check-upload';
import { saveUpload } from '@/lib/files/stored-files';
import { isUuid } from '@/lib/validation/ids';
import { checklistTitle } from './checklist';
import { recordApplicationEvent } from './events';
import { APPLICATION_MAX_FILES, type ApplicationInput } from './schemas';
import { APPLICATION_FILE_MAX_BYTES } from '@/lib/applications/file-limits';
import { acceptsDocuments, type ApplicationStatus, checkApplicationTransition } from './status';

export const APPLICATION_FILE_PURPOSE = 'application_document';
export const APPLICATION_OFFER_PURPOSE = 'application_offer';
/** Undecided applications per company: plenty for real objects, a ceiling for a script. */
const MAX_OPEN_APPLICATIONS = 10;
const NOT_FOUND = 'Заявка не найдена';

export interface Ctx {
  ip: string;
  origin: string;
  now?: Date;
}

export interface ApplicationFileView {
  id: string;
  item: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
}

export interface ApplicationEventView {
  id: number;
  status: ApplicationStatus;
  note: string | null;
  at: Date;
}

export interface ApplicationDetail {
  application: CompanyApplication;
  files: ApplicationFileView[];
  events: ApplicationEventView[];
}

const OPEN: ApplicationStatus[] = ['submitted', 'in_review', 'documents_requested', 'contract_offered'];

export async function createApplication(
  member: CompanyMember,
  input: ApplicationInput,
  ctx: Ctx,
): Promise<ActionResult<{ applicationId: string; number: number }>> {
  const now = ctx.now ?? new Date();
  const [company] = await db().select().from(companies).where(eq(companies.id, member.companyId));
  if (!company) return fail('Организация не найдена. Обратитесь в абонентский отдел.');
  const [{ open } = { open: 0 }] = await db()
    .select({ open: count() })
    .from(companyApplications)
    .where(and(eq(companyApplications.companyId, company.id), inArray(companyApplications.status, OPEN)));
  if (open >= MAX_OPEN_APPLICATIONS) {
    return fail(`У организации уже ${MAX_OPEN_APPLICATIONS} нерассмотренных заявок. Дождитесь решения по ним.`);
  }
  const created = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(companyApplications)
      .values({
        companyId: company.id,
        submittedBy: member.user.id,
        companyName: company.name,
        inn: company.inn,
        kpp: company.kpp,
        ogrn: company.ogrn,
        contactName: input.contactName,
        email: input.email,
        phone: input.phone,
        objectAddress: input.objectAddress,
        maxPowerKw: input.maxPowerKw,
        reliabilityCategory: Number(input.reliabilityCategory),
        comment: input.comment ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: companyApplications.id, number: companyApplications.number });
    if (!row) throw new Error('createApplication: insert returned nothing');
    await recordApplicationEvent(tx, {
      applicationId: row.id,
      status: 'submitted',
      actorUserId: member.user.id,
      at: now,
      audit: 'application.submitted',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { maxPowerKw: input.maxPowerKw, reliabilityCategory: input.reliabilityCategory },
      letter: {
        headline: 'принята',
        details: [
          `Объект: ${input.objectAddress}, максимальная мощность ${input.maxPowerKw.replace('.', ',')} кВт.`,
          'Приложите документы по списку на странице заявки — мы начнём рассмотрение и сообщим о каждом шаге.',
        ],
      },
    });
    return row;
  });
  return succeed({ applicationId: created.id, number: created.number });
}

export interface ApplicationListItem {
  id: string;
  number: number;
  objectAddress: string;
  maxPowerKw: string;
  status: ApplicationStatus;
  createdAt: Date;
  updatedAt: Date;
}

export async function listApplicationsOf(companyId: string): Promise<ApplicationListItem[]> {
  return db()
    .select({
      id: companyApplications.id,
      number: companyApplications.number,
      objectAddress: companyApplications.objectAddress,
      maxPowerKw: companyApplications.maxPowerKw,
      status: companyApplications.status,
      createdAt: companyApplications.createdAt,
      updatedAt: companyApplications.updatedAt,
    })
    .from(companyApplications)
    .where(eq(companyApplications.companyId, companyId))
    .orderBy(desc(companyApplications.createdAt));
}

/** One application with its documents and timeline; `companyId` null is staff (any company). */
export async function applicationDetail(
  id: string,
  companyId: string | null,
  executor: Db | Tx = db(),
): Promise<ApplicationDetail | null> {
  if (!isUuid(id) || companyId === '') return null;
  const [application] = await executor
    .select()
    .from(companyApplications)
    .where(
      companyId
        ? and(eq(companyApplications.id, id), eq(companyApplications.companyId, companyId))
        : eq(companyApplications.id, id),
    );
  if (!application) return null;
  const [files, events] = await Promise.all([
    executor
      .select({
        id: companyApplicationFiles.id,
        item: companyApplicationFiles.item,
        fileName: storedFiles.fileName,
        mimeType: storedFiles.mimeType,
        sizeBytes: storedFiles.sizeBytes,
        createdAt: companyApplicationFiles.createdAt,
      })
      .from(companyApplicationFiles)
      .innerJoin(storedFiles, eq(storedFiles.id, companyApplicationFiles.fileId))
      .where(eq(companyApplicationFiles.applicationId, id))
      .orderBy(asc(companyApplicationFiles.createdAt)),
    executor
      .select({
        id: companyApplicationEvents.id,
        status: companyApplicationEvents.status,
        note: companyApplicationEvents.note,
        at: companyApplicationEvents.at,
      })
      .from(companyApplicationEvents)
      .where(eq(companyApplicationEvents.applicationId, id))
      .orderBy(asc(companyApplicationEvents.at), asc(companyApplicationEvents.id)),
  ]);
  return { application, files, events };
}

/** The stored file behind a document link of this application (and company, unless staff), or null. */
export async function applicationFileId(
  applicationId: string,
  linkId: string,
  companyId: string | null,
): Promise<string | null> {
  if (!isUuid(applicationId) || !isUuid(linkId) || companyId === '') return null;
  const [row] = await db()
    .select({ fileId: companyApplicationFiles.fileId })
    .from(companyApplicationFiles)
    .innerJoin(companyApplications, eq(companyApplications.id, companyApplicationFiles.applicationId))
    .where(
      and(
        eq(companyApplicationFiles.id, linkId),
        eq(companyApplicationFiles.applicationId, applicationId),
        companyId ? eq(companyApplications.companyId, companyId) : undefined,
      ),
    );
  return row?.fileId ?? null;
}

async function lockOwn(tx: Tx, applicationId: string, companyId: string) {
  const [row] = await tx
    .select()
    .from(companyApplications)
    .where(and(eq(companyApplications.id, applicationId), eq(companyApplications.companyId, companyId)))
    .for('update');
  return row;
}

/** A document of the checklist, checked by its bytes before anything is written. */
export async function addApplicationDocument(
  member: CompanyMember,
  input: { applicationId: string; item: string; file?: unknown },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  const checked = await checkUpload(input.file, {
    accept: ['application/pdf', 'image/jpeg', 'image/png'],
    maxBytes: APPLICATION_FILE_MAX_BYTES,
  });
  if (!checked.ok) return fail('Документ не принят', { file: checked.reason });
  return db().transaction(async (tx) => {
    const row = await lockOwn(tx, input.applicationId, member.companyId);
    if (!row) return fail(NOT_FOUND);
    if (!acceptsDocuments(row.status)) return fail('По этой заявке уже принято решение — документы к ней не добавить');
    const [{ files } = { files: 0 }] = await tx
      .select({ files: count() })
      .from(companyApplicationFiles)
      .where(eq(companyApplicationFiles.applicationId, row.id));
    if (files >= APPLICATION_MAX_FILES) {
      return fail(`К заявке приложено уже ${APPLICATION_MAX_FILES} файлов. Объедините страницы в один PDF.`);
    }
    const fileId = await saveUpload(tx, checked.file, {
      purpose: APPLICATION_FILE_PURPOSE,
      uploadedBy: member.user.id,
    });
    await tx.insert(companyApplicationFiles).values({
      applicationId: row.id,
      fileId,
      item: input.item,
      uploadedBy: member.user.id,
      createdAt: now,
    });
    await recordApplicationEvent(tx, {
      applicationId: row.id,
      status: row.status,
      note: `Приложен документ: ${checklistTitle(input.item)} («${checked.file.name}»)`,
      actorUserId: member.user.id,
      at: now,
      audit: 'application.document_added',
      ip: ctx.ip,
      details: { item: input.item, fileId },
    });
    return succeed({ message: `Документ «${checked.file.name}» приложен к заявке` });
  });
}

/** After staff asked for more documents: the applicant says they are added; back to review. */
export async function returnToReview(member: CompanyMember, applicationId: string, ctx: Ctx): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    const row = await lockOwn(tx, applicationId, member.companyId);
    if (!row) return fail(NOT_FOUND);
    const check = checkApplicationTransition(row.status, 'in_review', 'applicant');
    if (!check.ok) return fail(check.reason);
    await tx
      .update(companyApplications)
      .set({ status: 'in_review', updatedAt: now })
      .where(eq(companyApplications.id, row.id));
    await recordApplicationEvent(tx, {
      applicationId: row.id,
      status: 'in_review',
      note: 'Заявитель дополнил документы',
      actorUserId: member.user.id,
      at: now,
      audit: 'application.status_changed',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { from: row.status },
      letter: {
        headline: 'снова на рассмотрении',
        details: ['Документы получены, мы продолжаем рассмотрение заявки.'],
      },
    });
    return succeed({ message: 'Заявка снова на рассмотрении' });
  });
}
