import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import type { AppealStatus, AppealTopic } from '@/db/enums';
import {
  accounts,
  type Appeal,
  appealAttachments,
  appealMessages,
  appeals,
  appealTopicDeadlines,
  storedFiles,
  users,
} from '@/db/schema';
import { type ActionFailure, type ActionResult, type FieldErrors, fail, succeed } from '@/lib/actions/result';
import { canAccessAccount, type SessionUser } from '@/lib/auth/session';
import { loadWorkCalendar } from '@/lib/calendar/work-calendar';
import { addCalendarDays, addWorkingDays } from '@/lib/calendar/working-days';
import { queueLetter } from '@/lib/email/queue-letter';
import { renderAppealConfirm, renderAppealUpdate } from '@/lib/email/templates';
import { moscowDay } from '@/lib/format/dates';
import { audit } from '@/lib/security/audit';
import { derivedKey } from '@/lib/security/keys';
import { hitRateLimit } from '@/lib/security/rate-limit';
import { isUuid } from '@/lib/validation/ids';
import { addMessage, checkAttachments } from './appeal-messages';
import {
  type AppealFileField,
  type CabinetAppealInput,
  DEFAULT_APPEAL_WORKING_DAYS,
  type GuestAppealInput,
} from './appeal-schemas';

// Appeals (обращения) from both cabinets and from guests: a number at once, an answer deadline in
// working days of the production calendar, a thread with staff. Staff's side is lib/support/appeals-staff.ts.

/** Open appeals one appellant may have at once: plenty for real questions, a ceiling for a loop. */
const MAX_OPEN_APPEALS = 30;
/** Guest appeals from one address or to one e-mail per hour. */
const GUEST_APPEALS_PER_HOUR = { limit: 5, windowSeconds: 60 * 60 };

/** Whose appeals a reader sees: a household's own, a company's, or a guest's one appeal. */
export type AppealScope =
  { kind: 'person'; userId: string } | { kind: 'company'; companyId: string } | { kind: 'guest'; appealId: string };

export function appealScopeOf(user: SessionUser): AppealScope {
  if (user.role === 'company_user' && user.companyId) return { kind: 'company', companyId: user.companyId };
  return { kind: 'person', userId: user.id };
}

function scopeCondition(scope: AppealScope): SQL | undefined {
  if (scope.kind === 'company') return eq(appeals.companyId, scope.companyId);
  if (scope.kind === 'person') return and(eq(appeals.userId, scope.userId), isNull(appeals.companyId));
  return and(eq(appeals.id, scope.appealId), isNull(appeals.userId));
}

// ─── The guest's signed key ────────────────────────────────────────────────────

function signId(id: string): string {
  return createHmac('sha256', derivedKey('appeal-link')).update(id).digest('base64url');
}

/** `<appeal id>.<HMAC>`: the guest's key to one appeal, in the letter's link. */
function guestAppealKey(id: string): string {
  return `${id}.${signId(id)}`;
}

