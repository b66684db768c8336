import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db/client';
import type { AppealStatus, AppealTopic } from '@/db/enums';
import { accounts, appeals, appealTemplates, appealTopicDeadlines, users } from '@/db/schema';
import { type ActionResult, type FieldErrors, fail, succeed } from '@/lib/actions/result';
import { rolesByDoor } from '@/lib/auth/login-doors';
import type { SessionUser } from '@/lib/auth/session';
import { isUniqueViolation } from '@/lib/db-errors';
import { moscowDay } from '@/lib/format/dates';
import { audit, type AuditAction } from '@/lib/security/audit';
import { addMessage, checkAttachments } from './appeal-messages';
import type { AppealFileField } from './appeal-schemas';
import { isOverdue, queueAnswerLetter } from './appeals';

// Staff's side of appeals: the queue by deadline, assignment, answers (each one a letter), internal
// notes, templates, the deadlines per topic and the monthly statistics. Every write is audited in
// its own transaction. A guest's appeal is not here until its e-mail is confirmed.

type Ctx = { ip: string; origin: string; now?: Date };

export interface StaffAppealRow {
  id: string;
  number: string;
  topic: AppealTopic;
  status: AppealStatus;
  dueOn: string;
  createdAt: Date;
  appellantName: string;
  accountNumber: string | null;
  assigneeName: string | null;
  overdue: boolean;
}

const QUEUE_RANK = { open: 0, answered: 1, closed: 2 } as const;

/** Waiting for staff first (overdue ones at the top), by last day; then answered, then closed. */
export async function staffAppealQueue(
  options: { statuses?: readonly AppealStatus[]; now?: Date } = {},
): Promise<StaffAppealRow[]> {
  const today = moscowDay(options.now ?? new Date());
  const statuses = (options.statuses ?? ['open', 'answered', 'closed']).filter(
    (s) => s !== 'awaiting_email_confirmation',
  );
  if (!statuses.length) return [];
  const assignee = sql<string | null>`(select full_name from users s where s.id = ${appeals.assigneeId})`;
  const rows = await db()
    .select({
      id: appeals.id,
      number: appeals.number,
      topic: appeals.topic,
      status: appeals.status,
      dueOn: appeals.dueOn,
      createdAt: appeals.createdAt,
      userName: users.fullName,
      guestName: appeals.guestName,
      accountNumber: accounts.number,
      guestAccountNumber: appeals.guestAccountNumber,
      assigneeName: assignee,
    })
    .from(appeals)
    .leftJoin(users, eq(users.id, appeals.userId))
    .leftJoin(accounts, eq(accounts.id, appeals.accountId))
    .where(inArray(appeals.status, statuses))
    .orderBy(asc(appeals.dueOn), asc(appeals.createdAt))
    .limit(500);
  return rows
    .map((r) => ({
      id: r.id,
      number: r.number,
      topic: r.topic,
      status: r.status,
      dueOn: r.dueOn!,
      createdAt: r.createdAt,
      appellantName: r.userName ?? r.guestName ?? '',
      accountNumber: r.accountNumber ?? r.guestAccountNumber,
      assigneeName: r.assigneeName,
      overdue: isOverdue(r, today),
    }))
    .sort((x, y) => {
      if (x.overdue !== y.overdue) return x.overdue ? -1 : 1;
      const rank = QUEUE_RANK[x.status as keyof typeof QUEUE_RANK] - QUEUE_RANK[y.status as keyof typeof QUEUE_RANK];
      return rank || x.dueOn.localeCompare(y.dueOn);
    });
}

export async function staffMembers(): Promise<{ id: string; fullName: string }[]> {
  return db()
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(and(inArray(users.role, [...rolesByDoor.staff]), eq(users.status, 'active')))
    .orderBy(asc(users.fullName));
}

