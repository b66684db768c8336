import 'server-only';
import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, accountUsers, auditLog, users } from '@/db/schema';
import { likePattern } from '@/lib/content/outages';
import { toCsv } from '@/lib/readings/csv';
import { isCalendarDay } from '@/lib/validation/calendar';
import { listParams, searchText } from '@/lib/http/list-params';
import { createParser } from 'nuqs/server';

// The audit log as staff read it: filtered by who acted, which account it concerns, the kind of
// event and the Moscow day; newest first; exported as CSV. Read-only: nothing here writes to it,
// except the line that records an export.

export interface AuditFilter {
  /** Part of the actor's e-mail or name. */
  person?: string;
  /** An account number: events about the account and about the users linked to it. */
  account?: string;
  /** An action or its family: `payment` matches `payment.paid`, `payment.started`… */
  kind?: string;
  /** Moscow days, `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  details: unknown;
}

const moscowMidnight = (day: string) => new Date(`${day}T00:00:00+03:00`);

/** A parameter trimmed and cut to `max` characters, kept only when `valid` accepts it. */
const checked = (max: number, valid: (text: string) => boolean) =>
  createParser({
    parse: (v) => {
      const text = v.trim().slice(0, max);
      return text && valid(text) ? text : null;
    },
    serialize: (v) => v,
  });
const calendarDay = checked(10, isCalendarDay);

/**
 * The audit page's query string: the filter and the cursor of the next (older) page, the id of the
 * last line shown. The export reads the same filter.
 */
export const auditListParams = listParams('/admin/audit', {
  person: searchText(100),
  account: createParser({ parse: (v) => v.trim().slice(0, 12).replace(/\D/g, '') || null, serialize: (v) => v }),
  kind: checked(60, (v) => /^[a-z_.]+$/.test(v)),
  from: calendarDay,
  to: calendarDay,
  before: createParser({ parse: (v) => (/^\d{1,18}$/.test(v) ? Number(v) : null), serialize: String }),
});

/** The filter the parsed query string asks for (the cursor aside). */
export function auditFilterOf(params: Omit<AuditFilterParams, 'before'>): AuditFilter {
  return {
    person: params.person ?? undefined,
    account: params.account ?? undefined,
    kind: params.kind ?? undefined,
    from: params.from ?? undefined,
    to: params.to ?? undefined,
  };
}

type AuditFilterParams = ReturnType<typeof auditListParams.parse>;

/** Reads a filter from a query string, dropping what is not well-formed. */
export function parseAuditFilter(params: URL | URLSearchParams | Record<string, string | undefined>): AuditFilter {
  return auditFilterOf(auditListParams.parse(params));
}

async function conditions(filter: AuditFilter): Promise<SQL | undefined | null> {
  const parts: (SQL | undefined)[] = [];
  if (filter.person) {
    const pattern = likePattern(filter.person);
    parts.push(or(ilike(users.email, pattern), ilike(users.fullName, pattern)));
  }
  if (filter.account) {
    const [account] = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.number, filter.account));
    if (!account) return null; // no such account: nothing can match
    const linked = await db()
      .select({ userId: accountUsers.userId })
      .from(accountUsers)
      .where(eq(accountUsers.accountId, account.id));
    const userIds = linked.map((r) => r.userId);
    parts.push(
      or(
        and(eq(auditLog.subjectType, 'account'), eq(auditLog.subjectId, account.id)),
        sql`${auditLog.details}->>'accountId' = ${account.id}`,
        userIds.length ? and(eq(auditLog.subjectType, 'user'), inArray(auditLog.subjectId, userIds)) : undefined,
        userIds.length ? inArray(auditLog.actorUserId, userIds) : undefined,
      ),
    );
  }
  if (filter.kind) {
    parts.push(
      or(eq(auditLog.action, filter.kind), ilike(auditLog.action, `${likePattern(filter.kind).slice(1, -1)}.%`)),
    );
  }
  if (filter.from) parts.push(gte(auditLog.at, moscowMidnight(filter.from)));
  if (filter.to) parts.push(lt(auditLog.at, new Date(moscowMidnight(filter.to).getTime() + 86_400_000)));
  return and(...parts);
}

/** One page of events, newest first; `before` is the id of the last row of the previous page. */
export async function listAuditEvents(
  filter: AuditFilter,
  options: { limit?: number; before?: number } = {},
): Promise<AuditRow[]> {
  const where = await conditions(filter);
  if (where === null) return [];
  const limit = Math.min(options.limit ?? 100, 10_000);
  return db()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorName: users.fullName,
      actorEmail: users.email,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      ip: sql<string | null>`host(${auditLog.ip})`,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(where, options.before ? lt(auditLog.id, options.before) : undefined))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** The distinct kinds of events recorded, for the filter's list. */
export async function listAuditKinds(): Promise<string[]> {
  const rows = await db().selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

const AUDIT_EXPORT_LIMIT = 10_000;

const moscow = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** The filtered events as CSV for Excel (formula-looking cells neutralised by lib/readings/csv). */
export async function auditCsv(filter: AuditFilter): Promise<{ csv: string; rows: number }> {
  const rows = await listAuditEvents(filter, { limit: AUDIT_EXPORT_LIMIT });
  const csv = toCsv(
    ['Время (МСК)', 'Событие', 'Кто', 'E-mail', 'Объект', 'Идентификатор', 'IP', 'Подробности'],
    rows.map((r) => [
      moscow.format(r.at),
      r.action,
      r.actorName,
      r.actorEmail,
      r.subjectType,
      r.subjectId,
      r.ip,
      r.details === null || r.details === undefined ? '' : JSON.stringify(r.details),
    ]),
  );
  return { csv, rows: rows.length };
}