/** The appeal id a key opens, or null for a forged or mangled key. */
export function readGuestAppealKey(key: string): string | null {
  const [id, signature, ...rest] = key.split('.');
  if (!id || !signature || rest.length || !isUuid(id)) return null;
  const expected = Buffer.from(signId(id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** The appeal id of a guest key as it arrives in a route segment (still percent-encoded, maybe badly). */
export function readGuestAppealParam(param: string): string | null {
  try {
    return readGuestAppealKey(decodeURIComponent(param));
  } catch {
    return null;
  }
}

export const guestAppealPath = (id: string) => `/support/appeals/${guestAppealKey(id)}`;

// ─── Deadlines ─────────────────────────────────────────────────────────────────

export async function topicWorkingDays(executor: Db | Tx = db()): Promise<Record<AppealTopic, number>> {
  const rows = await executor.select().from(appealTopicDeadlines);
  const out = { ...DEFAULT_APPEAL_WORKING_DAYS };
  for (const r of rows) out[r.topic] = r.workingDays;
  return out;
}

/** The last day to answer: the N-th working day after the day the appeal opened (Moscow). */
async function appealDueOn(topic: AppealTopic, openedAt: Date, executor: Db | Tx = db()) {
  const days = (await topicWorkingDays(executor))[topic];
  const day = moscowDay(openedAt);
  const calendar = await loadWorkCalendar(day, addCalendarDays(day, 120), executor);
  return addWorkingDays(day, days, calendar);
}

/** Overdue: still waiting for staff (`open`) after its last day. */
export function isOverdue(a: { status: AppealStatus; dueOn: string | null }, today: string): boolean {
  return a.status === 'open' && a.dueOn !== null && a.dueOn < today;
}

const numberSql = (now: Date) =>
  sql<string>`'О-' || ${moscowDay(now).slice(0, 4)} || '-' || lpad(nextval('appeal_number_seq')::text, 6, '0')`;

// ─── Filing ────────────────────────────────────────────────────────────────────

export interface FiledAppeal {
  appealId: string;
  number: string;
  dueOn: string | null;
}

/** An appeal from a cabinet: open at once, with its number and deadline. */
export async function fileCabinetAppeal(
  user: SessionUser,
  input: CabinetAppealInput,
  ctx: { ip: string; now?: Date },
): Promise<ActionResult<FiledAppeal>> {
  const now = ctx.now ?? new Date();
  const scope = appealScopeOf(user);
  const errors: FieldErrors = {};
  if (input.accountId && !(await canAccessAccount(user, input.accountId))) {
    errors.accountId = 'Выберите один из своих лицевых счетов';
  }
  const files = await checkAttachments(input, errors);
  if (Object.keys(errors).length) return fail('Проверьте выделенные поля', errors);
  const open = await db()
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(scopeCondition(scope), eq(appeals.status, 'open')))
    .limit(MAX_OPEN_APPEALS);
  if (open.length >= MAX_OPEN_APPEALS) {
    return fail(`У вас уже ${MAX_OPEN_APPEALS} обращений на рассмотрении. Дождитесь ответа на них`);
  }
  const created = await db().transaction(async (tx) => {
    const dueOn = await appealDueOn(input.topic, now, tx);
    const [row] = await tx
      .insert(appeals)
      .values({
        number: numberSql(now),
        topic: input.topic,
        status: 'open',
        userId: user.id,
        companyId: scope.kind === 'company' ? scope.companyId : null,
        accountId: input.accountId ?? null,
        openedAt: now,
        dueOn,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: appeals.id, number: appeals.number, dueOn: appeals.dueOn });
    await addMessage(tx, {
      appealId: row!.id,
      author: 'appellant',
      authorUserId: user.id,
      body: input.text,
      files,
      at: now,
    });
    await audit(
      {
        action: 'appeal.filed',
        actorUserId: user.id,
        subjectType: 'appeal',
        subjectId: row!.id,
        ip: ctx.ip,
        details: { number: row!.number, topic: input.topic, files: files.length },
      },
      tx,
    );
    return row!;
  });
  return succeed({ appealId: created.id, number: created.number, dueOn: created.dueOn });
}

/** A guest's appeal: saved and numbered, but staff see it only once the e-mail is confirmed. */
export async function fileGuestAppeal(
  input: GuestAppealInput,
  ctx: { ip: string; origin: string; now?: Date },
): Promise<ActionResult<{ number: string }>> {
  const now = ctx.now ?? new Date();
  const errors: FieldErrors = {};
  const files = await checkAttachments(input, errors);
  if (Object.keys(errors).length) return fail('Проверьте выделенные поля', errors);
  const [byIp, byEmail] = await Promise.all([
    hitRateLimit(`appeal:ip:${ctx.ip}`, GUEST_APPEALS_PER_HOUR, now),
    hitRateLimit(`appeal:email:${input.email}`, GUEST_APPEALS_PER_HOUR, now),
  ]);
  if (!byIp.allowed || !byEmail.allowed) {
    return fail('Слишком много обращений подряд. Попробуйте через час или войдите в личный кабинет.');
  }
  const created = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(appeals)
      .values({
        number: numberSql(now),
        topic: input.topic,
        status: 'awaiting_email_confirmation',
        guestName: input.name,
        guestEmail: input.email,
        guestAccountNumber: input.accountNumber ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: appeals.id, number: appeals.number });
    await addMessage(tx, {
      appealId: row!.id,
      author: 'appellant',
      authorUserId: null,
      body: input.text,
      files,
      at: now,
    });
    await queueLetter(tx, input.email, (utilityName) =>
      renderAppealConfirm({
        utilityName,
        fullName: input.name,
        number: row!.number,
        link: `${ctx.origin}${guestAppealPath(row!.id)}`,
      }),
    );
    await audit(
      {
        action: 'appeal.filed',
        subjectType: 'appeal',
        subjectId: row!.id,
        ip: ctx.ip,
        details: { number: row!.number, topic: input.topic, guest: true, files: files.length },
      },
      tx,
    );
    return row!;
  });
  return succeed({ number: created.number });
}