/** Every staff write leaves its line in the audit log, in the transaction of the write. */
function staffAudit(
  tx: Tx,
  staff: SessionUser,
  ctx: Ctx,
  action: AuditAction,
  subject: string | { type: string; id: string },
  details?: Record<string, unknown>,
) {
  const { type, id } = typeof subject === 'string' ? { type: 'appeal', id: subject } : subject;
  return audit({ action, actorUserId: staff.id, subjectType: type, subjectId: id, ip: ctx.ip, details }, tx);
}

async function visibleAppeal(tx: Tx, id: string) {
  const [a] = await tx
    .select()
    .from(appeals)
    .where(and(eq(appeals.id, id), sql`${appeals.status} <> 'awaiting_email_confirmation'`))
    .for('update');
  return a ?? null;
}

export async function assignAppeal(
  staff: SessionUser,
  input: { appealId: string; assigneeId?: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  if (input.assigneeId) {
    const members = await staffMembers();
    if (!members.some((m) => m.id === input.assigneeId)) {
      return fail('Проверьте выделенные поля', { assigneeId: 'Выберите сотрудника из списка' });
    }
  }
  return db().transaction(async (tx) => {
    const a = await visibleAppeal(tx, input.appealId);
    if (!a) return fail('Обращение не найдено — обновите страницу');
    await tx
      .update(appeals)
      .set({ assigneeId: input.assigneeId ?? null, updatedAt: now })
      .where(eq(appeals.id, a.id));
    await staffAudit(tx, staff, ctx, 'appeal.assigned', a.id, {
      assigneeId: input.assigneeId ?? null,
      before: a.assigneeId,
    });
    return succeed({});
  });
}

/** An answer, with files if any: shown in the thread, sent by letter; the appeal waits for the appellant. */
export async function answerAppeal(
  staff: SessionUser,
  input: { appealId: string; text: string } & Partial<Record<AppealFileField, unknown>>,
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  const errors: FieldErrors = {};
  const files = await checkAttachments(input, errors);
  if (Object.keys(errors).length) return fail('Проверьте выделенные поля', errors);
  return db().transaction(async (tx) => {
    const a = await visibleAppeal(tx, input.appealId);
    if (!a) return fail('Обращение не найдено — обновите страницу');
    if (a.status === 'closed') return fail('Обращение закрыто заявителем — ответить в нём нельзя.');
    await addMessage(tx, { appealId: a.id, author: 'staff', authorUserId: staff.id, body: input.text, files, at: now });
    await tx
      .update(appeals)
      .set({
        status: 'answered',
        firstAnsweredAt: a.firstAnsweredAt ?? now,
        assigneeId: a.assigneeId ?? staff.id,
        updatedAt: now,
      })
      .where(eq(appeals.id, a.id));
    await queueAnswerLetter(tx, a, input.text, ctx.origin);
    await staffAudit(tx, staff, ctx, 'appeal.answered', a.id, {
      number: a.number,
      late: a.dueOn !== null && moscowDay(now) > a.dueOn,
      files: files.length,
    });
    return succeed({});
  });
}

/** A note for colleagues: never shown to the appellant, sends no letter, changes no status. */
export async function addInternalNote(
  staff: SessionUser,
  input: { appealId: string; text: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    const a = await visibleAppeal(tx, input.appealId);
    if (!a) return fail('Обращение не найдено — обновите страницу');
    await addMessage(tx, {
      appealId: a.id,
      author: 'staff',
      authorUserId: staff.id,
      internal: true,
      body: input.text,
      at: now,
    });
    await staffAudit(tx, staff, ctx, 'appeal.note_added', a.id);
    return succeed({});
  });
}

// ─── Templates and deadlines ───────────────────────────────────────────────────

export async function listTemplates() {
  return db().select().from(appealTemplates).orderBy(asc(appealTemplates.title));
}

