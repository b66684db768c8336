import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  accounts,
  type ConnectionApplication,
  connectionApplications,
  connectionDocuments,
  connectionEvents,
  payments,
  connectionPayments,
  storedFiles,
} from '@/db/schema';
import { type ActionResult, type FieldErrors, fail, succeed } from '@/lib/actions/result';
import { canAccessAccount, type SessionUser } from '@/lib/auth/session';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { addCalendarDays } from '@/lib/calendar/working-days';
import { type CheckedUpload, checkUpload } from '@/lib/files/check-upload';
import { saveUpload } from '@/lib/files/stored-files';
import { moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { connectionFee, formatKw, rateCategoryOf } from './calculator';
import { type Deadline, runningDeadlines } from './deadlines';
import { type ConnectionEventKind, recordConnectionEvent } from './events';
import { ratesOn } from './rates';
import { type ApplicationInput } from './schemas';
import {
  CONNECTION_DOC_MAX_BYTES,
  DOCUMENT_KINDS,
  DOCUMENT_LABEL,
  type DocumentKind,
  docField,
} from '@/lib/connection/documents';
import { isUuid } from '@/lib/validation/ids';

export const CONNECTION_DOCUMENT_PURPOSE = 'connection_document';
/** The offer, the ТУ and the act the grid posts (stored_files, generated PDFs). */
export const CONNECTION_ISSUED_PURPOSE = 'connection_issued';
// Open applications per applicant: several objects at once are normal; a ceiling for documents sent in a loop.
const MAX_OPEN_APPLICATIONS = 20;
const OPEN_STATUSES = [
  'submitted',
  'data_requested',
  'offer_posted',
  'contracted',
  'works_done',
  'act_posted',
] as const;

/** Whose applications a reader sees: a household's own, a company's, or (staff) all. */
export type Scope = { kind: 'person'; userId: string } | { kind: 'company'; companyId: string } | { kind: 'staff' };

export function scopeOf(user: SessionUser): Scope {
  if (user.role === 'company_user' && user.companyId) return { kind: 'company', companyId: user.companyId };
  return { kind: 'person', userId: user.id };
}

export function scopeCondition(scope: Scope): SQL | undefined {
  if (scope.kind === 'company') return eq(connectionApplications.companyId, scope.companyId);
  if (scope.kind === 'person')
    return and(eq(connectionApplications.userId, scope.userId), isNull(connectionApplications.companyId));
  return undefined;
}

/** Documents required of every applicant; a citizen adds the identity document. */
export function requiredDocuments(kind: 'person' | 'business'): DocumentKind[] {
  return kind === 'person' ? ['identity', 'site_plan', 'title_deed'] : ['site_plan', 'title_deed'];
}

/** Checks the uploaded documents by their bytes (before any transaction); missing required ones are field errors. */
export async function checkDocuments(
  input: Record<string, unknown>,
  kinds: readonly DocumentKind[],
  required: readonly DocumentKind[],
  errors: FieldErrors,
): Promise<{ kind: DocumentKind; file: CheckedUpload }[]> {
  const out: { kind: DocumentKind; file: CheckedUpload }[] = [];
  for (const kind of kinds) {
    const field = docField(kind);
    const value = input[field];
    if (value === undefined || (value instanceof Blob && value.size === 0)) {
      if (required.includes(kind)) errors[field] = `Приложите документ: ${DOCUMENT_LABEL[kind].toLowerCase()}`;
      continue;
    }
    const checked = await checkUpload(value, {
      accept: ['application/pdf', 'image/jpeg', 'image/png'],
      maxBytes: CONNECTION_DOC_MAX_BYTES,
    });
    if (checked.ok) out.push({ kind, file: checked.file });
    else errors[field] = checked.reason;
  }
  return out;
}

/** A new application from a cabinet: the fields of п. 9, the documents of п. 10. */
export async function createApplication(
  user: SessionUser,
  input: ApplicationInput,
  ctx: { ip: string; origin: string; now?: Date },
): Promise<ActionResult<{ applicationId: string; number: number }>> {
  const now = ctx.now ?? new Date();
  const scope = scopeOf(user);
  const applicantKind = scope.kind === 'company' ? 'business' : 'person';
  const errors: FieldErrors = {};
  if (!(await canAccessAccount(user, input.accountId))) {
    return fail('Лицевой счёт не найден среди ваших', { accountId: 'Выберите один из своих лицевых счетов' });
  }
  if (applicantKind === 'person' && !input.passport) {
    errors.passport = 'Укажите серию и номер паспорта, кем и когда выдан';
  }
  if (applicantKind === 'business' && !input.registryRecord) {
    errors.registryRecord = 'Укажите номер и дату записи в ЕГРЮЛ или ЕГРИП';
  }
  const today = moscowDay(now);
  for (const field of ['plannedDesignBy', 'plannedCommissioningBy'] as const) {
    const day = input[field];
    if (day && day <= today) errors[field] = 'Укажите дату в будущем';
  }
  const documents = await checkDocuments(
    input as unknown as Record<string, unknown>,
    DOCUMENT_KINDS.filter((k) => k !== 'other'),
    requiredDocuments(applicantKind),
    errors,
  );
  if (Object.keys(errors).length) return fail('Проверьте выделенные поля', errors);

  const open = await db()
    .select({ id: connectionApplications.id })
    .from(connectionApplications)
    .where(and(scopeCondition(scope), inArray(connectionApplications.status, [...OPEN_STATUSES])))
    .limit(MAX_OPEN_APPLICATIONS);
  if (open.length >= MAX_OPEN_APPLICATIONS) {
    return fail(`У вас уже ${MAX_OPEN_APPLICATIONS} незавершённых заявок на присоединение. Дождитесь их рассмотрения`);
  }
  const rates = await ratesOn(today);
  const fee = connectionFee({ applicantKind, ...feeFields(input) }, rates);
  if (input.installments && rateCategoryOf({ applicantKind, ...feeFields(input) }) !== 'household_preferential') {
    return fail('Проверьте выделенные поля', {
      installments: 'Рассрочка — для граждан до 15 кВт включительно, III категория надёжности',
    });
  }

  const created = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(connectionApplications)
      .values({
        userId: user.id,
        companyId: scope.kind === 'company' ? scope.companyId : null,
        accountId: input.accountId,
        applicantKind,
        applicantName: input.applicantName,
        registryRecord: applicantKind === 'business' ? (input.registryRecord ?? null) : null,
        passport: applicantKind === 'person' ? (input.passport ?? null) : null,
        snils: applicantKind === 'person' ? (input.snils ?? null) : null,
        applicantAddress: input.applicantAddress,
        reason: input.reason,
        objectName: input.objectName,
        objectAddress: input.objectAddress,
        cadastralNumber: input.cadastralNumber,
        maxPowerW: input.maxPower,
        existingPowerW: input.existingPower,
        reliabilityCategory: input.reliabilityCategory,
        voltage: input.voltage,
        loadCharacter: input.loadCharacter,
        plannedDesignBy: input.plannedDesignBy ?? null,
        plannedCommissioningBy: input.plannedCommissioningBy ?? null,
        contactPhone: input.contactPhone,
        installments: input.installments,
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: connectionApplications.id, number: connectionApplications.number });
    if (!row) throw new Error('createApplication: insert returned nothing');
    for (const d of documents) {
      const fileId = await saveUpload(tx, d.file, { purpose: CONNECTION_DOCUMENT_PURPOSE, uploadedBy: user.id });
      await tx.insert(connectionDocuments).values({ applicationId: row.id, fileId, kind: d.kind, createdAt: now });
    }
    await recordConnectionEvent(tx, {
      applicationId: row.id,
      kind: 'submitted',
      note: `${formatKw(input.maxPower)}, ${input.objectAddress}`,
      actorUserId: user.id,
      at: now,
      audit: 'connection.submitted',
      ip: ctx.ip,
      origin: ctx.origin,
      details: { maxPowerW: input.maxPower, documents: documents.map((d) => d.kind) },
      letter: {
        headline: 'заявка зарегистрирована',
        details: [
          `Максимальная мощность — ${formatKw(input.maxPower)}, объект: ${input.objectName}, ${input.objectAddress}.`,
          fee
            ? `Предварительный размер платы по действующей ставке — ${formatRub(fee.kopecks)}.`
            : 'Размер платы сетевая организация укажет в счёте.',
          'В течение 10 рабочих дней мы разместим в личном кабинете договор, счёт и технические условия или попросим недостающие сведения.',
        ],
      },
    });
    return row;
  });
  return succeed({ applicationId: created.id, number: created.number });
}