/** The guest opened the letter's link and confirmed: the appeal reaches staff and its clock starts. */
export async function confirmGuestAppeal(
  key: string,
  ctx: { ip: string; now?: Date },
): Promise<ActionResult<{ appealId: string }>> {
  const now = ctx.now ?? new Date();
  const id = readGuestAppealKey(key);
  if (!id) return fail('Ссылка недействительна. Откройте её из письма целиком.');
  return db().transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(appeals)
      .where(and(eq(appeals.id, id), isNull(appeals.userId)))
      .for('update');
    if (!a) return fail('Обращение не найдено.');
    if (a.status !== 'awaiting_email_confirmation') return succeed({ appealId: a.id });
    const dueOn = await appealDueOn(a.topic, now, tx);
    await tx.update(appeals).set({ status: 'open', openedAt: now, dueOn, updatedAt: now }).where(eq(appeals.id, a.id));
    await audit({ action: 'appeal.confirmed', subjectType: 'appeal', subjectId: a.id, ip: ctx.ip }, tx);
    return succeed({ appealId: a.id });
  });
}

// ─── Reading ───────────────────────────────────────────────────────────────────

export interface AppealListItem {
  id: string;
  number: string;
  topic: AppealTopic;
  status: AppealStatus;
  dueOn: string | null;
  createdAt: Date;
  accountNumber: string | null;
}

export async function listAppeals(scope: AppealScope): Promise<AppealListItem[]> {
  return db()
    .select({
      id: appeals.id,
      number: appeals.number,
      topic: appeals.topic,
      status: appeals.status,
      dueOn: appeals.dueOn,
      createdAt: appeals.createdAt,
      accountNumber: accounts.number,
    })
    .from(appeals)
    .leftJoin(accounts, eq(accounts.id, appeals.accountId))
    .where(scopeCondition(scope))
    .orderBy(desc(appeals.createdAt))
    .limit(200);
}

export interface AppealMessageView {
  id: string;
  author: 'appellant' | 'staff';
  authorName: string | null;
  internal: boolean;
  body: string;
  createdAt: Date;
  files: { id: string; fileName: string }[];
}

export interface AppealDetail extends Appeal {
  accountNumber: string | null;
  appellantName: string;
  appellantEmail: string;
  assigneeName: string | null;
  messages: AppealMessageView[];
}

async function loadDetail(where: SQL | undefined, withInternal: boolean): Promise<AppealDetail | null> {
  const [row] = await db()
    .select({ a: appeals, accountNumber: accounts.number, userName: users.fullName, userEmail: users.email })
    .from(appeals)
    .leftJoin(accounts, eq(accounts.id, appeals.accountId))
    .leftJoin(users, eq(users.id, appeals.userId))
    .where(where);
  if (!row) return null;
  const messages = await db()
    .select({
      id: appealMessages.id,
      author: appealMessages.author,
      authorName: users.fullName,
      internal: appealMessages.internal,
      body: appealMessages.body,
      createdAt: appealMessages.createdAt,
    })
    .from(appealMessages)
    .leftJoin(users, eq(users.id, appealMessages.authorUserId))
    .where(and(eq(appealMessages.appealId, row.a.id), withInternal ? undefined : eq(appealMessages.internal, false)))
    .orderBy(asc(appealMessages.createdAt), asc(appealMessages.id));
  const files = messages.length
    ? await db()
        .select({ messageId: appealAttachments.messageId, id: storedFiles.id, fileName: storedFiles.fileName })
        .from(appealAttachments)
        .innerJoin(storedFiles, eq(storedFiles.id, appealAttachments.fileId))
        .where(
          inArray(
            appealAttachments.messageId,
            messages.map((m) => m.id),
          ),
        )
    : [];
  let assigneeName: string | null = null;
  if (row.a.assigneeId) {
    const [s] = await db().select({ name: users.fullName }).from(users).where(eq(users.id, row.a.assigneeId));
    assigneeName = s?.name ?? null;
  }
  return {
    ...row.a,
    accountNumber: row.accountNumber ?? row.a.guestAccountNumber,
    appellantName: row.userName ?? row.a.guestName ?? '',
    appellantEmail: row.userEmail ?? row.a.guestEmail ?? '',
    assigneeName,
    messages: messages.map((m) => ({
      ...m,
      // Appellants see «Специалист», never a staff member's name.
      authorName: m.author === 'staff' && !withInternal ? null : m.authorName,
      files: files.filter((f) => f.messageId === m.id).map(({ id, fileName }) => ({ id, fileName })),
    })),
  };
}

/** The appeal and its thread without internal notes, within the reader's scope; another's is null. */
export async function appealForAppellant(id: string, scope: AppealScope): Promise<AppealDetail | null> {
  if (!isUuid(id)) return null;
  return loadDetail(and(eq(appeals.id, id), scopeCondition(scope)), false);
}