export async function saveTemplate(
  staff: SessionUser,
  input: { id?: string; title: string; body: string },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  try {
    return await db().transaction(async (tx) => {
      let id = input.id;
      if (id) {
        const updated = await tx
          .update(appealTemplates)
          .set({ title: input.title, body: input.body, updatedAt: now })
          .where(eq(appealTemplates.id, id))
          .returning({ id: appealTemplates.id });
        if (!updated.length) return fail('Шаблон не найден — обновите страницу');
      } else {
        const [row] = await tx
          .insert(appealTemplates)
          .values({ title: input.title, body: input.body, createdAt: now, updatedAt: now })
          .returning({ id: appealTemplates.id });
        id = row!.id;
      }
      await staffAudit(
        tx,
        staff,
        ctx,
        'appeal_template.saved',
        { type: 'appeal_template', id },
        { title: input.title },
      );
      return succeed({});
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return fail('Проверьте выделенные поля', { title: 'Шаблон с таким названием уже есть' });
    }
    throw error;
  }
}

export async function deleteTemplate(staff: SessionUser, input: { id: string }, ctx: Ctx): Promise<ActionResult> {
  return db().transaction(async (tx) => {
    const deleted = await tx
      .delete(appealTemplates)
      .where(eq(appealTemplates.id, input.id))
      .returning({ title: appealTemplates.title });
    if (!deleted.length) return fail('Шаблон не найден — обновите страницу');
    await staffAudit(
      tx,
      staff,
      ctx,
      'appeal_template.deleted',
      { type: 'appeal_template', id: input.id },
      { title: deleted[0]!.title },
    );
    return succeed({});
  });
}

/** Staff change a topic's answer time; appeals already open keep the deadline they were given. */
export async function saveTopicDeadline(
  staff: SessionUser,
  input: { topic: AppealTopic; workingDays: number },
  ctx: Ctx,
): Promise<ActionResult> {
  const now = ctx.now ?? new Date();
  return db().transaction(async (tx) => {
    await tx
      .insert(appealTopicDeadlines)
      .values({ topic: input.topic, workingDays: input.workingDays, updatedBy: staff.id, updatedAt: now })
      .onConflictDoUpdate({
        target: appealTopicDeadlines.topic,
        set: { workingDays: input.workingDays, updatedBy: staff.id, updatedAt: now },
      });
    await staffAudit(
      tx,
      staff,
      ctx,
      'appeal_deadline.saved',
      { type: 'appeal_topic', id: input.topic },
      { workingDays: input.workingDays },
    );
    return succeed({});
  });
}

// ─── Statistics ────────────────────────────────────────────────────────────────

export interface MonthStats {
  /** First day of the month (Moscow), `YYYY-MM-01`. */
  month: string;
  received: number;
  answeredInTime: number;
  overdue: number;
}

/**
 * Per month of receipt (the day the appeal opened, Moscow): received; answered by its last day;
 * overdue — answered late, or still unanswered after its last day.
 */
export async function monthlyStats(now = new Date(), months = 12): Promise<MonthStats[]> {
  const today = moscowDay(now);
  const openedDay = sql`(${appeals.openedAt} at time zone 'Europe/Moscow')::date`;
  const answeredDay = sql`(${appeals.firstAnsweredAt} at time zone 'Europe/Moscow')::date`;
  const month = sql<string>`to_char(date_trunc('month', ${openedDay}), 'YYYY-MM-DD')`;
  const rows = await db()
    .select({
      month,
      received: sql<number>`count(*)::int`,
      answeredInTime: sql<number>`(count(*) filter (where ${answeredDay} <= ${appeals.dueOn}))::int`,
      overdue: sql<number>`(count(*) filter (where ${answeredDay} > ${appeals.dueOn} or (${appeals.firstAnsweredAt} is null and ${appeals.dueOn} < ${today}::date)))::int`,
    })
    .from(appeals)
    .where(sql`${appeals.openedAt} is not null`)
    .groupBy(month)
    .orderBy(sql`1 desc`)
    .limit(months);
  return rows;
}