function feeFields(a: { maxPower: number; existingPower: number; reliabilityCategory: number }) {
  return { maxPowerW: a.maxPower, existingPowerW: a.existingPower, reliabilityCategory: a.reliabilityCategory };
}

export interface ApplicationListItem {
  id: string;
  number: number;
  objectName: string;
  objectAddress: string;
  maxPowerW: number;
  status: ConnectionApplication['status'];
  createdAt: Date;
  deadline: Deadline | null;
}

function deadlineInput(a: ConnectionApplication) {
  return {
    status: a.status,
    submittedDay: moscowDay(a.submittedAt),
    dataRequestedDay: a.dataRequestedAt ? moscowDay(a.dataRequestedAt) : null,
    payBy: a.payBy,
    worksDue: a.worksDue,
  };
}

/** The calendar around today that any running deadline may need (the longest runs six months). */
export async function calendarAround(now: Date) {
  const today = moscowDay(now);
  return loadWorkCalendar(addCalendarDays(today, -400), addCalendarDays(today, 400));
}

export async function listApplications(scope: Scope, now = new Date()): Promise<ApplicationListItem[]> {
  const rows = await db()
    .select()
    .from(connectionApplications)
    .where(scopeCondition(scope))
    .orderBy(desc(connectionApplications.createdAt))
    .limit(200);
  const calendar = await calendarAround(now);
  const today = moscowDay(now);
  return rows.map((a) => ({
    id: a.id,
    number: a.number,
    objectName: a.objectName,
    objectAddress: a.objectAddress,
    maxPowerW: a.maxPowerW,
    status: a.status,
    createdAt: a.createdAt,
    deadline: runningDeadlines(deadlineInput(a), today, calendar)[0] ?? null,
  }));
}