/** Everything, internal notes included; a guest's appeal only once its e-mail is confirmed. */
export async function appealForStaff(id: string): Promise<AppealDetail | null> {
  if (!isUuid(id)) return null;
  return loadDetail(and(eq(appeals.id, id), sql`${appeals.status} <> 'awaiting_email_confirmation'`), true);
}

/** A file of an appeal's thread the reader may open (never one of an internal note). */
export async function appealFileId(
  appealId: string,
  fileId: string,
  scope: AppealScope | { kind: 'staff' },
): Promise<string | null> {
  if (!isUuid(appealId) || !isUuid(fileId)) return null;
  const [row] = await db()
    .select({ fileId: appealAttachments.fileId })
    .from(appealAttachments)
    .innerJoin(appealMessages, eq(appealMessages.id, appealAttachments.messageId))
    .innerJoin(appeals, eq(appeals.id, appealMessages.appealId))
    .where(
      and(
        eq(appeals.id, appealId),
        eq(appealAttachments.fileId, fileId),
        scope.kind === 'staff'
          ? sql`${appeals.status} <> 'awaiting_email_confirmation'`
          : and(scopeCondition(scope), eq(appealMessages.internal, false)),
      ),
    );
  return row?.fileId ?? null;
}

// ─── The appellant's replies and closing ──────────────────────────────────────

/** The appellant's appeal locked for a write, or the refusal (`closed`: the words for a closed one). */
async function lockForAppellant(
  tx: Tx,
  appealId: string,
  scope: AppealScope,
  closed: string,
): Promise<{ id: string } | ActionFailure> {
  const [a] = await tx
    .select({ id: appeals.id, status: appeals.status })
    .from(appeals)
    .where(and(eq(appeals.id, appealId), scopeCondition(scope)))
    .for('update');
  if (!a) return fail('Обращение не найдено — обновите страницу');
  if (a.status === 'closed') return fail(closed);
  if (a.status === 'awaiting_email_confirmation') return fail('Сначала подтвердите адрес электронной почты.');
  return { id: a.id };
}

/** The appellant writes again: an answered appeal goes back to staff (its deadline stays). */
export async function replyAsAppellant(
  scope: AppealScope,
  actorUserId: string | null,
  input: { appealId: string; text: string } & Partial<Record<AppealFileField, unknown>>,
  ctx: { now?: Date },
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  const errors: FieldErrors = {};
  const files = await checkAttachments(input, errors);
  if (Object.keys(errors).length) return fail('Проверьте выделенные поля', errors);
  return db().transaction(async (tx) => {
    const a = await lockForAppellant(
      tx,
      input.appealId,
      scope,
      'Обращение закрыто. Напишите новое, если вопрос остался.',
    );
    if (!('id' in a)) return a;
    await addMessage(tx, {
      appealId: a.id,
      author: 'appellant',
      authorUserId: actorUserId,
      body: input.text,
      files,
      at: now,
    });
    await tx.update(appeals).set({ status: 'open', updatedAt: now }).where(eq(appeals.id, a.id));
    return succeed({});
  });
}

/** The appellant closes the appeal and rates the answer (1–5). */
export async function closeAppeal(
  scope: AppealScope,
  actorUserId: string | null,
  input: { appealId: string; rating: number },
  ctx: { ip: string; now?: Date },
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    const a = await lockForAppellant(tx, input.appealId, scope, 'Обращение уже закрыто.');
    if (!('id' in a)) return a;
    await tx
      .update(appeals)
      .set({ status: 'closed', closedAt: now, rating: input.rating, updatedAt: now })
      .where(eq(appeals.id, a.id));
    await audit(
      {
        action: 'appeal.closed',
        actorUserId,
        subjectType: 'appeal',
        subjectId: a.id,
        ip: ctx.ip,
        details: { rating: input.rating },
      },
      tx,
    );
    return succeed({});
  });
}

// ─── Letters ───────────────────────────────────────────────────────────────────

/** The letter at each staff answer: to the cabinet user's login e-mail or the guest's address. */
export async function queueAnswerLetter(tx: Tx, a: Appeal, answer: string, origin: string): Promise<void> {
  let to = a.guestEmail;
  let name = a.guestName ?? '';
  let link = `${origin}${guestAppealPath(a.id)}`;
  if (a.userId) {
    const [u] = await tx
      .select({ email: users.email, fullName: users.fullName, role: users.role })
      .from(users)
      .where(eq(users.id, a.userId));
    if (!u) return;
    to = u.email;
    name = u.fullName;
    link = `${origin}${a.companyId ? '/lk' : '/fiz'}/appeals/${a.id}`;
  }
  if (!to) return;
  await queueLetter(tx, to, (utilityName) =>
    renderAppealUpdate({ utilityName, fullName: name, number: a.number, answer, link }),
  );
}