export interface ApplicationDetail extends ConnectionApplication {
  accountNumber: string;
  events: { kind: ConnectionEventKind; note: string | null; documentSha256: string | null; at: Date }[];
  documents: { id: string; kind: DocumentKind; fileName: string }[];
  deadlines: Deadline[];
  pendingPaymentId: string | null;
  creditedParts: number[];
}

/** The application with its timeline, documents and running deadlines, within the reader's scope. */
export async function applicationDetail(id: string, scope: Scope, now = new Date()): Promise<ApplicationDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select({ a: connectionApplications, accountNumber: accounts.number })
    .from(connectionApplications)
    .innerJoin(accounts, eq(accounts.id, connectionApplications.accountId))
    .where(and(eq(connectionApplications.id, id), scopeCondition(scope)));
  if (!row) return null;
  const [events, documents, pending, calendar, credited] = await Promise.all([
    db()
      .select({
        kind: connectionEvents.kind,
        note: connectionEvents.note,
        documentSha256: connectionEvents.documentSha256,
        at: connectionEvents.at,
      })
      .from(connectionEvents)
      .where(eq(connectionEvents.applicationId, id))
      .orderBy(asc(connectionEvents.at), asc(connectionEvents.id)),
    db()
      .select({ id: storedFiles.id, kind: connectionDocuments.kind, fileName: storedFiles.fileName })
      .from(connectionDocuments)
      .innerJoin(storedFiles, eq(storedFiles.id, connectionDocuments.fileId))
      .where(eq(connectionDocuments.applicationId, id))
      .orderBy(asc(connectionDocuments.createdAt)),
    db()
      .select({ id: payments.id })
      .from(connectionPayments)
      .innerJoin(payments, eq(payments.id, connectionPayments.paymentId))
      .where(and(eq(connectionPayments.applicationId, id), eq(payments.status, 'pending')))
      .orderBy(desc(payments.createdAt))
      .limit(1),
    calendarAround(now),
    db()
      .select({ part: connectionPayments.part })
      .from(connectionPayments)
      .where(and(eq(connectionPayments.applicationId, id), isNotNull(connectionPayments.creditedAt))),
  ]);
  return {
    ...row.a,
    accountNumber: row.accountNumber,
    events: events.map((e) => ({ ...e, kind: e.kind as ConnectionEventKind })),
    documents: documents.map((d) => ({ ...d, kind: d.kind as DocumentKind })),
    deadlines: runningDeadlines(deadlineInput(row.a), moscowDay(now), calendar),
    pendingPaymentId: pending[0]?.id ?? null,
    creditedParts: credited.map((c) => c.part),
  };
}

/** Which stored file of an application a reader may open: an uploaded document or a posted PDF. */
export async function applicationFile(
  applicationId: string,
  fileId: string,
  scope: Scope,
): Promise<{ fileId: string; purpose: string } | null> {
  if (!isUuid(applicationId) || !isUuid(fileId)) return null;
  const [app] = await db()
    .select()
    .from(connectionApplications)
    .where(and(eq(connectionApplications.id, applicationId), scopeCondition(scope)));
  if (!app) return null;
  if ([app.offerFileId, app.tuFileId, app.actFileId].includes(fileId)) {
    return { fileId, purpose: CONNECTION_ISSUED_PURPOSE };
  }
  const [doc] = await db()
    .select({ fileId: connectionDocuments.fileId })
    .from(connectionDocuments)
    .where(and(eq(connectionDocuments.applicationId, applicationId), eq(connectionDocuments.fileId, fileId)));
  return doc ? { fileId: doc.fileId, purpose: CONNECTION_DOCUMENT_PURPOSE } : null;
}
